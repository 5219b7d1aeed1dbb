import { addDays, addMonths, addWorkingDays } from '../../../platform/calendar/working-days';

export const INTERVAL_UNITS = ['working_days', 'days', 'hours', 'weeks', 'months', 'years'] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

/** A due interval: "20 working days", "6 weeks", "3 months", "72 hours". */
export interface Interval {
  amount: number;
  unit: IntervalUnit;
}

const UNIT_WORDS: Record<IntervalUnit, [string, string]> = {
  working_days: ['working day', 'working days'],
  days: ['day', 'days'],
  hours: ['hour', 'hours'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  years: ['year', 'years'],
};

/**
 * The date an interval after a start date. Hours are rounded up to whole
 * calendar days (72 hours after a return on the 1st is due on the 4th): the
 * register holds dates, not times. Months keep the day of the month, or the
 * last day of a shorter month.
 */
export function addInterval(start: string, interval: Interval, holidays: ReadonlySet<string>): string {
  switch (interval.unit) {
    case 'working_days':
      return addWorkingDays(start, interval.amount, holidays);
    case 'days':
      return addDays(start, interval.amount);
    case 'hours':
      return addDays(start, Math.ceil(interval.amount / 24));
    case 'weeks':
      return addDays(start, interval.amount * 7);
    case 'months':
      return addMonths(start, interval.amount);
    case 'years':
      return addMonths(start, interval.amount * 12);
  }
}

export function formatInterval(interval: Interval): string {
  const [one, many] = UNIT_WORDS[interval.unit];
  return `${interval.amount} ${interval.amount === 1 ? one : many}`;
}

/** Read "20 working days", "6 weeks", "72 hours", "1 month" (also "20 WD"). Undefined when it cannot. */
export function parseInterval(text: string): Interval | undefined {
  const m = text
    .trim()
    .toLowerCase()
    .match(/^(\d{1,4})\s*(wd|working days?|days?|hours?|weeks?|months?|years?)$/);
  if (!m) return undefined;
  const amount = Number(m[1]);
  const word = m[2]!;
  const unit: IntervalUnit =
    word === 'wd' || word.startsWith('working')
      ? 'working_days'
      : word.startsWith('day')
        ? 'days'
        : word.startsWith('hour')
          ? 'hours'
          : word.startsWith('week')
            ? 'weeks'
            : word.startsWith('month')
              ? 'months'
              : 'years';
  if (amount < 1) return undefined;
  return { amount, unit };
}

/** "20 working days, then 3 months, then 6 months" <-> a sequence of intervals. */
export function parseIntervalSequence(text: string): Interval[] | undefined {
  const parts = text
    .split(/,?\s*then\s*|,/i)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const out: Interval[] = [];
  for (const part of parts) {
    const interval = parseInterval(part);
    if (!interval) return undefined;
    out.push(interval);
  }
  return out;
}

export function formatIntervalSequence(intervals: readonly Interval[]): string {
  return intervals.map(formatInterval).join(', then ');
}
