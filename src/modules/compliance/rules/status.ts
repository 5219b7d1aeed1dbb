import { daysBetween, workingDaysBetween } from '../../../platform/calendar/working-days';

/**
 * The traffic light of one statutory task:
 * red = overdue; amber = due within the amber window; green = due later;
 * done = completed on or before the due date; done-late = completed after it.
 */
export type TaskStatus = 'overdue' | 'due-soon' | 'upcoming' | 'done' | 'done-late';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  upcoming: 'Not yet due',
  done: 'Done on time',
  'done-late': 'Done late',
};

/** The GOV.UK tag colour for each status; the label always says it in words too. */
export const STATUS_TAG: Record<TaskStatus, string> = {
  overdue: 'govuk-tag--red',
  'due-soon': 'govuk-tag--yellow',
  upcoming: 'govuk-tag--green',
  done: 'govuk-tag--blue',
  'done-late': 'govuk-tag--grey',
};

export interface StatusResult {
  status: TaskStatus;
  /** Calendar days past the due date: how late it was done, or how overdue it is. 0 otherwise. */
  daysLate: number;
}

export function taskStatus(input: {
  due: string;
  completedOn?: string | null;
  today: string;
  amberWorkingDays: number;
  holidays: ReadonlySet<string>;
}): StatusResult {
  const { due, completedOn, today } = input;
  if (completedOn) {
    const late = daysBetween(due, completedOn);
    return late > 0 ? { status: 'done-late', daysLate: late } : { status: 'done', daysLate: 0 };
  }
  if (today > due) return { status: 'overdue', daysLate: daysBetween(due, today) };
  if (workingDaysBetween(today, due, input.holidays) <= input.amberWorkingDays) {
    return { status: 'due-soon', daysLate: 0 };
  }
  return { status: 'upcoming', daysLate: 0 };
}
