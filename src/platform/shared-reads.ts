/**
 * Reads shared within one piece of work that only reads: the home page gathers
 * every module's counts side by side, and several want the same thing (the
 * children in the person's scope, the workers they supervise). Inside
 * `withSharedReads`, a read asked for again under the same key is answered by
 * the first (even while it is still under way); outside it, every read goes to
 * the database. Nothing is held after the work ends, so nothing can go stale.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Run work whose reads under the same key are made once. Use only around work that writes nothing. */
export function withSharedReads<T>(work: () => Promise<T>): Promise<T> {
  return scope.run(new Map(), work);
}

/**
 * The read under this key: the one already made in the current shared-reads work, or a new one.
 * The key must name everything the answer depends on (who asks, and the day).
 */
export function sharedRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  const held = scope.getStore();
  if (!held) return read();
  const found = held.get(key) as Promise<T> | undefined;
  if (found) return found;
  const value = read();
  held.set(key, value);
  return value;
}
