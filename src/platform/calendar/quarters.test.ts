import { describe, expect, it } from 'vitest';
import {
  financialYear,
  financialYearLabel,
  financialYearOf,
  financialYearQuarters,
  financialYearStart,
  lastCompleteQuarter,
  nextQuarter,
  quarterOf,
  quarterStarting,
  quartersTo,
  yearToDate,
} from './quarters';

describe('financial years', () => {
  it('start on 1 April', () => {
    expect([financialYearOf('2027-03-31'), financialYearOf('2027-04-01')]).toEqual([2026, 2027]);
    expect([financialYearStart('2027-03-31'), financialYearStart('2027-04-01')]).toEqual([
      '2026-04-01',
      '2027-04-01',
    ]);
    expect(financialYear(2026)).toEqual({ first: '2026-04-01', last: '2027-03-31' });
    expect(financialYearLabel(2026)).toBe('2026-27');
    expect(financialYearLabel(2099)).toBe('2099-00');
  });

  it('have four quarters, Q1 April to June ... Q4 January to March', () => {
    const quarters = financialYearQuarters(2026);
    expect(quarters.map((q) => q.label)).toEqual(['2026-27 Q1', '2026-27 Q2', '2026-27 Q3', '2026-27 Q4']);
    expect([quarters[0], quarters[3]]).toEqual([
      { label: '2026-27 Q1', first: '2026-04-01', last: '2026-06-30' },
      { label: '2026-27 Q4', first: '2027-01-01', last: '2027-03-31' },
    ]);
  });
});

describe('quarters', () => {
  it('names quarters from April, and finds the last complete one', () => {
    expect(quarterOf('2026-11-16')).toEqual({ label: '2026-27 Q3', first: '2026-10-01', last: '2026-12-31' });
    expect(quarterOf('2027-02-01').label).toBe('2026-27 Q4');
    expect(quarterStarting('2028-01-01')).toEqual({
      label: '2027-28 Q4',
      first: '2028-01-01',
      last: '2028-03-31',
    });
    expect(lastCompleteQuarter('2026-11-16')).toEqual({
      label: '2026-27 Q2',
      first: '2026-07-01',
      last: '2026-09-30',
    });
    expect(lastCompleteQuarter('2026-04-01').label).toBe('2025-26 Q4');
    expect(lastCompleteQuarter('2026-03-31').label).toBe('2025-26 Q3');
    expect(nextQuarter(quarterOf('2026-11-16')).label).toBe('2026-27 Q4');
    expect(nextQuarter(quarterOf('2027-02-01'))).toEqual({
      label: '2027-28 Q1',
      first: '2027-04-01',
      last: '2027-06-30',
    });
  });

  it('lists the quarter and the four before it, across a year end', () => {
    expect(quartersTo(quarterOf('2026-08-01'), 4).map((q) => q.label)).toEqual([
      '2025-26 Q2',
      '2025-26 Q3',
      '2025-26 Q4',
      '2026-27 Q1',
      '2026-27 Q2',
    ]);
  });

  it('gives the year to date to the end of a quarter', () => {
    expect(yearToDate(quarterOf('2027-02-01'))).toEqual({ first: '2026-04-01', last: '2027-03-31' });
    expect(yearToDate(quarterOf('2026-05-01'))).toEqual({ first: '2026-04-01', last: '2026-06-30' });
  });
});
