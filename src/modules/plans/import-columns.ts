/**
 * Which column of an imported table holds what. Plans name their columns in
 * many ways ("Who?", "Does what?", "By when?", "RAG rated progress", "DLT
 * lead"); each heading is matched to a plan field by the names councils
 * use, and the person may change the mapping in the import preview. Columns
 * that match nothing are kept as further information on each action.
 */
import { COLUMNS } from './table-io';

export type ColumnKey = (typeof COLUMNS)[number][1];
/** What a column is read as: a plan field, further information, or nothing. */
export type ColumnUse = ColumnKey | 'extra' | 'ignore';

const ALIASES: Record<ColumnKey, readonly string[]> = {
  priority: ['priority', 'priority area', 'theme'],
  subHeading: ['sub-heading', 'subheading', 'sub heading'],
  reference: ['reference', 'ref', 'ref.', 'no', 'no.', 'number', '#', 'action no', 'action number'],
  aim: [
    'specific aim or recommendation',
    'specific aim',
    'aim',
    'recommendation',
    'objective',
    'what we want to achieve',
  ],
  source: ['source'],
  action: ['action', 'actions', 'does what?', 'does what', 'what', 'action required', 'what will we do'],
  startDate: ['start', 'start date'],
  endDate: [
    'end',
    'end date',
    'by when?',
    'by when',
    'when',
    'target date',
    'target date for completion',
    'deadline',
    'timescale',
    'timescales',
    'completion date',
  ],
  measure: [
    'measure or outcome',
    'measure',
    'measures',
    'success measure',
    'success measures',
    'how will we know',
    'outcome',
    'impact',
  ],
  outcomeForChildren: ['outcome for children', 'outcomes for children', 'impact on children'],
  leadOfficer: [
    'lead officer',
    'lead',
    'leads',
    'who?',
    'who',
    'dlt lead',
    'responsible officer',
    'officer',
    'owner',
    'lead(s)',
  ],
  seniorLead: ['senior lead', 'senior responsible officer', 'sro'],
  areaLead: ['area lead'],
  progress: [
    'progress and impact',
    'progress',
    'comments',
    'comment',
    'update',
    'progress update',
    'progress to date',
  ],
  updateDate: ['update date', 'date of update'],
  focus: ['focus for the next period', 'next steps', 'focus'],
  rag: ['rag', 'rag rated progress', 'rag status', 'rag rating', 'status', 'rating'],
  score: ['score', 'rag score', 'score (0-10)', 'score out of 10', 'scaled score'],
  ragReviewedOn: ['rag reviewed on'],
  completedOn: ['completed on', 'date completed'],
  evidence: ['evidence of completion', 'evidence'],
  dateAdded: ['date added'],
  agendaItem: ['agenda item'],
  extraText: ['further information'],
};

/** Plan fields a person may pick for a column in the preview, with their names. */
export const COLUMN_CHOICES: ReadonlyArray<{ value: ColumnUse; text: string }> = [
  ...COLUMNS.map(([label, key]) => ({ value: key as ColumnUse, text: label })),
  { value: 'extra', text: 'Keep as further information' },
  { value: 'ignore', text: 'Leave out' },
];

export function isColumnUse(value: unknown): value is ColumnUse {
  return COLUMN_CHOICES.some((c) => c.value === value);
}

function tidy(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[:*]+$/, '')
    .trim();
}

/**
 * The field a heading names, or undefined. A comments column per review
 * ("Comments March 2017", "Update Q2") is progress.
 */
export function columnFor(heading: string): ColumnKey | undefined {
  const h = tidy(heading);
  if (!h) return undefined;
  for (const [key, names] of Object.entries(ALIASES) as Array<[ColumnKey, readonly string[]]>) {
    if (names.includes(h)) return key;
  }
  if (/^(comments?|progress|update)\b/.test(h)) return 'progress';
  if (/^rag\b/.test(h)) return 'rag';
  if (/\blead\b/.test(h)) return 'leadOfficer';
  return undefined;
}

/** How many of a row's cells are headings of plan fields: a header row names at least the action and one more. */
export function headingScore(cells: readonly string[]): number {
  const keys = cells.map(columnFor);
  return keys.includes('action') ? keys.filter(Boolean).length : 0;
}

/** The use of each column, by heading, with any the person chose instead. */
export function columnUses(
  headings: readonly string[],
  chosen: Readonly<Record<number, ColumnUse>> = {},
): ColumnUse[] {
  return headings.map((h, i) => chosen[i] ?? columnFor(h) ?? (h.trim() ? 'extra' : 'ignore'));
}

/** Columns that may appear more than once: a comments column per review. */
export const REPEATABLE: ReadonlySet<ColumnUse> = new Set(['progress', 'extra', 'ignore']);
