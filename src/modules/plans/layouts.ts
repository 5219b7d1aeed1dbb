/**
 * The three ways a plan is printed, as plain text tables: the committee's
 * table (priorities as sections, every column), the self-evaluation review
 * (Action | Progress and impact | Focus for the next six months) and the
 * committee's outstanding actions (Action | Date added and agenda item |
 * Officer | Target date for completion | Status). DOCX and the print page
 * both use these, so they always say the same.
 */
import { formatDate } from '../../platform/http/views';
import { type DocAction, leadText, type PlanDocument } from './document';
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

function statusText(doc: PlanDocument, a: DocAction): string {
  const label = ragLabel(doc.ragKey, a.rag);
  if (a.rag === 'blue')
    return a.completedOn ? `${label}: complete ${formatDate(a.completedOn)}` : `${label}: complete`;
  const flags = [a.overdue ? 'overdue' : null, a.stale ? 'not reviewed this period' : null].filter(Boolean);
  return flags.length ? `${label} (${flags.join(', ')})` : label;
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
  const section = (heading: string, rows: TextCell[][]) => ({ heading: single ? null : heading, rows });
  if (layout === 'outstanding') {
    return {
      columns: ['Action', 'Date added and agenda item', 'Officer', 'Target date for completion', 'Status'],
      widths: [40, 18, 14, 12, 16],
      sections: doc.priorities.map((p) =>
        section(
          `${p.number}. ${p.title}`,
          p.actions.map((a) => [
            { text: `${a.reference}. ${a.action}` },
            {
              text: [a.dateAdded ? formatDate(a.dateAdded) : '', a.agendaItem ?? '']
                .filter(Boolean)
                .join(', '),
            },
            { text: leadText(a.leadOfficer) },
            { text: formatDate(a.endDate) },
            {
              text: [statusText(doc, a), a.completionEvidence ? `Evidence: ${a.completionEvidence}` : '']
                .filter(Boolean)
                .join('\n'),
              rag: a.rag,
            },
          ]),
        ),
      ),
    };
  }
  if (layout === 'review') {
    return {
      columns: ['Action', 'Progress and impact', 'Focus for the next six months', 'RAG'],
      widths: [30, 35, 25, 10],
      sections: doc.priorities.map((p) =>
        section(
          `${p.number}. ${p.title}`,
          p.actions.map((a) => [
            { text: `${ref(a)} ${a.action}` },
            {
              text: a.latestUpdate
                ? `${a.latestUpdate.progress} (${formatDate(a.latestUpdate.date)})`
                : 'No update yet',
            },
            { text: a.latestUpdate?.focus ?? '' },
            { text: statusText(doc, a), rag: a.rag },
          ]),
        ),
      ),
    };
  }
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
    sections: doc.priorities.map((p) =>
      section(
        `Priority ${p.number}: ${p.title}`,
        p.actions.map((a) => [
          { text: ref(a) },
          { text: a.aim ?? '' },
          { text: formatSource(a.source) },
          { text: a.action },
          { text: formatDate(a.startDate) },
          { text: formatDate(a.endDate) },
          { text: a.measure ?? '' },
          { text: a.outcomeForChildren ?? '' },
          { text: leadText(a.leadOfficer) },
          { text: leadText(a.seniorLead) },
          { text: leadText(a.areaLead) },
          { text: comments(a) },
          { text: statusText(doc, a), rag: a.rag },
        ]),
      ),
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
