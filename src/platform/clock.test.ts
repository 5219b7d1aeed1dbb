import { describe, expect, it } from 'vitest';
import { londonDateOf, londonMidnight } from './clock';

describe('londonMidnight', () => {
  it('is midnight UTC in winter and 23:00 UTC the day before in summer', () => {
    expect(londonMidnight('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(londonMidnight('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('begins the day the clocks change on the right side of the change', () => {
    // 29 March 2026: clocks go forward at 01:00 GMT; the day began at 00:00 GMT.
    expect(londonMidnight('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    // 25 October 2026: clocks go back at 02:00 BST; the day began at 00:00 BST.
    expect(londonMidnight('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    for (const day of ['2026-03-29', '2026-07-01', '2026-10-25', '2026-12-31'])
      expect(londonDateOf(londonMidnight(day))).toBe(day);
  });
});
