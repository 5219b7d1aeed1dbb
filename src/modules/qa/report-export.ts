/**
 * A round's report as tables (the same figures as the page), and those
 * tables as CSV and as a workbook, every cell made safe to open in a
 * spreadsheet (csvSafe) and the workbook marked with the protective marking.
 * The examples of findings are not exported: their words stay on the page.
 */
import ExcelJS from 'exceljs';
import { csvSafe, safeCsv } from '../../platform/csv';
import type { roundReport } from './reports';
import { GRADE_NAMES } from './vocab';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ReportTable {
  title: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
}

type Report = Awaited<ReturnType<typeof roundReport>>;

const pct = (n: number | null | undefined) => (n === null || n === undefined ? null : n);

export function reportTables(r: Report): ReportTable[] {
  const tables: ReportTable[] = [
    {
      title: 'Cases audited of those eligible',
      header: ['Measure', 'Cases'],
      rows: [
        ['Open cases eligible', r.eligible],
        ['Cases in the sample', r.sampled],
        ['Audits graded', r.grades.graded],
      ],
    },
    {
      title: 'Why eligible cases were not sampled',
      header: ['Reason', 'Cases'],
      rows: r.exclusions.map((e) => [e.reason, e.count]),
    },
    {
      title: 'Overall grades after moderation',
      header: ['Grade', 'Audits', 'Percent'],
      rows: r.grades.overall.map((d) => [GRADE_NAMES[d.grade], d.count, d.percent]),
    },
    {
      title: 'Grades by section after moderation',
      header: ['Section', ...r.grades.overall.map((d) => GRADE_NAMES[d.grade]), 'Graded'],
      rows: r.grades.sections.map((s) => [s.title, ...s.distribution.map((d) => d.count), s.graded]),
    },
  ];
  const comparisons = [
    ['Previous round', r.previous],
    ['Same round last year', r.lastYear],
  ] as const;
  tables.push({
    title: 'Comparison: share good or outstanding',
    header: ['Round', 'Which', 'Graded', 'Good or outstanding (%)', 'Change (points)'],
    rows: [
      [r.round.name, 'This round', r.grades.graded, pct(r.grades.goodOrBetter), null],
      ...comparisons
        .filter(([, c]) => c)
        .map(([which, c]) => [
          c!.round.name,
          which,
          c!.grades.graded,
          pct(c!.grades.goodOrBetter),
          pct(c!.comparison.goodOrBetterPoints),
        ]),
    ],
  });
  tables.push({
    title: 'Themes by frequency',
    header: ['Theme', 'Findings', 'Strengths', 'Areas for development'],
    rows: r.themes.map((t) => [t.name, t.total, t.strengths, t.development]),
  });
  tables.push({
    title: 'Case-specific recommendations by status',
    header: ['Status', 'Recommendations'],
    rows: r.caseRecommendations.map((c) => [c.name, c.count]),
  });
  tables.push({
    title: 'Thematic recommendations',
    header: ['Recommendation', 'Status'],
    rows: r.thematic.map((t) => [t.text, t.status]),
  });
  return tables;
}

/** One CSV: each row names its table, so that a spreadsheet can filter by it. */
export function reportCsv(tables: readonly ReportTable[]): string {
  const width = Math.max(...tables.map((t) => t.header.length));
  const pad = (row: ReadonlyArray<string | number | null>) => [...row, ...Array(width - row.length).fill('')];
  return safeCsv(
    ['Table', ...Array.from({ length: width }, (_, i) => `Column ${i + 1}`)],
    tables.flatMap((t) => [[t.title, ...pad(t.header)], ...t.rows.map((row) => [t.title, ...pad(row)])]),
  );
}

const headerText = (marking: string) => marking.replace(/&/g, '&&');

/** A workbook, one sheet a table, marked in its first row, properties, and printed header and footer. */
export async function reportXlsx(tables: readonly ReportTable[], marking: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Oversight';
  wb.category = marking;
  wb.description = `Protective marking: ${marking}`;
  tables.forEach((t, i) => {
    const ws = wb.addWorksheet(`${i + 1} ${t.title}`.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), {
      headerFooter: { oddHeader: `&C&B${headerText(marking)}`, oddFooter: `&C&B${headerText(marking)}` },
    });
    ws.addRow(['Protective marking', csvSafe(marking)]).font = { bold: true };
    ws.addRow([csvSafe(t.title)]).font = { bold: true };
    ws.addRow(t.header.map(csvSafe)).font = { bold: true };
    for (const row of t.rows) ws.addRow(row.map((c) => (typeof c === 'number' ? c : csvSafe(c))));
    ws.columns.forEach((col, n) => {
      col.width = n === 0 ? 50 : 18;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
