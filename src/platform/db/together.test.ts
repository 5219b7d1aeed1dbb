import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers/database';
import { type Database, type Db, rawRows } from './client';
import { mapTogether, together } from './together';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase({ empty: true });
});
afterAll(async () => database.close());

/** Reads that note when each starts and ends. */
function reads(db: Db) {
  const events: string[] = [];
  const read = async (n: number) => {
    events.push(`start ${n}`);
    const [row] = await rawRows<{ n: number }>(db, sql`select ${n}::int as n`);
    events.push(`end ${n}`);
    return row!.n;
  };
  return { events, read };
}

describe('reads together', () => {
  it('on the pool, sends every read at once and gives the results in order', async () => {
    const { events, read } = reads(database.db);
    expect(
      await together(
        database.db,
        () => read(1),
        () => Promise.resolve('two'),
      ),
    ).toEqual([1, 'two']);
    expect(await mapTogether(database.db, [3, 4], read)).toEqual([3, 4]);
    // Both are sent before either is answered. Which is answered first is the database's
    // business: on a server each has a connection of its own and they race.
    expect(events.slice(2, 4)).toEqual(['start 3', 'start 4']);
    expect(events.slice(4).sort()).toEqual(['end 3', 'end 4']);
  });

  it('inside a transaction, sends each read when the one before has been answered', async () => {
    const { results, mapped, events } = await database.db.transaction(async (tx) => {
      const { events, read } = reads(tx);
      const results = await together(
        tx,
        () => read(1),
        () => read(2),
      );
      return { results, mapped: await mapTogether(tx, [3, 4], read), events };
    });
    expect(results).toEqual([1, 2]);
    expect(mapped).toEqual([3, 4]);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3', 'start 4', 'end 4']);
  });
});
