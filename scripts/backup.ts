/**
 * Back up the embedded database (DATA_DIR/pg) to a file, while the service is stopped.
 *
 *   npm run backup -- <file.tar.gz> [--force]
 *
 * While the service runs it holds the database: download a backup under
 * Administration > Backup instead. A PostgreSQL server (DATABASE_URL) is
 * backed up with pg_dump (docs/operations.md, "Backups and restore").
 */
import { embeddedBackupCommand } from '../src/commands/embedded-backup';

process.exitCode = await embeddedBackupCommand('backup', process.argv.slice(2));
