import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Database, Lock } from './db/client';

/**
 * One running Oversight among the several a council may run on one
 * database. Each holds a lock named after its random id for as long as it
 * runs, so any instance can tell whether the owner of some unfinished work
 * (an import) is still alive: the lock of a process that died is gone with
 * its connection, at once.
 */
export interface Instance {
  /** Random, new at every start. */
  readonly id: string;
  /** Whether the instance with this id is still running. */
  isLive(id: string): Promise<boolean>;
  /** Emits "regained" when the lock, lost with its connection, is held again. */
  readonly events: EventEmitter;
  /** Stop being this instance (its lock is released). */
  close(): Promise<void>;
}

const lockName = (id: string) => `oversight.instance:${id}`;
/** How long to wait before trying again to take back a lost lock (the database is unreachable). */
const RETRY_MS = 5_000;

export async function startInstance(
  database: Database,
  onTrouble: (error: Error) => void = () => undefined,
): Promise<Instance> {
  const id = randomUUID();
  const events = new EventEmitter();
  let closed = false;
  let lock: Lock;
  const take = async (): Promise<void> => {
    lock = await database.lock(lockName(id));
    lock.lost.then(
      (e) => {
        if (closed) return;
        // Without its lock this instance would look dead to the others: take it back.
        onTrouble(e);
        void retake();
      },
      () => undefined,
    );
  };
  const retake = async (): Promise<void> => {
    while (!closed) {
      try {
        await take();
        if (closed) await lock.release();
        else events.emit('regained');
        return;
      } catch (e) {
        onTrouble(e as Error);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
      }
    }
  };
  await take();
  return {
    id,
    events,
    isLive: async (other) => other === id || database.isLocked(lockName(other)),
    close: async () => {
      closed = true;
      await lock.release();
    },
  };
}

/**
 * Run work while no other instance runs work under the same key, waiting
 * for its turn (background recomputation of one organisation).
 */
export async function exclusively<T>(database: Database, key: string, work: () => Promise<T>): Promise<T> {
  const lock = await database.lock(key);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
