/**
 * Instants and London calendar dates for the missing clocks: a clock in hours
 * runs from an instant; a clock in days is due by the end of a London day.
 */
import { addDays } from '../../platform/calendar/working-days';
import { londonDateOf } from '../../platform/clock';

const HOUR_MS = 3_600_000;
const londonHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The instant a London calendar day begins (00:00 GMT or BST). */
export function londonMidnight(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  // Midnight UTC shows as 00:00 in London in winter, 01:00 in summer time.
  const shown = Number(londonHour.format(new Date(utc)));
  return new Date(utc - shown * HOUR_MS);
}

/** The end of a London calendar day: the instant the next day begins. */
export function endOfLondonDay(iso: string): Date {
  return londonMidnight(addDays(iso, 1));
}

/** A London date and "HH:MM" as an instant (as a clock on the wall in London shows it). */
export function londonInstant(iso: string, time: string): Date {
  const [h, min] = time.split(':').map(Number) as [number, number];
  const guess = new Date(londonMidnight(iso).getTime() + (h * 60 + min) * 60_000);
  // On the day the clocks change, hours after the change sit one hour nearer or further from midnight.
  let drift = Number(londonHour.format(guess)) - h;
  if (drift > 12) drift -= 24;
  if (drift < -12) drift += 24;
  return new Date(guess.getTime() - drift * HOUR_MS);
}

// Made once: making a formatter costs about a thousand times formatting with one (lists call this per episode).
const londonHourMinute = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "HH:MM" of an instant in London. */
export function londonTimeOf(at: Date): string {
  return londonHourMinute.format(at);
}

export const addHours = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR_MS);

export { londonDateOf };
