/**
 * Backups restore (docs/operations.md, "Backups and restore"). The suite runs
 * on the embedded database and again on a PostgreSQL server: each run backs
 * up the database it runs on the way its operators would (the embedded
 * database through the running service and the offline command; the server
 * with pg_dump and pg_restore) and finds the same children, plans and access
 * audit events in the restored copy.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createOversight, type Oversight } from '../../src/app';
import { createDemoOrganisation, type DemoOrganisation } from '../../src/demo/organisation';
import { extractFiles, smallExtract } from '../../src/modules/cases/fixtures';
import { importAndWait } from '../../src/modules/cases/importer';
import {
  BackupError,
  backupStoppedDatabase,
  inspectBackup,
  restoreBackup,
} from '../../src/platform/backup/embedded';
import { FixedClock } from '../../src/platform/clock';
import { type Config, loadConfig } from '../../src/platform/config';
import { type Database, type Db, openDatabase, rawRows } from '../../src/platform/db/client';
import { DataDirInUseError, lockFileOf } from '../../src/platform/db/lock';
import { pendingMigrations } from '../../src/platform/db/migrations';
import { cheapDemoPasswordHash, emailOf, signedIn, TEST_START, type TestContext } from '../helpers/app';
import { migratedTemplate } from '../helpers/database';
import { smallPlan } from '../modules/plans-fixture';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'oversight-backup-test-'));
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  rmSync(work, { recursive: true, force: true });
});

interface Filled {
  oversight: Oversight;
  clock: FixedClock;
  config: Config;
  org: DemoOrganisation;
}

/** One organisation with the small SSD extract's children, a plan, and the audit events they made. */
async function fill(database: Database, env: Record<string, string> = {}): Promise<Filled> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: 'none', ...env });
  const clock = new FixedClock(TEST_START);
  const oversight = await createOversight(config, { clock, database });
  const db = oversight.database.db;
  const org = await createDemoOrganisation(db, clock.now(), undefined, {
    passwordHash: await cheapDemoPasswordHash(),
  });
  const audit = { organisationId: org.organisationId, userId: org.userIds.administrator, ip: null };
  const outcome = await importAndWait(db, {
    organisationId: org.organisationId,
    userId: org.userIds.administrator,
    origin: 'upload',
    mode: 'full',
    files: extractFiles(smallExtract()),
    clock,
    audit: { ...audit, userAgent: 'test', requestId: null, at: clock.now() },
    concurrentProgress: false,
  });
  if (outcome.status !== 'applied') throw new Error(`fixture import ${outcome.status}`);
  await smallPlan({ oversight, clock, org } as unknown as TestContext);
  return { oversight, clock, config, org };
}

interface Fingerprint {
  children: string[];
  plans: string[];
  audit: string[];
}

async function fingerprint(db: Db): Promise<Fingerprint> {
  const children = await rawRows<{ v: string }>(
    db,
    sql`select source_id || ' ' || coalesce(forename, '') || ' ' || coalesce(date_of_birth::text, '') as v
        from case_people order by source_id`,
  );
  const plans = await rawRows<{ v: string }>(db, sql`select name as v from plans order by name`);
  const audit = await rawRows<{ v: string }>(
    db,
    sql`select id || ' ' || action || ' ' || coalesce(record_id, '') || ' ' || at::text as v
        from access_audit where action <> 'database.backup' order by id`,
  );
  return { children: children.map((r) => r.v), plans: plans.map((r) => r.v), audit: audit.map((r) => r.v) };
}

function expectSameData(restored: Fingerprint, original: Fingerprint): void {
  expect(original.children.length).toBe(4);
  expect(original.plans.length).toBe(1);
  expect(original.audit.length).toBeGreaterThan(10);
  expect(restored).toEqual(original);
}

async function auditRefusesDelete(db: Db): Promise<void> {
  await expect(db.execute(sql`delete from access_audit`)).rejects.toThrow();
}

const serverUrl = process.env.DATABASE_URL;

describe('backup and restore of the database this suite runs on', () => {
  // Several databases are opened and closed in turn; on a busy machine each takes seconds.
  it(serverUrl
    ? 'pg_dump --format=custom and pg_restore into a fresh database give the same children, plans and audit events'
    : 'a backup downloaded from the running service and one from the stopped-service command restore with the same children, plans and audit events', {
    timeout: 240_000,
  }, async () => {
    if (serverUrl) await serverRoundTrip(serverUrl);
    else await embeddedRoundTrip();
  });
});

async function serverRoundTrip(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const suffix = Math.random().toString(16).slice(2, 10);
  const source = `oversight_backup_src_${suffix}`;
  const target = `oversight_backup_dst_${suffix}`;
  const urlOf = (name: string) => {
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  await admin.query(`CREATE DATABASE ${source}`);
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${source} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
    await admin.end();
  });

  // The client tools must be at least the server's major version.
  const { stdout: dumpVersion } = await run('pg_dump', ['--version']);
  const { rows } = await admin.query<{ v: string }>("select current_setting('server_version_num') as v");
  const serverMajor = Math.floor(Number(rows[0]!.v) / 10000);
  expect(Number(/(\d+)(\.\d+)?/.exec(dumpVersion)![1])).toBeGreaterThanOrEqual(serverMajor);

  const database = await openDatabase({ url: urlOf(source), onIdleError: () => undefined });
  const filled = await fill(database);
  const original = await fingerprint(database.db);
  const dump = join(work, 'oversight.dump');
  await run('pg_dump', ['--format=custom', `--file=${dump}`, `--dbname=${urlOf(source)}`]);
  await filled.oversight.close();

  await admin.query(`CREATE DATABASE ${target}`);
  await run('pg_restore', ['--exit-on-error', '--single-transaction', `--dbname=${urlOf(target)}`, dump]);
  const restored = await openDatabase({ url: urlOf(target), onIdleError: () => undefined });
  try {
    expectSameData(await fingerprint(restored.db), original);
    expect(await pendingMigrations(restored.db)).toEqual([]);
    await auditRefusesDelete(restored.db);
  } finally {
    await restored.close();
  }
}

async function embeddedRoundTrip(): Promise<void> {
  const dataDir = join(work, 'running');
  const database = await openDatabase({ dataDir: `${dataDir}/pg`, loadDataDir: migratedTemplate() });
  const filled = await fill(database, { DATA_DIR: dataDir });

  // While the service runs: a senior leader downloads a backup (the service holds the folder).
  const ctx = { app: filled.oversight.app, config: filled.config } as TestContext;
  const leader = await signedIn(ctx, emailOf(filled.org, 'senior_leader'));
  const original = await fingerprint(database.db);
  expect((await leader.get('/admin/backup')).body).toContain('Download a backup');
  const download = await leader.get('/admin/backup/download');
  expect(download.statusCode).toBe(200);
  expect(download.headers['content-type']).toBe('application/gzip');
  expect(download.headers['content-disposition']).toMatch(
    /attachment; filename="oversight-backup-.*\.tar\.gz"/,
  );
  const administrator = await signedIn(ctx, emailOf(filled.org, 'administrator'));
  expect((await administrator.get('/admin/backup/download')).statusCode).toBe(403);
  const downloaded = join(work, 'downloaded.tar.gz');
  writeFileSync(downloaded, download.rawPayload);
  // Another process may not open the folder while the service holds it.
  expect(existsSync(lockFileOf(`${dataDir}/pg`))).toBe(true);
  const final = await fingerprint(database.db);
  expect(final.audit.length).toBeGreaterThan(original.audit.length);
  await filled.oversight.close();
  expect(existsSync(lockFileOf(`${dataDir}/pg`))).toBe(false);

  await restoreBackup(downloaded, join(work, 'from-download', 'pg'));
  const fromDownload = await openDatabase({ dataDir: join(work, 'from-download', 'pg') });
  try {
    expectSameData(await fingerprint(fromDownload.db), original);
    const [backupEvent] = await rawRows<{ user_id: string }>(
      fromDownload.db,
      sql`select user_id from access_audit where action = 'database.backup'`,
    );
    expect(backupEvent?.user_id).toBe(filled.org.userIds.senior_leader);
    await auditRefusesDelete(fromDownload.db);
  } finally {
    await fromDownload.close();
  }

  // While the service is stopped: the command's backup, restored over a database only with force.
  const file = join(work, 'stopped.tar.gz');
  await backupStoppedDatabase(`${dataDir}/pg`, file);
  await expect(backupStoppedDatabase(`${dataDir}/pg`, file)).rejects.toThrow(/already exists/);
  const target = join(work, 'from-download', 'pg');
  await expect(restoreBackup(file, target)).rejects.toThrow(/already holds a database.*--force/);
  const outcome = await restoreBackup(file, target, { force: true, now: new Date('2026-11-16T10:00:00Z') });
  expect(outcome.replacedTo).toBe(`${target}.replaced-20261116T100000`);
  expect(existsSync(`${outcome.replacedTo}/PG_VERSION`)).toBe(true);
  const fromCommand = await openDatabase({ dataDir: target });
  try {
    expectSameData(await fingerprint(fromCommand.db), final);
  } finally {
    await fromCommand.close();
  }
}

describe('the embedded backup commands', () => {
  it('refuse a file that is not a backup, with a one-line reason', async () => {
    const notGzip = join(work, 'notes.txt');
    writeFileSync(notGzip, 'hello');
    await expect(restoreBackup(notGzip, join(work, 'x', 'pg'))).rejects.toThrow(
      /is not an Oversight embedded database backup/,
    );
    const otherGzip = join(work, 'other.tar.gz');
    writeFileSync(otherGzip, gzipSync(Buffer.alloc(2048)));
    await expect(restoreBackup(otherGzip, join(work, 'x', 'pg'))).rejects.toThrow(/holds no database folder/);
    await expect(restoreBackup(join(work, 'missing.tar.gz'), join(work, 'x', 'pg'))).rejects.toThrow(
      /There is no file/,
    );
    expect(() => inspectBackup(gzipSync(Buffer.from('x')).subarray(0, 8))).toThrow(BackupError);
    expect(existsSync(join(work, 'x', 'pg'))).toBe(false);
  });

  it('refuse to back up a folder with no database, or one another live process holds', {
    timeout: 120_000,
  }, async () => {
    await expect(backupStoppedDatabase(join(work, 'nothing', 'pg'), join(work, 'n.tar.gz'))).rejects.toThrow(
      /no embedded database/,
    );
    const dir = join(work, 'held', 'pg');
    const database = await openDatabase({ dataDir: dir, loadDataDir: migratedTemplate() });
    await database.close();
    // The parent of this test process is alive and is not this process: as if the service held the folder.
    writeFileSync(lockFileOf(dir), `${process.ppid}\n`);
    const error = await backupStoppedDatabase(dir, join(work, 'held.tar.gz')).catch((e) => e);
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as Error).message).toMatch(/in use by another process.*Administration > Backup/);
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirInUseError);
    // A lock left by a process that has ended does not count.
    writeFileSync(lockFileOf(dir), '2147483646\n');
    await backupStoppedDatabase(dir, join(work, 'held.tar.gz'));
    expect(
      inspectBackup(await import('node:fs').then((fs) => fs.readFileSync(join(work, 'held.tar.gz')))).files,
    ).toBeGreaterThan(100);
  });
});
