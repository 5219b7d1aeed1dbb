/**
 * The education service's lists (the "lists the education service
 * keeps"): who is on each, and how many children were on each at the end of
 * each month. Pure.
 */
import { addDays, addMonths } from '../../platform/calendar/working-days';

export const EDUCATION_LISTS = ['ehe', 'attendance', 'vulnerable'] as const;
export type EducationList = (typeof EDUCATION_LISTS)[number];
export const EDUCATION_LIST_LABELS: Record<EducationList, string> = {
  ehe: 'Electively home educated',
  attendance: 'Attendance persistently below 90%',
  vulnerable: 'Vulnerable children list',
};

export interface ListEntry {
  personId: string;
  list: string;
  fromOn: string;
  toOn: string | null;
}

/** On the list on that day: from the first day to the last, both included. */
export const onListOn = (e: ListEntry, day: string) => e.fromOn <= day && (!e.toOn || e.toOn >= day);

/** The last days of the `months` months up to and including the month of `today` (the current month counts to today). */
export function monthEnds(today: string, months: number): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return [...Array(months).keys()].reverse().map((i) => {
    const end = addDays(addMonths(first, 1 - i), -1);
    return end > today ? today : end;
  });
}

/** Children (counted once) on each list at each date. */
export function countsOverTime(
  entries: readonly ListEntry[],
  dates: readonly string[],
): Record<EducationList, number[]> {
  const counts = {} as Record<EducationList, number[]>;
  for (const list of EDUCATION_LISTS) {
    const mine = entries.filter((e) => e.list === list);
    counts[list] = dates.map((d) => new Set(mine.filter((e) => onListOn(e, d)).map((e) => e.personId)).size);
  }
  return counts;
}

/** What is wrong with an entry's dates, by field; empty when none. */
export function checkListDates(fromOn: string, toOn: string | null, today: string): Record<string, string> {
  if (fromOn > today) return { fromOn: 'The date the child was added must be today or in the past' };
  if (toOn && toOn < fromOn) return { toOn: 'The last day on the list must be on or after the date added' };
  if (toOn && toOn > today) return { toOn: 'The last day on the list must be today or in the past' };
  return {};
}
