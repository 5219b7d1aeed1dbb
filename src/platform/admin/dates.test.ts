import { describe, expect, it } from 'vitest';
import { londonDateOf } from '../clock';
import { londonStartOfDay, parseDateParts, parseDateText } from './dates';

describe('parseDateText', () => {
  it('reads day/month/year in the common ways people type it, and ISO', () => {
    expect(parseDateText('3/11/2026')).toBe('2026-11-03');
    expect(parseDateText(' 03-11-2026 ')).toBe('2026-11-03');
    expect(parseDateText('3 11 2026')).toBe('2026-11-03');
    expect(parseDateText('3.11.2026')).toBe('2026-11-03');
    expect(parseDateText('2026-11-03')).toBe('2026-11-03');
    expect(parseDateText('29/2/2028')).toBe('2028-02-29');
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    expect(parseDateText('29/2/2027')).toBeNull();
    expect(parseDateText('31/4/2026')).toBeNull();
    expect(parseDateText('2026-13-01')).toBeNull();
    expect(parseDateText('0/1/2026')).toBeNull();
    expect(parseDateText('11/3/26')).toBeNull();
    expect(parseDateText('next Tuesday')).toBeNull();
    expect(parseDateText('')).toBeNull();
  });
});

describe('parseDateParts', () => {
  const what = 'Date of the non-working day';

  it('accepts a real date', () => {
    expect(parseDateParts({ day: '24', month: '12', year: '2026' }, what)).toEqual({
      ok: true,
      date: '2026-12-24',
    });
    expect(parseDateParts({ day: ' 1', month: '2 ', year: '2027' }, what)).toEqual({
      ok: true,
      date: '2027-02-01',
    });
  });

  it('uses the GOV.UK messages for what is missing or wrong', () => {
    expect(parseDateParts({}, what)).toEqual({ ok: false, message: 'Enter the date of the non-working day' });
    expect(parseDateParts({ day: '24', year: '2026' }, what)).toEqual({
      ok: false,
      message: 'Date of the non-working day must include a month',
    });
    expect(parseDateParts({ year: '2026' }, what)).toEqual({
      ok: false,
      message: 'Date of the non-working day must include a day and a month',
    });
    expect(parseDateParts({ day: '30', month: '2', year: '2026' }, what)).toEqual({
      ok: false,
      message: 'Date of the non-working day must be a real date, like 27 3 2027',
    });
    expect(parseDateParts({ day: 'x', month: '2', year: '2026' }, what).ok).toBe(false);
    expect(parseDateParts({ day: '1', month: '2', year: '26' }, what)).toEqual({
      ok: false,
      message: 'Year must include 4 numbers',
    });
  });
});

describe('londonStartOfDay', () => {
  it('is midnight UTC in winter and 23:00 UTC the day before in summer', () => {
    expect(londonStartOfDay('2026-11-16').toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(londonStartOfDay('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(londonStartOfDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonStartOfDay('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(londonStartOfDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(londonStartOfDay('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('always falls on the date itself in London, a millisecond after the day before', () => {
    for (const iso of ['2026-01-01', '2026-03-29', '2026-06-21', '2026-10-25', '2028-02-29']) {
      const start = londonStartOfDay(iso);
      expect(londonDateOf(start)).toBe(iso);
      expect(londonDateOf(new Date(start.getTime() - 1))).not.toBe(iso);
    }
  });
});
