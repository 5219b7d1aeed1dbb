import { describe, expect, it } from 'vitest';
import { countByTierAndMonth, lastMonths } from './observation-counts';

describe('observations by tier and month', () => {
  it('names the twelve months ending with this one, across a year end', () => {
    const months = lastMonths('2026-02-10', 12);
    expect(months[0]).toBe('2025-03');
    expect(months.at(-1)).toBe('2026-02');
    expect(months).toHaveLength(12);
  });

  it('counts each observation in its month and tier, with totals, and leaves out other months', () => {
    const counts = countByTierAndMonth(
      [
        { tier: 'social_worker', observedOn: '2026-10-03' },
        { tier: 'social_worker', observedOn: '2026-10-28' },
        { tier: 'director', observedOn: '2026-11-01' },
        { tier: 'team_manager', observedOn: '2025-01-01' },
        { tier: 'not_a_tier', observedOn: '2026-11-02' },
      ],
      ['2026-10', '2026-11'],
    );
    expect(counts.rows[0]).toMatchObject({ month: '2026-10', total: 2 });
    expect(counts.rows[0]!.byTier.social_worker).toBe(2);
    expect(counts.rows[1]!.byTier.director).toBe(1);
    expect(counts.totals.total).toBe(3);
    expect(counts.totals.byTier.team_manager).toBe(0);
  });
});
