/**
 * Calendar dates are ISO strings (YYYY-MM-DD) in Europe/London. Arithmetic is
 * done on UTC midnights so clock changes never shift a date.
 */

const DAY_MS = 86_400_000;

/**
 * Dates repeat a great deal (the compliance engine and the demo generator do
 * millions of sums over a few thousand days), so each conversion is kept once
 * computed: text by day number from 1970 to 2243, day numbers by text in a
 * bounded map that is emptied when full.
 */
const CACHED_DAYS = 100_000;
const CACHE_LIMIT = 50_000;
const msOf = new Map<string, number>();
const isoOf: Array<string | undefined> = [];

function toUtc(iso: string): number {
  const known = msOf.get(iso);
  if (known !== undefined) return known;
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) throw new RangeError(`Not a calendar date: ${iso}`);
  const ms = Date.UTC(y, m - 1, d);
  if (msOf.size >= CACHE_LIMIT) msOf.clear();
  msOf.set(iso, ms);
  return ms;
}

function fromUtc(ms: number): string {
  const day = ms / DAY_MS;
  const cacheable = Number.isInteger(day) && day >= 0 && day < CACHED_DAYS;
  const known = cacheable ? isoOf[day] : undefined;
  if (known !== undefined) return known;
  const iso = new Date(ms).toISOString().slice(0, 10);
  if (cacheable) isoOf[day] = iso;
  return iso;
}

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** Add calendar months; a day past the end of the target month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const targetMonthIndex = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, targetMonthIndex + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(y, targetMonthIndex, Math.min(d, lastDay)));
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function isWeekend(iso: string): boolean {
  const day = new Date(toUtc(iso)).getUTCDay();
  return day === 0 || day === 6;
}

export function isWorkingDay(iso: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(iso) && !holidays.has(iso);
}

/**
 * The date n working days after a date (n >= 0). The start day itself is
 * never counted: 1 working day after Friday is Monday. With n = 0 the date is
 * moved forward to a working day if it is not one.
 */
export function addWorkingDays(iso: string, n: number, holidays: ReadonlySet<string>): string {
  if (n < 0 || !Number.isInteger(n))
    throw new RangeError('addWorkingDays takes a whole number of days, 0 or more');
  let date = iso;
  if (n === 0) {
    while (!isWorkingDay(date, holidays)) date = addDays(date, 1);
    return date;
  }
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, holidays)) left -= 1;
  }
  return date;
}

/** Working days after `from` up to and including `to` (0 when to <= from). */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (isWorkingDay(d, holidays)) count += 1;
  }
  return count;
}

/** The later of two calendar dates (ISO dates order as strings). */
export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The earlier of two calendar dates. */
export function earlierOf(a: string, b: string): string {
  return a <= b ? a : b;
}
