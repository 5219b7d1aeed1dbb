/**
 * The clocks of a missing episode, as pure functions (timescales.md, "Missing
 * from home, care or education"). Clocks in hours run from an instant; clocks
 * in days are due by the end of a London calendar day.
 *
 * - Police told (looked-after child): 4 hours from the start.
 * - Strategy meetings (looked-after child): the first by the end of the first
 *   working day after the start, and at the latest 72 hours after it; the
 *   second 7 days after the first; then fortnightly after the one before;
 *   monthly once a meeting falls 3 months or more after the start. A child
 *   on a child protection plan or in an s47 enquiry who goes missing from
 *   home: one meeting within 7 days of the start.
 * - Assistant director told: 3 days; lead member told: 7 days (looked-after
 *   child, by date).
 * - Social worker contact: 24 hours from the return.
 * - Return home interview offered and arranged, or the refusal recorded:
 *   72 hours from the return. It stays due after the episode ends: the end
 *   starts it.
 *
 * A clock that runs from the start and was not yet due when the child came
 * back is not due at all (timescales.md, "Tasks that a closed episode does not
 * cancel"); one already overdue at the return stays overdue until done.
 */
import { addDays, addMonths, addWorkingDays } from '../../platform/calendar/working-days';
import { addHours, endOfLondonDay, londonDateOf, londonMidnight } from './london-time';

export type ClockKey =
  | 'police_told'
  | 'strategy_meeting'
  | 'ad_told'
  | 'lead_member_told'
  | 'sw_contact'
  | 'return_interview';

export type Light = 'red' | 'amber' | 'green' | 'done' | 'done_late';

export const CLOCK_NAMES: Record<ClockKey, string> = {
  police_told: 'Police told',
  strategy_meeting: 'Strategy meeting',
  ad_told: 'Assistant director told',
  lead_member_told: 'Lead member told',
  sw_contact: 'Social worker in touch after the return',
  return_interview: 'Return home interview offered (or refusal recorded)',
};

/** How long before the due moment a clock turns amber. */
export const AMBER_HOURS: Record<ClockKey, number> = {
  police_told: 1,
  strategy_meeting: 24,
  ad_told: 24,
  lead_member_told: 48,
  sw_contact: 6,
  return_interview: 24,
};

export interface EpisodeClockInput {
  startAt: Date;
  endAt: Date | null;
  /** Looked after when the episode began. */
  lookedAfter: boolean;
  /** On a child protection plan or in an s47 enquiry when the episode began. */
  protectionPlanOrEnquiry: boolean;
  policeToldAt: Date | null;
  adToldAt: Date | null;
  leadMemberToldAt: Date | null;
  socialWorkerContactAt: Date | null;
  /** When the offer of an interview, or the child's refusal, was recorded. */
  interviewOfferedAt: Date | null;
  /** London dates of the strategy meetings held. */
  meetingsHeld: readonly string[];
}

export interface Clock {
  key: ClockKey;
  name: string;
  /** 1, 2, 3... for strategy meetings; 1 otherwise. */
  sequence: number;
  dueAt: Date;
  /** "hours": due at an instant; "day": due by the end of a London day (dueDate). */
  unit: 'hours' | 'day';
  /** The London date of the due moment (for "day" clocks, the day it is due by). */
  dueDate: string;
  doneAt: Date | null;
  light: Light;
}

/** A clock's traffic light at `now`. Done late stays "done late". */
export function lightOf(key: ClockKey, dueAt: Date, doneAt: Date | null, now: Date): Light {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? 'done' : 'done_late';
  if (now.getTime() > dueAt.getTime()) return 'red';
  return dueAt.getTime() - now.getTime() <= AMBER_HOURS[key] * 3_600_000 ? 'amber' : 'green';
}

/**
 * When the next strategy meeting for a looked-after child is due, given the
 * meetings already held (London dates, in order).
 */
export function nextStrategyMeetingDue(
  startAt: Date,
  held: readonly string[],
  holidays: ReadonlySet<string>,
): { dueAt: Date; unit: 'hours' | 'day' } {
  const startDate = londonDateOf(startAt);
  if (held.length === 0) {
    const firstWorkingDay = endOfLondonDay(addWorkingDays(startDate, 1, holidays));
    const latest = addHours(startAt, 72);
    return latest < firstWorkingDay
      ? { dueAt: latest, unit: 'hours' }
      : { dueAt: firstWorkingDay, unit: 'day' };
  }
  const previous = held[held.length - 1]!;
  if (held.length === 1) return { dueAt: endOfLondonDay(addDays(previous, 7)), unit: 'day' };
  if (previous >= addMonths(startDate, 3))
    return { dueAt: endOfLondonDay(addMonths(previous, 1)), unit: 'day' };
  return { dueAt: endOfLondonDay(addDays(previous, 14)), unit: 'day' };
}

/** A meeting held on a London date counts as held at the start of that day: one held on the day it is due is on time. */
const heldAt = (date: string) => londonMidnight(date);

/** Every clock of an episode at `now`, in the order they fall due. */
export function episodeClocks(input: EpisodeClockInput, now: Date, holidays: ReadonlySet<string>): Clock[] {
  const clocks: Clock[] = [];
  const startDate = londonDateOf(input.startAt);
  const add = (
    key: ClockKey,
    dueAt: Date,
    unit: Clock['unit'],
    doneAt: Date | null,
    fromStart: boolean,
    sequence = 1,
  ) => {
    // A start clock not yet due when the child came back is not due (unless it was done anyway).
    if (fromStart && !doneAt && input.endAt && input.endAt.getTime() <= dueAt.getTime()) return;
    const dueDate = unit === 'day' ? londonDateOf(new Date(dueAt.getTime() - 1)) : londonDateOf(dueAt);
    clocks.push({
      key,
      name: CLOCK_NAMES[key],
      sequence,
      dueAt,
      unit,
      dueDate,
      doneAt,
      light: lightOf(key, dueAt, doneAt, now),
    });
  };

  if (input.lookedAfter) {
    add('police_told', addHours(input.startAt, 4), 'hours', input.policeToldAt, true);
    const held = [...input.meetingsHeld].sort();
    for (let i = 0; i < held.length; i++) {
      const due = nextStrategyMeetingDue(input.startAt, held.slice(0, i), holidays);
      add('strategy_meeting', due.dueAt, due.unit, heldAt(held[i]!), true, i + 1);
    }
    const next = nextStrategyMeetingDue(input.startAt, held, holidays);
    add('strategy_meeting', next.dueAt, next.unit, null, true, held.length + 1);
    add('ad_told', endOfLondonDay(addDays(startDate, 3)), 'day', input.adToldAt, true);
    add('lead_member_told', endOfLondonDay(addDays(startDate, 7)), 'day', input.leadMemberToldAt, true);
  } else if (input.protectionPlanOrEnquiry) {
    const first = input.meetingsHeld.length ? [...input.meetingsHeld].sort()[0]! : null;
    add('strategy_meeting', endOfLondonDay(addDays(startDate, 7)), 'day', first ? heldAt(first) : null, true);
  }
  if (input.endAt) {
    add('sw_contact', addHours(input.endAt, 24), 'hours', input.socialWorkerContactAt, false);
    add('return_interview', addHours(input.endAt, 72), 'hours', input.interviewOfferedAt, false);
  }
  return clocks.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** The clocks that need someone now: overdue or turning amber. */
export function needingAttention(clocks: readonly Clock[]): Clock[] {
  return clocks.filter((c) => c.light === 'red' || c.light === 'amber');
}
