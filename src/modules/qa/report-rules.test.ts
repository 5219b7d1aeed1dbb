import { describe, expect, it } from 'vitest';
import { compareRounds, previousRound, roundGrades, sameRoundLastYear, themeFrequency } from './report-rules';

const sections = [
  { key: 's1', title: 'Assessment' },
  { key: 's2', title: 'Planning' },
];

describe('round grades', () => {
  const grades = roundGrades(
    [
      { overall: 'good', s1: 'good', s2: 'inadequate' },
      { overall: 'outstanding', s1: 'good', s2: null },
      { overall: 'requires_improvement', s1: 'requires_improvement', s2: 'good' },
      { overall: null, s1: 'good' },
    ],
    sections,
  );

  it('counts overall grades of graded audits only, with shares and the share good or better', () => {
    expect(grades.graded).toBe(3);
    expect(grades.overall.map((d) => [d.grade, d.count, d.percent])).toEqual([
      ['outstanding', 1, 33.3],
      ['good', 1, 33.3],
      ['requires_improvement', 1, 33.3],
      ['inadequate', 0, 0],
    ]);
    expect(grades.goodOrBetter).toBe(66.7);
  });

  it('counts each section on its own graded audits', () => {
    expect(grades.sections[0]).toMatchObject({ key: 's1', graded: 4 });
    expect(grades.sections[0]!.distribution.find((d) => d.grade === 'good')).toEqual({
      grade: 'good',
      count: 3,
      percent: 75,
    });
    expect(grades.sections[1]!.graded).toBe(2);
  });

  it('has no share good or better when nothing is graded', () => {
    expect(roundGrades([{ overall: null }], sections).goodOrBetter).toBeNull();
  });
});

describe('comparing rounds', () => {
  it('gives the change in percentage points by grade and good or better', () => {
    const now = roundGrades(
      [{ overall: 'good' }, { overall: 'good' }, { overall: 'inadequate' }, { overall: 'good' }],
      [],
    );
    const then = roundGrades([{ overall: 'good' }, { overall: 'inadequate' }], []);
    const c = compareRounds(now, then);
    expect(c.change.find((x) => x.grade === 'good')!.points).toBe(25);
    expect(c.change.find((x) => x.grade === 'inadequate')!.points).toBe(-25);
    expect(c.goodOrBetterPoints).toBe(25);
    expect(compareRounds(now, roundGrades([], [])).goodOrBetterPoints).toBeNull();
  });

  const rounds = [
    { id: 'a', type: 'independent', startDate: '2025-04-01' },
    { id: 'b', type: 'independent', startDate: '2025-10-01' },
    { id: 't', type: 'thematic', startDate: '2026-01-10' },
    { id: 'c', type: 'independent', startDate: '2026-04-03' },
  ];

  it('finds the previous round of the same type', () => {
    expect(previousRound(rounds[3]!, rounds)?.id).toBe('b');
    expect(previousRound(rounds[0]!, rounds)).toBeUndefined();
    expect(previousRound(rounds[2]!, rounds)).toBeUndefined();
  });

  it('finds the same round last year within three months, or none', () => {
    expect(sameRoundLastYear(rounds[3]!, rounds)?.id).toBe('a');
    expect(sameRoundLastYear(rounds[1]!, rounds)).toBeUndefined();
  });
});

describe('themes by frequency', () => {
  const themes = [
    { id: 'm', name: 'Management oversight' },
    { id: 'v', name: "The child's voice" },
    { id: 'c', name: 'Contingency planning' },
  ];

  it('counts each theme once a finding, most first, with development examples first', () => {
    const result = themeFrequency(
      [
        { kind: 'strength', text: 'Clear manager decisions', themeIds: ['m', 'm'] },
        { kind: 'development', text: 'No oversight at closure', themeIds: ['m', 'v'] },
        { kind: 'development', text: 'Views not recorded', themeIds: ['v'] },
        { kind: 'strength', text: 'Unknown theme', themeIds: ['gone'] },
      ],
      themes,
      2,
    );
    expect(result.map((r) => [r.name, r.total, r.strengths, r.development])).toEqual([
      ['Management oversight', 2, 1, 1],
      ["The child's voice", 2, 0, 2],
    ]);
    expect(result[0]!.examples).toEqual(['No oversight at closure', 'Clear manager decisions']);
  });
});
