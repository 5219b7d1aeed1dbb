import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, sameDatabase } from '../../test/helpers/database';
import { type Database, rawRows } from './db/client';
import { exclusively, startInstance } from './instance';

let first: Database;
let second: Database;
beforeAll(async () => {
  first = await freshDatabase();
  second = await sameDatabase(first);
});
afterAll(async () => {
  await second.close();
  await first.close();
});

describe('locks every instance respects', () => {
  it('are held until released, by one holder at a time, in turn', async () => {
    const order: string[] = [];
    const one = await first.lock('k');
    expect(await second.isLocked('k')).toBe(true);
    expect(await second.isLocked('another key')).toBe(false);
    const waiting = second.lock('k').then((lock) => {
      order.push('second holds');
      return lock;
    });
    order.push('first releases');
    await one.release();
    const two = await waiting;
    expect(order).toEqual(['first releases', 'second holds']);
    expect(await first.isLocked('k')).toBe(true);
    await two.release();
    await two.release(); // twice is harmless
    expect(await first.isLocked('k')).toBe(false);
  });

  it('are released when the work under them fails', async () => {
    await expect(
      exclusively(first, 'failing', async () => {
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
    expect(await second.isLocked('failing')).toBe(false);
    expect(await exclusively(second, 'failing', async () => 42)).toBe(42);
  });
});

describe('instances', () => {
  it('know which instances are alive', async () => {
    const one = await startInstance(first);
    const two = await startInstance(second);
    expect(one.id).not.toBe(two.id);
    expect(await one.isLive(one.id)).toBe(true);
    expect(await one.isLive(two.id)).toBe(true);
    if (second.kind === 'server') {
      // The connection holding two's lock ends (a firewall, a network blip): two takes its lock back.
      const regained = once(two.events, 'regained');
      const ended = await rawRows<{ ended: boolean }>(
        first.db,
        sql`select pg_terminate_backend(pid, 10000) as ended from pg_locks
            where locktype = 'advisory' and granted and objsubid = 1
              and ((classid::bigint << 32) | objid::bigint) = hashtextextended(${`oversight.instance:${two.id}`}, 0)`,
      );
      expect(ended).toEqual([{ ended: true }]);
      await regained;
    }
    expect(await one.isLive(two.id)).toBe(true);
    await two.close();
    expect(await one.isLive(two.id)).toBe(false);
    await one.close();
    expect(await two.isLive(one.id)).toBe(false);
  });
});
