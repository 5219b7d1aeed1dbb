import { describe, expect, it } from 'vitest';
import { isOverdue, isStale, ragCounts, ragCountsSentence, reviewDueBy } from './rules';
import { DEFAULT_RAG_KEY } from './vocab';

const base = {
  rag: 'green' as const,
  endDate: '2026-06-30',
  ragReviewedOn: '2026-05-01',
  addedOn: '2026-01-10',
};

describe('overdue', () => {
  it('flags an action past its end date that is not complete', () => {
    expect(isOverdue(base, '2026-07-01')).toBe(true);
    expect(isOverdue({ ...base, rag: 'amber' }, '2026-12-01')).toBe(true);
  });
  it('does not flag on or before the end date', () => {
    expect(isOverdue(base, '2026-06-30')).toBe(false);
    expect(isOverdue(base, '2026-06-29')).toBe(false);
  });
  it('never flags a complete action or one without an end date', () => {
    expect(isOverdue({ ...base, rag: 'blue' }, '2027-01-01')).toBe(false);
    expect(isOverdue({ ...base, endDate: null }, '2027-01-01')).toBe(false);
  });
});

describe('stale', () => {
  it('flags an open action whose RAG was not reviewed within the monitoring period', () => {
    expect(reviewDueBy(base, 'quarterly')).toBe('2026-08-01');
    expect(isStale(base, 'quarterly', '2026-08-01')).toBe(false);
    expect(isStale(base, 'quarterly', '2026-08-02')).toBe(true);
    expect(isStale(base, 'monthly', '2026-06-02')).toBe(true);
    expect(isStale(base, 'six_monthly', '2026-10-31')).toBe(false);
    expect(isStale(base, 'six_monthly', '2026-11-02')).toBe(true);
    expect(isStale(base, 'yearly', '2027-05-01')).toBe(false);
  });
  it('counts from when the action was added if its RAG was never reviewed', () => {
    const never = { ...base, ragReviewedOn: null };
    expect(reviewDueBy(never, 'monthly')).toBe('2026-02-10');
    expect(isStale(never, 'monthly', '2026-02-11')).toBe(true);
  });
  it('never flags a complete action', () => {
    expect(isStale({ ...base, rag: 'blue' }, 'monthly', '2030-01-01')).toBe(false);
  });
  it('handles month ends: reviewed 31 January, monthly, due by 28 February', () => {
    const jan = { ...base, ragReviewedOn: '2026-01-31' };
    expect(reviewDueBy(jan, 'monthly')).toBe('2026-02-28');
    expect(isStale(jan, 'monthly', '2026-03-01')).toBe(true);
  });
});

describe('RAG counts', () => {
  it('counts every code, zero included, and reads as committees write it', () => {
    const actions = [
      ...Array.from({ length: 63 }, () => ({ rag: 'green' as const })),
      ...Array.from({ length: 6 }, () => ({ rag: 'amber' as const })),
      { rag: 'blue' as const },
      { rag: 'blue' as const },
    ];
    const counts = ragCounts(actions);
    expect(counts).toEqual({ red: 0, amber: 6, green: 63, blue: 2, not_rated: 0 });
    expect(ragCountsSentence(counts, DEFAULT_RAG_KEY)).toBe('63 green, 6 amber, 0 red, 2 complete');
  });
  it("uses the organisation's own labels", () => {
    const key = DEFAULT_RAG_KEY.map((k) => (k.code === 'blue' ? { ...k, label: 'Done' } : k));
    expect(ragCountsSentence(ragCounts([{ rag: 'blue' }]), key)).toBe('0 green, 0 amber, 0 red, 1 done');
  });
});
