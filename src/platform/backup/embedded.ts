/**
 * Backups of the embedded database (PGlite in DATA_DIR/pg): a gzipped tar of
 * its whole data folder, as PGlite's dumpDataDir writes it. PGlite serves one
 * query at a time, so a dump taken between queries is consistent.
 *
 * - While the service runs, it holds the folder: an administrator downloads
 *   a backup from the running service (Administration > Backup).
 * - While it is stopped, `npm run backup -- <file>` opens the folder itself.
 * - `npm run restore -- <file>` puts a backup into DATA_DIR/pg, never over a
 *   database that holds data unless told to (--force), and only after the
 *   backup has opened and answered a query.
 *
 * A PostgreSQL server is backed up with pg_dump instead (docs/operations.md).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { DataDirInUseError, dataDirHolder, lockDataDir } from '../db/lock';

/** A mistake the person can fix; commands print its message alone, with no stack trace. */
export class BackupError extends Error {}

export interface BackupContents {
  /** PostgreSQL major version of the data folder, from its PG_VERSION. */
  postgresVersion: string;
  files: number;
}

function field(header: Buffer, from: number, to: number): string {
  const text = header.subarray(from, to).toString('utf8');
  const end = text.indexOf('\0');
  return (end === -1 ? text : text.slice(0, end)).trim();
}

/**
 * Check that the bytes are an embedded database backup: a gzipped tar holding
 * a PostgreSQL data folder (PG_VERSION and global/pg_control at its root).
 */
export function inspectBackup(bytes: Buffer): BackupContents {
  const wrong =
    'is not an Oversight embedded database backup (expected the .tar.gz file that `npm run backup` or Administration > Backup writes)';
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new BackupError(`The file ${wrong}.`);
  let tar: Buffer;
  try {
    tar = gunzipSync(bytes);
  } catch {
    throw new BackupError(`The file is damaged or incomplete: it ${wrong}.`);
  }
  let offset = 0;
  let files = 0;
  let postgresVersion: string | undefined;
  let control = false;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const prefix = field(header, 345, 500);
    const name = `${prefix ? `${prefix}/` : ''}${field(header, 0, 100)}`.replace(/^\.?\/+/, '');
    const size = Number.parseInt(field(header, 124, 136) || '0', 8);
    if (!Number.isFinite(size) || size < 0) throw new BackupError(`The file is damaged: it ${wrong}.`);
    const body = offset + 512;
    if (name === 'PG_VERSION')
      postgresVersion = tar
        .subarray(body, body + size)
        .toString('utf8')
        .trim();
    if (name === 'global/pg_control') control = true;
    files += 1;
    offset = body + Math.ceil(size / 512) * 512;
  }
  if (!postgresVersion || !control) throw new BackupError(`The file ${wrong}: it holds no database folder.`);
  return { postgresVersion, files };
}

function holdsData(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).length > 0;
}

function refuseIfInUse(dataDir: string): void {
  const holder = dataDirHolder(dataDir);
  if (holder !== undefined) throw new DataDirInUseError(dataDir, holder);
}

/** Write a backup of a database that no running process holds (the service is stopped). */
export async function backupStoppedDatabase(
  dataDir: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<BackupContents> {
  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    throw new BackupError(`There is no embedded database in ${dataDir}: nothing to back up. Check DATA_DIR.`);
  }
  if (existsSync(file) && !options.force) {
    throw new BackupError(`${file} already exists: choose another name, or add --force to replace it.`);
  }
  refuseIfInUse(dataDir);
  const release = lockDataDir(dataDir);
  try {
    const client = new PGlite(dataDir);
    let blob: Blob;
    try {
      await client.waitReady;
      blob = await client.dumpDataDir('gzip');
    } finally {
      await client.close();
    }
    return await writeBackupFile(Buffer.from(await blob.arrayBuffer()), file);
  } finally {
    release();
  }
}

/** Write the bytes beside the target and rename, so a half-written file never has the backup's name. */
export async function writeBackupFile(bytes: Buffer, file: string): Promise<BackupContents> {
  const contents = inspectBackup(bytes);
  const partial = `${file}.partial`;
  await writeFile(partial, bytes, { mode: 0o600 });
  await rename(partial, file);
  return contents;
}

export interface RestoreOutcome extends BackupContents {
  /** Where the database that was replaced now is (with --force over a database holding data). */
  replacedTo?: string;
}

/**
 * Restore a backup file into dataDir. The backup is opened in a folder beside
 * it first and must answer a query; only then does it take dataDir's place.
 */
export async function restoreBackup(
  file: string,
  dataDir: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<RestoreOutcome> {
  if (!existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  if (!statSync(file).isFile()) throw new BackupError(`${file} is a folder, not a backup file.`);
  const bytes = await readFile(file);
  const contents = inspectBackup(bytes);
  const target = dataDir.replace(/\/+$/, '');
  const occupied = holdsData(target);
  if (occupied && !options.force) {
    throw new BackupError(
      `${target} already holds a database: restoring would replace it. Add --force to replace it (the current one is kept beside it).`,
    );
  }
  refuseIfInUse(target);
  mkdirSync(dirname(target), { recursive: true });
  const release = lockDataDir(target);
  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const staging = `${target}.restoring-${stamp}`;
  try {
    rmSync(staging, { recursive: true, force: true });
    const client = new PGlite(staging, { loadDataDir: new Blob([new Uint8Array(bytes)]) });
    try {
      await client.waitReady;
      await client.query('select count(*) from pg_class');
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      throw new BackupError(
        `The backup could not be opened, so nothing was changed: ${(e as Error).message}`,
      );
    } finally {
      await client.close().catch(() => undefined);
    }
    let replacedTo: string | undefined;
    if (occupied) {
      replacedTo = `${target}.replaced-${stamp}`;
      renameSync(target, replacedTo);
    } else {
      rmSync(target, { recursive: true, force: true });
    }
    renameSync(staging, target);
    return { ...contents, replacedTo };
  } finally {
    release();
  }
}
