import { mkdirSync } from 'node:fs';
import { type SQL, sql } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { fromRoot } from '../paths';
import { EmbeddedClient } from './embedded-client';
import { lockDataDir } from './lock';

/** One type for both drivers: modules write ordinary Drizzle queries against it. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'embedded' | 'server';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Take a lock that every instance on this database respects, waiting while
   * another holds it; resolves with its release. On a server it is a
   * PostgreSQL advisory lock held by a connection of its own (ended, and so
   * released, when the process dies); the embedded database has one process,
   * so a lock in memory is the whole truth.
   */
  lock(key: string): Promise<Lock>;
  /** Whether some instance holds the lock now (without taking it). */
  isLocked(key: string): Promise<boolean>;
  /**
   * Embedded only: a consistent copy of the whole data folder (a tar, gzipped unless asked
   * otherwise), taken between queries by the process that holds it. See platform/backup.
   */
  dumpDataDir?: (compression?: 'gzip' | 'none') => Promise<Blob>;
}

export interface Lock {
  release(): Promise<void>;
  /** Settles if the lock is lost before it is released (on a server, its connection ended). */
  lost: Promise<Error>;
}

export const migrationsFolder = fromRoot('migrations');

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent the embedded database is used. */
  url?: string;
  /** Folder for the embedded database; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  /** Told when the server ends an idle connection (logged by the app; harmless otherwise). */
  onIdleError?: (error: Error) => void;
  /** Most connections to the server at once (DATABASE_POOL_SIZE); 10 by default. */
  poolSize?: number;
  /** Embedded only: start from this copy of a data folder (a tar, as dumpDataDir makes) instead of an empty one. */
  loadDataDir?: Blob;
  /** Told of every query Drizzle sends (tests count the queries a request makes; nothing is logged by default). */
  logger?: Logger;
}

/** The 64-bit advisory lock number of a key (PostgreSQL hashes it: no collisions worth counting). */
const LOCK_KEY = 'hashtextextended($1, 0)';

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    // Keep-alive: the connection holding an instance's lock is idle for hours, and must not be dropped
    // by a firewall between the instance and the server.
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, keepAlive: true });
    // An idle connection the server ends (a restart, a dropped database) must not crash the process;
    // the pool discards it and the next query opens a new one.
    const onError = (e: Error) => options.onIdleError?.(e);
    pool.on('error', onError);
    const db = drizzleNodePg({ client: pool, logger: options.logger }) as unknown as Db;
    return {
      db,
      kind: 'server',
      migrate: () => migrateNodePg(db as never, { migrationsFolder }),
      close: () => pool.end(),
      async lock(key) {
        const client = await pool.connect();
        let lose!: (error: Error) => void;
        const lost = new Promise<Error>((resolve) => {
          lose = resolve;
        });
        // A connection checked out of the pool is ours to watch: its end must not crash the process,
        // and it takes the lock with it.
        let released = false;
        const done = (error?: Error) => {
          if (released) return;
          released = true;
          client.off('error', onLockError);
          client.off('end', onEnd);
          client.release(error);
        };
        // The connection is gone: give it back to the pool to be discarded, and say the lock is lost.
        const onLockError = (e: Error) => {
          onError(e);
          done(e);
          lose(e);
        };
        const onEnd = () => {
          const e = new Error('the connection holding the lock ended');
          done(e);
          lose(e);
        };
        client.on('error', onLockError);
        client.on('end', onEnd);
        try {
          await client.query(`select pg_advisory_lock(${LOCK_KEY})`, [key]);
        } catch (e) {
          done(e as Error);
          throw e;
        }
        let releasing: Promise<void> | undefined;
        const unlock = async () => {
          if (released) return;
          try {
            await client.query(`select pg_advisory_unlock(${LOCK_KEY})`, [key]);
            done();
          } catch (e) {
            // Ending the connection releases the lock too.
            done(e as Error);
          }
        };
        return {
          lost,
          release() {
            releasing ??= unlock();
            return releasing;
          },
        };
      },
      async isLocked(key) {
        // Try the lock in a transaction of its own: taken (and given back at commit) means nobody holds it.
        const free = await db.transaction(async (tx) => {
          const rows = await rawRows<{ free: boolean }>(
            tx,
            sql`select pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) as free`,
          );
          return rows[0]!.free;
        });
        return !free;
      },
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const release = inMemory ? () => undefined : lockDataDir(dataDir);
  let client: EmbeddedClient;
  try {
    client = await EmbeddedClient.open(dataDir, options.loadDataDir);
  } catch (e) {
    release();
    throw e;
  }
  // Drizzle's PGlite driver uses only the part of PGlite's interface the client gives.
  const db = drizzlePglite({ client: client as never, logger: options.logger }) as unknown as Db;
  const locks = memoryLocks();
  return {
    db,
    kind: 'embedded',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
    dumpDataDir: async (compression = 'gzip') => client.dumpDataDir(compression),
    lock: locks.lock,
    isLocked: async (key) => locks.isLocked(key),
  };
}

/** Locks in memory, one queue per key: for the embedded database, which only one process can open. */
export function memoryLocks(): { lock(key: string): Promise<Lock>; isLocked(key: string): boolean } {
  const tails = new Map<string, Promise<void>>();
  const held = new Set<string>();
  return {
    async lock(key) {
      const before = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = before.then(() => mine);
      tails.set(key, tail);
      await before;
      held.add(key);
      let released = false;
      return {
        // Nothing but release ends a lock in memory.
        lost: new Promise<Error>(() => undefined),
        async release() {
          if (released) return;
          released = true;
          held.delete(key);
          if (tails.get(key) === tail) tails.delete(key);
          release();
        },
      };
    },
    isLocked: (key) => held.has(key),
  };
}

/** Transaction handle: a Drizzle transaction is a Db too. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Rows of a raw SQL query, the same shape on both drivers. Prefer the query builder; use this for SQL it cannot say. */
export async function rawRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
