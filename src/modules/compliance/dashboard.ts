import { formatMonth } from '../../platform/http/views';
import type { TaskStatus } from './rules/status';

/** The statuses a dashboard shows for open work, in the order people act on them. */
export const OPEN_STATUSES: readonly TaskStatus[] = ['overdue', 'due-soon', 'upcoming'];
export const ALL_STATUSES: readonly TaskStatus[] = ['overdue', 'due-soon', 'upcoming', 'done', 'done-late'];

export interface CountRow {
  key: string | null;
  counts: Record<TaskStatus, number>;
  total: number;
}

/** Pivot grouped counts into one row per key with a count per status, keys in the given order. */
export function pivot(
  rows: ReadonlyArray<{ key: string | null; status: string; n: number }>,
  order?: readonly (string | null)[],
): CountRow[] {
  const byKey = new Map<string | null, CountRow>();
  const empty = () =>
    ({ overdue: 0, 'due-soon': 0, upcoming: 0, done: 0, 'done-late': 0 }) as Record<TaskStatus, number>;
  for (const key of order ?? []) byKey.set(key, { key, counts: empty(), total: 0 });
  for (const r of rows) {
    let row = byKey.get(r.key);
    if (!row) {
      row = { key: r.key, counts: empty(), total: 0 };
      byKey.set(r.key, row);
    }
    if (r.status in row.counts) {
      row.counts[r.status as TaskStatus] += r.n;
      row.total += r.n;
    }
  }
  return [...byKey.values()];
}

/** Totals across rows, for a table's footer. */
export function totals(rows: readonly CountRow[]): CountRow {
  const sum = { overdue: 0, 'due-soon': 0, upcoming: 0, done: 0, 'done-late': 0 } as Record<
    TaskStatus,
    number
  >;
  let total = 0;
  for (const r of rows) {
    for (const s of ALL_STATUSES) sum[s] += r.counts[s];
    total += r.total;
  }
  return { key: 'Total', counts: sum, total };
}

export interface TrendPoint {
  month: string;
  due: number;
  onTime: number;
  /** Percentage done on time, one decimal; null when nothing fell due. */
  rate: number | null;
}

/** The last n months up to and including the month of today, with on-time rates; months with nothing due are kept. */
export function onTimeTrend(
  rows: ReadonlyArray<{ month: string; due: number; onTime: number }>,
  today: string,
  months = 12,
): TrendPoint[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const out: TrendPoint[] = [];
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < months; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    const r = byMonth.get(key);
    const due = r?.due ?? 0;
    const onTime = r?.onTime ?? 0;
    out.unshift({ month: key, due, onTime, rate: due ? Math.round((onTime / due) * 1000) / 10 : null });
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** "2026-01" -> "January 2026". */
export const monthLabel = formatMonth;
