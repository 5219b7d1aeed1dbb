/** Pure rules of one audit: what is complete, which grade stands after moderation, how grades add up. */
import {
  type AuditAnswers,
  GRADES,
  type Grade,
  type TemplateDefinition,
  type TemplateSection,
} from './vocab';

/** A section is complete when every question has an answer and the section has a grade. */
export function sectionComplete(section: TemplateSection, answers: AuditAnswers): boolean {
  const saved = answers[section.key];
  if (!saved?.grade) return false;
  return section.questions.every((q) => saved.questions[q.key]?.answer);
}

/** The sections still to complete, by title, in template order. */
export function incompleteSections(definition: TemplateDefinition, answers: AuditAnswers): string[] {
  return definition.sections.filter((s) => !sectionComplete(s, answers)).map((s) => s.title);
}

/**
 * The grade that stands for each section and overall ('overall'): the latest
 * moderation's, else the auditor's. Both are kept; this only says which counts.
 */
export function standingGrades(
  answers: AuditAnswers,
  overallGrade: Grade | null,
  moderations: ReadonlyArray<{ sectionKey: string | null; grade: string }>,
): Record<string, Grade | null> {
  const result: Record<string, Grade | null> = { overall: overallGrade };
  for (const [key, section] of Object.entries(answers)) result[key] = section.grade;
  for (const m of moderations) result[m.sectionKey ?? 'overall'] = m.grade as Grade;
  return result;
}

/** How many of each grade, in grade order, with each share of the total to one decimal place. */
export function gradeDistribution(
  grades: ReadonlyArray<Grade | null>,
): Array<{ grade: Grade; count: number; percent: number }> {
  const graded = grades.filter((g): g is Grade => g !== null);
  return GRADES.map((grade) => {
    const count = graded.filter((g) => g === grade).length;
    return { grade, count, percent: graded.length ? Math.round((count / graded.length) * 1000) / 10 : 0 };
  });
}
