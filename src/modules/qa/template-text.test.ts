import { describe, expect, it } from 'vitest';
import { parseTemplateText, templateText } from './template-text';

describe('template text', () => {
  it('reads sections and their questions, in order, and writes them back the same', () => {
    const text =
      '# Assessment\n- Was the assessment timely?\n* Was the child seen?\n\n## Planning\nIs the plan SMART?\n';
    const parsed = parseTemplateText(text);
    expect(parsed).toEqual({
      ok: true,
      definition: {
        sections: [
          {
            key: 's1',
            title: 'Assessment',
            questions: [
              { key: 'q1', text: 'Was the assessment timely?' },
              { key: 'q2', text: 'Was the child seen?' },
            ],
          },
          { key: 's2', title: 'Planning', questions: [{ key: 'q1', text: 'Is the plan SMART?' }] },
        ],
      },
    });
    if (!parsed.ok) throw new Error('parse failed');
    expect(parseTemplateText(templateText(parsed.definition))).toEqual(parsed);
  });

  it('says which line is wrong and how to put it right', () => {
    expect(parseTemplateText('')).toMatchObject({
      ok: false,
      message: expect.stringContaining('at least one section'),
    });
    expect(parseTemplateText('A question\n# Section')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Line 1 is a question before any section'),
    });
    expect(parseTemplateText('# One\n- q\n# Two')).toMatchObject({
      ok: false,
      message: 'Section "Two" has no questions: add at least one',
    });
    expect(parseTemplateText('# One\n- q\n# one\n- q')).toMatchObject({
      ok: false,
      message: expect.stringContaining('already a section called "one"'),
    });
    expect(parseTemplateText('#\n- q')).toMatchObject({
      ok: false,
      message: expect.stringContaining('no title'),
    });
  });
});
