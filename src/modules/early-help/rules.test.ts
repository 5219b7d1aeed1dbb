import { describe, expect, it } from 'vitest';
import {
  band,
  earlyHelpMeasure,
  goalsBehindFigure,
  progressOf,
  quarterFigures,
  type Score,
  scoreProblem,
} from './rules';

const s = (stage: Score['stage'], scoredOn: string, score: number): Score => ({ stage, scoredOn, score });

describe('an early help outcome score', () => {
  it('is red from 0 to 3, amber from 4 to 7 and green from 8 to 10', () => {
    expect([0, 3, 4, 7, 8, 10].map(band)).toEqual(['red', 'red', 'amber', 'amber', 'green', 'green']);
  });
});

describe('a goal', () => {
  it('travels the latest score minus the first, and its review is due 12 weeks after the last score', () => {
    const p = progressOf([s('review', '2026-06-01', 6), s('assessment', '2026-03-01', 2)]);
    expect(p).toEqual({
      first: 2,
      latest: 6,
      distance: 4,
      band: 'amber',
      closed: false,
      reviewDue: '2026-08-24',
    });
    expect(progressOf([s('assessment', '2026-03-01', 5)]).distance).toBeNull();
    const closed = progressOf([s('assessment', '2026-03-01', 7), s('closure', '2026-09-01', 3)]);
    expect(closed).toMatchObject({ distance: -4, band: 'red', closed: true, reviewDue: null });
  });

  it('is scored at assessment first, once, then reviewed, and closes at closure, in date order', () => {
    expect(scoreProblem([], s('review', '2026-03-01', 4), '2026-02-01')).toBe(
      'Score the goal at assessment first',
    );
    expect(scoreProblem([], s('assessment', '2026-01-01', 4), '2026-02-01')).toBe(
      'The date of the score must be on or after the goal was set',
    );
    expect(scoreProblem([], s('assessment', '2026-02-01', 4), '2026-02-01')).toBeNull();
    const one = [s('assessment', '2026-02-01', 4)];
    expect(scoreProblem(one, s('assessment', '2026-03-01', 5), '2026-02-01')).toBe(
      'This goal was already scored at assessment',
    );
    expect(scoreProblem(one, s('review', '2026-01-31', 5), '2026-01-01')).toBe(
      'The date of the score must be on or after the last score',
    );
    expect(
      scoreProblem([...one, s('closure', '2026-05-01', 9)], s('review', '2026-06-01', 9), '2026-02-01'),
    ).toBe('This goal is closed: it was scored at closure');
  });
});

describe("a quarter's figures", () => {
  it('count goals closed in it: their average distance travelled and the share ending green', () => {
    const goal = (closedOn: string | null, first: number, last: number) => ({
      closedOn,
      scores: [
        s('assessment', '2026-01-05', first),
        s(closedOn ? 'closure' : 'review', closedOn ?? '2026-05-01', last),
      ],
    });
    const goals = [
      goal('2026-04-01', 2, 9),
      goal('2026-05-15', 4, 7),
      goal('2026-06-30', 6, 8),
      goal('2026-07-01', 1, 10),
      goal(null, 0, 10),
    ];
    expect(quarterFigures(goals, '2026-04-01', '2026-06-30')).toEqual({
      closed: 3,
      averageDistance: 4,
      endedGreen: 2,
      greenShare: 66.7,
    });
    expect(quarterFigures(goals, '2025-04-01', '2025-06-30')).toEqual({
      closed: 0,
      averageDistance: null,
      endedGreen: 0,
      greenShare: null,
    });
  });
});

describe('the measures the performance indicators take', () => {
  const goal = (closedOn: string | null, ...scores: Score[]) => ({ closedOn, scores });
  const goals = [
    goal('2026-07-10', s('assessment', '2026-03-02', 2), s('closure', '2026-07-10', 9)),
    goal(
      '2026-08-20',
      s('assessment', '2026-04-01', 4),
      s('review', '2026-06-01', 5),
      s('closure', '2026-08-20', 6),
    ),
    goal('2026-09-30', s('assessment', '2026-05-01', 5), s('closure', '2026-09-30', 3)),
    // Scored only at closure: it travelled 0, and ended green.
    goal('2026-09-01', s('closure', '2026-09-01', 8)),
    goal('2026-10-01', s('assessment', '2026-05-01', 0), s('closure', '2026-10-01', 10)),
    goal(null, s('assessment', '2026-05-01', 1), s('review', '2026-08-01', 9)),
  ];
  const q2 = { first: '2026-07-01', last: '2026-09-30' };

  it('add up the distances travelled by the goals closed in the window, and count those ending green', () => {
    expect(earlyHelpMeasure('distance-travelled', goals, q2)).toEqual({ count: 4, numerator: 7 });
    expect(earlyHelpMeasure('ended-green', goals, q2)).toEqual({ count: 4, numerator: 2 });
    expect(earlyHelpMeasure('ended-green', goals, { first: '2026-10-01', last: '2026-12-31' })).toEqual({
      count: 1,
      numerator: 1,
    });
    expect(
      earlyHelpMeasure('distance-travelled', goals, { first: '2026-04-01', last: '2026-06-30' }),
    ).toEqual({ count: 0, numerator: 0 });
  });

  it('give the quarter’s figures the same rule', () => {
    expect(quarterFigures(goals, q2.first, q2.last)).toEqual({
      closed: 4,
      averageDistance: 1.8,
      endedGreen: 2,
      greenShare: 50,
    });
  });
});

describe('the goals behind an early help figure', () => {
  const goal = (id: string, closedOn: string | null, scores: Score[]) => ({
    id,
    personId: `child-${id}`,
    goal: `Goal ${id}`,
    closedOn,
    scores,
  });
  const goals = [
    goal('b', '2026-09-30', [s('assessment', '2026-05-01', 5), s('closure', '2026-09-30', 3)]),
    goal('a', '2026-07-10', [s('assessment', '2026-03-02', 2), s('closure', '2026-07-10', 9)]),
    goal('c', '2026-08-20', [s('closure', '2026-08-20', 8)]),
    goal('d', '2026-10-01', [s('assessment', '2026-05-01', 1), s('closure', '2026-10-01', 9)]),
    goal('e', null, [s('assessment', '2026-05-01', 1)]),
  ];
  const Q2 = { first: '2026-07-01', last: '2026-09-30' };

  it('lists each goal closed in the window, earliest first, with its scores, distance and band', () => {
    expect(goalsBehindFigure('distance-travelled', goals, Q2, { numeratorOnly: true })).toEqual([
      {
        goalId: 'a',
        personId: 'child-a',
        goal: 'Goal a',
        closedOn: '2026-07-10',
        start: 2,
        end: 9,
        distance: 7,
        endedGreen: true,
      },
      expect.objectContaining({ goalId: 'c', start: 8, end: 8, distance: 0, endedGreen: true }),
      expect.objectContaining({ goalId: 'b', start: 5, end: 3, distance: -2, endedGreen: false }),
    ]);
  });

  it('keeps only the goals ending green for the numerator of goals ending green', () => {
    const ids = (numeratorOnly: boolean) =>
      goalsBehindFigure('ended-green', goals, Q2, { numeratorOnly }).map((g) => g.goalId);
    expect(ids(true)).toEqual(['a', 'c']);
    expect(ids(false)).toEqual(['a', 'c', 'b']);
  });
});
