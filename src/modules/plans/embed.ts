/**
 * A published plan snapshot as an embeddable component for committee papers
 * (src/platform/components.ts): a table of the plan's actions with their RAG
 * status, as the snapshot froze them. Snapshots hold no child-level data and
 * their counts are of actions, not people, so the rendering is public-safe.
 */
import type { ComponentRendering, EmbeddableComponentKind } from '../../platform/components';
import type { Db } from '../../platform/db/client';
import { escapeHtml } from '../../platform/http/escape';
import { formatDate } from '../../platform/http/views';
import { allActions } from './document';
import { getSnapshotForEmbedding, listPublishedSnapshots, type Snapshot } from './snapshots-service';
import { DEFAULT_RAG_KEY } from './vocab';

/** The HTML table of a snapshot, every value escaped. */
export function snapshotTableHtml(snapshot: Snapshot): string {
  const doc = snapshot.document;
  const key = doc.ragKey.length ? doc.ragKey : DEFAULT_RAG_KEY;
  const label = (code: string) => key.find((k) => k.code === code)?.label ?? code;
  const rows = allActions(doc)
    .map(
      (a) =>
        `<tr class="govuk-table__row"><td class="govuk-table__cell">${escapeHtml(a.reference)}</td>` +
        `<td class="govuk-table__cell">${escapeHtml(a.action)}</td>` +
        `<td class="govuk-table__cell">${escapeHtml(a.leadOfficer?.jobTitle)}</td>` +
        `<td class="govuk-table__cell">${a.endDate ? escapeHtml(formatDate(a.endDate)) : ''}</td>` +
        `<td class="govuk-table__cell">${escapeHtml(label(a.rag))}</td></tr>`,
    )
    .join('');
  const counts = key.map((k) => `${escapeHtml(k.label)}: ${doc.counts[k.code] ?? 0}`).join('; ');
  return (
    `<h3 class="govuk-heading-s">${escapeHtml(snapshot.planName)}, as at ${escapeHtml(formatDate(snapshot.asAt))} (snapshot ${snapshot.number})</h3>` +
    `<p class="govuk-body">Actions by status: ${counts}.</p>` +
    `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Actions of ${escapeHtml(snapshot.planName)} and their status</caption>` +
    '<thead class="govuk-table__head"><tr class="govuk-table__row">' +
    ['Reference', 'Action', 'Lead officer', 'Target date', 'Status']
      .map((h) => `<th scope="col" class="govuk-table__header">${h}</th>`)
      .join('') +
    `</tr></thead><tbody class="govuk-table__body">${rows}</tbody></table>`
  );
}

export async function planSnapshotRendering(
  db: Db,
  organisationId: string,
  snapshotId: string,
): Promise<ComponentRendering> {
  const snapshot = await getSnapshotForEmbedding(db, organisationId, snapshotId);
  return {
    title: `${snapshot.planName} (snapshot ${snapshot.number}, as at ${formatDate(snapshot.asAt)})`,
    html: snapshotTableHtml(snapshot),
    data: {
      snapshotId: snapshot.id,
      number: snapshot.number,
      asAt: snapshot.asAt,
      document: snapshot.document,
    },
    publicSafe: true,
  };
}

export const planSnapshotComponent: EmbeddableComponentKind = {
  kind: 'plans.snapshot',
  name: 'Improvement plan (a published snapshot)',
  choices: async (db, actor) =>
    (await listPublishedSnapshots(db, actor.organisationId)).map((s) => ({
      ref: s.id,
      label: `${s.planName}, snapshot ${s.number} as at ${formatDate(s.asAt)}`,
    })),
  render: planSnapshotRendering,
};
