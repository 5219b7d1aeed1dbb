import { describe, expect, it } from 'vitest';
import { reportSchema } from './report-forms';
import { readForm } from './route-forms';

const browserForm = {
  subject: 'Annual report',
  corporateOutcomes: '',
  spending: '',
  reportOf: 'Director of Children’s Services',
  author: 'Head of Quality Assurance',
  authorContact: '',
  summary: 'Reviews on time.',
  recommendations: 'Members are asked to:\r\n- note the report',
  mainReport: 'Reviews were held within the timescales.',
  implications: '',
  conclusion: '',
  backgroundPapers: '',
};

describe('the report form', () => {
  it('saves a form as a browser sends it, the optional fields empty', () => {
    const read = readForm(reportSchema, browserForm);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.data.cover.authorContact).toBeNull();
      expect(read.data.body.conclusion).toBeNull();
    }
  });

  it('still asks for what is needed and refuses control characters in optional fields', () => {
    const read = readForm(reportSchema, { ...browserForm, author: '', spending: 'a\u0007b' });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.errors.fields.author?.text).toBe('Enter the report author');
      expect(read.errors.fields.spending?.text).toBe(
        'Remove the control characters (copied from another program)',
      );
    }
  });
});
