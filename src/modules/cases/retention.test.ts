import { describe, expect, it } from 'vitest';
import { retentionDueDate } from './retention';

const schedule = { closedCasesAge: 25, lookedAfterCasesAge: 75 };

describe('retentionDueDate', () => {
  it('keeps a child’s records to their 25th birthday', () => {
    expect(retentionDueDate('2009-04-15', false, schedule)).toBe('2034-04-15');
  });
  it('keeps a looked-after child’s records to their 75th birthday', () => {
    expect(retentionDueDate('2009-04-15', true, schedule)).toBe('2084-04-15');
  });
  it('takes 28 February for a 29 February birthday in a year that has none', () => {
    expect(retentionDueDate('2008-02-29', false, schedule)).toBe('2033-02-28');
  });
  it('never falls due without a date of birth', () => {
    expect(retentionDueDate(null, false, schedule)).toBeNull();
  });
});
