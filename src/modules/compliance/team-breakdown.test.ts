import { describe, expect, it } from 'vitest';
import { overdueByWorker } from './team-breakdown';

const workers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `w${i}`, name: `Worker ${String(i).padStart(2, '0')}` }));

describe("the team manager's overdue tasks by worker", () => {
  it('lists every worker of a team of ordinary size, in the order given, with none overdue shown as 0', () => {
    const overdue = new Map([['w1', 3]]);
    const { lines, rest } = overdueByWorker(workers(3), overdue, 4);
    expect(lines.map((l) => [l.name, l.overdue])).toEqual([
      ['Worker 00', 0],
      ['Worker 01', 3],
      ['Worker 02', 0],
    ]);
    expect(rest).toBeNull();
  });

  it('in a larger team, lists the most overdue first (ties by name) and the rest together', () => {
    const overdue = new Map<string | null, number>([
      ['w4', 9],
      ['w2', 5],
      ['w3', 5],
      ['w0', 1],
      ['w5', 2],
    ]);
    const { lines, rest } = overdueByWorker(workers(6), overdue, 4);
    expect(lines.map((l) => [l.workerId, l.overdue])).toEqual([
      ['w4', 9],
      ['w2', 5],
      ['w3', 5],
    ]);
    expect(rest).toEqual({ workers: 3, overdue: 3 });
  });

  it('counts tasks of no worker in none of the lines', () => {
    const { lines, rest } = overdueByWorker(workers(2), new Map([[null, 7]]), 4);
    expect(lines.every((l) => l.overdue === 0)).toBe(true);
    expect(rest).toBeNull();
  });
});
