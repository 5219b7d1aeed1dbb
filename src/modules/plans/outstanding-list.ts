/**
 * A committee's outstanding actions list as it goes on the committee's next
 * agenda (the "Outstanding actions" item): which actions show, pure, and the
 * frozen, public-safe rendering the committee module stores in the pack.
 * Open actions always show; a completed action shows on the first list
 * published after it was completed, marked as completed, then drops off.
 * Officers are named by their post, never a child; the text of actions and
 * updates goes through the committee's disclosure control as public text.
 */
import { londonDateOf } from '../../platform/clock';
import type { ComponentRendering } from '../../platform/components';
import type { Db } from '../../platform/db/client';
import { formatDate } from '../../platform/http/views';
import { allActions, type DocAction } from './document';
import { documentOf } from './document-service';
import { committeeKeyOf } from './plans-service';
import * as repo from './repository';
import { COMPLETE, DEFAULT_RAG_KEY, type RagKeyEntry, ragLabel } from './vocab';

type Selectable = Pick<DocAction, 'rag' | 'completedOn' | 'ragReviewedOn'>;

/** The date an action was completed (its completion date, else when it was last rated complete), or null when open. */
export function completedOnOf(a: Selectable): string | null {
  if (a.rag !== COMPLETE) return null;
  return a.completedOn ?? a.ragReviewedOn ?? null;
}

/**
 * The actions the next list shows: every open action, and the completed ones
 * not already shown as completed on the previous list, that is completed on
 * or after the London date the previous list was published (`previousListOn`;
 * null when this is the committee's first list, which shows them all). A
 * completed action with no date cannot be placed and shows only on a first list.
 */
export function actionsToShow<T extends Selectable>(
  actions: readonly T[],
  previousListOn: string | null,
): T[] {
  return actions.filter((a) => {
    if (a.rag !== COMPLETE) return true;
    if (previousListOn === null) return true;
    const done = completedOnOf(a);
    return done !== null && done >= previousListOn;
  });
}

export interface OutstandingRow {
  reference: string;
  action: string;
  /** The meeting and agenda item it came from. */
  arising: string;
  officer: string;
  targetDate: string | null;
  status: string;
  completedOn: string | null;
  latestUpdate: string | null;
}

export interface OutstandingList {
  committeeName: string;
  asAt: string;
  previousListOn: string | null;
  rows: OutstandingRow[];
}

function rowOf(a: DocAction, key: readonly RagKeyEntry[]): OutstandingRow {
  const done = completedOnOf(a);
  const arising = [a.dateAdded ? `Meeting of ${formatDate(a.dateAdded)}` : null, a.agendaItem]
    .filter(Boolean)
    .join(', ');
  return {
    reference: a.reference,
    action: a.action,
    arising,
    officer: [a.leadOfficer, ...(a.otherLeads ?? [])]
      .filter((l) => l !== null)
      .map((l) => l.jobTitle)
      .join('; '),
    targetDate: a.endDate,
    status: a.rag === COMPLETE ? 'Completed' : ragLabel(key, a.rag),
    completedOn: done,
    latestUpdate: a.latestUpdate ? `${formatDate(a.latestUpdate.date)}: ${a.latestUpdate.progress}` : null,
  };
}

/** The rows of the list, in reference order, from the committee's plan document. */
export function outstandingRows(
  actions: readonly DocAction[],
  key: readonly RagKeyEntry[],
  previousListOn: string | null,
): OutstandingRow[] {
  return actionsToShow(actions, previousListOn).map((a) => rowOf(a, key.length ? key : DEFAULT_RAG_KEY));
}

const esc = (text: string | null | undefined) =>
  (text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const cell = (v: string) => `<td class="govuk-table__cell">${v}</td>`;

/** The HTML of the list, every value escaped; headings start at h3. */
export function outstandingHtml(list: OutstandingList): string {
  const head = ['Reference', 'Action', 'Arising from', 'Officer', 'Target date', 'Status', 'Latest update']
    .map((h) => `<th scope="col" class="govuk-table__header">${h}</th>`)
    .join('');
  const intro = `<h3 class="govuk-heading-s">Outstanding actions of the ${esc(list.committeeName)}, as at ${esc(formatDate(list.asAt))}</h3>`;
  if (list.rows.length === 0) return `${intro}<p class="govuk-body">There are no outstanding actions.</p>`;
  const rows = list.rows
    .map(
      (r) =>
        `<tr class="govuk-table__row">${cell(esc(r.reference))}${cell(esc(r.action))}${cell(esc(r.arising))}` +
        `${cell(esc(r.officer))}${cell(r.targetDate ? esc(formatDate(r.targetDate)) : '')}` +
        `${cell(esc(r.completedOn ? `Completed on ${formatDate(r.completedOn)}` : r.status))}${cell(esc(r.latestUpdate))}</tr>`,
    )
    .join('');
  const note = list.previousListOn
    ? `<p class="govuk-body-s">Actions completed since the list of ${esc(formatDate(list.previousListOn))} are shown once, as completed; they are then removed from the list.</p>`
    : '';
  return (
    intro +
    note +
    `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Outstanding actions and their status</caption>` +
    `<thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead>` +
    `<tbody class="govuk-table__body">${rows}</tbody></table>`
  );
}

/**
 * The committee's outstanding actions list as it stands at `at`, for its
 * next agenda: frozen by the caller. `previousListAt` is when the committee's
 * previous list was published (null for its first). A committee with no list
 * yet gets an empty one. Public-safe: actions and posts, no child-level data.
 */
export async function outstandingActionsRendering(
  db: Db,
  organisationId: string,
  committeeName: string,
  options: { at: Date; previousListAt: Date | null },
): Promise<ComponentRendering> {
  const asAt = londonDateOf(options.at);
  const previousListOn = options.previousListAt ? londonDateOf(options.previousListAt) : null;
  const plan = await repo.committeePlan(db, organisationId, committeeKeyOf(committeeName));
  let rows: OutstandingRow[] = [];
  if (plan) {
    const doc = await documentOf(db, organisationId, plan, asAt);
    rows = outstandingRows(allActions(doc), doc.ragKey, previousListOn);
  }
  const list: OutstandingList = { committeeName, asAt, previousListOn, rows };
  return {
    title: `Outstanding actions, as at ${formatDate(asAt)}`,
    html: outstandingHtml(list),
    data: list,
    publicSafe: true,
  };
}
