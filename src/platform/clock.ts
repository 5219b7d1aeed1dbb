/**
 * The one source of "now". Production uses the system clock; tests inject a
 * clock they can set and move, so no test ever sleeps.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class FixedClock implements Clock {
  private current: Date;
  constructor(start: Date | string) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Europe/London at the given instant. */
export function londonDateOf(instant: Date): string {
  return londonDate.format(instant);
}

/** Today's calendar date in Europe/London. */
export function today(clock: Clock): string {
  return londonDateOf(clock.now());
}

const londonHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The instant a London calendar day (YYYY-MM-DD) begins: midnight GMT in winter, 23:00 UTC the day before in summer. */
export function londonMidnight(iso: string): Date {
  const utcMidnight = new Date(`${iso}T00:00:00Z`);
  return new Date(utcMidnight.getTime() - Number(londonHour.format(utcMidnight)) * 3_600_000);
}
