import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, rawRows } from '../../platform/db/client';
import { arrayLiteral } from './repository';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
});
afterAll(async () => database.close());

describe('arrayLiteral (rows travel to the database as one array per column)', () => {
  it('reads back every text exactly: quotes, backslashes, commas, braces, the word NULL, blanks', async () => {
    const values = ['plain', 'say "hi"', 'back\\slash', 'a,b', '{x}', 'NULL', '', ' spaced ', 'Zoë', null];
    const [row] = await rawRows<{ v: Array<string | null> }>(
      database.db,
      sql`select ${arrayLiteral(values)}::text[] as v`,
    );
    expect(row!.v).toEqual(values);
  });

  it('reads back dates, date-times, flags and numbers as their types', async () => {
    const [row] = await rawRows<{ d: string; t: string; b: boolean[]; i: number[]; f: number[] }>(
      database.db,
      sql`select (${arrayLiteral(['2026-03-27', null])}::date[])[1]::text as d,
                 (${arrayLiteral(['2026-03-27 22:15:00'])}::timestamp[])[1]::text as t,
                 ${arrayLiteral([true, false, null])}::boolean[] as b,
                 ${arrayLiteral([3, -1])}::integer[] as i,
                 ${arrayLiteral([2.5, 1e-7])}::double precision[] as f`,
    );
    expect(row).toEqual({
      d: '2026-03-27',
      t: '2026-03-27 22:15:00',
      b: [true, false, null],
      i: [3, -1],
      f: [2.5, 1e-7],
    });
  });
});
