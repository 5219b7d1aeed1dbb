/**
 * Target dates as plans write them: a day ("31/03/2017"), a month ("Mar-16",
 * "April 2017"), a quarter ("Q1 2017"), a season ("Summer 2017"), a year
 * ("2017"), or a duration that is not a date at all ("ongoing"). A period
 * is kept with its precision and stored as its last day, so the due-date
 * rules treat "March 2016" as due by 31 March 2016; it is shown as written.
 * Pure functions; no database.
 */
import { formatDate, monthNames } from '../../platform/http/views';

export const DATE_PRECISIONS = ['day', 'month', 'quarter', 'season', 'year', 'text'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface PlanDate {
  /** The last day of the period (YYYY-MM-DD), or null for a duration written as text. */
  date: string | null;
  precision: DatePrecision;
  /** As written, for a quarter, a season or text; null otherwise (shown from the date). */
  text: string | null;
}

const MONTHS = monthNames.map((m) => m.toLowerCase());

/** The month (1-12) a name or its first three letters stands for ("Sept" too). */
function monthOf(name: string): number | undefined {
  const n = name.toLowerCase();
  if (n.length < 3) return undefined;
  if (n === 'sept') return 9;
  const i = MONTHS.findIndex((m) => m.startsWith(n));
  return i >= 0 ? i + 1 : undefined;
}

function yearOf(text: string): number | undefined {
  const y = Number(text);
  if (!Number.isInteger(y)) return undefined;
  const full = text.length === 2 ? 2000 + y : y;
  return full >= 1990 && full <= 2100 ? full : undefined;
}

function lastDayOf(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

/** Seasons as English councils use them; each ends with its last month. Winter 2017 runs into February 2018. */
const SEASON_END: Record<string, number> = { spring: 5, summer: 8, autumn: 11, winter: 14 };

/**
 * A period from text ("Mar-16", "April 2017", "Q2 2017", "Summer 2017",
 * "2017"), or undefined when the text is not one. Day dates are read by the
 * caller (parseDateCell) first.
 */
export function parsePeriod(text: string): PlanDate | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  let m = /^([a-z]{3,9})[\s/-]?'?(\d{2}|\d{4})$/i.exec(t);
  if (m) {
    const month = monthOf(m[1]!);
    const year = yearOf(m[2]!);
    if (month && year) return { date: lastDayOf(year, month), precision: 'month', text: null };
  }
  m = /^(\d{1,2})[/-](\d{4})$/.exec(t);
  if (m) {
    const month = Number(m[1]);
    const year = yearOf(m[2]!);
    if (month >= 1 && month <= 12 && year)
      return { date: lastDayOf(year, month), precision: 'month', text: null };
  }
  m = /^q([1-4])[\s/-]?(\d{2}|\d{4})$/i.exec(t);
  if (m) {
    const year = yearOf(m[2]!);
    if (year) return { date: lastDayOf(year, Number(m[1]) * 3), precision: 'quarter', text: t };
  }
  m = /^(spring|summer|autumn|winter)(?: term)? (\d{4})$/i.exec(t);
  if (m) {
    const year = yearOf(m[2]!);
    const end = SEASON_END[m[1]!.toLowerCase()]!;
    if (year) {
      const date = end > 12 ? lastDayOf(year + 1, end - 12) : lastDayOf(year, end);
      return { date, precision: 'season', text: t };
    }
  }
  m = /^(\d{4})$/.exec(t);
  if (m) {
    const year = yearOf(m[1]!);
    if (year) return { date: `${year}-12-31`, precision: 'year', text: null };
  }
  return undefined;
}

/** A target date as written, from a day date or a period; anything else is kept as text. */
export function parsePlanDate(text: string, dayDate: string | undefined): PlanDate | null {
  const t = text.trim();
  if (!t) return null;
  if (dayDate) return { date: dayDate, precision: 'day', text: null };
  return parsePeriod(t) ?? { date: null, precision: 'text', text: t.slice(0, 200) };
}

/** "31 March 2016", "March 2016", "Summer 2017", "2017" or the text as written. Empty when there is none. */
export function formatPlanDate(
  date: string | null,
  precision: DatePrecision | string | null,
  text: string | null,
): string {
  switch (precision ?? 'day') {
    case 'month': {
      if (!date) return text ?? '';
      const [y, mo] = date.split('-');
      return `${monthNames[Number(mo) - 1]} ${y}`;
    }
    case 'year':
      return date ? date.slice(0, 4) : (text ?? '');
    case 'quarter':
    case 'season':
    case 'text':
      return text ?? (date ? formatDate(date) : '');
    default:
      return date ? formatDate(date) : (text ?? '');
  }
}

/** The precision as stored: null for a day (the column's default meaning). */
export function storedPrecision(d: PlanDate | null): Exclude<DatePrecision, 'day'> | null {
  return d && d.precision !== 'day' ? d.precision : null;
}

const SPAN_MONTHS: Partial<Record<DatePrecision, number>> = { month: 1, quarter: 3, season: 3, year: 12 };

/**
 * A start date as written: the same precision and text, but the first day
 * of the period ("April 2017" starts on 1 April 2017), so a start and an end
 * in the same month are in order.
 */
export function asStart(d: PlanDate | null): PlanDate | null {
  const span = d?.date ? SPAN_MONTHS[d.precision] : undefined;
  if (!d?.date || !span) return d;
  const [y, m] = d.date.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - span, 1));
  return { ...d, date: first.toISOString().slice(0, 10) };
}
