import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/platform/db/client';

/**
 * A fresh database for one test file: in-memory embedded PostgreSQL by
 * default; with DATABASE_URL set, a new database on that server, dropped on
 * close. It starts with every migration applied, copied from the one the
 * run's global setup migrated (test/global-setup.ts), unless `empty` is asked
 * for (a test of migrating itself).
 */
const urls = new WeakMap<Database, string>();
let embeddedTemplate: Blob | undefined;
const listeners = new WeakMap<Database, QueryListener>();

/** Told of each query a test database sends (see queries.ts). */
export interface QueryListener {
  onQuery: ((query: string) => void) | null;
}

/** The listener of a database opened by freshDatabase (undefined for any other). */
export function queryListenerOf(database: Database): QueryListener | undefined {
  return listeners.get(database);
}

/**
 * The embedded data folder the run's global setup migrated (a tar), for a test that opens an
 * embedded database in a folder of its own (`openDatabase({ dataDir, loadDataDir })`): it starts
 * migrated, as a fresh database from freshDatabase does, without running every migration again.
 * Undefined when the run is on a server (its setup migrates a server database instead): the
 * folder then starts empty.
 */
export function migratedTemplate(): Blob | undefined {
  const file = inject('embeddedTemplate');
  if (file) embeddedTemplate ??= new Blob([readFileSync(file)]);
  return file ? embeddedTemplate : undefined;
}

export async function freshDatabase(options: { empty?: boolean } = {}): Promise<Database> {
  const listener: QueryListener = { onQuery: null };
  const logger = { logQuery: (query: string) => listener.onQuery?.(query) };
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await openDatabase({
      dataDir: 'memory://',
      loadDataDir: options.empty ? undefined : migratedTemplate(),
      logger,
    });
    listeners.set(embedded, listener);
    return embedded;
  }
  const name = `oversight_test_${randomBytes(6).toString('hex')}`;
  const template = options.empty ? undefined : inject('serverTemplate');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Dropping the database ends its connections; an idle one closing then is expected, not a failure.
  const database = await openDatabase({ url: url.toString(), onIdleError: () => undefined, logger });
  const fresh: Database = {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
  urls.set(fresh, url.toString());
  listeners.set(fresh, listener);
  return fresh;
}

/**
 * The same database opened again, as a second instance would: on a server, a
 * pool of its own; the embedded database can be opened by one process only, so
 * its instances share the handle (closing this one leaves it open).
 */
export async function sameDatabase(database: Database): Promise<Database> {
  const url = urls.get(database);
  if (!url) return { ...database, close: async () => undefined };
  return openDatabase({ url, onIdleError: () => undefined });
}
