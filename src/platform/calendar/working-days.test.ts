import { describe, expect, it } from 'vitest';
import bankHolidays from './bank-holidays.json' with { type: 'json' };
import {
  addDays,
  addMonths,
  addWorkingDays,
  daysBetween,
  isWeekend,
  isWorkingDay,
  workingDaysBetween,
} from './working-days';

const holidays: ReadonlySet<string> = new Set(bankHolidays.events.map((e) => e.date));
const none: ReadonlySet<string> = new Set();

describe('isWeekend and isWorkingDay', () => {
  it('knows Saturdays and Sundays', () => {
    expect(isWeekend('2026-11-14')).toBe(true); // Saturday
    expect(isWeekend('2026-11-15')).toBe(true); // Sunday
    expect(isWeekend('2026-11-16')).toBe(false); // Monday
    expect(isWeekend('2026-11-20')).toBe(false); // Friday
  });

  it('treats bank holidays as non-working, including the special days of 2022 and 2023', () => {
    for (const day of ['2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08', '2026-12-25', '2026-12-28']) {
      expect(isWorkingDay(day, holidays), day).toBe(false);
      expect(isWorkingDay(day, none), day).toBe(true);
    }
    expect(isWorkingDay('2022-06-06', holidays)).toBe(true);
    expect(isWorkingDay('2026-11-14', none)).toBe(false);
  });

  it('refuses something that is not a calendar date', () => {
    expect(() => isWeekend('16/11/2026')).toThrow(RangeError);
    expect(() => addDays('', 1)).toThrow(RangeError);
  });
});

describe('addDays and daysBetween', () => {
  it('crosses month, year and clock-change boundaries by whole days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // clocks go forward on 29 March 2026
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26'); // and back on 25 October 2026
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-11-16', '2026-11-10')).toBe(-6);
  });
});

describe('addWorkingDays', () => {
  it('skips the weekend: 1 working day after Friday is Monday', () => {
    expect(addWorkingDays('2026-11-20', 1, holidays)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-16', 5, holidays)).toBe('2026-11-23');
  });

  it('skips Christmas, Boxing Day and New Year bank holidays', () => {
    // 2026: Christmas Friday 25th, Boxing Day substitute Monday 28th, New Year's Day Friday 1 January 2027.
    expect(addWorkingDays('2026-12-24', 1, holidays)).toBe('2026-12-29');
    expect(addWorkingDays('2026-12-24', 3, holidays)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-24', 4, holidays)).toBe('2027-01-04');
    // Without the holidays only the weekend is skipped.
    expect(addWorkingDays('2026-12-24', 1, none)).toBe('2026-12-25');
  });

  it('skips the Platinum Jubilee, the State Funeral and the coronation', () => {
    expect(addWorkingDays('2022-06-01', 1, holidays)).toBe('2022-06-06');
    expect(addWorkingDays('2022-09-16', 1, holidays)).toBe('2022-09-20');
    expect(addWorkingDays('2023-05-05', 1, holidays)).toBe('2023-05-09');
  });

  it('counts from a start on a weekend or holiday without counting the start', () => {
    expect(addWorkingDays('2026-11-14', 1, holidays)).toBe('2026-11-16'); // Saturday -> Monday
    expect(addWorkingDays('2026-11-15', 2, holidays)).toBe('2026-11-17'); // Sunday -> Tuesday
    expect(addWorkingDays('2026-12-25', 1, holidays)).toBe('2026-12-29'); // Christmas Day
  });

  it('with n = 0 keeps a working day and moves anything else to the next working day', () => {
    expect(addWorkingDays('2026-11-16', 0, holidays)).toBe('2026-11-16');
    expect(addWorkingDays('2026-11-14', 0, holidays)).toBe('2026-11-16');
    expect(addWorkingDays('2026-12-25', 0, holidays)).toBe('2026-12-29');
  });

  it('refuses negative and fractional counts', () => {
    expect(() => addWorkingDays('2026-11-16', -1, holidays)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-16', 1.5, holidays)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2026-11-16', '2026-11-23', holidays)).toBe(5);
    expect(workingDaysBetween('2026-11-20', '2026-11-23', holidays)).toBe(1);
    expect(workingDaysBetween('2026-12-24', '2027-01-04', holidays)).toBe(4);
    expect(workingDaysBetween('2026-11-16', '2026-11-16', holidays)).toBe(0);
    expect(workingDaysBetween('2026-11-23', '2026-11-16', holidays)).toBe(0);
  });

  it('agrees with addWorkingDays', () => {
    for (const n of [1, 2, 7, 15, 45]) {
      const end = addWorkingDays('2026-12-10', n, holidays);
      expect(workingDaysBetween('2026-12-10', end, holidays)).toBe(n);
    }
  });
});

describe('addMonths', () => {
  it('keeps the day of the month where it exists', () => {
    expect(addMonths('2026-11-16', 1)).toBe('2026-12-16');
    expect(addMonths('2026-11-16', 3)).toBe('2027-02-16');
    expect(addMonths('2026-11-16', 6)).toBe('2027-05-16');
    expect(addMonths('2026-11-16', -12)).toBe('2025-11-16');
  });

  it('moves a day past the end of the target month to its last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('handles 29 February in leap and ordinary years', () => {
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2027-02-28', 12)).toBe('2028-02-28');
    expect(addMonths('2028-02-29', 1)).toBe('2028-03-29');
  });
});

describe('dates asked for again (conversions are kept once computed)', () => {
  it('gives the same answers the second time, before 1970 and far ahead included', () => {
    for (let round = 0; round < 2; round++) {
      expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
      expect(addDays('1969-12-31', 1)).toBe('1970-01-01');
      expect(addDays('1970-01-01', -1)).toBe('1969-12-31');
      expect(addDays('2300-02-28', 1)).toBe('2300-03-01');
      expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    }
  });

  it('refuses text that is not a date every time it is asked', () => {
    for (let round = 0; round < 2; round++) {
      expect(() => addDays('not a date', 1)).toThrow(RangeError);
      expect(() => daysBetween('2026-01-01', '')).toThrow(RangeError);
    }
  });

  it('stays right after more distinct dates than it keeps', () => {
    let date = '2000-01-01';
    for (let i = 0; i < 60_000; i++) date = addDays(date, 1);
    expect(date).toBe('2164-04-10');
    expect(daysBetween('2000-01-01', date)).toBe(60_000);
  });
});
