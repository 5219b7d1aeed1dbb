/**
 * Work that yields the embedded database to people's requests: an import's
 * many statements (reading digests, staging chunks) run inside
 * `inBackground`, and the embedded database starts one of them only when no
 * other statement is waiting and none has ended in the last moment (the gap
 * between one statement of a page and its next). A statement already running
 * is never stopped, and a transaction is one piece of work, so an import's
 * merge still holds the database while it runs. A server ignores it: pages
 * have connections of their own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

/** Run work whose statements on the embedded database give way to everyone else's. */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/** Whether the caller runs inside inBackground. */
export function isBackground(): boolean {
  return background.getStore() === true;
}
