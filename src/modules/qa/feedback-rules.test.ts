import { describe, expect, it } from 'vitest';
import { averageOf, countBy, goalChanges } from './feedback-rules';

describe("the family's goals rescored at closure", () => {
  it('change by the closure score less the assessment score, averaged across the goals', () => {
    const result = goalChanges([
      { goal: 'School every day', atAssessment: 3, atClosure: 8 },
      { goal: 'Calmer bedtimes', atAssessment: 4, atClosure: 6 },
      { goal: 'Fewer arguments', atAssessment: 6, atClosure: 5 },
    ]);
    expect(result.goals.map((g) => g.change)).toEqual([5, 2, -1]);
    expect(result.averageChange).toBe(2);
    expect(
      goalChanges([
        { goal: 'One', atAssessment: 2, atClosure: 3 },
        { goal: 'Two', atAssessment: 2, atClosure: 4 },
      ]).averageChange,
    ).toBe(1.5);
    expect(goalChanges([]).averageChange).toBeNull();
  });

  it('average across families, leaving out those without goals', () => {
    expect(averageOf([2, 1.5, null, 3])).toBe(2.2);
    expect(averageOf([null])).toBeNull();
  });
});

describe('counting outcomes', () => {
  it('counts the listed keys only, open ones (null) left out', () => {
    expect(countBy(['upheld', 'not_upheld'] as const, ['upheld', null, 'upheld', 'other'])).toEqual({
      upheld: 2,
      not_upheld: 0,
    });
  });
});
