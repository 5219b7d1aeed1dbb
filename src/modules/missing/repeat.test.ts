import { describe, expect, it } from 'vitest';
import { londonInstant } from './london-time';
import { repeatMissing } from './repeat';

const e = (personId: string, date: string, time = '12:00') => ({
  personId,
  startAt: londonInstant(date, time),
});

describe('children who go missing repeatedly', () => {
  // Today is 16 November 2026: the 90-day window runs from 19 August 2026.
  const today = '2026-11-16';

  it('lists a child with two episodes in the last 90 days, the earliest on the window’s first day', () => {
    expect(
      repeatMissing([e('A', '2026-08-19'), e('A', '2026-11-16', '23:30'), e('B', '2026-10-01')], today),
    ).toEqual([{ personId: 'A', starts: ['2026-08-19', '2026-11-16'] }]);
  });

  it('an episode the day before the window does not count', () => {
    expect(repeatMissing([e('A', '2026-08-18'), e('A', '2026-11-01')], today)).toEqual([]);
  });

  it('the rule is configurable, and children with most episodes come first', () => {
    const episodes = [
      e('A', '2026-11-01'),
      e('A', '2026-11-10'),
      e('B', '2026-10-01'),
      e('B', '2026-10-02'),
      e('B', '2026-11-02'),
    ];
    expect(repeatMissing(episodes, today).map((c) => c.personId)).toEqual(['B', 'A']);
    expect(repeatMissing(episodes, today, { episodes: 3, days: 90 }).map((c) => c.personId)).toEqual(['B']);
    expect(repeatMissing(episodes, today, { episodes: 2, days: 20 }).map((c) => c.personId)).toEqual(['A']);
  });
});
