/**
 * The working-day count the indicator measures compute in SQL agrees with the
 * platform's rule (workingDaysBetween), day for day: across weekends, bank
 * holidays (a holiday on a weekend counted once, not twice), pairs the wrong
 * way round, and the same day.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers/database';
import { addDays, workingDaysBetween } from '../../platform/calendar/working-days';
import { type Database, rawRows } from '../../platform/db/client';
import { holidayArray, workingDays } from './indicator-figures';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database?.close());

// Christmas 2026 falls on a Friday; the Boxing Day substitute is Monday 28th. 26 December is a Saturday.
const HOLIDAYS = ['2026-08-31', '2026-12-25', '2026-12-26', '2026-12-28', '2027-01-01', '2026-12-25'];

describe('working days in SQL', () => {
  it('counts as the platform does, for every pair over a winter and a summer', async () => {
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < 60; i += 1)
      for (const span of [-3, 0, 1, 2, 5, 6, 7, 13, 45, 70]) {
        const from = addDays('2026-08-20', i * 2 + (i > 30 ? 90 : 0));
        pairs.push([from, addDays(from, span)]);
      }
    const values = sql.join(
      pairs.map(([f, t], n) => sql`(${n}::int, ${f}::date, ${t}::date)`),
      sql`, `,
    );
    const rows = await rawRows<{ n: number; days: number }>(
      database.db,
      sql`select p.n, ${workingDays(sql`p.f`, sql`p.t`, holidayArray(HOLIDAYS))}::int as days
          from (values ${values}) as p(n, f, t) order by p.n`,
    );
    const holidays = new Set(HOLIDAYS);
    expect(rows.map((r) => Number(r.days))).toEqual(
      pairs.map(([f, t]) => workingDaysBetween(f, t, holidays)),
    );
    // Across Christmas: 24 Dec (Thu) to 4 Jan (Mon): 29, 30, 31 Dec and 4 Jan.
    const christmas = pairs.length;
    const [row] = await rawRows<{ days: number }>(
      database.db,
      sql`select ${workingDays(sql`date '2026-12-24'`, sql`date '2027-01-04'`, holidayArray(HOLIDAYS))}::int as days`,
    );
    expect(Number(row!.days)).toBe(4);
    expect(christmas).toBeGreaterThan(500);
  });
});
