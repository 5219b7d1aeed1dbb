import { describe, expect, it } from 'vitest';
import { importFailureMessage } from './import-failure';

describe('importFailureMessage', () => {
  it('never repeats a failed query or its values', () => {
    const e = new Error(
      'Failed query: with up as (insert into case_people values ($1))\nparams: Amy,2019-01-02',
    );
    (e as { cause?: unknown }).cause = { code: '22021' };
    const message = importFailureMessage(e);
    expect(message).not.toMatch(/insert|Failed query|Amy/);
    expect(message).toContain('database error 22021');
  });

  it('says where a CSV could not be read, without the value', () => {
    const e = Object.assign(
      new Error('Invalid Opening Quote: a quote is found on field 2 at line 7, value is "Amy'),
      {
        code: 'CSV_INVALID_OPENING_QUOTE',
        lines: 7,
      },
    );
    const message = importFailureMessage(e);
    expect(message).toBe(
      'a file could not be read as CSV at line 7 (invalid opening quote). Check the file was exported as CSV, then upload it again.',
    );
  });
});
