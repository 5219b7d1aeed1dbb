/**
 * The team manager's overdue tasks by worker, for the home page: every
 * worker of a team of ordinary size, by name; in a larger team, the workers
 * with most overdue tasks, then the rest together, so the page tells a
 * manager where to look first rather than listing a hundred names.
 */

/** Workers listed one by one; a larger team shows the most overdue of them and the rest together. */
export const WORKERS_LISTED = 12;

export interface WorkerLine {
  /** The worker (null for the rest together). */
  workerId: string | null;
  name: string;
  overdue: number;
}

export function overdueByWorker(
  workers: ReadonlyArray<{ id: string; name: string }>,
  overdueOf: ReadonlyMap<string | null, number>,
  listed = WORKERS_LISTED,
): { lines: WorkerLine[]; rest: { workers: number; overdue: number } | null } {
  const lines = workers.map((w) => ({ workerId: w.id, name: w.name, overdue: overdueOf.get(w.id) ?? 0 }));
  if (lines.length <= listed) return { lines, rest: null };
  const ranked = [...lines].sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name));
  const shown = ranked.slice(0, listed - 1);
  const others = ranked.slice(listed - 1);
  return {
    lines: shown,
    rest: { workers: others.length, overdue: others.reduce((n, l) => n + l.overdue, 0) },
  };
}
