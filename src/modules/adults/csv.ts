/**
 * The register from a CSV laid out like the Safeguarding Adults Collection
 * (SAC) case-level extract: one row per concern, the columns named in
 * docs/adults.md (names matched without regard to case, spaces, hyphens or
 * underscores; SAC's own answer wording or the register's short values).
 * Every row is checked with the same rules as the form; any problem rejects
 * the whole file with its row, column and reason. What is unusual is kept and
 * reported as a notice. Pure.
 */
import { parse } from 'csv-parse/sync';
import { hasControlCharacters } from '../../platform/errors';
import { type ConcernField, type ConcernInput, checkConcern } from './concern';
import {
  ABUSE_TYPES,
  CONCERN_SOURCES,
  DECISIONS,
  ENQUIRY_TYPES,
  LOCATIONS,
  OUTCOMES_ACHIEVED,
  OUTCOMES_ASKED,
  RISK_OUTCOMES,
  RISK_SOURCES,
  type Vocabulary,
} from './vocab';

export interface CsvProblem {
  row: number;
  column: string;
  reason: string;
}
export interface CsvNotice {
  row: number;
  message: string;
}

export const MAX_ROWS = 50_000;

interface Column {
  field: ConcernField;
  name: string;
  aliases: string[];
  required: boolean;
  kind: 'text' | 'date' | 'choice' | 'choices';
  vocab?: Vocabulary;
  /** Other spellings of a vocabulary's answers, normalised, to the value. */
  answers?: Record<string, string>;
}

/** The columns read, in SAC order; docs/adults.md lists the same. */
export const COLUMNS: readonly Column[] = [
  {
    field: 'reference',
    name: 'Concern ID',
    aliases: ['concern reference', 'reference'],
    required: true,
    kind: 'text',
  },
  {
    field: 'personRef',
    name: 'Person ID',
    aliases: ['person reference', 'client id'],
    required: true,
    kind: 'text',
  },
  {
    field: 'receivedOn',
    name: 'Date concern received',
    aliases: ['concern date', 'date received'],
    required: true,
    kind: 'date',
  },
  {
    field: 'source',
    name: 'Source of concern',
    aliases: ['concern source', 'referrer'],
    required: true,
    kind: 'choice',
    vocab: CONCERN_SOURCES,
    answers: {
      'social care': 'social-care',
      'self referral': 'self',
      self: 'self',
      'friend neighbour': 'friend-neighbour',
    },
  },
  {
    field: 's42Decision',
    name: 'Section 42 decision',
    aliases: ['s42 decision', 'led to s42 enquiry'],
    required: false,
    kind: 'choice',
    vocab: DECISIONS,
    answers: { y: 'yes', n: 'no' },
  },
  {
    field: 'decisionOn',
    name: 'Date of decision',
    aliases: ['decision date', 's42 decision date'],
    required: false,
    kind: 'date',
  },
  {
    field: 'enquiryType',
    name: 'Enquiry type',
    aliases: ['type of enquiry'],
    required: false,
    kind: 'choice',
    vocab: ENQUIRY_TYPES,
    answers: {
      'section 42': 's42',
      s42: 's42',
      'other enquiry': 'other',
      'other safeguarding enquiry': 'other',
    },
  },
  {
    field: 'enquiryStartedOn',
    name: 'Date enquiry started',
    aliases: ['enquiry start date'],
    required: false,
    kind: 'date',
  },
  {
    field: 'enquiryConcludedOn',
    name: 'Date enquiry concluded',
    aliases: ['enquiry end date', 'enquiry concluded date'],
    required: false,
    kind: 'date',
  },
  {
    field: 'abuseTypes',
    name: 'Type of abuse',
    aliases: ['types of abuse', 'abuse type'],
    required: false,
    kind: 'choices',
    vocab: ABUSE_TYPES,
    answers: {
      physical: 'physical',
      sexual: 'sexual',
      psychological: 'psychological',
      financial: 'financial',
      'financial or material': 'financial',
      discriminatory: 'discriminatory',
      organisational: 'organisational',
      neglect: 'neglect',
      domestic: 'domestic',
    },
  },
  {
    field: 'location',
    name: 'Location of abuse',
    aliases: ['location'],
    required: false,
    kind: 'choice',
    vocab: LOCATIONS,
    answers: {
      'in the community': 'community',
      community: 'community',
      'care home nursing': 'care-home-nursing',
      'care home residential': 'care-home-residential',
    },
  },
  {
    field: 'riskSource',
    name: 'Source of risk',
    aliases: ['risk source'],
    required: false,
    kind: 'choice',
    vocab: RISK_SOURCES,
    answers: {
      'other known to individual': 'known-to-individual',
      'other unknown to individual': 'unknown-to-individual',
    },
  },
  {
    field: 'outcomesAsked',
    name: 'Asked about outcomes',
    aliases: ['msp asked', 'desired outcomes asked'],
    required: false,
    kind: 'choice',
    vocab: OUTCOMES_ASKED,
    answers: {
      'yes they were asked and outcomes were expressed': 'expressed',
      'yes they were asked but no outcomes were expressed': 'none-expressed',
      no: 'not-asked',
      'not asked': 'not-asked',
    },
  },
  {
    field: 'outcomesAchieved',
    name: 'Outcomes achieved',
    aliases: ['msp outcomes achieved', 'desired outcomes achieved'],
    required: false,
    kind: 'choice',
    vocab: OUTCOMES_ACHIEVED,
    answers: {
      fully: 'fully',
      'partially achieved': 'partly',
      partially: 'partly',
      partly: 'partly',
      not: 'not',
    },
  },
  {
    field: 'riskOutcome',
    name: 'Risk outcome',
    aliases: ['outcome for risk'],
    required: false,
    kind: 'choice',
    vocab: RISK_OUTCOMES,
    answers: { removed: 'removed', reduced: 'reduced', remains: 'remains', 'risk remained': 'remains' },
  },
];

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Every way an answer may be written, normalised, to its value. */
function answersOf(c: Column): Map<string, string> {
  const m = new Map<string, string>();
  for (const [value, label] of Object.entries(c.vocab ?? {})) {
    m.set(norm(value), value);
    m.set(norm(label), value);
    // "Yes: a section 42 enquiry" also as "Yes".
    m.set(norm(label.split(':')[0]!), value);
  }
  for (const [answer, value] of Object.entries(c.answers ?? {})) m.set(norm(answer), value);
  return m;
}

/** 2026-07-01, or 1/7/2026 and 01/07/2026 as written in England. */
function dateOf(text: string): string | null {
  let y: string;
  let m: string;
  let d: string;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (iso) [, y, m, d] = iso as unknown as [string, string, string, string];
  else if (uk) [, d, m, y] = uk as unknown as [string, string, string, string];
  else return null;
  const out = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${out}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === out ? out : null;
}

const listOf = (v: Vocabulary) => Object.values(v).join('; ');

export type ParsedCsv =
  | { ok: true; rows: ConcernInput[]; notices: CsvNotice[] }
  | { ok: false; problems: CsvProblem[] };

export function parseConcernCsv(text: string, today: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (e) {
    return {
      ok: false,
      problems: [{ row: 0, column: '', reason: `The file is not a readable CSV: ${(e as Error).message}` }],
    };
  }
  if (records.length - 1 > MAX_ROWS) {
    return {
      ok: false,
      problems: [
        {
          row: 0,
          column: '',
          reason: `The file has more than ${MAX_ROWS.toLocaleString('en-GB')} rows: split it into smaller files`,
        },
      ],
    };
  }
  const header = (records[0] ?? []).map(norm);
  const at = new Map<ConcernField, number>();
  const notices: CsvNotice[] = [];
  const known = new Set<number>();
  for (const c of COLUMNS) {
    const i = header.findIndex((h) => h === norm(c.name) || c.aliases.some((a) => norm(a) === h));
    if (i >= 0) {
      at.set(c.field, i);
      known.add(i);
    }
  }
  const missing = COLUMNS.filter((c) => c.required && !at.has(c.field)).map((c) => c.name);
  if (missing.length) {
    return {
      ok: false,
      problems: [
        {
          row: 1,
          column: '',
          reason: `The first row must name the columns; these are missing: ${missing.join(', ')}`,
        },
      ],
    };
  }
  const ignored = (records[0] ?? []).filter((h, i) => !known.has(i) && h.trim() !== '');
  if (ignored.length) notices.push({ row: 1, message: `Columns not read: ${ignored.join(', ')}` });

  const answers = new Map(COLUMNS.map((c) => [c.field, answersOf(c)]));
  const problems: CsvProblem[] = [];
  const rows: ConcernInput[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, n) => {
    const row = n + 2;
    const out: Record<string, unknown> = {};
    const before = problems.length;
    for (const c of COLUMNS) {
      const i = at.get(c.field);
      const raw = (i === undefined ? '' : (record[i] ?? '')).trim();
      const problem = (reason: string) => problems.push({ row, column: c.name, reason });
      if (hasControlCharacters(raw)) {
        problem('Remove the control characters');
        continue;
      }
      if (raw === '') {
        if (c.required) problem(`Enter the ${c.name.toLowerCase()}`);
        out[c.field] = c.kind === 'choices' ? [] : null;
        continue;
      }
      switch (c.kind) {
        case 'text':
          if (raw.length > 50) problem(`${c.name} must be 50 characters or fewer`);
          out[c.field] = raw;
          break;
        case 'date': {
          const d = dateOf(raw);
          if (!d) problem(`"${raw}" is not a date: write it as 2026-07-31 or 31/07/2026`);
          out[c.field] = d;
          break;
        }
        case 'choice': {
          const v = answers.get(c.field)!.get(norm(raw));
          if (!v) problem(`"${raw}" is not one of: ${listOf(c.vocab!)}`);
          out[c.field] = v ?? null;
          break;
        }
        case 'choices': {
          const values: string[] = [];
          for (const part of raw
            .split(/[;|]/)
            .map((p) => p.trim())
            .filter(Boolean)) {
            const v = answers.get(c.field)!.get(norm(part));
            if (!v) problem(`"${part}" is not one of: ${listOf(c.vocab!)} (separate several with ;)`);
            else if (!values.includes(v)) values.push(v);
          }
          out[c.field] = values;
          break;
        }
      }
    }
    if (problems.length > before) return;
    const concern = out as unknown as ConcernInput;
    const earlier = seen.get(concern.reference);
    if (earlier) {
      problems.push({
        row,
        column: 'Concern ID',
        reason: `The concern ID ${concern.reference} is also on row ${earlier}: each concern once`,
      });
      return;
    }
    seen.set(concern.reference, row);
    const check = checkConcern(concern, today);
    for (const [field, reason] of Object.entries(check.errors)) {
      problems.push({ row, column: COLUMNS.find((c) => c.field === field)!.name, reason });
    }
    for (const message of check.notices) notices.push({ row, message });
    rows.push(concern);
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows, notices };
}
