/**
 * The committee table as a grid of cells, for spreadsheets and CSV: a header
 * block of plan fields, a blank row, a header row, then one row per action.
 * Writing a plan out and reading a file back in are pure functions here; the
 * file formats themselves live in files.ts.
 */
import { hasControlCharacters } from '../../platform/errors';
import { allActions, leadOfficersText, leadText, type PlanDocument } from './document';
import { checkReference, normaliseReference } from './reference';
import type { ActionInput, PlanInput } from './service';
import {
  COMPLETE,
  FREQUENCY_NAMES,
  formatSource,
  frequencyFromName,
  PLAN_TYPE_NAMES,
  parseSource,
  planTypeFromName,
  type RagCode,
  type RagKeyEntry,
  ragFromLabel,
  ragLabel,
} from './vocab';

export type Cell = string | Date | null;

export interface ImportedPlan {
  header: PlanInput;
  priorities: Array<{ number: number; title: string }>;
  actions: Array<{
    priorityNumber: number;
    input: Omit<ActionInput, 'priorityId'>;
    rag: RagCode;
    ragReviewedOn: string | null;
    completedOn: string | null;
    evidence: string | null;
    update: { date: string; progress: string; focus: string | null } | null;
  }>;
}

export interface ImportProblem {
  /** The row number as a spreadsheet shows it (1 is the first row). */
  row: number;
  column?: string;
  message: string;
}

export type ImportResult = { ok: true; plan: ImportedPlan } | { ok: false; problems: ImportProblem[] };

export const MAX_IMPORT_ROWS = 2000;
const MAX_TEXT = 4000;

const HEADER_FIELDS = [
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

type HeaderKey = (typeof HEADER_FIELDS)[number][1];
const DATE_HEADERS: ReadonlySet<HeaderKey> = new Set([
  'durationFrom',
  'durationTo',
  'implementationDate',
  'reviewDate',
  'asAt',
]);

export const COLUMNS = [
  ['Priority', 'priority'],
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
  ['RAG reviewed on', 'ragReviewedOn'],
  ['Completed on', 'completedOn'],
  ['Evidence of completion', 'evidence'],
  ['Date added', 'dateAdded'],
  ['Agenda item', 'agendaItem'],
] as const;

type ColumnKey = (typeof COLUMNS)[number][1];
const DATE_COLUMNS: ReadonlySet<ColumnKey> = new Set([
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
        reference: a.reference,
        aim: a.aim,
        source: formatSource(a.source),
        action: a.action,
        startDate: dateCell(a.startDate),
        endDate: dateCell(a.endDate),
        measure: a.measure,
        outcomeForChildren: a.outcomeForChildren,
        leadOfficer: leadOfficersText(a) || null,
        seniorLead: leadText(a.seniorLead) || null,
        areaLead: leadText(a.areaLead) || null,
        progress: a.latestUpdate?.progress ?? null,
        updateDate: dateCell(a.latestUpdate?.date ?? null),
        focus: a.latestUpdate?.focus ?? null,
        rag: ragLabel(doc.ragKey, a.rag),
        ragReviewedOn: dateCell(a.ragReviewedOn),
        completedOn: dateCell(a.completedOn),
        evidence: a.completionEvidence,
        dateAdded: dateCell(a.dateAdded),
        agendaItem: a.agendaItem,
      };
      rows.push(COLUMNS.map(([, key]) => values[key]));
    }
  }
  return rows;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

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

function isEmptyRow(row: readonly unknown[] | undefined): boolean {
  return !row || row.every((c) => cellText(c) === '');
}

export interface LeadForImport {
  id: string;
  jobTitle: string;
  initials: string | null;
}

function findLead(leads: readonly LeadForImport[], text: string): LeadForImport | 'ambiguous' | undefined {
  const wanted = text.trim().toLowerCase();
  const byInitials = leads.find((l) => l.initials?.toLowerCase() === wanted);
  if (byInitials) return byInitials;
  const byTitle = leads.filter((l) => l.jobTitle.toLowerCase() === wanted);
  if (byTitle.length > 1) return 'ambiguous';
  return byTitle[0];
}

/**
 * Read a plan from rows of cells (as a spreadsheet or CSV gives them). Every
 * problem is reported with its row number; the plan is returned only when
 * there are none.
 */
export function parsePlanRows(
  rows: readonly (readonly unknown[])[],
  context: { ragKey: readonly RagKeyEntry[]; leads: readonly LeadForImport[] },
): ImportResult {
  const problems: ImportProblem[] = [];
  const problem = (row: number, message: string, column?: string) => problems.push({ row, column, message });

  const headerRowIndex = rows.findIndex((r) => cellText(r?.[0]).toLowerCase() === 'priority');
  if (headerRowIndex < 0) {
    return {
      ok: false,
      problems: [
        {
          row: 1,
          message:
            'The file has no header row for the actions. Use the layout of an exported plan: plan details, a blank row, then a row starting "Priority"',
        },
      ],
    };
  }
  rows.forEach((cells, index) => {
    (cells ?? []).forEach((cell, column) => {
      if (typeof cell === 'string' && hasControlCharacters(cell))
        problem(
          index + 1,
          `Column ${column + 1} holds a control character (such as a NUL byte), which is not text. Remove it and import the file again`,
        );
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length - headerRowIndex - 1 > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      problems: [
        {
          row: headerRowIndex + 1,
          message: `The file has more than ${MAX_IMPORT_ROWS} actions. Split it into smaller plans`,
        },
      ],
    };
  }

  // Header block: "label | value" rows above the header row.
  const header: Partial<Record<HeaderKey, unknown>> = {};
  const headerRow: Partial<Record<HeaderKey, number>> = {};
  for (let i = 0; i < headerRowIndex; i++) {
    const r = rows[i]!;
    if (isEmptyRow(r)) continue;
    const label = cellText(r[0]).toLowerCase();
    // An exported workbook's first row carries its protective marking: not a plan detail.
    if (label === 'protective marking') continue;
    const field = HEADER_FIELDS.find(([l]) => l.toLowerCase() === label);
    if (!field) {
      problem(
        i + 1,
        `"${cellText(r[0])}" is not a plan detail. Use the labels of an exported plan, like Plan name or Owner`,
      );
      continue;
    }
    header[field[1]] = r[1];
    headerRow[field[1]] = i + 1;
  }
  const text = (key: HeaderKey) => {
    const t = cellText(header[key]);
    if (t.length > MAX_TEXT) problem(headerRow[key]!, `${key} must be ${MAX_TEXT} characters or fewer`);
    return t || null;
  };
  const headerDates: Partial<Record<HeaderKey, string | null>> = {};
  for (const key of DATE_HEADERS) {
    const raw = cellText(header[key]);
    if (!raw) {
      headerDates[key] = null;
      continue;
    }
    const d = parseDateCell(header[key]);
    if (!d) {
      const label = HEADER_FIELDS.find(([, k]) => k === key)![0];
      problem(headerRow[key]!, `${label} is not a date. Enter it like 31/03/2027`, label);
    }
    headerDates[key] = d ?? null;
  }
  const name = text('name');
  if (!name) problem(headerRow.name ?? 1, 'Enter the plan name in the row labelled Plan name', 'Plan name');
  const typeText = cellText(header.type);
  const type = planTypeFromName(typeText);
  if (!type) {
    problem(
      headerRow.type ?? 1,
      `${typeText ? `"${typeText}" is not a type of plan` : 'The type of plan is missing'}. Use one of: ${Object.values(PLAN_TYPE_NAMES).join(', ')}`,
      'Type of plan',
    );
  }
  const freqText = cellText(header.monitoringFrequency);
  const frequency = freqText ? frequencyFromName(freqText) : 'quarterly';
  if (!frequency) {
    problem(
      headerRow.monitoringFrequency!,
      `"${freqText}" is not a monitoring frequency. Use one of: ${Object.values(FREQUENCY_NAMES).join(', ')}`,
      'Frequency of monitoring and reporting',
    );
  }
  const committeeName = text('committeeName');
  if (type === 'committee_outstanding' && !committeeName) {
    problem(
      headerRow.committeeName ?? headerRow.type ?? 1,
      'Enter the name of the committee in the row labelled Committee',
      'Committee',
    );
  }
  if (
    headerDates.durationFrom &&
    headerDates.durationTo &&
    headerDates.durationTo < headerDates.durationFrom
  ) {
    problem(headerRow.durationTo!, 'Duration to must be the same as or after Duration from', 'Duration to');
  }

  // Columns, by their header text.
  const columnIndex = new Map<ColumnKey, number>();
  rows[headerRowIndex]!.forEach((c, idx) => {
    const label = cellText(c).toLowerCase();
    if (!label) return;
    const col = COLUMNS.find(([l]) => l.toLowerCase() === label);
    if (!col) {
      problem(
        headerRowIndex + 1,
        `"${cellText(c)}" is not a column of a plan. Use the column headings of an exported plan`,
      );
      return;
    }
    if (columnIndex.has(col[1])) problem(headerRowIndex + 1, `The column ${col[0]} appears twice`);
    columnIndex.set(col[1], idx);
  });
  for (const required of ['reference', 'action'] as const) {
    if (!columnIndex.has(required)) {
      problem(headerRowIndex + 1, `The column ${COLUMNS.find(([, k]) => k === required)![0]} is missing`);
    }
  }

  const priorities = new Map<number, { title: string; row: number }>();
  const referencesSeen = new Map<string, number>();
  const actions: ImportedPlan['actions'] = [];
  for (let i = headerRowIndex + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (isEmptyRow(r)) continue;
    const rowNo = i + 1;
    const raw = (key: ColumnKey) => (columnIndex.has(key) ? r[columnIndex.get(key)!] : undefined);
    const cell = (key: ColumnKey) => {
      const t = cellText(raw(key));
      const label = COLUMNS.find(([, k]) => k === key)![0];
      if (t.length > MAX_TEXT) problem(rowNo, `${label} must be ${MAX_TEXT} characters or fewer`, label);
      return t || null;
    };
    const dates: Partial<Record<ColumnKey, string | null>> = {};
    for (const key of DATE_COLUMNS) {
      const t = cellText(raw(key));
      if (!t) {
        dates[key] = null;
        continue;
      }
      const d = parseDateCell(raw(key));
      const label = COLUMNS.find(([, k]) => k === key)![0];
      if (!d) problem(rowNo, `${label} "${t}" is not a date. Enter it like 31/03/2027`, label);
      dates[key] = d ?? null;
    }

    // Priority
    let priorityNumber = 1;
    const priorityText = cell('priority');
    if (priorityText) {
      const m = /^(?:priority\s*)?(\d{1,3})\s*[.):-]?\s*(.*)$/i.exec(priorityText);
      if (!m) {
        problem(
          rowNo,
          `Priority "${priorityText}" must start with its number, like 1. Early help`,
          'Priority',
        );
      } else {
        priorityNumber = Number(m[1]);
        const title = m[2]!.trim() || `Priority ${priorityNumber}`;
        const existing = priorities.get(priorityNumber);
        if (existing && existing.title !== title) {
          problem(
            rowNo,
            `Priority ${priorityNumber} is called "${title}" here but "${existing.title}" in row ${existing.row}. Use the same title for every row of a priority`,
            'Priority',
          );
        } else if (!existing) priorities.set(priorityNumber, { title, row: rowNo });
      }
    } else if (type !== 'committee_outstanding') {
      problem(rowNo, 'Enter the priority this action belongs to, like 1. Early help', 'Priority');
    } else if (!priorities.has(1)) priorities.set(1, { title: 'Outstanding actions', row: rowNo });

    // Reference
    const refText = cell('reference') ?? '';
    const refCheck = checkReference(refText);
    let reference = '';
    if (!refCheck.ok) problem(rowNo, refCheck.message, 'Reference');
    else {
      reference = refCheck.reference;
      const earlier = referencesSeen.get(normaliseReference(reference));
      if (earlier) {
        problem(
          rowNo,
          `Reference ${reference} is already used in row ${earlier}. Each action needs its own reference`,
          'Reference',
        );
      } else referencesSeen.set(reference, rowNo);
    }

    const action = cell('action');
    if (!action) problem(rowNo, 'Enter the action', 'Action');

    if (dates.startDate && dates.endDate && dates.endDate < dates.startDate) {
      problem(rowNo, 'End must be the same as or after Start', 'End');
    }

    const leadIds: Record<'leadOfficer' | 'seniorLead' | 'areaLead', string | null> = {
      leadOfficer: null,
      seniorLead: null,
      areaLead: null,
    };
    for (const key of ['leadOfficer', 'seniorLead', 'areaLead'] as const) {
      const t = cell(key);
      if (!t) continue;
      const label = COLUMNS.find(([, k]) => k === key)![0];
      const found = findLead(context.leads, t);
      if (found === 'ambiguous') {
        problem(
          rowNo,
          `${label} "${t}" matches more than one post on the leads roster. Use the post's initials`,
          label,
        );
      } else if (!found) {
        problem(
          rowNo,
          `${label} "${t}" is not on the leads roster. Add the post to the roster first, or correct the initials`,
          label,
        );
      } else leadIds[key] = found.id;
    }

    const ragText = cell('rag');
    let rag: RagCode = 'green';
    if (ragText) {
      const code = ragFromLabel(context.ragKey, ragText);
      if (!code) {
        problem(
          rowNo,
          `RAG "${ragText}" is not in the RAG key. Use ${context.ragKey.map((k) => k.label).join(', ')}`,
          'RAG',
        );
      } else rag = code;
    }
    const evidence = cell('evidence');
    if (rag === COMPLETE && !evidence) {
      problem(
        rowNo,
        `RAG is ${ragLabel(context.ragKey, COMPLETE)} (complete) but Evidence of completion is empty. Add the evidence, or choose another status`,
        'Evidence of completion',
      );
    }

    const progress = cell('progress');
    const focus = cell('focus');
    if (progress && !dates.updateDate)
      problem(rowNo, 'Enter the Update date for the progress and impact', 'Update date');
    if (!progress && (focus || dates.updateDate)) {
      problem(
        rowNo,
        'Enter the Progress and impact for this update, or leave the update columns empty',
        'Progress and impact',
      );
    }

    const sourceText = cell('source');
    actions.push({
      priorityNumber,
      input: {
        reference,
        aim: cell('aim'),
        source: (sourceText ? parseSource(sourceText) : undefined) ?? { kind: 'new', detail: null },
        action: action ?? '',
        startDate: dates.startDate ?? null,
        endDate: dates.endDate ?? null,
        measure: cell('measure'),
        outcomeForChildren: cell('outcomeForChildren'),
        leadOfficerId: leadIds.leadOfficer,
        seniorLeadId: leadIds.seniorLead,
        areaLeadId: leadIds.areaLead,
        dateAdded: dates.dateAdded ?? null,
        agendaItem: cell('agendaItem'),
      },
      rag,
      ragReviewedOn: dates.ragReviewedOn ?? null,
      completedOn: rag === COMPLETE ? (dates.completedOn ?? null) : null,
      evidence: rag === COMPLETE ? evidence : null,
      update: progress && dates.updateDate ? { date: dates.updateDate, progress, focus } : null,
    });
  }
  if (actions.length === 0 && problems.length === 0) {
    problem(headerRowIndex + 2, 'The file has no actions under the header row. Add at least one action');
  }
  if (problems.length > 0 || !name || !type || !frequency) {
    return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };
  }
  return {
    ok: true,
    plan: {
      header: {
        type,
        name,
        durationFrom: headerDates.durationFrom ?? null,
        durationTo: headerDates.durationTo ?? null,
        relevantStrategies: text('relevantStrategies'),
        previousVersions: text('previousVersions'),
        monitoringBoard: text('monitoringBoard'),
        owner: text('owner'),
        implementationDate: headerDates.implementationDate ?? null,
        reviewDate: headerDates.reviewDate ?? null,
        monitoringFrequency: frequency,
        aims: text('aims'),
        committeeName: type === 'committee_outstanding' ? committeeName : null,
      },
      priorities: [...priorities]
        .map(([number, p]) => ({ number, title: p.title }))
        .sort((a, b) => a.number - b.number),
      actions,
    },
  };
}

/** Cells as CSV text wants them: dates as YYYY-MM-DD. */
export function rowsForCsv(rows: Cell[][]): string[][] {
  return rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : (c ?? ''))));
}

export function actionCount(doc: PlanDocument): number {
  return allActions(doc).length;
}
