import { describe, expect, it } from 'vitest';
import { feedbackUrlField, markedFilename, markingField } from './marking';

describe('the protective marking', () => {
  it('takes the usual markings, trimmed', () => {
    expect(markingField.parse('  OFFICIAL-SENSITIVE ')).toBe('OFFICIAL-SENSITIVE');
    expect(markingField.parse('OFFICIAL-SENSITIVE: PERSONAL')).toBe('OFFICIAL-SENSITIVE: PERSONAL');
    expect(markingField.parse('OFFICIAL')).toBe('OFFICIAL');
  });

  it('refuses an empty marking, markup and one too long for a page header', () => {
    for (const bad of ['', '   ', '<b>OFFICIAL</b>', 'OFFICIAL & SENSITIVE', 'X'.repeat(61)]) {
      expect(markingField.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('starts a download’s file name', () => {
    expect(markedFilename('OFFICIAL-SENSITIVE', 'plan.csv')).toBe('OFFICIAL-SENSITIVE_plan.csv');
    expect(markedFilename('OFFICIAL-SENSITIVE: PERSONAL', 'plan.csv')).toBe(
      'OFFICIAL-SENSITIVE-PERSONAL_plan.csv',
    );
    expect(markedFilename('(DRAFT)', 'plan.csv')).toBe('DRAFT_plan.csv');
  });
});

describe('the feedback link', () => {
  it('is optional, and only a web address', () => {
    expect(feedbackUrlField.parse('')).toBeUndefined();
    expect(feedbackUrlField.parse(' https://example.org/feedback ')).toBe('https://example.org/feedback');
    expect(feedbackUrlField.parse('http://intranet.example/survey')).toBe('http://intranet.example/survey');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://example.org',
      'example.org/feedback',
    ]) {
      expect(feedbackUrlField.safeParse(bad).success, bad).toBe(false);
    }
  });
});
