import { describe, expect, it } from 'vitest';
import { checkListDates, countsOverTime, monthEnds } from './education-lists';

describe('the education service’s lists over time', () => {
  it('takes the last day of each month, the current month to today', () => {
    expect(monthEnds('2026-11-16', 4)).toEqual(['2026-08-31', '2026-09-30', '2026-10-31', '2026-11-16']);
    expect(monthEnds('2027-03-31', 2)).toEqual(['2027-02-28', '2027-03-31']);
  });

  it('counts each child once on each list on each date, the first and last days included', () => {
    const dates = ['2026-09-30', '2026-10-31', '2026-11-16'];
    const counts = countsOverTime(
      [
        { personId: 'a', list: 'ehe', fromOn: '2026-09-30', toOn: '2026-10-30' },
        { personId: 'a', list: 'ehe', fromOn: '2026-11-01', toOn: null },
        { personId: 'b', list: 'ehe', fromOn: '2026-10-01', toOn: '2026-10-31' },
        { personId: 'a', list: 'attendance', fromOn: '2026-01-01', toOn: null },
        { personId: 'c', list: 'attendance', fromOn: '2026-11-17', toOn: null },
      ],
      dates,
    );
    expect(counts).toEqual({ ehe: [1, 1, 1], attendance: [1, 1, 1], vulnerable: [0, 0, 0] });
  });

  it('refuses dates in the future and an end before the start', () => {
    expect(checkListDates('2026-11-17', null, '2026-11-16')).toHaveProperty('fromOn');
    expect(checkListDates('2026-11-10', '2026-11-09', '2026-11-16')).toHaveProperty('toOn');
    expect(checkListDates('2026-11-10', '2026-11-17', '2026-11-16')).toHaveProperty('toOn');
    expect(checkListDates('2026-11-10', '2026-11-10', '2026-11-16')).toEqual({});
  });
});
