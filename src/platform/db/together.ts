/**
 * Independent reads side by side where the database allows it. On the pool
 * each read takes a connection of its own; a transaction has one connection,
 * which answers one query at a time (pg deprecates sending a second before
 * the first is answered, and pg 9 refuses it), so inside a transaction the
 * reads run one after another. Services that may be handed a transaction
 * read together through these rather than Promise.all.
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './client';

const inTransaction = (db: Db) => db instanceof PgTransaction;

/** Each read's result, in order: `const [a, b] = await together(db, () => readA(db), () => readB(db))`. */
export async function together<R extends ReadonlyArray<() => unknown>>(
  db: Db,
  ...reads: R
): Promise<{ -readonly [K in keyof R]: Awaited<ReturnType<R[K]>> }> {
  return (await mapTogether(db, reads, (read) => read())) as {
    -readonly [K in keyof R]: Awaited<ReturnType<R[K]>>;
  };
}

/** One read per item, results in the items' order. */
export async function mapTogether<I, R>(
  db: Db,
  items: Iterable<I>,
  read: (item: I) => R | PromiseLike<R>,
): Promise<R[]> {
  const list = [...items];
  if (!inTransaction(db)) return Promise.all(list.map(read));
  const out: R[] = [];
  for (const item of list) out.push(await read(item));
  return out;
}
