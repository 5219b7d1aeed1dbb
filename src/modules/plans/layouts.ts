/**
 * The three ways a plan is printed, as plain text tables: the committee's
 * table (priorities as sections, every column), the self-evaluation review
 * (Action | Progress and impact | Focus for the next six months) and the
 * committee's outstanding actions (Action | Date added and agenda item |
 * Officer | Target date for completion | Status). DOCX and the print page
 * both use these, so they always say the same.
 */
import { formatDate } from '../../platform/http/views';
import { type DocAction, leadOfficersText, leadText, type PlanDocument } from './document';
import { formatPlanDate } from './plan-dates';
import { ragCountsSentence } from './rules';
import {
  FREQUENCY_NAMES,
  formatSource,
  PLAN_TYPE_NAMES,
  type PlanType,
  type RagCode,
  ragLabel,
} from './vocab';

export const LAYOUTS = ['table', 'review', 'outstanding'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const LAYOUT_NAMES: Record<Layout, string> = {
  table: 'Committee table',
  review: 'Self-evaluation review',
  outstanding: 'Outstanding actions',
};

export function defaultLayout(type: PlanType): Layout {
  if (type === 'committee_outstanding') return 'outstanding';
  if (type === 'self_evaluation') return 'review';
  return 'table';
}

export interface TextCell {
  text: string;
  /** For the RAG column: the code, so a renderer can colour it (the text always says it too). */
  rag?: RagCode;
}

export interface TextTable {
  columns: string[];
  /** Relative widths, summing to 100. */
  widths: number[];
  sections: Array<{ heading: string | null; rows: TextCell[][] }>;
}

/** The RAG cell's text; a scored action says its score ("Green, score 8") unless the table has a score column. */
function statusText(doc: PlanDocument, a: DocAction, withScore = true): string {
  const scored = withScore && a.score !== null && a.score !== undefined;
  const label = `${ragLabel(doc.ragKey, a.rag)}${scored ? `, score ${a.score}` : ''}`;
  if (a.rag === 'blue')
    return a.completedOn ? `${label}: complete ${formatDate(a.completedOn)}` : `${label}: complete`;
  const stale = a.stale ? ', not reviewed this period' : '';
  // An overdue action says so first: the RAG was given before its target date passed.
  if (a.overdue) return `Overdue: target date passed (last rated ${label}${stale})`;
  return a.stale ? `${label} (not reviewed this period)` : label;
}

/**
 * A priority's actions as table sections: the priority's heading, then a
 * section for each sub-heading, in the order the actions come.
 */
function sectionsOf(
  heading: string | null,
  actions: readonly DocAction[],
  row: (a: DocAction) => TextCell[],
): TextTable['sections'] {
  const out: TextTable['sections'] = [{ heading, rows: [] }];
  let current: string | null = null;
  for (const a of actions) {
    const sub = a.subHeading ?? null;
    if (sub && sub !== current) out.push({ heading: sub, rows: [] });
    current = sub ?? current;
    out[out.length - 1]!.rows.push(row(a));
  }
  return out.filter((x, i) => i > 0 || x.rows.length > 0 || x.heading !== null);
}

function comments(a: DocAction): string {
  const u = a.latestUpdate;
  const evidence = a.completionEvidence ? `Evidence of completion: ${a.completionEvidence}` : '';
  if (!u) return evidence;
  const by = u.authorName ? `, ${u.authorName}` : '';
  const focus = u.focus ? ` Next: ${u.focus}` : '';
  return [`${formatDate(u.date)}${by}: ${u.progress}${focus}`, evidence].filter(Boolean).join('\n');
}

function ref(a: DocAction): string {
  return a.homePlan ? `${a.reference} (also ${a.homePlan.reference} in ${a.homePlan.name})` : a.reference;
}

export function textTable(doc: PlanDocument, layout: Layout): TextTable {
  const single = doc.plan.type === 'committee_outstanding';
  const sections = (
    heading: (p: PlanDocument['priorities'][number]) => string,
    row: (a: DocAction) => TextCell[],
  ) => doc.priorities.flatMap((p) => sectionsOf(single ? null : heading(p), p.actions, row));
  if (layout === 'outstanding') {
    return {
      columns: ['Action', 'Date added and agenda item', 'Officer', 'Target date for completion', 'Status'],
      widths: [40, 18, 14, 12, 16],
      sections: sections(
        (p) => `${p.number}. ${p.title}`,
        (a) => [
          { text: `${a.reference}. ${a.action}` },
          {
            text: [a.dateAdded ? formatDate(a.dateAdded) : '', a.agendaItem ?? ''].filter(Boolean).join(', '),
          },
          { text: leadOfficersText(a) },
          { text: endDateText(a) },
          {
            text: [statusText(doc, a), a.completionEvidence ? `Evidence: ${a.completionEvidence}` : '']
              .filter(Boolean)
              .join('\n'),
            rag: a.rag,
          },
        ],
      ),
    };
  }
  if (layout === 'review') {
    return {
      columns: ['Action', 'Progress and impact', 'Focus for the next six months', 'RAG'],
      widths: [30, 35, 25, 10],
      sections: sections(
        (p) => `${p.number}. ${p.title}`,
        (a) => [
          { text: `${ref(a)} ${a.action}` },
          {
            text: a.latestUpdate
              ? `${a.latestUpdate.progress} (${formatDate(a.latestUpdate.date)})`
              : 'No update yet',
          },
          { text: a.latestUpdate?.focus ?? '' },
          { text: statusText(doc, a), rag: a.rag },
        ],
      ),
    };
  }
  if (doc.plan.tableColumns?.length) return importedColumnsTable(doc, doc.plan.tableColumns, sections);
  return {
    columns: [
      'Ref',
      'Specific aim or recommendation',
      'Source',
      'Action',
      'Start',
      'End',
      'Measure or outcome',
      'Outcome for children',
      'Lead officer',
      'Senior lead',
      'Area lead',
      'Comments',
      'RAG',
    ],
    widths: [4, 10, 7, 13, 6, 6, 10, 10, 5, 5, 5, 13, 6],
    sections: sections(
      (p) => `Priority ${p.number}: ${p.title}`,
      (a) => [
        { text: ref(a) },
        { text: a.aim ?? '' },
        { text: formatSource(a.source) },
        { text: a.action },
        { text: startDateText(a) },
        { text: endDateText(a) },
        { text: a.measure ?? '' },
        { text: a.outcomeForChildren ?? '' },
        { text: leadOfficersText(a) },
        { text: leadText(a.seniorLead) },
        { text: leadText(a.areaLead) },
        { text: comments(a) },
        { text: statusText(doc, a), rag: a.rag },
      ],
    ),
  };
}

type Sections = (
  heading: (p: PlanDocument['priorities'][number]) => string,
  row: (a: DocAction) => TextCell[],
) => TextTable['sections'];

/** The value of one field of an action as the committee table prints it. */
function fieldText(
  doc: PlanDocument,
  a: DocAction,
  use: string,
  heading: string,
  scoreColumn: boolean,
): TextCell {
  const u = a.latestUpdate;
  const texts: Record<string, () => string> = {
    reference: () => ref(a),
    aim: () => a.aim ?? '',
    source: () => formatSource(a.source),
    action: () => a.action,
    startDate: () => startDateText(a),
    endDate: () => endDateText(a),
    measure: () => a.measure ?? '',
    outcomeForChildren: () => a.outcomeForChildren ?? '',
    leadOfficer: () => leadOfficersText(a),
    seniorLead: () => leadText(a.seniorLead),
    areaLead: () => leadText(a.areaLead),
    progress: () => comments(a),
    updateDate: () => formatDate(u?.date ?? null),
    focus: () => u?.focus ?? '',
    score: () => (a.score === null || a.score === undefined ? '' : String(a.score)),
    ragReviewedOn: () => formatDate(a.ragReviewedOn),
    completedOn: () => formatDate(a.completedOn),
    evidence: () => a.completionEvidence ?? '',
    dateAdded: () => formatDate(a.dateAdded),
    agendaItem: () => a.agendaItem ?? '',
    extraText: () => a.extraText ?? '',
    // A column kept as further information: its line of the action's further information.
    extra: () =>
      (a.extraText ?? '')
        .split('\n')
        .find((l) => l.startsWith(`${heading}: `))
        ?.slice(heading.length + 2) ?? '',
  };
  if (use === 'rag') return { text: statusText(doc, a, !scoreColumn), rag: a.rag };
  return { text: texts[use]?.() ?? '' };
}

/**
 * The committee table in the columns of the document the plan was imported
 * from, in its order and with its headings. Priority and sub-heading
 * columns become the sections; a field read from several columns (a
 * comments column per review) prints once; the RAG is always shown.
 */
function importedColumnsTable(
  doc: PlanDocument,
  imported: ReadonlyArray<{ heading: string; use: string }>,
  sections: Sections,
): TextTable {
  const seen = new Set<string>();
  const columns = imported.filter((c) => {
    if (['priority', 'subHeading', 'ignore'].includes(c.use)) return false;
    if (c.use === 'extra') return true;
    if (seen.has(c.use)) return false;
    seen.add(c.use);
    return true;
  });
  if (!seen.has('rag')) columns.push({ heading: 'RAG', use: 'rag' });
  const width = Math.floor(100 / columns.length);
  return {
    columns: columns.map((c) => c.heading),
    widths: columns.map((_, i) => (i === 0 ? 100 - width * (columns.length - 1) : width)),
    sections: sections(
      (p) => `Priority ${p.number}: ${p.title}`,
      (a) => columns.map((c) => fieldText(doc, a, c.use, c.heading, seen.has('score'))),
    ),
  };
}

/** The plan's header fields as label and value, those with a value only. */
export function headerLines(doc: PlanDocument): Array<[string, string]> {
  const h = doc.plan;
  const duration =
    h.durationFrom || h.durationTo
      ? `${formatDate(h.durationFrom) || '?'} to ${formatDate(h.durationTo) || '?'}`
      : '';
  const lines: Array<[string, string]> = [
    ['Type of plan', PLAN_TYPE_NAMES[h.type]],
    ['Committee', h.committeeName ?? ''],
    ['Duration', duration],
    ['Relevant strategies', h.relevantStrategies ?? ''],
    ['Previous versions', h.previousVersions ?? ''],
    ['Board responsible for monitoring', h.monitoringBoard ?? ''],
    ['Owner', h.owner ?? ''],
    ['Implementation date', formatDate(h.implementationDate)],
    ['Review date', formatDate(h.reviewDate)],
    ['Frequency of monitoring and reporting', FREQUENCY_NAMES[h.monitoringFrequency]],
    ['Aims', h.aims ?? ''],
  ];
  return lines.filter(([, v]) => v !== '');
}

export function countsLine(doc: PlanDocument): string {
  return ragCountsSentence(doc.counts, doc.ragKey);
}

/** The end (target) date as the plan wrote it: "31 March 2017", "March 2016", "Summer 2017", "ongoing". */
export function endDateText(a: {
  endDate: string | null;
  endDatePrecision?: string | null;
  endDateText?: string | null;
}): string {
  return formatPlanDate(a.endDate, a.endDatePrecision ?? null, a.endDateText ?? null);
}

/** The start date as the plan wrote it, as for the end date. */
export function startDateText(a: {
  startDate: string | null;
  startDatePrecision?: string | null;
  startDateText?: string | null;
}): string {
  return formatPlanDate(a.startDate, a.startDatePrecision ?? null, a.startDateText ?? null);
}
