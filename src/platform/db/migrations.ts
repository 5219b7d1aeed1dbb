import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, migrationsFolder, rawRows } from './client';

interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations in the repository, in order. */
export function knownMigrations(folder = migrationsFolder): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when }));
}

/**
 * Migrations the database has not had yet (drizzle records the time of the
 * last one applied in drizzle.__drizzle_migrations). Reading needs only
 * SELECT, so a least-privilege service role can check before it serves.
 */
export async function pendingMigrations(db: Db, folder = migrationsFolder): Promise<string[]> {
  const [exists] = await rawRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  let last = -1;
  if (exists?.present) {
    const [row] = await rawRows<{ last: string | number | null }>(
      db,
      sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
    );
    last = row?.last === null || row?.last === undefined ? -1 : Number(row.last);
  }
  return knownMigrations(folder)
    .filter((m) => m.when > last)
    .map((m) => m.tag);
}

export class MigrationsPendingError extends Error {
  constructor(readonly pending: string[]) {
    super(
      `The database has ${pending.length} migration(s) to apply (${pending.join(', ')}) and MIGRATE_ON_START is false: run \`npm run migrate\` as the database's owner role, then start the service again.`,
    );
  }
}
