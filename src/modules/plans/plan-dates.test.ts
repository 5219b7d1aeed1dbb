import { describe, expect, it } from 'vitest';
import { formatPlanDate, parsePeriod, parsePlanDate } from './plan-dates';
import { isOverdue } from './rules';

describe('target dates as plans write them', () => {
  it('reads month-only dates as the last day of the month, shown as the month', () => {
    const d = parsePlanDate('Mar-16', undefined)!;
    expect(d).toEqual({ date: '2016-03-31', precision: 'month', text: null });
    expect(formatPlanDate(d.date, d.precision, d.text)).toBe('March 2016');
    expect(parsePeriod('April 2017')).toEqual({ date: '2017-04-30', precision: 'month', text: null });
    expect(parsePeriod('Feb 2024')?.date).toBe('2024-02-29');
    expect(parsePeriod('Sept 2017')?.date).toBe('2017-09-30');
    expect(parsePeriod('03/2018')?.date).toBe('2018-03-31');
  });

  it('reads quarters, seasons and years, kept as written', () => {
    expect(parsePeriod('Q2 2017')).toEqual({ date: '2017-06-30', precision: 'quarter', text: 'Q2 2017' });
    expect(parsePeriod('Summer 2017')).toEqual({
      date: '2017-08-31',
      precision: 'season',
      text: 'Summer 2017',
    });
    expect(parsePeriod('Winter 2017')?.date).toBe('2018-02-28');
    expect(parsePeriod('2017')).toEqual({ date: '2017-12-31', precision: 'year', text: null });
    expect(formatPlanDate('2017-08-31', 'season', 'Summer 2017')).toBe('Summer 2017');
    expect(formatPlanDate('2017-12-31', 'year', null)).toBe('2017');
  });

  it('keeps durations as text, with no date', () => {
    expect(parsePlanDate('ongoing', undefined)).toEqual({ date: null, precision: 'text', text: 'ongoing' });
    expect(parsePlanDate('  ', undefined)).toBeNull();
    expect(formatPlanDate(null, 'text', 'ongoing')).toBe('ongoing');
  });

  it('a day date stays a day, shown in the GOV.UK style', () => {
    expect(parsePlanDate('31/03/2017', '2017-03-31')).toEqual({
      date: '2017-03-31',
      precision: 'day',
      text: null,
    });
    expect(formatPlanDate('2017-03-31', null, null)).toBe('31 March 2017');
  });

  it('a month is due on its last day: not overdue until the month has passed', () => {
    const d = parsePlanDate('Mar-16', undefined)!;
    expect(isOverdue({ rag: 'green', endDate: d.date }, '2016-03-31')).toBe(false);
    expect(isOverdue({ rag: 'green', endDate: d.date }, '2016-04-01')).toBe(true);
  });
});
