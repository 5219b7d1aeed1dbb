/**
 * Bring the database's schema up to date, then stop.
 *
 *   DATABASE_URL=postgres://oversight_owner@.../oversight npm run migrate
 *
 * Run it as the role that owns the database (docs/operations.md, "Database
 * roles") before starting a new version whose service runs with
 * MIGRATE_ON_START=false. Without DATABASE_URL it migrates the embedded
 * database in DATA_DIR.
 */
import { pendingMigrations } from '../src/platform/db/migrations';
import { openConfiguredDatabase } from './database';

async function main(): Promise<number> {
  const opened = await openConfiguredDatabase();
  if (!opened) return 1;
  const { database } = opened;
  try {
    const pending = await pendingMigrations(database.db);
    await database.migrate();
    console.log(
      pending.length === 0
        ? 'The database is up to date: no migration to apply.'
        : `Applied ${pending.length} migration(s): ${pending.join(', ')}.`,
    );
    return 0;
  } catch (e) {
    console.error(`Migration failed and was rolled back: ${(e as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
