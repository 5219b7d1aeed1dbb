import { describe, expect, it } from 'vitest';
import { londonInstant, londonTimeOf } from './london-time';

describe('londonTimeOf', () => {
  it('shows an instant as a London wall clock does, in GMT and in summer time', () => {
    expect(londonTimeOf(new Date('2026-01-15T09:05:00Z'))).toBe('09:05');
    expect(londonTimeOf(new Date('2026-07-15T09:05:00Z'))).toBe('10:05');
    expect(londonTimeOf(new Date('2026-07-14T23:30:00Z'))).toBe('00:30');
  });

  it('reads back the time an instant was made from', () => {
    for (const [day, time] of [
      ['2026-03-29', '03:15'],
      ['2026-10-25', '00:00'],
      ['2026-12-01', '23:59'],
    ] as const)
      expect(londonTimeOf(londonInstant(day, time))).toBe(time);
  });
});
