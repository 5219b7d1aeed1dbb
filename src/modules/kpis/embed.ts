/**
 * The signed-off quarterly performance report as an embeddable component for
 * committee papers (src/platform/components.ts): the table of indicators with
 * their five quarters and year to date, as the sign-off froze them, every
 * small number suppressed. Aggregates only, so the rendering is public-safe.
 */
import type { ComponentRendering, EmbeddableComponentKind } from '../../platform/components';
import type { Db } from '../../platform/db/client';
import { NotFoundError } from '../../platform/errors';
import { escapeHtml } from '../../platform/http/escape';
import type { PublishableReport } from './report';
import { publishableReport, signedOffQuarters } from './report-service';

const esc = escapeHtml;

const RAG_NAMES = { green: 'Green', amber: 'Amber', red: 'Red' } as const;

/** The HTML table of a publishable report, every value escaped. */
export function indicatorReportHtml(report: PublishableReport): string {
  const th = (h: string) => `<th scope="col" class="govuk-table__header">${esc(h)}</th>`;
  const td = (v: string) => `<td class="govuk-table__cell">${esc(v)}</td>`;
  const rows = report.rows
    .map(
      (r) =>
        `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${esc(r.title)}</th>` +
        td(r.target) +
        r.quarters.map(td).join('') +
        td(r.yearToDate) +
        td(r.rag ? RAG_NAMES[r.rag] : 'No target') +
        '</tr>',
    )
    .join('');
  const commentary = report.rows
    .filter((r) => r.commentary.trim())
    .map(
      (r) => `<h4 class="govuk-heading-s">${esc(r.title)}</h4><p class="govuk-body">${esc(r.commentary)}</p>`,
    )
    .join('');
  return (
    `<h3 class="govuk-heading-s">Children's safeguarding performance, ${esc(report.quarter.label)}</h3>` +
    (report.overall ? `<p class="govuk-body">${esc(report.overall)}</p>` : '') +
    `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Indicators, ${esc(report.quarter.label)}</caption>` +
    `<thead class="govuk-table__head"><tr class="govuk-table__row">${th('Indicator')}${th('Target')}` +
    `${report.quarterLabels.map(th).join('')}${th('Year to date')}${th('RAG')}</tr></thead>` +
    `<tbody class="govuk-table__body">${rows}</tbody></table>` +
    `<p class="govuk-body-s">${esc(report.suppressionNote)}</p>` +
    commentary
  );
}

export async function indicatorReportRendering(
  db: Db,
  organisationId: string,
  quarterFirstDay: string,
): Promise<ComponentRendering> {
  const report = /^\d{4}-\d{2}-01$/.test(quarterFirstDay)
    ? await publishableReport(db, organisationId, quarterFirstDay)
    : null;
  if (!report) throw new NotFoundError('indicator report');
  return {
    title: `Performance indicators, ${report.quarter.label}`,
    html: indicatorReportHtml(report),
    data: report,
    publicSafe: true,
  };
}

export const indicatorReportComponent: EmbeddableComponentKind = {
  kind: 'kpis.quarterly-report',
  name: 'Performance indicators (a signed-off quarterly report)',
  choices: async (db, actor) =>
    (await signedOffQuarters(db, actor.organisationId)).map((q) => ({
      ref: q.first,
      label: `Quarterly report, ${q.label}`,
    })),
  render: indicatorReportRendering,
};
