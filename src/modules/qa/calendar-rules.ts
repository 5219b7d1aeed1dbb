/**
 * The QA calendar's pure rules: the dated instances a recurring activity
 * makes in a year, whether an instance is overdue, and the year laid out by
 * month. No database.
 */
import { type CalendarFrequency, MONTHS_PER_FREQUENCY } from './practice-vocab';

export interface Recurrence {
  frequency: CalendarFrequency;
  /** Months (1-12) the activity falls due in. */
  months: readonly number[];
  /** Day of the month it is due by; past the month's end, the month's last day. */
  dueDay: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** What is wrong with a recurrence, by field, or nothing. */
export function recurrenceProblems(r: Recurrence): Record<string, string> {
  const problems: Record<string, string> = {};
  const months = [...new Set(r.months)];
  if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 12))
    problems.months = 'Choose months from January to December';
  else if (r.frequency === 'monthly' ? false : months.length !== MONTHS_PER_FREQUENCY[r.frequency]) {
    const n = MONTHS_PER_FREQUENCY[r.frequency];
    problems.months = `Choose ${n === 1 ? 'the month' : `${n} months`} this activity falls due in`;
  }
  if (!Number.isInteger(r.dueDay) || r.dueDay < 1 || r.dueDay > 31)
    problems.dueDay = 'Enter the day of the month it is due by, from 1 to 31';
  return problems;
}

/** The due dates an activity makes in a calendar year, in order. Monthly activities fall due every month. */
export function instancesInYear(r: Recurrence, year: number): string[] {
  const months = r.frequency === 'monthly' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [...new Set(r.months)];
  return months
    .filter((m) => m >= 1 && m <= 12)
    .sort((a, b) => a - b)
    .map((m) => `${year}-${pad(m)}-${pad(Math.min(r.dueDay, lastDayOf(year, m)))}`);
}

/** Overdue: past its due date and not completed. Due today is not yet overdue. */
export function isOverdue(item: { dueDate: string; completedOn: string | null }, today: string): boolean {
  return item.completedOn == null && item.dueDate < today;
}

export type ItemState = 'done' | 'overdue' | 'due';

export function itemState(item: { dueDate: string; completedOn: string | null }, today: string): ItemState {
  return item.completedOn ? 'done' : isOverdue(item, today) ? 'overdue' : 'due';
}

/** A year's items in twelve months, each month's in due-date order. */
export function byMonth<T extends { dueDate: string }>(items: readonly T[], year: number): T[][] {
  const months: T[][] = Array.from({ length: 12 }, () => []);
  for (const item of [...items].sort((a, b) => a.dueDate.localeCompare(b.dueDate))) {
    if (Number(item.dueDate.slice(0, 4)) !== year) continue;
    months[Number(item.dueDate.slice(5, 7)) - 1]!.push(item);
  }
  return months;
}
