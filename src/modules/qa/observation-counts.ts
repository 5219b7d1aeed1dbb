/** Observations counted by tier and month: pure, for the observations page's table and chart. */
import { OBSERVATION_TIERS, type ObservationTier } from './practice-vocab';

export interface TierMonthCounts {
  /** Months as YYYY-MM, oldest first. */
  months: string[];
  /** Per month, a count per tier and the month's total. */
  rows: Array<{ month: string; byTier: Record<ObservationTier, number>; total: number }>;
  /** Per tier across the months, and the grand total. */
  totals: { byTier: Record<ObservationTier, number>; total: number };
}

/** The `count` months ending with the month of `today`, as YYYY-MM, oldest first. */
export function lastMonths(today: string, count: number): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - (count - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

const zeroes = () =>
  Object.fromEntries(OBSERVATION_TIERS.map((t) => [t, 0])) as Record<ObservationTier, number>;

/** Counts of observations by tier for each month given; observations outside those months are not counted. */
export function countByTierAndMonth(
  observations: ReadonlyArray<{ tier: string; observedOn: string }>,
  months: readonly string[],
): TierMonthCounts {
  const rows = months.map((month) => ({ month, byTier: zeroes(), total: 0 }));
  const index = new Map(rows.map((r) => [r.month, r]));
  const totals = { byTier: zeroes(), total: 0 };
  for (const o of observations) {
    const row = index.get(o.observedOn.slice(0, 7));
    if (!row || !(OBSERVATION_TIERS as readonly string[]).includes(o.tier)) continue;
    const tier = o.tier as ObservationTier;
    row.byTier[tier] += 1;
    row.total += 1;
    totals.byTier[tier] += 1;
    totals.total += 1;
  }
  return { months: [...months], rows, totals };
}
