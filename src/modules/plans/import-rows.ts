/**
 * Reading a plan from rows of cells (a spreadsheet, a CSV file, or the
 * tables of a Word document) as councils write them. Columns are matched by
 * their headings (import-columns.ts), or as the person mapped them in the
 * preview; "Priority 2: ..." rows and other one-cell rows inside the table
 * are priorities and sub-headings. What the file says is kept: a blank RAG
 * is Not rated, a month stays a month, several leads stay several, a
 * comment keeps its author. What cannot be read is a problem with its row;
 * what was read with a change (a reference given, a duplicate renumbered, a
 * RAG left not rated) is a notice. Pure: no database.
 */
import { hasControlCharacters } from '../../platform/errors';
import type { ActionInput } from './actions-service';
import { creditOf, readRag, readScoreCell, splitLeads } from './import-cells';
import { type ColumnKey, type ColumnUse, columnUses, headingScore, REPEATABLE } from './import-columns';
import { readPlanDetails } from './import-details';
import { assignReferences, type RawReference, splitReferenceTag } from './import-references';
import { asStart, parsePeriod, parsePlanDate, storedPrecision } from './plan-dates';
import type { PlanInput } from './plans-service';
import {
  COLUMNS,
  cellText,
  findLead,
  isEmptyRow,
  type LeadForImport,
  MAX_IMPORT_ROWS,
  MAX_TEXT,
  parseDateCell,
} from './table-io';
import {
  COMPLETE,
  type PlanType,
  parseSource,
  type RagCode,
  type RagKeyEntry,
  type RagScale,
  ragFromScore,
  ragLabel,
} from './vocab';

export interface ImportedUpdate {
  /** Null when the table gives no date: the import's date is used. */
  date: string | null;
  progress: string;
  focus: string | null;
  /** The lead the table credits ("RG"), or null: then "imported from <file>". */
  authorLabel: string | null;
}

export interface ImportedAction {
  row: number;
  priorityNumber: number;
  input: Omit<ActionInput, 'priorityId'>;
  rag: RagCode;
  /** The score (0 to 10) where the organisation scores its actions. */
  score: number | null;
  ragReviewedOn: string | null;
  completedOn: string | null;
  evidence: string | null;
  updates: ImportedUpdate[];
}

export interface ImportedPlan {
  header: PlanInput;
  priorities: Array<{ number: number; title: string }>;
  actions: ImportedAction[];
  /** The table's columns in its order with what each was read as (a council's own document only). */
  columns: Array<{ heading: string; use: ColumnUse }> | null;
}

export interface ImportProblem {
  /** The row number as a spreadsheet shows it (1 is the first row); 0 for the whole file. */
  row: number;
  column?: string;
  message: string;
}

/** How the columns were read: shown in the preview, where the person may change it. */
export interface ColumnMapping {
  headerRow: number;
  headings: string[];
  uses: ColumnUse[];
}

export type ImportResult =
  | { ok: true; plan: ImportedPlan; notices: string[]; mapping: ColumnMapping }
  | { ok: false; problems: ImportProblem[]; mapping?: ColumnMapping };

export interface ImportContext {
  ragKey: readonly RagKeyEntry[];
  /** The score bands where the organisation scores its actions. */
  ragScale?: RagScale | null;
  leads: readonly LeadForImport[];
  /** For a table with no plan details above it (a Word table): the plan's name and type. */
  defaults?: { name?: string | null; type?: PlanType };
  /** Columns as the person mapped them in the preview, by position. */
  mapping?: Readonly<Record<number, ColumnUse>>;
}

const LABEL = Object.fromEntries(COLUMNS.map(([label, key]) => [key, label])) as Record<ColumnKey, string>;
const STRICT_DATES: readonly ColumnKey[] = ['updateDate', 'ragReviewedOn', 'completedOn', 'dateAdded'];

/** Where the column headings are: a row starting "Priority" (an exported plan), or the first row naming the action and another field. */
function findHeaderRow(rows: readonly (readonly unknown[])[]): number {
  const exported = rows.findIndex((r) => cellText(r?.[0]).toLowerCase() === 'priority');
  if (exported >= 0) return exported;
  return rows.findIndex((r) => headingScore((r ?? []).map(cellText)) >= 2);
}

export { splitLeads } from './import-cells';

export function parsePlanRows(rows: readonly (readonly unknown[])[], context: ImportContext): ImportResult {
  const problems: ImportProblem[] = [];
  const notices: string[] = [];
  const problem = (row: number, message: string, column?: string) => problems.push({ row, column, message });

  const headerRowIndex = findHeaderRow(rows);
  if (headerRowIndex < 0) {
    return {
      ok: false,
      problems: [
        {
          row: 1,
          message:
            'The file has no row of column headings naming the action. Add a heading row (like Ref, Action, Lead officer, By when, RAG) above the actions',
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

  // Plan details: "label | value" rows above the headings, when the file has them.
  const header = readPlanDetails(rows, headerRowIndex, context.defaults, problem);
  const type = header?.type;

  // Columns, by their headings or as the person mapped them.
  const headings = (rows[headerRowIndex] ?? []).map(cellText);
  const uses = columnUses(headings, context.mapping);
  const mapping: ColumnMapping = { headerRow: headerRowIndex + 1, headings, uses };
  const columnsOf = (use: ColumnUse) => uses.flatMap((u, i) => (u === use ? [i] : []));
  for (const use of new Set(uses)) {
    if (!REPEATABLE.has(use) && columnsOf(use).length > 1) {
      problem(
        headerRowIndex + 1,
        `Two columns are read as ${LABEL[use as ColumnKey]}. Choose another use for one of them`,
      );
    }
  }
  if (!uses.includes('action')) {
    problem(headerRowIndex + 1, 'No column is read as the Action. Choose the column that holds the actions');
  }
  const extraColumns = columnsOf('extra');
  if (extraColumns.length > 0) {
    notices.push(
      `${extraColumns.map((i) => `"${headings[i]}"`).join(', ')} ${extraColumns.length === 1 ? 'is' : 'are'} kept as further information on each action`,
    );
  }

  const priorities = new Map<number, { title: string; row: number }>();
  const drafts: Array<{
    action: ImportedAction;
    ref: RawReference;
    tag: string | null;
    sourceText: string | null;
  }> = [];
  let currentPriority: number | null = null;
  let currentSubHeading: string | null = null;
  let leftNotRated = 0;
  let completeWithoutEvidence = 0;
  const headingKey = headings.join('\u0001');

  for (let i = headerRowIndex + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (isEmptyRow(r)) continue;
    const rowNo = i + 1;
    const cells = r.map(cellText);
    if (cells.join('\u0001') === headingKey) continue; // the headings repeated on a later page or table
    const raw = (key: ColumnKey) => {
      const idx = columnsOf(key)[0];
      return idx === undefined ? undefined : r[idx];
    };
    const cell = (key: ColumnKey) => {
      const t = cellText(raw(key));
      if (t.length > MAX_TEXT)
        problem(rowNo, `${LABEL[key]} must be ${MAX_TEXT} characters or fewer`, LABEL[key]);
      return t || null;
    };

    // A row with one cell of text and no action: a priority or a sub-heading.
    const filled = [...new Set(cells.filter(Boolean))];
    if (filled.length === 1 && !cell('action')) {
      const heading = filled[0]!;
      const m = /^priority\s*(\d{1,3})\s*[.):-]?\s*(.*)$/is.exec(heading);
      if (m) {
        currentPriority = Number(m[1]);
        currentSubHeading = null;
        const title = m[2]!.trim().replace(/\s+/g, ' ') || `Priority ${currentPriority}`;
        if (!priorities.has(currentPriority))
          priorities.set(currentPriority, { title: title.slice(0, 300), row: rowNo });
      } else currentSubHeading = heading.replace(/\s+/g, ' ').slice(0, 300);
      continue;
    }

    const dates: Partial<Record<ColumnKey, string | null>> = {};
    for (const key of STRICT_DATES) {
      const t = cellText(raw(key));
      if (!t) continue;
      const d = parseDateCell(raw(key));
      if (!d) problem(rowNo, `${LABEL[key]} "${t}" is not a date. Enter it like 31/03/2027`, LABEL[key]);
      dates[key] = d ?? null;
    }
    const extra: string[] = [];
    // A start date keeps its precision as the end date does ("April 2017" starts on its first day).
    const startText = cellText(raw('startDate'));
    const start = asStart(parsePlanDate(startText, startText ? parseDateCell(raw('startDate')) : undefined));
    const startDate = start?.date ?? null;
    const endText = cellText(raw('endDate'));
    const end = parsePlanDate(endText, endText ? parseDateCell(raw('endDate')) : undefined);
    if (end?.precision === 'text' && /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(endText)) {
      problem(
        rowNo,
        `${LABEL.endDate} "${endText}" is not a date. Enter it like 31/03/2027, or a month like March 2027`,
        LABEL.endDate,
      );
    }

    // Priority: its column, or the last "Priority n" row above.
    let priorityNumber = currentPriority ?? 1;
    const priorityText = cell('priority');
    if (priorityText) {
      const m = /^(?:priority\s*)?(\d{1,3})\s*[.):-]?\s*(.*)$/is.exec(priorityText);
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
    } else if (!priorities.has(priorityNumber)) {
      priorities.set(priorityNumber, {
        title: type === 'committee_outstanding' ? 'Outstanding actions' : `Priority ${priorityNumber}`,
        row: rowNo,
      });
    }
    const subHeading = cell('subHeading') ?? currentSubHeading;

    const action = cell('action');
    if (!action) problem(rowNo, 'Enter the action', 'Action');
    if (startDate && end?.date && end.precision === 'day' && end.date < startDate) {
      problem(rowNo, 'End must be the same as or after Start', 'End');
    }

    // Leads: each cell may name several; the first of the lead officer's is the lead officer.
    const leadIds: Record<'leadOfficer' | 'seniorLead' | 'areaLead', string | null> = {
      leadOfficer: null,
      seniorLead: null,
      areaLead: null,
    };
    const otherLeadIds: string[] = [];
    for (const key of ['leadOfficer', 'seniorLead', 'areaLead'] as const) {
      const t = cell(key);
      if (!t) continue;
      for (const name of splitLeads(t)) {
        const found = findLead(context.leads, name);
        if (found === 'ambiguous') {
          problem(
            rowNo,
            `${LABEL[key]} "${name}" matches more than one post on the leads roster. Use the post's initials`,
            LABEL[key],
          );
        } else if (!found) {
          problem(
            rowNo,
            `${LABEL[key]} "${name}" is not on the leads roster. Add the post to the roster first, or correct the initials`,
            LABEL[key],
          );
        } else if (!leadIds[key]) leadIds[key] = found.id;
        else if (!otherLeadIds.includes(found.id) && !Object.values(leadIds).includes(found.id))
          otherLeadIds.push(found.id);
      }
    }

    // RAG: blank is Not rated; prose after (or instead of) the rating is progress.
    const ragText = cell('rag');
    let rag: RagCode = 'not_rated';
    let ragProse: string | null = null;
    if (ragText) {
      const read = readRag(ragText, context.ragKey);
      if (!read) {
        problem(
          rowNo,
          `RAG "${ragText}" is not in the RAG key. Use ${context.ragKey.map((k) => k.label).join(', ')}`,
          'RAG',
        );
      } else {
        rag = read.rag;
        ragProse = read.prose;
      }
    }
    const score = readScoreCell(cell('score'), rag, Boolean(ragText), context, (message) =>
      problem(rowNo, message, 'Score'),
    );
    if (score !== null) rag = ragFromScore(context.ragScale!, score);
    if (rag === 'not_rated') leftNotRated += 1;
    let evidence = cell('evidence');
    if (rag === COMPLETE && !evidence) {
      if (columnsOf('evidence').length > 0) {
        problem(
          rowNo,
          `RAG is ${ragLabel(context.ragKey, COMPLETE)} (complete) but Evidence of completion is empty. Add the evidence, or choose another status`,
          'Evidence of completion',
        );
      } else {
        evidence = 'Marked complete in the imported plan';
        completeWithoutEvidence += 1;
      }
    }

    // Updates: one for each comments column with text, credited as the table credits it.
    const updates: ImportedUpdate[] = [];
    for (const idx of columnsOf('progress')) {
      const t = cellText(r[idx]);
      if (!t) continue;
      const credit = creditOf(t, context.leads);
      const headingDate =
        parsePeriod(headings[idx]!.replace(/^(comments?|progress|update)\s*/i, ''))?.date ?? null;
      updates.push({
        date: dates.updateDate ?? headingDate,
        progress: credit.text,
        focus: null,
        authorLabel: credit.author,
      });
    }
    if (ragProse && updates.length === 0) {
      const credit = creditOf(ragProse, context.leads);
      updates.push({
        date: dates.updateDate ?? null,
        progress: credit.text,
        focus: null,
        authorLabel: credit.author,
      });
    }
    const focus = cell('focus');
    if (focus) {
      if (updates.length === 0) {
        problem(
          rowNo,
          'Enter the Progress and impact for this update, or leave the update columns empty',
          'Progress and impact',
        );
      } else updates[updates.length - 1]!.focus = focus;
    }
    for (const idx of extraColumns) {
      const t = cellText(r[idx]);
      if (t) extra.push(`${headings[idx]}: ${t}`);
    }
    const extraText = [cell('extraText'), ...extra].filter(Boolean).join('\n').slice(0, MAX_TEXT) || null;

    const refSplit = splitReferenceTag(cell('reference') ?? '');
    drafts.push({
      ref: { row: rowNo, text: refSplit.reference, priorityNumber },
      tag: refSplit.tag,
      sourceText: cell('source'),
      action: {
        row: rowNo,
        priorityNumber,
        input: {
          reference: '',
          aim: cell('aim'),
          source: { kind: 'new', detail: null },
          action: action ?? '',
          startDate,
          startDatePrecision: storedPrecision(start),
          startDateText: start?.text ?? null,
          endDate: end?.date ?? null,
          endDatePrecision: storedPrecision(end),
          endDateText: end?.text ?? null,
          measure: cell('measure'),
          outcomeForChildren: cell('outcomeForChildren'),
          leadOfficerId: leadIds.leadOfficer,
          seniorLeadId: leadIds.seniorLead,
          areaLeadId: leadIds.areaLead,
          otherLeadIds,
          subHeading,
          extraText,
          dateAdded: dates.dateAdded ?? null,
          agendaItem: cell('agendaItem'),
        },
        rag,
        score,
        ragReviewedOn: dates.ragReviewedOn ?? null,
        completedOn: rag === COMPLETE ? (dates.completedOn ?? null) : null,
        evidence: rag === COMPLETE ? evidence : null,
        updates,
      },
    });
  }

  // References: tags become the source; blanks, repeats and restarted numbering are settled with notices.
  const assigned = assignReferences(drafts.map((d) => d.ref));
  for (const p of assigned.problems) problem(p.row, p.message, 'Reference');
  notices.push(...assigned.notices);
  drafts.forEach((d, i) => {
    d.action.input.reference = assigned.references[i] ?? '';
    const sourceText = d.sourceText ?? d.tag;
    // A blank source stays not given (an exported plan's blank comes back blank).
    d.action.input.source = (sourceText ? parseSource(sourceText) : undefined) ?? {
      kind: 'not_given',
      detail: null,
    };
  });
  const actions = drafts.map((d) => d.action);

  if (leftNotRated > 0) {
    notices.push(
      `${leftNotRated} ${leftNotRated === 1 ? 'action was' : 'actions were'} left not rated: the file gives no RAG for ${leftNotRated === 1 ? 'it' : 'them'}`,
    );
  }
  if (completeWithoutEvidence > 0) {
    notices.push(
      `${completeWithoutEvidence} ${completeWithoutEvidence === 1 ? 'action is' : 'actions are'} marked complete with no evidence column: recorded as "Marked complete in the imported plan"`,
    );
  }
  if (actions.length === 0 && problems.length === 0) {
    problem(headerRowIndex + 2, 'The file has no actions under the header row. Add at least one action');
  }
  if (problems.length > 0 || !header) {
    return { ok: false, problems: problems.sort((a, b) => a.row - b.row), mapping };
  }
  return {
    ok: true,
    notices,
    mapping,
    plan: {
      header,
      priorities: [...priorities]
        .map(([number, p]) => ({ number, title: p.title }))
        .sort((a, b) => a.number - b.number),
      actions,
      columns: ownExport(headings) ? null : headings.map((heading, i) => ({ heading, use: uses[i]! })),
    },
  };
}

/** Whether the headings are those Oversight exports: such a plan prints in Oversight's own columns. */
function ownExport(headings: readonly string[]): boolean {
  return COLUMNS.every(([label]) => headings.includes(label));
}
