import { describe, expect, it } from 'vitest';
import {
  databaseErrorCode,
  loggableError,
  visibleControlCharacters,
  withoutControlCharacters,
} from './errors';
import { qs } from './http/querystring';

describe('what reaches the logs', () => {
  it('keeps a failed query and its values (what a person typed) out of the log', () => {
    const e = new Error('Failed query: insert into case_notes (text) values ($1)\nparams: my secret note');
    (e as { cause?: unknown }).cause = { code: '22021' };
    const logged = JSON.stringify(loggableError(e));
    expect(logged).not.toMatch(/secret|insert into/);
    expect(loggableError(e)).toMatchObject({
      code: '22021',
      message: expect.stringContaining('database error 22021'),
    });
  });
});

describe('a database error’s code', () => {
  it('is read from the error, or from the driver error the ORM wraps in it', () => {
    expect(databaseErrorCode(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe('23505');
    const wrapped = Object.assign(new Error('Failed query: ...'), { cause: { code: '23503' } });
    expect(databaseErrorCode(wrapped)).toBe('23503');
    expect(databaseErrorCode(new Error('not from the database'))).toBeUndefined();
    expect(databaseErrorCode(undefined)).toBeUndefined();
  });
});

describe('control characters', () => {
  it('are dropped from form fields and query strings, keeping tabs and line breaks', () => {
    expect(qs('note=a%00b%1Bc%0D%0Ad%09e')).toEqual({ note: 'abc\r\nd\te' });
    expect(withoutControlCharacters('x\u0085y\u007fz')).toBe('xyz');
  });

  it('are shown visibly when a value is reported back', () => {
    expect(visibleControlCharacters('Am\u0000ara\u001b')).toBe('Am\\0ara\\x1b');
  });
});
