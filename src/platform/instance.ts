import { randomUUID } from 'node:crypto';
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
  /** Stop being this instance (its lock is released). */
  close(): Promise<void>;
}

const lockName = (id: string) => `oversight.instance:${id}`;

export async function startInstance(database: Database): Promise<Instance> {
  const id = randomUUID();
  const lock: Lock = await database.lock(lockName(id));
  return {
    id,
    isLive: async (other) => other === id || database.isLocked(lockName(other)),
    close: () => lock.release(),
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
