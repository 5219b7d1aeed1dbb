import { describe, expect, it } from 'vitest';
import bankHolidays from './bank-holidays.json' with { type: 'json' };
import { isWeekend } from './working-days';

const events = bankHolidays.events;
const dates = events.map((e) => e.date);

function inYear(year: number) {
  return events.filter((e) => e.date.startsWith(`${year}-`));
}

describe('shipped England and Wales bank holidays', () => {
  it('covers 2015 to 2030 with eight days in every ordinary year', () => {
    const special: Record<number, number> = { 2022: 10, 2023: 9 };
    for (let year = 2015; year <= 2030; year++) {
      expect(inYear(year).length, String(year)).toBe(special[year] ?? 8);
    }
    expect(dates.every((d) => d >= '2015-01-01' && d <= '2030-12-31')).toBe(true);
  });

  it('holds real calendar dates, each once, in order, never on a weekend', () => {
    for (const d of dates) {
      expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
      expect(isWeekend(d), d).toBe(false);
    }
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    expect(events.every((e) => e.name.trim().length > 0)).toBe(true);
  });

  it('includes the known special and moved days', () => {
    for (const known of [
      '2020-05-08', // VE day, moved early May bank holiday
      '2022-06-02', // spring bank holiday moved for the Platinum Jubilee
      '2022-06-03', // Platinum Jubilee
      '2022-09-19', // State Funeral of Queen Elizabeth II
      '2023-05-08', // coronation of King Charles III
      '2026-12-28', // Boxing Day substitute
      '2027-12-27', // Christmas Day substitute
      '2027-12-28', // Boxing Day substitute
      '2028-04-14', // Good Friday
      '2030-04-19', // Good Friday
    ]) {
      expect(dates, known).toContain(known);
    }
    expect(dates).not.toContain('2022-05-30'); // the usual late May Monday did not happen in 2022
    expect(dates).not.toContain('2020-05-04'); // nor the first Monday of May in 2020
  });

  it('has Christmas Day and Boxing Day (or their substitutes) every year', () => {
    for (let year = 2015; year <= 2030; year++) {
      const names = inYear(year).map((e) => e.name);
      expect(
        names.some((n) => n.startsWith('Christmas Day')),
        String(year),
      ).toBe(true);
      expect(
        names.some((n) => n.startsWith('Boxing Day')),
        String(year),
      ).toBe(true);
      expect(
        names.some((n) => n.startsWith('Good Friday')),
        String(year),
      ).toBe(true);
    }
  });
});
