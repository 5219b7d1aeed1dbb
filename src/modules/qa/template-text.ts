/**
 * A template's sections and questions as a QA officer writes them: a section
 * is a line starting with "#", each line under it a question. Works without
 * JavaScript in one text box, and reads back the same way.
 */
import type { TemplateDefinition } from './vocab';

export const TEMPLATE_LIMITS = { sections: 30, questions: 40, lineLength: 400 } as const;

export type TemplateParse = { ok: true; definition: TemplateDefinition } | { ok: false; message: string };

export function parseTemplateText(text: string): TemplateParse {
  const sections: TemplateDefinition['sections'] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const lineNo = index + 1;
    if (line.length > TEMPLATE_LIMITS.lineLength)
      return { ok: false, message: `Line ${lineNo} is longer than ${TEMPLATE_LIMITS.lineLength} characters` };
    if (line.startsWith('#')) {
      const title = line.replace(/^#+\s*/, '');
      if (!title)
        return { ok: false, message: `Line ${lineNo} starts a section but has no title after the #` };
      if (sections.some((s) => s.title.toLowerCase() === title.toLowerCase()))
        return { ok: false, message: `Line ${lineNo}: there is already a section called "${title}"` };
      if (sections.length >= TEMPLATE_LIMITS.sections)
        return { ok: false, message: `A template can have at most ${TEMPLATE_LIMITS.sections} sections` };
      sections.push({ key: `s${sections.length + 1}`, title, questions: [] });
      continue;
    }
    const section = sections.at(-1);
    if (!section)
      return {
        ok: false,
        message: `Line ${lineNo} is a question before any section: start the text with a section line such as "# Assessment"`,
      };
    if (section.questions.length >= TEMPLATE_LIMITS.questions)
      return {
        ok: false,
        message: `Section "${section.title}" has more than ${TEMPLATE_LIMITS.questions} questions`,
      };
    const question = line.replace(/^[-*]\s*/, '');
    section.questions.push({ key: `q${section.questions.length + 1}`, text: question });
  }
  if (!sections.length)
    return { ok: false, message: 'Enter at least one section, as a line starting with #, and its questions' };
  const empty = sections.find((s) => !s.questions.length);
  if (empty) return { ok: false, message: `Section "${empty.title}" has no questions: add at least one` };
  return { ok: true, definition: { sections } };
}

/** The text a template is edited as: the inverse of parseTemplateText. */
export function templateText(definition: TemplateDefinition): string {
  return definition.sections
    .map((s) => [`# ${s.title}`, ...s.questions.map((q) => `- ${q.text}`)].join('\n'))
    .join('\n\n');
}
