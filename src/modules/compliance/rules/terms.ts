import { addDays, addMonths } from '../../../platform/calendar/working-days';
import type { SchoolTerm } from './model';

/** School-year defaults for England; an organisation sets its own dates on the rule. */
export const ENGLAND_TERMS: readonly SchoolTerm[] = [
  { name: 'Autumn term', start: '09-01', end: '12-20' },
  { name: 'Spring term', start: '01-04', end: '03-31' },
  { name: 'Summer term', start: '04-14', end: '07-20' },
];

export interface TermDates {
  name: string;
  start: string;
  end: string;
  /** The day after the previous term ended: a task done in the holiday counts for the term that follows. */
  windowStart: string;
}

/** The terms of every school year touching from..to, in order. */
export function termsBetween(terms: readonly SchoolTerm[], from: string, to: string): TermDates[] {
  const first = Number(from.slice(0, 4)) - 1;
  const last = Number(to.slice(0, 4)) + 1;
  const dated: Array<Omit<TermDates, 'windowStart'>> = [];
  for (let year = first; year <= last; year += 1) {
    for (const t of terms) {
      const start = `${year}-${t.start}`;
      const end = t.end >= t.start ? `${year}-${t.end}` : `${year + 1}-${t.end}`;
      dated.push({ name: t.name, start, end });
    }
  }
  dated.sort((a, b) => a.start.localeCompare(b.start));
  return dated
    .map((t, i) => ({ ...t, windowStart: i === 0 ? t.start : addDays(dated[i - 1]!.end, 1) }))
    .filter((t) => t.end >= from && t.start <= to);
}

/**
 * Compulsory school age, as the PEP counts it: from the first term starting
 * after the child's fromYears birthday to the end of the school year (31
 * August) in which they turn untilYears.
 */
export function schoolAgeRange(
  dateOfBirth: string,
  terms: readonly SchoolTerm[],
  fromYears: number,
  untilYears: number,
): { from: string; until: string } {
  const birthday = addMonths(dateOfBirth, fromYears * 12);
  const afterBirthday = termsBetween(terms, birthday, addMonths(birthday, 12)).find(
    (t) => t.start > birthday,
  );
  const last = addMonths(dateOfBirth, untilYears * 12);
  const lastYear = Number(last.slice(0, 4)) + (last.slice(5) >= '09-01' ? 1 : 0);
  return { from: afterBirthday?.start ?? birthday, until: `${lastYear}-08-31` };
}

const MONTH_NAMES = [
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

function monthDay(day: string, month: string): string | undefined {
  const m = MONTH_NAMES.findIndex((n) => n === month || n.slice(0, 3) === month);
  const d = Number(day);
  if (m < 0 || !Number.isInteger(d) || d < 1) return undefined;
  const longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m]!;
  if (d > longest || (m === 1 && d === 29)) return undefined;
  return `${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Read "1 September to 20 December" as a term's first and last days; undefined when it cannot. */
export function parseTermDates(text: string): { start: string; end: string } | undefined {
  const m = text
    .trim()
    .toLowerCase()
    .match(/^(\d{1,2})\s+([a-z]+)\s+(?:to|-|until)\s+(\d{1,2})\s+([a-z]+)$/);
  if (!m) return undefined;
  const start = monthDay(m[1]!, m[2]!);
  const end = monthDay(m[3]!, m[4]!);
  return start && end && start !== end ? { start, end } : undefined;
}
