/**
 * The missing children key data table as an embeddable component for
 * committee papers (src/platform/components.ts): the quarterly counts of a
 * financial year and its breakdowns, as they stood at publication, with small
 * numbers suppressed and where children were found left out (the public
 * audience). Counts only, so the rendering is public-safe.
 */

import { financialYearLabel, financialYearOf } from '../../platform/calendar/quarters';
import { londonDateOf } from '../../platform/clock';
import type { ComponentRendering, EmbeddableComponentKind } from '../../platform/components';
import type { Db } from '../../platform/db/client';
import { NotFoundError } from '../../platform/errors';
import { escapeHtml } from '../../platform/http/escape';
import { formatDate } from '../../platform/http/views';
import { type KeyDataBreakdown, type KeyDataTable, keyDataTableForReport } from './service';

const esc = escapeHtml;
const th = (h: string) => `<th scope="col" class="govuk-table__header">${esc(h)}</th>`;
const num = (v: string) => `<td class="govuk-table__cell govuk-table__cell--numeric">${esc(v)}</td>`;
const rowHead = (v: string) => `<th scope="row" class="govuk-table__header">${esc(v)}</th>`;

function breakdownHtml(b: KeyDataBreakdown): string {
  return (
    `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">${esc(b.title)} (${esc(b.unit)})</caption>` +
    `<thead class="govuk-table__head"><tr class="govuk-table__row">${th('Group')}${th('Number')}</tr></thead>` +
    '<tbody class="govuk-table__body">' +
    b.rows.map((r) => `<tr class="govuk-table__row">${rowHead(r.label)}${num(r.text)}</tr>`).join('') +
    `<tr class="govuk-table__row">${rowHead('Total')}${num(b.total.text)}</tr></tbody></table>`
  );
}

/** The HTML of the key data table and its breakdowns, every value escaped. */
export function keyDataHtml(t: KeyDataTable & { breakdowns: KeyDataBreakdown[] }): string {
  return (
    `<h3 class="govuk-heading-s">${esc(t.title)}, as at ${esc(formatDate(t.asAt))}</h3>` +
    `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">${esc(t.title)}</caption>` +
    `<thead class="govuk-table__head"><tr class="govuk-table__row">${th('Measure')}${t.quarters.map((q) => th(q.label)).join('')}</tr></thead>` +
    '<tbody class="govuk-table__body">' +
    t.rows
      .map(
        (r) =>
          `<tr class="govuk-table__row">${rowHead(r.label)}${r.cells.map((c) => num(c.text)).join('')}</tr>`,
      )
      .join('') +
    '</tbody></table>' +
    t.breakdowns.map(breakdownHtml).join('') +
    t.notes.map((n) => `<p class="govuk-body-s">${esc(n)}</p>`).join('')
  );
}

export async function keyDataRendering(
  db: Db,
  organisationId: string,
  ref: string,
  at: Date,
): Promise<ComponentRendering> {
  if (!/^\d{4}$/.test(ref)) throw new NotFoundError('key data year');
  const table = await keyDataTableForReport(db, organisationId, {
    startYear: Number(ref),
    audience: 'public',
    now: at,
  });
  return { title: table.title, html: keyDataHtml(table), data: table, publicSafe: true };
}

export const keyDataComponent: EmbeddableComponentKind = {
  kind: 'missing.key-data',
  name: 'Missing children (the key data table)',
  // This financial year and the two before it.
  choices: async (_db, _actor, at) => {
    const year = financialYearOf(londonDateOf(at));
    return [year, year - 1, year - 2].map((y) => ({
      ref: String(y),
      label: `${financialYearLabel(y)}, as the figures stand when the pack is published`,
    }));
  },
  render: keyDataRendering,
};
