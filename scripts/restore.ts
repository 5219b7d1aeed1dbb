/**
 * Restore a backup of the embedded database into DATA_DIR/pg, while the service is stopped.
 *
 *   npm run restore -- <file.tar.gz> [--force]
 *
 * Refuses to replace a database that holds data unless --force is given; the
 * replaced one is kept beside it (DATA_DIR/pg.replaced-<time>). A PostgreSQL
 * server (DATABASE_URL) is restored with pg_restore (docs/operations.md).
 */
import { embeddedBackupCommand } from '../src/commands/embedded-backup';

process.exitCode = await embeddedBackupCommand('restore', process.argv.slice(2));
