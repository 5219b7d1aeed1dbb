import { describe, expect, it } from 'vitest';
import { type AreaResult, areaGrid, nextVisitDue, visitOverdue, visitSummary } from './provider-rules';

const r = (area: string, rag: AreaResult['rag']): AreaResult => ({ area, rag, comment: null });
const areas = [
  { key: 'a', title: 'A' },
  { key: 'b', title: 'B' },
  { key: 'c', title: 'C' },
];

describe('a provider visit', () => {
  it('is red if any area is red, amber if any is amber, green only when every area looked at is green', () => {
    expect(visitSummary([r('a', 'green'), r('b', 'red'), r('c', 'amber')])).toEqual({
      red: 1,
      amber: 1,
      green: 1,
      notSeen: 0,
      overall: 'red',
    });
    expect(visitSummary([r('a', 'green'), r('b', 'amber'), r('c', 'not_seen')]).overall).toBe('amber');
    expect(visitSummary([r('a', 'green'), r('b', 'not_seen')])).toMatchObject({
      overall: 'green',
      notSeen: 1,
    });
    expect(visitSummary([r('a', 'not_seen')]).overall).toBeNull();
  });

  it('is due termly: four months after the last, or from the day the provider was listed', () => {
    expect(nextVisitDue('2026-06-30', '2025-01-01')).toBe('2026-10-30');
    expect(nextVisitDue('2026-10-31', '2025-01-01')).toBe('2027-02-28');
    expect(nextVisitDue(null, '2026-11-01')).toBe('2026-11-01');
    expect(visitOverdue('2026-06-30', '2025-01-01', '2026-10-30')).toBe(false);
    expect(visitOverdue('2026-06-30', '2025-01-01', '2026-10-31')).toBe(true);
    expect(visitOverdue(null, '2026-11-01', '2026-11-02')).toBe(true);
  });
});

describe('the grid of areas across visits', () => {
  it('gives each area its RAG per visit and its direction from the last two visits that looked at it', () => {
    const grid = areaGrid(areas, [
      { results: [r('a', 'red'), r('b', 'green'), r('c', 'amber')] },
      { results: [r('a', 'amber'), r('b', 'not_seen'), r('c', 'amber')] },
      { results: [r('a', 'green'), r('b', 'amber')] },
    ]);
    expect(grid.map((g) => [g.area.key, g.rags, g.direction])).toEqual([
      ['a', ['red', 'amber', 'green'], 'better'],
      ['b', ['green', 'not_seen', 'amber'], 'worse'],
      ['c', ['amber', 'amber', null], 'same'],
    ]);
    expect(areaGrid(areas, [{ results: [r('a', 'red')] }])[0]!.direction).toBeNull();
  });
});
