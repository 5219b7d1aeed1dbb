import { describe, expect, it } from 'vitest';
import { monthLabel, onTimeTrend, pivot, totals } from './dashboard';

describe('dashboard arithmetic', () => {
  it('pivots grouped counts into rows with a count per status, keeping empty rows asked for', () => {
    const rows = pivot(
      [
        { key: 'w1', status: 'overdue', n: 2 },
        { key: 'w1', status: 'upcoming', n: 5 },
        { key: 'w2', status: 'due-soon', n: 1 },
      ],
      ['w1', 'w2', 'w3'],
    );
    expect(
      rows.map((r) => [r.key, r.counts.overdue, r.counts['due-soon'], r.counts.upcoming, r.total]),
    ).toEqual([
      ['w1', 2, 0, 5, 7],
      ['w2', 0, 1, 0, 1],
      ['w3', 0, 0, 0, 0],
    ]);
    expect(totals(rows)).toMatchObject({ total: 8, counts: { overdue: 2, 'due-soon': 1, upcoming: 5 } });
  });

  it('gives twelve months up to this one, with on-time rates and gaps where nothing fell due', () => {
    const trend = onTimeTrend(
      [
        { month: '2026-11', due: 4, onTime: 3 },
        { month: '2025-12', due: 3, onTime: 1 },
        { month: '2025-11', due: 9, onTime: 9 },
      ],
      '2026-11-16',
    );
    expect(trend).toHaveLength(12);
    expect(trend[0]).toEqual({ month: '2025-12', due: 3, onTime: 1, rate: 33.3 });
    expect(trend[5]).toEqual({ month: '2026-05', due: 0, onTime: 0, rate: null });
    expect(trend[11]).toEqual({ month: '2026-11', due: 4, onTime: 3, rate: 75 });
    expect(monthLabel('2026-01')).toBe('January 2026');
  });
});
