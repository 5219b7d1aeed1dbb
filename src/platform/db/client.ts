import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './lock';

/** One type for both drivers: modules write ordinary Drizzle queries against it. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'embedded' | 'server';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Embedded only: a consistent copy of the whole data folder (a gzipped tar),
   * taken between queries by the process that holds it. See platform/backup.
   */
  dumpDataDir?: () => Promise<Blob>;
}

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent the embedded database is used. */
  url?: string;
  /** Folder for the embedded database; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  /** Told when the server ends an idle connection (logged by the app; harmless otherwise). */
  onIdleError?: (error: Error) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection the server ends (a restart, a dropped database) must not crash the process;
    // the pool discards it and the next query opens a new one.
    pool.on('error', (e) => options.onIdleError?.(e));
    const db = drizzleNodePg({ client: pool }) as unknown as Db;
    return {
      db,
      kind: 'server',
      migrate: () => migrateNodePg(db as never, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const release = inMemory ? () => undefined : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = new PGlite(dataDir);
    await client.waitReady;
  } catch (e) {
    release();
    throw e;
  }
  const db = drizzlePglite({ client }) as unknown as Db;
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
    dumpDataDir: async () => client.dumpDataDir('gzip'),
  };
}

/** Transaction handle: a Drizzle transaction is a Db too. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Rows of a raw SQL query, the same shape on both drivers. Prefer the query builder; use this for SQL it cannot say. */
export async function rawRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
