import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedTemplate } from '../../test/helpers/database';
import { openDatabase } from '../platform/db/client';
import { embeddedBackupCommand } from './embedded-backup';

let dir: string;
const env = (extra: Record<string, string> = {}) => ({
  NODE_ENV: 'development',
  LOG_LEVEL: 'silent',
  DATA_DIR: join(dir, 'data'),
  ...extra,
});

async function run(kind: 'backup' | 'restore', argv: string[], extra: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await embeddedBackupCommand(kind, argv, env(extra), {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { status, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oversight-backup-command-'));
  // Migrated already on the embedded database (the run's template); brought up to date here otherwise.
  const database = await openDatabase({ dataDir: join(dir, 'data', 'pg'), loadDataDir: migratedTemplate() });
  await database.migrate();
  await database.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run backup and npm run restore', () => {
  it('answer a missing or extra file name with the usage', async () => {
    expect(await run('backup', [])).toMatchObject({
      status: 2,
      err: [expect.any(String), expect.stringMatching(/^Usage: npm run backup/)],
    });
    expect((await run('restore', ['a.tar.gz', 'b.tar.gz'])).status).toBe(2);
  });

  it('point a server database to pg_dump and pg_restore', async () => {
    const backup = await run('backup', ['x.tar.gz'], { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' });
    expect(backup).toMatchObject({ status: 1 });
    expect(backup.err[0]).toMatch(/pg_dump/);
    const restore = await run('restore', ['x.tar.gz'], { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' });
    expect(restore.err[0]).toMatch(/pg_restore/);
  });

  it('back up a stopped database, refuse a file that is no backup, and restore over it only with --force', async () => {
    const file = join(dir, 'oversight.tar.gz');
    const backup = await run('backup', [file]);
    expect(backup.status).toBe(0);
    expect(backup.out[0]).toMatch(/^Backed up the embedded database/);
    const junk = join(dir, 'not-a-backup.tar.gz');
    await writeFile(junk, 'hello');
    const refused = await run('restore', [junk, '--force']);
    expect(refused.status).toBe(1);
    expect(refused.err).toHaveLength(1);
    expect((await run('restore', [file])).status).toBe(1);
    const restored = await run('restore', [file, '--force']);
    expect(restored).toMatchObject({ status: 0 });
    expect(restored.out[0]).toMatch(/^Restored /);
  });
});
