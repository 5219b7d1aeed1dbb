import { describe, expect, it } from 'vitest';
import { dayMonth } from './labels';

describe('dayMonth', () => {
  it('writes a month-day as people do', () => {
    expect(dayMonth('12-20')).toBe('20 December');
    expect(dayMonth('01-05')).toBe('5 January');
    expect(dayMonth('09-01')).toBe('1 September');
  });
});
