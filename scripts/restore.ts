/**
 * Restore a backup of the embedded database into DATA_DIR/pg, while the service is stopped.
 *
 *   npm run restore -- <file.tar.gz> [--force]
 *
 * Refuses to replace a database that holds data unless --force is given; the
 * replaced one is kept beside it (DATA_DIR/pg.replaced-<time>). A PostgreSQL
 * server (DATABASE_URL) is restored with pg_restore (docs/operations.md).
 */
import { parseArgs } from 'node:util';
import { BackupError, restoreBackup } from '../src/platform/backup/embedded';
import { ConfigError, loadConfig } from '../src/platform/config';
import { DataDirInUseError } from '../src/platform/db/lock';

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  try {
    parsed = parse();
  } catch (e) {
    console.error(`${(e as Error).message}. Usage: npm run restore -- <file.tar.gz> [--force]`);
    return 2;
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) {
    console.error('Usage: npm run restore -- <file.tar.gz> [--force]');
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ ...process.env, DEMO: 'none' });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
  if (config.databaseUrl) {
    console.error(
      'DATABASE_URL is set: this command restores the embedded database only. Restore a PostgreSQL server with pg_restore into a fresh database (docs/operations.md, "Backups and restore").',
    );
    return 1;
  }
  try {
    const dataDir = `${config.dataDir}/pg`;
    const outcome = await restoreBackup(file, dataDir, { force: parsed.values.force });
    console.log(
      `Restored ${file} into ${dataDir}.${outcome.replacedTo ? ` The database it replaced is in ${outcome.replacedTo}: delete it once you are sure.` : ''} Start the service to use it (it applies any newer migrations).`,
    );
    return 0;
  } catch (e) {
    if (e instanceof BackupError || e instanceof DataDirInUseError) {
      console.error(e.message);
      return 1;
    }
    console.error(`The restore failed: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
