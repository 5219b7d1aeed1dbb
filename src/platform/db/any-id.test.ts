import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers/database';
import { anyId, IdQuery, noIds } from './any-id';
import { type Database, rawRows } from './client';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase({ empty: true });
});
afterAll(async () => database.close());

describe('anyId', () => {
  it('matches the ids given, as one parameter however many there are', async () => {
    const ids = Array.from({ length: 3000 }, () => randomUUID());
    const rows = await rawRows<{ id: string }>(
      database.db,
      sql`select id from (values (${ids[7]}::uuid), (${ids[2999]}::uuid), (${randomUUID()}::uuid)) as v(id)
          where ${anyId(sql`v.id`, ids)} order by id`,
    );
    expect(rows.map((r) => r.id).sort()).toEqual([ids[7], ids[2999]].sort());
    const built = new PgDialect().sqlToQuery(anyId(sql`v.id`, ids));
    expect(built.params).toHaveLength(1);
  });

  it('matches nothing for no ids, and refuses what is not an id', async () => {
    const rows = await rawRows(
      database.db,
      sql`select 1 from (values (1)) v(x) where ${anyId(sql`null::uuid`, [])}`,
    );
    expect(rows).toEqual([]);
    expect(() => anyId(sql`v.id`, ['1,2'])).toThrow('not an id');
  });

  it('tests against a query that finds the ids, sending the query and none of the ids', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const found = new IdQuery(sql`select w.id from (values (${a}::uuid), (${c}::uuid)) as w(id)`);
    const rows = await rawRows<{ id: string }>(
      database.db,
      sql`select id from (values (${a}::uuid), (${b}::uuid)) as v(id) where ${anyId(sql`v.id`, found)}`,
    );
    expect(rows.map((r) => r.id)).toEqual([a]);
    expect(new PgDialect().sqlToQuery(anyId(sql`v.id`, found)).params).toEqual([a, c]);
  });

  it('knows a list of no ids holds none, and never says so of a query', () => {
    expect(noIds([])).toBe(true);
    expect(noIds([randomUUID()])).toBe(false);
    expect(noIds(new IdQuery(sql`select null::uuid where false`))).toBe(false);
  });
});
