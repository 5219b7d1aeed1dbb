import type { Database } from '../../src/platform/db/client';
import { queryListenerOf } from './database';

/**
 * The queries sent to a test database while some work runs (a request through
 * the app, with its sign-in check and audit writes): pages must answer with a
 * few set-based queries, never one per row. Work queued in the background is
 * counted only while it runs inside `work`.
 */
export async function queriesDuring<T>(
  database: Database,
  work: () => Promise<T>,
): Promise<{ result: T; count: number; queries: string[] }> {
  const listener = queryListenerOf(database);
  if (!listener) throw new Error('queries are counted only on a database opened by freshDatabase');
  if (listener.onQuery) throw new Error('queries are already being counted on this database');
  const queries: string[] = [];
  listener.onQuery = (q) => queries.push(q);
  try {
    const result = await work();
    return { result, count: queries.length, queries };
  } finally {
    listener.onQuery = null;
  }
}
