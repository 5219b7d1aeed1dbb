/**
 * Disclosure control of public text, pure. Before anything is published, every
 * public text is checked against the people in the case register (found by
 * the cases service from the words and dates the texts hold) and for small
 * numbers in public tables. Each finding says where it is; a finding that may
 * be a coincidence (a name, a date, a small number) can be let through by the
 * clerk with a recorded reason; an identifier cannot.
 */
import { DEFAULT_SUPPRESSION, type SuppressionRule } from '../../platform/disclosure/suppression';
import { parseMarkup } from './markup';

export interface PublicText {
  /** Where a reader finds it, e.g. "Item 4, Summary". */
  where: string;
  text: string;
  /** Structured text (tables are checked for small numbers); false for rendered component text. */
  markup: boolean;
}

export interface RegisterPerson {
  forename: string | null;
  surname: string | null;
  dateOfBirth: string | null;
  identifiers: string[];
}

export type FindingKind =
  | 'name'
  | 'close_name'
  | 'identifier'
  | 'date_of_birth'
  | 'small_number'
  | 'unread_file';

export interface Finding {
  where: string;
  kind: FindingKind;
  /** What was found, as it stands in the text. */
  matched: string;
  /** Whether the clerk may let it through with a reason. */
  overridable: boolean;
  /** Stable key of the finding, for overrides. */
  key: string;
}

export const FINDING_NAMES: Record<FindingKind, string> = {
  name: 'The name of a person in the case register',
  close_name: 'A close match to the name of a person in the case register',
  identifier: 'An identifier of a person in the case register',
  date_of_birth: 'The date of birth of a person in the case register',
  small_number: 'A number from 1 to 5 in a public table (suppress it as [c])',
  unread_file:
    'A public PDF appendix the service cannot read: read it yourself for names, dates of birth and small numbers',
};

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

/** Lower-cased words of a text (letters, apostrophes and hyphens inside names). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
}

/**
 * Tokens that could be identifiers, lower-cased: runs of letters and digits
 * (joined by hyphens or slashes, and each part too) with a digit in them.
 */
export function tokensOf(text: string): string[] {
  const out = new Set<string>();
  for (const whole of text.toLowerCase().match(/[\p{L}\d]+(?:[-/][\p{L}\d]+)*/gu) ?? []) {
    for (const t of [whole, ...whole.split(/[-/]/)]) if (t.length >= 4 && /\d/.test(t)) out.add(t);
  }
  return [...out];
}

/** Dates written in a text, as ISO dates: 3 March 2015, 3rd March 2015, 03/03/2015, 2015-03-03. */
export function datesOf(text: string): Array<{ iso: string; written: string }> {
  const found: Array<{ iso: string; written: string }> = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  const add = (y: number, m: number, d: number, written: string) => {
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) found.push({ iso: `${y}-${pad(m)}-${pad(d)}`, written });
  };
  for (const m of text.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})\b/g)) {
    const month = MONTHS.findIndex((x) => x.startsWith(m[2]!.toLowerCase()) && m[2]!.length >= 3);
    if (month >= 0) add(Number(m[3]), month + 1, Number(m[1]), m[0]);
  }
  for (const m of text.matchAll(/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g))
    add(Number(m[3]), Number(m[2]), Number(m[1]), m[0]);
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g))
    add(Number(m[1]), Number(m[2]), Number(m[3]), m[0]);
  return found;
}

const norm = (s: string) => s.toLowerCase().replace(/’/g, "'").trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const firstMatch = (text: string, re: RegExp) => text.match(re)?.[0] ?? null;

export function finding(where: string, kind: FindingKind, matched: string): Finding {
  return {
    where,
    kind,
    matched,
    overridable: kind !== 'identifier',
    key: `${where}|${kind}|${norm(matched)}`,
  };
}

/** Register findings in one text. */
function registerFindings(t: PublicText, people: readonly RegisterPerson[]): Finding[] {
  const out: Finding[] = [];
  const text = t.text.replace(/’/g, "'");
  const tokens = new Set(tokensOf(text));
  const dates = datesOf(text);
  for (const p of people) {
    const fore = p.forename ? norm(p.forename) : '';
    const sur = p.surname ? norm(p.surname) : '';
    if (fore && sur) {
      const [f, s] = [escapeRe(fore), escapeRe(sur)];
      const exact = firstMatch(text, new RegExp(`(?<![\\p{L}])${f}\\s+${s}(?![\\p{L}])`, 'iu'));
      if (exact) out.push(finding(t.where, 'name', exact));
      else {
        const close =
          firstMatch(text, new RegExp(`(?<![\\p{L}])${s},\\s*${f}(?![\\p{L}])`, 'iu')) ??
          firstMatch(text, new RegExp(`(?<![\\p{L}])${escapeRe(fore[0]!)}\\.?\\s+${s}(?![\\p{L}])`, 'iu'));
        if (close) out.push(finding(t.where, 'close_name', close));
      }
    }
    for (const id of p.identifiers)
      if (id && tokens.has(norm(id))) out.push(finding(t.where, 'identifier', id));
    if (p.dateOfBirth)
      for (const d of dates)
        if (d.iso === p.dateOfBirth) out.push(finding(t.where, 'date_of_birth', d.written));
  }
  return out;
}

/** Whole numbers from the rule's range in the cells of a structured text's tables. */
function smallNumberFindings(t: PublicText, rule: SuppressionRule): Finding[] {
  if (!t.markup) return [];
  const out: Finding[] = [];
  const tables = parseMarkup(t.text).filter((b) => b.type === 'table');
  for (const [ti, table] of tables.entries())
    for (const [r, row] of table.rows.entries())
      for (const [c, cell] of row.entries()) {
        const n = /^\d+$/.test(cell) ? Number(cell) : null;
        if (n !== null && n >= rule.min && n <= rule.max)
          out.push(finding(`${t.where}, table ${ti + 1} row ${r + 1} column ${c + 1}`, 'small_number', cell));
      }
  return out;
}

/** Every finding in the public texts, deduplicated, in the order of the texts. */
export function checkPublicTexts(
  texts: readonly PublicText[],
  people: readonly RegisterPerson[],
  rule: SuppressionRule = DEFAULT_SUPPRESSION,
): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const t of texts) {
    for (const f of [...registerFindings(t, people), ...smallNumberFindings(t, rule)]) {
      if (seen.has(f.key)) continue;
      seen.add(f.key);
      out.push(f);
    }
  }
  return out;
}

/** What the register must be asked about these texts: their words, tokens and dates. */
export function registerQuery(texts: readonly PublicText[]): {
  words: string[];
  tokens: string[];
  dates: string[];
} {
  const words = new Set<string>();
  const tokens = new Set<string>();
  const dates = new Set<string>();
  for (const t of texts) {
    for (const w of wordsOf(t.text)) if (w.length >= 2) words.add(norm(w));
    for (const k of tokensOf(t.text)) tokens.add(k);
    for (const d of datesOf(t.text)) dates.add(d.iso);
  }
  return { words: [...words], tokens: [...tokens], dates: [...dates] };
}
