/** Pure rules of family feedback: how far the family's goals moved between assessment and closure. No database. */

/** A goal the family set, scored 0 (not at all) to 10 (fully met) at assessment and again at closure. */
export interface GoalScore {
  goal: string;
  atAssessment: number;
  atClosure: number;
}

/** Each goal's change, and the average change across the goals (one decimal place; null with no goals). */
export function goalChanges(goals: readonly GoalScore[]): {
  goals: Array<GoalScore & { change: number }>;
  averageChange: number | null;
} {
  const withChange = goals.map((g) => ({ ...g, change: g.atClosure - g.atAssessment }));
  const averageChange = withChange.length
    ? Math.round((withChange.reduce((n, g) => n + g.change, 0) / withChange.length) * 10) / 10
    : null;
  return { goals: withChange, averageChange };
}

/** Average of averages over many families, one decimal place; families with no goals are left out. */
export function averageOf(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((v): v is number => v != null);
  if (!present.length) return null;
  return Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 10) / 10;
}

/** Counts by key, in the order of `keys`, for a table; keys not listed are left out. */
export function countBy<K extends string>(
  keys: readonly K[],
  values: ReadonlyArray<string | null>,
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) if (v != null && v in counts) counts[v as K] += 1;
  return counts;
}
