import { setImmediate } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseErrorCode } from '../errors';
import { inBackground } from './background';
import { EmbeddedClient } from './embedded-client';

let client: EmbeddedClient;

beforeAll(async () => {
  client = await EmbeddedClient.open('memory://');
  await client.exec('create table t (id int primary key, at timestamp, note text)');
});

afterAll(async () => {
  await client.close();
});

describe('the embedded database on its own thread', () => {
  it('answers statements with their rows, in either row mode, leaving the types asked for as written', async () => {
    await client.query('insert into t values ($1, $2, $3), ($4, $5, $6)', [
      1,
      '2026-11-30 22:15:00',
      'one',
      2,
      '2026-11-30 08:00:00',
      'two',
    ]);
    const objects = await client.query<{ id: number; note: string }>('select id, note from t order by id');
    expect(objects.rows).toEqual([
      { id: 1, note: 'one' },
      { id: 2, note: 'two' },
    ]);
    // 1114: timestamp, which Drizzle asks to have as PostgreSQL wrote it.
    const arrays = await client.query('select at from t where id = 1', [], {
      rowMode: 'array',
      parsers: { 1114: (value: string) => value },
    });
    expect(arrays.rows).toEqual([['2026-11-30 22:15:00']]);
    const parsed = await client.query<{ at: Date }>('select at from t where id = 1');
    expect(parsed.rows[0]!.at).toBeInstanceOf(Date);
  });

  it('gives a failed statement’s database code and constraint, and goes on answering', async () => {
    const failure = await client.query('insert into t values (1, null, null)').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(databaseErrorCode(failure)).toBe('23505');
    expect((failure as { constraint?: string }).constraint).toBe('t_pkey');
    expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await client.transaction(async (tx) => {
      await tx.query('insert into t (id, note) values (10, $1)', ['kept']);
    });
    await expect(
      client.transaction(async (tx) => {
        await tx.query('insert into t (id, note) values (11, $1)', ['undone']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const rows = await client.query<{ id: number }>('select id from t where id >= 10 order by id');
    expect(rows.rows).toEqual([{ id: 10 }]);
  });

  it('keeps other statements out of a transaction until it ends, and refuses its statements after', async () => {
    const order: string[] = [];
    let inside!: (tx: { query: EmbeddedClient['query'] }) => void;
    const opened = new Promise<{ query: EmbeddedClient['query'] }>((resolve) => {
      inside = resolve;
    });
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const transaction = client.transaction(async (tx) => {
      inside(tx);
      await tx.query('insert into t (id, note) values (20, $1)', ['in the transaction']);
      await finished;
      order.push('committing');
    });
    const tx = await opened;
    const outside = client
      .query<{ n: number }>('select count(*)::int as n from t where id = 20')
      .then((r) => {
        order.push(`outside saw ${r.rows[0]!.n}`);
      });
    await setImmediate();
    await setImmediate();
    expect(order).toEqual([]);
    finish();
    await Promise.all([transaction, outside]);
    expect(order).toEqual(['committing', 'outside saw 1']);
    await expect(tx.query('select 1')).rejects.toThrow('already ended');
  });

  it('takes a COPY from a blob and gives back a dump of its data folder', async () => {
    await client.query("copy t (id, note) from '/dev/blob'", [], {
      blob: new Blob(['30\tcopied\n31\tcopied\n']),
    });
    const copied = await client.query<{ n: number }>(
      "select count(*)::int as n from t where note = 'copied'",
    );
    expect(copied.rows[0]!.n).toBe(2);
    const dump = await client.dumpDataDir('none');
    expect(dump.size).toBeGreaterThan(1_000_000);
  });

  it('lets the event loop turn while a statement runs', async () => {
    const order: string[] = [];
    const long = client.query('select count(*) from generate_series(1, 2000000)').then(() => {
      order.push('statement done');
    });
    await setImmediate();
    order.push('turned');
    await long;
    // Held on this thread, the statement ran to its end before anything else could.
    expect(order).toEqual(['turned', 'statement done']);
  });

  it('runs people’s statements before background work that was waiting with them', async () => {
    const order: string[] = [];
    const running = client.query('select count(*) from generate_series(1, 300000)');
    const work = inBackground(() => client.query('select 1')).then(() => order.push('background'));
    const page = client.query('select 2').then(() => order.push('page'));
    await Promise.all([running, work, page]);
    expect(order).toEqual(['page', 'background']);
  });

  it('refuses statements once closed', async () => {
    const other = await EmbeddedClient.open('memory://');
    await other.close();
    await expect(other.query('select 1')).rejects.toThrow('closed');
  });
});
