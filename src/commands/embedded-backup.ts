/**
 * The embedded database's backup and restore commands, while the service is
 * stopped (scripts/backup.ts and scripts/restore.ts):
 *
 *   npm run backup  -- <file.tar.gz> [--force]
 *   npm run restore -- <file.tar.gz> [--force]
 *
 * While the service runs it holds the database: a senior leader downloads a
 * backup under Administration > Backup instead. A PostgreSQL server
 * (DATABASE_URL) is backed up with pg_dump and restored with pg_restore
 * (docs/operations.md, "Backups and restore").
 */
import { parseArgs } from 'node:util';
import { BackupError, backupStoppedDatabase, restoreBackup } from '../platform/backup/embedded';
import { loadConfig } from '../platform/config';
import { DataDirInUseError } from '../platform/db/lock';
import { CommandError, type CommandOutput, consoleOutput, runCommand, USAGE } from './cli';

type Kind = 'backup' | 'restore';

const usage = (kind: Kind) => `Usage: npm run ${kind} -- <file.tar.gz> [--force]`;

const SERVER_INSTEAD: Record<Kind, string> = {
  backup:
    'DATABASE_URL is set: this command backs up the embedded database only. Back up a PostgreSQL server with pg_dump --format=custom (docs/operations.md, "Backups and restore").',
  restore:
    'DATABASE_URL is set: this command restores the embedded database only. Restore a PostgreSQL server with pg_restore into a fresh database (docs/operations.md, "Backups and restore").',
};

/** The file to read or write and whether to overwrite; a CommandError (usage) for anything else. */
export function parseBackupArgs(kind: Kind, argv: string[]): { file: string; force: boolean } {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    throw new CommandError(
      `Give one backup file, like ${kind === 'backup' ? 'oversight-backup.tar.gz' : 'the file npm run backup wrote'}.`,
      USAGE,
    );
  }
  return { file, force: values.force };
}

export function embeddedBackupCommand(
  kind: Kind,
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  output: CommandOutput = consoleOutput,
): Promise<number> {
  return runCommand(output, usage(kind), async () => {
    const { file, force } = parseBackupArgs(kind, argv);
    const config = loadConfig({ ...env, DEMO: 'none' });
    if (config.databaseUrl) throw new CommandError(SERVER_INSTEAD[kind]);
    const dataDir = `${config.dataDir}/pg`;
    try {
      if (kind === 'backup') {
        const contents = await backupStoppedDatabase(dataDir, file, { force });
        output.out(`Backed up the embedded database in ${dataDir} to ${file} (${contents.files} files).`);
      } else {
        const outcome = await restoreBackup(file, dataDir, { force });
        output.out(
          `Restored ${file} into ${dataDir}.${outcome.replacedTo ? ` The database it replaced is in ${outcome.replacedTo}: delete it once you are sure.` : ''} Start the service to use it (it applies any newer migrations).`,
        );
      }
      return 0;
    } catch (e) {
      if (e instanceof BackupError || e instanceof DataDirInUseError) throw new CommandError(e.message);
      throw new CommandError(`The ${kind} failed: ${(e as Error).message}`);
    }
  });
}
