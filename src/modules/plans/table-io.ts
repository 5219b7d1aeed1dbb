import { monthNames } from '../../platform/http/views';
import { allActions, leadOfficersText, leadText, type PlanDocument } from './document';
import { endDateText, startDateText } from './layouts';
import { FREQUENCY_NAMES, formatSource, PLAN_TYPE_NAMES, ragLabel } from './vocab';

export type Cell = string | Date | null;

export const MAX_IMPORT_ROWS = 2000;
export const MAX_TEXT = 4000;

export const HEADER_FIELDS = [
  ['Plan name', 'name'],
  ['Type of plan', 'type'],
  ['Duration from', 'durationFrom'],
  ['Duration to', 'durationTo'],
  ['Relevant strategies', 'relevantStrategies'],
  ['Previous versions', 'previousVersions'],
  ['Board responsible for monitoring', 'monitoringBoard'],
  ['Owner', 'owner'],
  ['Implementation date', 'implementationDate'],
  ['Review date', 'reviewDate'],
  ['Frequency of monitoring and reporting', 'monitoringFrequency'],
  ['Aims', 'aims'],
  ['Committee', 'committeeName'],
  ['As at', 'asAt'],
] as const;

export type HeaderKey = (typeof HEADER_FIELDS)[number][1];
export const DATE_HEADERS: ReadonlySet<HeaderKey> = new Set([
  'durationFrom',
  'durationTo',
  'implementationDate',
  'reviewDate',
  'asAt',
]);

export const COLUMNS = [
  ['Priority', 'priority'],
  ['Sub-heading', 'subHeading'],
  ['Reference', 'reference'],
  ['Specific aim or recommendation', 'aim'],
  ['Source', 'source'],
  ['Action', 'action'],
  ['Start', 'startDate'],
  ['End', 'endDate'],
  ['Measure or outcome', 'measure'],
  ['Outcome for children', 'outcomeForChildren'],
  ['Lead officer', 'leadOfficer'],
  ['Senior lead', 'seniorLead'],
  ['Area lead', 'areaLead'],
  ['Progress and impact', 'progress'],
  ['Update date', 'updateDate'],
  ['Focus for the next period', 'focus'],
  ['RAG', 'rag'],
  ['Score', 'score'],
  ['RAG reviewed on', 'ragReviewedOn'],
  ['Completed on', 'completedOn'],
  ['Evidence of completion', 'evidence'],
  ['Date added', 'dateAdded'],
  ['Agenda item', 'agendaItem'],
  ['Further information', 'extraText'],
] as const;

type ColumnKey = (typeof COLUMNS)[number][1];
export const DATE_COLUMNS: ReadonlySet<ColumnKey> = new Set([
  'startDate',
  'endDate',
  'updateDate',
  'ragReviewedOn',
  'completedOn',
  'dateAdded',
]);

/** A calendar date as a cell: a Date at UTC midnight (spreadsheets show it as a date). */
export function dateCell(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

export function priorityLabel(p: { number: number; title: string }): string {
  return `${p.number}. ${p.title}`;
}

/** The plan (or snapshot) as rows of cells. */
export function documentToRows(doc: PlanDocument): Cell[][] {
  const h = doc.plan;
  const headerValues: Record<HeaderKey, Cell> = {
    name: h.name,
    type: PLAN_TYPE_NAMES[h.type],
    durationFrom: dateCell(h.durationFrom),
    durationTo: dateCell(h.durationTo),
    relevantStrategies: h.relevantStrategies,
    previousVersions: h.previousVersions,
    monitoringBoard: h.monitoringBoard,
    owner: h.owner,
    implementationDate: dateCell(h.implementationDate),
    reviewDate: dateCell(h.reviewDate),
    monitoringFrequency: FREQUENCY_NAMES[h.monitoringFrequency],
    aims: h.aims,
    committeeName: h.committeeName,
    asAt: dateCell(doc.asAt),
  };
  const rows: Cell[][] = HEADER_FIELDS.map(([label, key]) => [label, headerValues[key]]);
  rows.push([]);
  rows.push(COLUMNS.map(([label]) => label));
  for (const p of doc.priorities) {
    for (const a of p.actions) {
      const values: Record<ColumnKey, Cell> = {
        priority: priorityLabel(p),
        subHeading: a.subHeading ?? null,
        reference: a.reference,
        aim: a.aim,
        // A source the plan does not give stays blank, so it comes back not given.
        source: formatSource(a.source) || null,
        action: a.action,
        startDate: a.startDatePrecision ? startDateText(a) || null : dateCell(a.startDate),
        // A month, season or duration goes out as written, so it comes back the same.
        endDate: a.endDatePrecision ? endDateText(a) || null : dateCell(a.endDate),
        measure: a.measure,
        outcomeForChildren: a.outcomeForChildren,
        leadOfficer: leadOfficersText(a) || null,
        seniorLead: leadText(a.seniorLead) || null,
        areaLead: leadText(a.areaLead) || null,
        progress: a.latestUpdate?.progress ?? null,
        updateDate: dateCell(a.latestUpdate?.date ?? null),
        focus: a.latestUpdate?.focus ?? null,
        rag: ragLabel(doc.ragKey, a.rag),
        score: a.score === null || a.score === undefined ? null : String(a.score),
        ragReviewedOn: dateCell(a.ragReviewedOn),
        completedOn: dateCell(a.completedOn),
        evidence: a.completionEvidence,
        dateAdded: dateCell(a.dateAdded),
        agendaItem: a.agendaItem,
        extraText: a.extraText ?? null,
      };
      rows.push(COLUMNS.map(([, key]) => values[key]));
    }
  }
  return rows;
}

const MONTHS = monthNames.map((m) => m.toLowerCase());

function validDate(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  if (y < 1990 || y > 2100) return undefined;
  return dt.toISOString().slice(0, 10);
}

/** A date from a cell: a spreadsheet date, 2026-03-31, 31/03/2026 or 31 March 2026. Undefined if unreadable. */
export function parseDateCell(value: unknown): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    // Spreadsheet dates come back at UTC midnight; round to the nearest day either way.
    return new Date(Math.round(value.getTime() / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
  }
  const t = String(value ?? '').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/i.exec(t);
  if (m) {
    const month = MONTHS.findIndex((name) => name.startsWith(m![2]!.toLowerCase()) && m![2]!.length >= 3);
    if (month >= 0) return validDate(Number(m[3]), month + 1, Number(m[1]));
  }
  return undefined;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return parseDateCell(value) ?? '';
  return String(value).trim();
}

export function isEmptyRow(row: readonly unknown[] | undefined): boolean {
  return !row || row.every((c) => cellText(c) === '');
}

export interface LeadForImport {
  id: string;
  jobTitle: string;
  initials: string | null;
}

export function findLead(
  leads: readonly LeadForImport[],
  text: string,
): LeadForImport | 'ambiguous' | undefined {
  const wanted = text.trim().toLowerCase();
  const byInitials = leads.find((l) => l.initials?.toLowerCase() === wanted);
  if (byInitials) return byInitials;
  const byTitle = leads.filter((l) => l.jobTitle.toLowerCase() === wanted);
  if (byTitle.length > 1) return 'ambiguous';
  return byTitle[0];
}

/** Cells as CSV text wants them: dates as YYYY-MM-DD. */
export function rowsForCsv(rows: Cell[][]): string[][] {
  return rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : (c ?? ''))));
}

export function actionCount(doc: PlanDocument): number {
  return allActions(doc).length;
}
