/**
 * Children who go missing repeatedly: 2 or more episodes beginning within
 * any window of 90 days (both configurable), as of a date. Pure.
 */
import { addDays } from '../../platform/calendar/working-days';
import { londonDateOf } from './london-time';

export interface RepeatRule {
  episodes: number;
  days: number;
}

export const DEFAULT_REPEAT: RepeatRule = { episodes: 2, days: 90 };

export interface RepeatChild {
  personId: string;
  /** Start dates of the episodes in the latest qualifying window, oldest first. */
  starts: string[];
}

/**
 * Children with at least `rule.episodes` episodes starting within `rule.days`
 * days of each other, counting only the window that ends today (episodes that
 * began in the last `rule.days` days, today included).
 */
export function repeatMissing(
  episodes: ReadonlyArray<{ personId: string; startAt: Date }>,
  today: string,
  rule: RepeatRule = DEFAULT_REPEAT,
): RepeatChild[] {
  const from = addDays(today, -(rule.days - 1));
  const byChild = new Map<string, string[]>();
  for (const e of episodes) {
    const start = londonDateOf(e.startAt);
    if (start < from || start > today) continue;
    byChild.set(e.personId, [...(byChild.get(e.personId) ?? []), start]);
  }
  return [...byChild.entries()]
    .filter(([, starts]) => starts.length >= rule.episodes)
    .map(([personId, starts]) => ({ personId, starts: starts.sort() }))
    .sort((a, b) => b.starts.length - a.starts.length || a.personId.localeCompare(b.personId));
}
