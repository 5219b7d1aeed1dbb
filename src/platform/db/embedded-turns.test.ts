import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { turnAfterEachStatement } from './embedded-turns';

const client = new PGlite();
afterAll(() => client.close());

describe('the embedded database between statements', () => {
  it('lets other work of the process run between the statements of a loop', async () => {
    // Ready, so that no statement waits on start-up's own input and output (which turns the loop).
    await client.query('select 1');
    turnAfterEachStatement(client);
    let done = 0;
    let doneWhenOtherWorkRan = -1;
    // Another request's work, due at the next turn of the event loop.
    setImmediate(() => {
      doneWhenOtherWorkRan = done;
    });
    for (let i = 0; i < 20; i++) {
      await client.query('select $1::int as n', [i]);
      done += 1;
    }
    // And between transactions (a recomputation replacing a batch of children's tasks in each).
    let transactions = 0;
    let transactionsWhenOtherWorkRan = -1;
    setImmediate(() => {
      transactionsWhenOtherWorkRan = transactions;
    });
    for (let i = 0; i < 20; i++) {
      await client.transaction(async (tx) => tx.query('select 1'));
      transactions += 1;
    }
    expect(transactionsWhenOtherWorkRan).toBeGreaterThanOrEqual(0);
    expect(transactionsWhenOtherWorkRan).toBeLessThan(5);
    await client.exec('select 1');
    expect(doneWhenOtherWorkRan).toBeGreaterThanOrEqual(0);
    expect(doneWhenOtherWorkRan).toBeLessThan(5);
  });

  it('answers as before, inside and outside a transaction', async () => {
    const { rows } = await client.query<{ n: number }>('select $1::int as n', [7]);
    expect(rows).toEqual([{ n: 7 }]);
    const inside = await client.transaction(
      async (tx) => (await tx.query<{ n: number }>('select 8 as n')).rows,
    );
    expect(inside).toEqual([{ n: 8 }]);
    await expect(client.query('select * from no_such_table')).rejects.toThrow(/no_such_table/);
  });
});
