/**
 * An audit round's publishable summary as an embeddable component for
 * committee papers (src/platform/components.ts): counts only, small numbers
 * suppressed, no child, worker or finding's words, as it stood at
 * publication. The rendering is public-safe.
 */
import type { ComponentRendering, EmbeddableComponentKind } from '../../platform/components';
import type { Db } from '../../platform/db/client';
import { escapeHtml } from '../../platform/http/escape';
import { formatDate } from '../../platform/http/views';
import { type PublishableRoundSummary, publishableRoundSummary, publishableRounds } from './reports';

function table(caption: string, headings: [string, string], rows: Array<[string, string]>): string {
  const th = (h: string) => `<th scope="col" class="govuk-table__header">${escapeHtml(h)}</th>`;
  return (
    `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">${escapeHtml(caption)}</caption>` +
    `<thead class="govuk-table__head"><tr class="govuk-table__row">${th(headings[0])}${th(headings[1])}</tr></thead>` +
    '<tbody class="govuk-table__body">' +
    rows
      .map(
        ([a, b]) =>
          `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${escapeHtml(a)}</th>` +
          `<td class="govuk-table__cell govuk-table__cell--numeric">${escapeHtml(b)}</td></tr>`,
      )
      .join('') +
    '</tbody></table>'
  );
}

const percent = (p: number | null) => (p === null ? 'not published (the figures are too small)' : `${p}%`);

/** The HTML of a round summary, every value escaped. */
export function roundSummaryHtml(s: PublishableRoundSummary): string {
  return (
    `<h3 class="govuk-heading-s">${escapeHtml(s.roundName)} (${escapeHtml(s.roundType)}), ${escapeHtml(formatDate(s.startDate))} to ${escapeHtml(formatDate(s.endDate))}</h3>` +
    `<p class="govuk-body">Cases eligible: ${escapeHtml(s.eligible)}. Cases audited: ${escapeHtml(s.audited)}. ` +
    `Good or outstanding: ${escapeHtml(percent(s.goodOrBetterPercent))}` +
    (s.previous
      ? `; in the previous round (${escapeHtml(s.previous.roundName)}): ${escapeHtml(percent(s.previous.goodOrBetterPercent))}.`
      : '.') +
    '</p>' +
    table(
      'Overall grades after moderation',
      ['Grade', 'Audits'],
      [...s.grades.map((g) => [g.grade, g.count] as [string, string]), ['Total graded', s.gradedTotal]],
    ) +
    (s.themes.length
      ? table(
          'Findings by theme',
          ['Theme', 'Findings'],
          s.themes.map((t) => [t.theme, t.findings]),
        )
      : '') +
    table(
      'Recommendations by status',
      ['Status', 'Recommendations'],
      s.recommendations.map((r) => [r.status, r.count]),
    ) +
    '<p class="govuk-body-s">[c]: a small number, not shown so that no child can be identified.</p>'
  );
}

export async function roundSummaryRendering(
  db: Db,
  organisationId: string,
  roundId: string,
  at: Date,
): Promise<ComponentRendering> {
  const summary = await publishableRoundSummary(db, organisationId, roundId, at);
  return {
    title: `Audit round summary: ${summary.roundName}`,
    html: roundSummaryHtml(summary),
    data: summary,
    publicSafe: true,
  };
}

export const roundSummaryComponent: EmbeddableComponentKind = {
  kind: 'qa.round-summary',
  name: 'Case file audit (a round summary)',
  choices: async (db, actor) =>
    (await publishableRounds(db, actor.organisationId)).map((r) => ({
      ref: r.id,
      label: `${r.name} (${r.type}), ${formatDate(r.startDate)} to ${formatDate(r.endDate)}`,
    })),
  render: roundSummaryRendering,
};
