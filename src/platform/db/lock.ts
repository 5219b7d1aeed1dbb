import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * The embedded database may be opened by one process at a time: two PGlite
 * instances on one folder would each write it and spoil it. The process that
 * opens it writes its id beside the folder (DATA_DIR/pg.lock) and removes it
 * when it closes; the backup, restore and migrate commands read it to know
 * whether the service is running.
 */
export function lockFileOf(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The id of another live process holding the folder, if any (a lock left by a dead one does not count). */
export function dataDirHolder(dataDir: string): number | undefined {
  const file = lockFileOf(dataDir);
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  return alive(pid) ? pid : undefined;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (id ${pid}), probably Oversight itself. Stop it first, or, for a backup, download one under Administration > Backup. If no Oversight is running, delete ${lockFileOf(dataDir)}.`,
    );
  }
}

/** Claim the folder for this process; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const holder = dataDirHolder(dataDir);
  if (holder !== undefined) throw new DataDirInUseError(dataDir, holder);
  const file = lockFileOf(dataDir);
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // Already gone: nothing to release.
    }
  };
}
