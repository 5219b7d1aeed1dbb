/**
 * The words improvement plans are written in: plan types, sources of actions,
 * monitoring frequencies and the default RAG key. Pure data and small pure
 * functions; no database.
 */

export const PLAN_TYPES = [
  'service_improvement',
  'inspection_improvement',
  'thematic',
  'self_evaluation',
  'committee_outstanding',
] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

export const PLAN_TYPE_NAMES: Record<PlanType, string> = {
  service_improvement: 'Service improvement plan',
  inspection_improvement: 'Inspection improvement plan',
  thematic: 'Thematic action plan',
  self_evaluation: 'Self-evaluation areas for development',
  committee_outstanding: 'Committee outstanding actions',
};

export function planTypeFromName(name: string): PlanType | undefined {
  const wanted = name.trim().toLowerCase();
  return PLAN_TYPES.find((t) => PLAN_TYPE_NAMES[t].toLowerCase() === wanted || t === wanted);
}

export const FREQUENCIES = ['monthly', 'bi_monthly', 'quarterly', 'six_monthly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_NAMES: Record<Frequency, string> = {
  monthly: 'Monthly',
  bi_monthly: 'Every two months',
  quarterly: 'Quarterly',
  six_monthly: 'Six-monthly',
  yearly: 'Yearly',
};

export const FREQUENCY_MONTHS: Record<Frequency, number> = {
  monthly: 1,
  bi_monthly: 2,
  quarterly: 3,
  six_monthly: 6,
  yearly: 12,
};

export function frequencyFromName(name: string): Frequency | undefined {
  const wanted = name.trim().toLowerCase();
  return FREQUENCIES.find((f) => FREQUENCY_NAMES[f].toLowerCase() === wanted || f === wanted);
}

/**
 * The RAG codes. Labels and meanings are the organisation's; the codes and
 * what Blue means to the rules are fixed. Not rated is a state of its own
 * (an action the plan has not rated yet): counted and shown as such, never
 * read as Green.
 */
export const RAG_CODES = ['red', 'amber', 'green', 'blue', 'not_rated'] as const;
export type RagCode = (typeof RAG_CODES)[number];
export const COMPLETE: RagCode = 'blue';

export interface RagKeyEntry {
  code: RagCode;
  label: string;
  meaning: string;
}

export const DEFAULT_RAG_KEY: readonly RagKeyEntry[] = [
  { code: 'red', label: 'Red', meaning: 'Significant issues; needs to be escalated.' },
  { code: 'amber', label: 'Amber', meaning: 'Problems or risks slowing progress.' },
  { code: 'green', label: 'Green', meaning: 'Progressing as expected and on time.' },
  { code: 'blue', label: 'Blue', meaning: 'Completed; no further action.' },
  { code: 'not_rated', label: 'Not rated', meaning: 'Not yet given a RAG status.' },
];

/** GOV.UK tag colour for each code: the label is always shown as text too. */
export const RAG_TAG_CLASS: Record<RagCode, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
  blue: 'govuk-tag--blue',
  not_rated: 'govuk-tag--grey',
};

export function isRagCode(value: unknown): value is RagCode {
  return typeof value === 'string' && (RAG_CODES as readonly string[]).includes(value);
}

/** A RAG code from a label in this organisation's key, or from the code itself. */
export function ragFromLabel(key: readonly RagKeyEntry[], text: string): RagCode | undefined {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return undefined;
  const byLabel = key.find((k) => k.label.toLowerCase() === wanted);
  if (byLabel) return byLabel.code;
  if (isRagCode(wanted)) return wanted;
  if (['not rated', 'not yet rated', 'unrated', 'n/a', 'tbc'].includes(wanted)) return 'not_rated';
  if (wanted === 'complete' || wanted === 'completed') return 'blue';
  return undefined;
}

export function ragLabel(key: readonly RagKeyEntry[], code: RagCode): string {
  return key.find((k) => k.code === code)?.label ?? code;
}

/** Where an action came from. Some kinds carry a number (the recommendation or paragraph). */
export const SOURCE_KINDS = [
  'inspection_recommendation',
  'inspection_paragraph',
  'case_audit',
  'survey',
  'self_evaluation',
  'committee',
  'new',
  'other',
  'not_given',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_NAMES: Record<SourceKind, string> = {
  inspection_recommendation: 'Inspection recommendation',
  inspection_paragraph: 'Inspection report paragraph',
  case_audit: 'Case audit',
  survey: 'Service user survey',
  self_evaluation: 'Self-evaluation',
  committee: 'Committee',
  new: 'New',
  other: 'Other',
  not_given: 'Not given',
};

/** Kinds whose detail is a number (recommendation 3, paragraph 39). */
export const NUMBERED_SOURCES: ReadonlySet<SourceKind> = new Set([
  'inspection_recommendation',
  'inspection_paragraph',
]);

export interface Source {
  kind: SourceKind;
  /** The recommendation or paragraph number, or a short description (which audit, which survey). */
  detail: string | null;
}

/** "Inspection recommendation 3", "Case audit (April 2026 thematic audit)", "New"; blank when the plan gives none. */
export function formatSource(source: Source): string {
  if (source.kind === 'not_given') return '';
  const name = SOURCE_NAMES[source.kind];
  if (!source.detail) return name;
  if (NUMBERED_SOURCES.has(source.kind)) return `${name} ${source.detail}`;
  if (source.kind === 'other') return source.detail;
  return `${name} (${source.detail})`;
}

/**
 * Read a source as plans write it. Returns undefined for empty text. Anything
 * not recognised is kept as "other" with the text as its detail, so nothing
 * typed is lost.
 */
export function parseSource(text: string): Source | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return undefined;
  const lower = t.toLowerCase();
  const numbered: Array<[SourceKind, RegExp]> = [
    ['inspection_recommendation', /^inspection recommendation\s*(?:no\.?\s*)?(\d+[a-z]?)$/i],
    ['inspection_paragraph', /^inspection report paragraph\s*(\d+[a-z]?)$/i],
    ['inspection_paragraph', /^inspection paragraph\s*(\d+[a-z]?)$/i],
  ];
  for (const [kind, re] of numbered) {
    const m = re.exec(t);
    if (m) return { kind, detail: m[1]!.toLowerCase() };
  }
  for (const kind of SOURCE_KINDS) {
    if (kind === 'other' || kind === 'not_given') continue;
    const name = SOURCE_NAMES[kind].toLowerCase();
    if (lower === name) return { kind, detail: null };
    if (lower.startsWith(`${name} (`) && lower.endsWith(')')) {
      const detail = t.slice(name.length + 2, -1).trim();
      return { kind, detail: detail || null };
    }
  }
  if (lower === 'survey') return { kind: 'survey', detail: null };
  if (lower === 'audit') return { kind: 'case_audit', detail: null };
  return { kind: 'other', detail: t };
}

// ---------------------------------------------------------------- scored RAG

/**
 * A scored RAG key (the early help outcomes plan's shape): each action is
 * scored 0 to 10 and the bands give its colour: red from 0 to redTo, amber
 * to amberTo, green to 10. Complete and Not rated are not scored.
 */
export interface RagScale {
  redTo: number;
  amberTo: number;
}

export const SCORE_MAX = 10;
export const DEFAULT_RAG_SCALE: RagScale = { redTo: 3, amberTo: 6 };

/** The band a score falls in. */
export function ragFromScore(scale: RagScale, score: number): RagCode {
  if (score <= scale.redTo) return 'red';
  if (score <= scale.amberTo) return 'amber';
  return 'green';
}

/** The bands as ranges: "Red 0 to 3", for the key and the forms. */
export function scaleBands(scale: RagScale): Array<{ code: RagCode; from: number; to: number }> {
  return [
    { code: 'red', from: 0, to: scale.redTo },
    { code: 'amber', from: scale.redTo + 1, to: scale.amberTo },
    { code: 'green', from: scale.amberTo + 1, to: SCORE_MAX },
  ];
}

/** A whole score from 0 to 10 written in a cell ("7", "7/10", "Score 7"); undefined otherwise. */
export function parseScore(text: string): number | undefined {
  const m = /^(?:score\s*:?\s*)?(\d{1,2})(?:\s*(?:\/|out of)\s*10)?$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 0 && n <= SCORE_MAX ? n : undefined;
}
