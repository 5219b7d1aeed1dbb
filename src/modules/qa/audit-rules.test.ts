import { describe, expect, it } from 'vitest';
import { gradeDistribution, incompleteSections, sectionComplete, standingGrades } from './audit-rules';
import type { AuditAnswers, TemplateDefinition } from './vocab';

const definition: TemplateDefinition = {
  sections: [
    {
      key: 's1',
      title: 'Assessment',
      questions: [
        { key: 'q1', text: 'a' },
        { key: 'q2', text: 'b' },
      ],
    },
    { key: 's2', title: 'Planning', questions: [{ key: 'q1', text: 'c' }] },
  ],
};

describe('audit rules', () => {
  it('count a section complete only with every question answered and a grade', () => {
    const answers: AuditAnswers = {
      s1: {
        questions: { q1: { answer: 'yes', evidence: '' }, q2: { answer: null, evidence: 'x' } },
        grade: 'good',
      },
      s2: { questions: { q1: { answer: 'not_applicable', evidence: '' } }, grade: null },
    };
    expect(sectionComplete(definition.sections[0]!, answers)).toBe(false);
    expect(incompleteSections(definition, answers)).toEqual(['Assessment', 'Planning']);
    answers.s1!.questions.q2!.answer = 'partly';
    answers.s2!.grade = 'inadequate';
    expect(incompleteSections(definition, answers)).toEqual([]);
  });

  it("let the latest moderation's grade stand over the auditor's", () => {
    const answers: AuditAnswers = {
      s1: { questions: {}, grade: 'good' },
      s2: { questions: {}, grade: 'inadequate' },
    };
    const grades = standingGrades(answers, 'good', [
      { sectionKey: 's1', grade: 'outstanding' },
      { sectionKey: null, grade: 'requires_improvement' },
      { sectionKey: 's1', grade: 'good' },
    ]);
    expect(grades).toEqual({ overall: 'requires_improvement', s1: 'good', s2: 'inadequate' });
  });

  it('add grades up in grade order with shares of those graded', () => {
    expect(gradeDistribution(['good', 'good', 'inadequate', null])).toEqual([
      { grade: 'outstanding', count: 0, percent: 0 },
      { grade: 'good', count: 2, percent: 66.7 },
      { grade: 'requires_improvement', count: 0, percent: 0 },
      { grade: 'inadequate', count: 1, percent: 33.3 },
    ]);
    expect(gradeDistribution([]).every((g) => g.percent === 0)).toBe(true);
  });
});
