/**
 * Back up the embedded database (DATA_DIR/pg) to a file, while the service is stopped.
 *
 *   npm run backup -- <file.tar.gz> [--force]
 *
 * While the service runs it holds the database: download a backup under
 * Administration > Backup instead. A PostgreSQL server (DATABASE_URL) is
 * backed up with pg_dump (docs/operations.md, "Backups and restore").
 */
import { parseArgs } from 'node:util';
import { BackupError, backupStoppedDatabase } from '../src/platform/backup/embedded';
import { ConfigError, loadConfig } from '../src/platform/config';
import { DataDirInUseError } from '../src/platform/db/lock';

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  try {
    parsed = parse();
  } catch (e) {
    console.error(`${(e as Error).message}. Usage: npm run backup -- <file.tar.gz> [--force]`);
    return 2;
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) {
    console.error('Usage: npm run backup -- <file.tar.gz> [--force]');
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
      'DATABASE_URL is set: this command backs up the embedded database only. Back up a PostgreSQL server with pg_dump --format=custom (docs/operations.md, "Backups and restore").',
    );
    return 1;
  }
  try {
    const contents = await backupStoppedDatabase(`${config.dataDir}/pg`, file, {
      force: parsed.values.force,
    });
    console.log(
      `Backed up the embedded database in ${config.dataDir}/pg to ${file} (${contents.files} files).`,
    );
    return 0;
  } catch (e) {
    if (e instanceof BackupError || e instanceof DataDirInUseError) {
      console.error(e.message);
      return 1;
    }
    console.error(`The backup failed: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
