/**
 * Financial years and their quarters, as the council reports by them: the
 * year runs from 1 April; Q1 is April-June, Q2 July-September, Q3
 * October-December, Q4 January-March. Dates are ISO calendar dates. Pure.
 */
import { addDays, addMonths } from './working-days';

export interface Range {
  first: string;
  last: string;
}

export interface Quarter extends Range {
  /** "2026-27 Q2" */
  label: string;
}

/** The financial year (its starting calendar year) a date falls in. */
export function financialYearOf(date: string): number {
  const y = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? y : y - 1;
}

/** "2026-27" for the financial year starting in April 2026. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The financial year that starts in April of `startYear`: 1 April to 31 March. */
export function financialYear(startYear: number): Range {
  return { first: `${startYear}-04-01`, last: `${startYear + 1}-03-31` };
}

/** 1 April of the financial year a date falls in. */
export function financialYearStart(date: string): string {
  return `${financialYearOf(date)}-04-01`;
}

/** The financial-year quarter starting on `first` (the first day of a January, April, July or October). */
export function quarterStarting(first: string): Quarter {
  const m = Number(first.slice(5, 7));
  const q = Math.floor(((m + 8) % 12) / 3) + 1;
  return {
    label: `${financialYearLabel(financialYearOf(first))} Q${q}`,
    first,
    last: addDays(addMonths(first, 3), -1),
  };
}

/** The quarter a date falls in. */
export function quarterOf(date: string): Quarter {
  const m = Number(date.slice(5, 7));
  const start = m - ((m - 1) % 3);
  return quarterStarting(`${date.slice(0, 4)}-${String(start).padStart(2, '0')}-01`);
}

/** The last quarter that has ended by `today`. */
export function lastCompleteQuarter(today: string): Quarter {
  return quarterStarting(addMonths(quarterOf(today).first, -3));
}

/** The quarter after this one. */
export function nextQuarter(q: Quarter): Quarter {
  return quarterStarting(addMonths(q.first, 3));
}

/** The quarter and the `n` before it, oldest first. */
export function quartersTo(q: Quarter, n: number): Quarter[] {
  return Array.from({ length: n + 1 }, (_, i) => quarterStarting(addMonths(q.first, (i - n) * 3)));
}

/** The four quarters of the financial year that starts in April of `startYear`. */
export function financialYearQuarters(startYear: number): Quarter[] {
  return quartersTo(quarterStarting(`${startYear + 1}-01-01`), 3);
}

/** The year to date to the end of a quarter (or any range): from 1 April to its last day. */
export function yearToDate(q: Range): Range {
  return { first: financialYearStart(q.last), last: q.last };
}
