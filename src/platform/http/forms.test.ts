import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  dateFromParts,
  dateParts,
  firstMessages,
  listOf,
  submittedDateParts,
  textOf,
  validateForm,
} from './forms';

describe('GOV.UK date inputs', () => {
  const read = (day: string, month: string, year: string) =>
    dateFromParts({ 'due-day': day, 'due-month': month, 'due-year': year }, 'due', 'the due date');

  it('reads a real date', () => {
    expect(read('7', '3', '2026')).toEqual({ ok: true, date: '2026-03-07' });
    expect(read('29', '2', '2028')).toEqual({ ok: true, date: '2028-02-29' });
  });
  it('says what is missing or wrong', () => {
    expect(read('', '', '')).toEqual({ ok: false, message: 'Enter the due date' });
    expect(read('7', '', '')).toEqual({ ok: false, message: 'The due date must include a month and year' });
    expect(read('29', '2', '2027')).toEqual({
      ok: false,
      message: 'The due date must be a real date, like 27 3 2026',
    });
    expect(read('a', '2', '2027').ok).toBe(false);
  });
  it('shows an ISO date back as parts', () => {
    expect(dateParts('2026-03-07')).toEqual({ day: '7', month: '3', year: '2026' });
    expect(dateParts(null)).toEqual({ day: '', month: '', year: '' });
  });
});

describe('validateForm', () => {
  it('gives the first message per field, linked for the error summary', () => {
    const schema = z.object({
      name: z.string().min(1, 'Enter a name'),
      age: z.coerce.number().min(0, 'Age must be 0 or more'),
    });
    const result = validateForm(schema, { name: '', age: '-1' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.list).toEqual([
        { text: 'Enter a name', href: '#name' },
        { text: 'Age must be 0 or more', href: '#age' },
      ]);
      expect(result.errors.fields.name).toEqual({ text: 'Enter a name' });
    }
  });
});

describe('reading submitted values', () => {
  it('takes text as it came, and anything else as empty', () => {
    expect(textOf(' a ')).toBe(' a ');
    expect(textOf(undefined)).toBe('');
    expect(textOf(['a', 'b'])).toBe('');
    expect(textOf(3)).toBe('');
  });
  it('makes a list of a value sent once, many times or not at all', () => {
    expect(listOf(undefined)).toEqual([]);
    expect(listOf('a')).toEqual(['a']);
    expect(listOf('')).toEqual(['']);
    expect(listOf(['a', 'b'])).toEqual(['a', 'b']);
  });
  it('shows back the parts of a date input, trimmed', () => {
    expect(submittedDateParts({ 'due-day': ' 7', 'due-month': '3 ', due: 'x' }, 'due')).toEqual({
      day: '7',
      month: '3',
      year: '',
    });
    expect(submittedDateParts({ 'due-day': ['1', '2'] }, 'due').day).toBe('');
  });
  it('keeps the first message of each top-level field, and puts whole-form issues under "form"', () => {
    const schema = z.object({
      name: z.string().min(2, 'Too short').max(1, 'Too long'),
      tags: z.array(z.string()),
    });
    const parsed = schema.safeParse({ name: 'x', tags: [1] });
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(firstMessages(parsed.error.issues)).toEqual({ name: 'Too short', tags: expect.any(String) });
    const whole = schema.safeParse('not a form');
    if (!whole.success) expect(Object.keys(firstMessages(whole.error.issues))).toEqual(['form']);
    expect(whole.success).toBe(false);
  });
});

describe('log redaction', () => {
  it('hides set-password tokens in logged URLs', async () => {
    const { redactUrl } = await import('./server');
    expect(redactUrl('/account/set-password/abc123XYZ?x=1')).toBe('/account/set-password/[redacted]?x=1');
    expect(redactUrl('/children/123')).toBe('/children/123');
  });
});
