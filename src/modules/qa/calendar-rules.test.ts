import { describe, expect, it } from 'vitest';
import { byMonth, instancesInYear, isOverdue, itemState, recurrenceProblems } from './calendar-rules';

describe('the QA calendar recurrence', () => {
  it('makes twelve dates for a monthly activity, capped at the end of short months', () => {
    const dates = instancesInYear({ frequency: 'monthly', months: [], dueDay: 31 }, 2027);
    expect(dates).toHaveLength(12);
    expect(dates.slice(0, 4)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    expect(instancesInYear({ frequency: 'monthly', months: [], dueDay: 30 }, 2028)[1]).toBe('2028-02-29');
  });

  it('makes the quarterly, twice-yearly and yearly dates in month order, once each', () => {
    expect(instancesInYear({ frequency: 'quarterly', months: [10, 1, 7, 4], dueDay: 15 }, 2027)).toEqual([
      '2027-01-15',
      '2027-04-15',
      '2027-07-15',
      '2027-10-15',
    ]);
    expect(instancesInYear({ frequency: 'twice_yearly', months: [11, 5, 5], dueDay: 1 }, 2027)).toEqual([
      '2027-05-01',
      '2027-11-01',
    ]);
    expect(instancesInYear({ frequency: 'yearly', months: [2], dueDay: 31 }, 2027)).toEqual(['2027-02-28']);
  });

  it('says when the months do not match the frequency, or the day is not one of a month', () => {
    expect(recurrenceProblems({ frequency: 'quarterly', months: [1, 4, 7], dueDay: 10 })).toEqual({
      months: 'Choose 4 months this activity falls due in',
    });
    expect(recurrenceProblems({ frequency: 'yearly', months: [], dueDay: 0 })).toEqual({
      months: 'Choose the month this activity falls due in',
      dueDay: 'Enter the day of the month it is due by, from 1 to 31',
    });
    expect(recurrenceProblems({ frequency: 'termly', months: [12, 4, 13], dueDay: 5 }).months).toBe(
      'Choose months from January to December',
    );
    expect(recurrenceProblems({ frequency: 'monthly', months: [], dueDay: 28 })).toEqual({});
  });
});

describe('overdue and the year by month', () => {
  it('is overdue only past the due date and while not done', () => {
    expect(isOverdue({ dueDate: '2026-11-15', completedOn: null }, '2026-11-16')).toBe(true);
    expect(isOverdue({ dueDate: '2026-11-16', completedOn: null }, '2026-11-16')).toBe(false);
    expect(isOverdue({ dueDate: '2026-11-15', completedOn: '2026-11-20' }, '2026-11-30')).toBe(false);
    expect(itemState({ dueDate: '2026-12-01', completedOn: null }, '2026-11-16')).toBe('due');
    expect(itemState({ dueDate: '2026-10-01', completedOn: '2026-10-02' }, '2026-11-16')).toBe('done');
  });

  it('lays a year out in twelve months, leaving other years out', () => {
    const months = byMonth(
      [
        { dueDate: '2027-03-31' },
        { dueDate: '2027-03-01' },
        { dueDate: '2026-12-31' },
        { dueDate: '2027-12-01' },
      ],
      2027,
    );
    expect(months).toHaveLength(12);
    expect(months[2]!.map((i) => i.dueDate)).toEqual(['2027-03-01', '2027-03-31']);
    expect(months[11]).toHaveLength(1);
    expect(months.flat()).toHaveLength(3);
  });
});
