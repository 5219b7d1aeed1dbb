/**
 * npm run bench: build the LARGE demo authority into a fresh embedded
 * database (and, when BENCH_DATABASE_URL or DATABASE_URL is set, into a fresh
 * database on that PostgreSQL server), and time migrations, demo generation
 * and loading, and pages. Prints a table and writes bench/results/latest.json.
 *
 * Speed is measured here, never in timed tests. The figures are a starting
 * point to compare against, not targets.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createOversight, type Oversight } from '../src/app';
import { CommandError, consoleOutput, runCommand } from '../src/commands/cli';
import { type DemoStep, demoSteps, loadDemo } from '../src/demo/load';
import type { DemoOrganisation } from '../src/demo/organisation';
import { indicatorTable } from '../src/modules/kpis/service';
import { lastCompleteQuarter } from '../src/platform/calendar/quarters';
import { londonDateOf } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import { type Database, openDatabase, rawRows } from '../src/platform/db/client';
import { ROLE_NAMES, ROLES, type Role, SIGNED_IN } from '../src/platform/permissions';
import { benchPage, formatNumber, formatTable, signInCookie, timed } from './harness';
import { benchImport, type ImportBench } from './import';
import { type LoadResult, loadSeconds, loadTable, loadThink, runLoad, runPublicLoad } from './load';
import { buildLongMeeting, type PackBench, packTable, timePack } from './pack';
import { type BenchPage, namedPages, publicPages, sideBySide, type TimedPage } from './pages';

/** Requests per page. */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);

/** `npm run bench -- --load`: also put simulated users on each database (bench/load.ts). */
const LOAD = process.argv.includes('--load');
/**
 * `--import`: also import the large extract again into an organisation of its own, then unchanged,
 * then the same rows in changed files.
 */
const IMPORT = process.argv.includes('--import');
let LOAD_SECONDS = 0;
let LOAD_THINK = 5;

/**
 * Every page in the navigation of these roles is timed, so each module's
 * lists and dashboards are measured on the large authority as they arrive.
 */
const NAVIGATION_ROLES: Role[] = ['senior_leader', 'service_manager', 'team_manager', 'practitioner'];

/** The navigation pages one role has (the home page apart: it is timed for every role). */
function navigationOf(oversight: Oversight, role: Role): BenchPage[] {
  const { nav, grants } = oversight.app.deps;
  const held = grants.get(role) ?? new Set<string>();
  return nav
    .filter((item) => item.href !== '/' && (item.permission === SIGNED_IN || held.has(item.permission)))
    .map((item) => ({ role, url: item.href, label: `${item.text} (${ROLE_NAMES[role].toLowerCase()})` }));
}

/** The navigation pages of each role (each address once, as the first role that has it). */
function navigationPages(oversight: Oversight): BenchPage[] {
  const seen = new Set<string>();
  return NAVIGATION_ROLES.flatMap((role) => navigationOf(oversight, role)).filter((p) => {
    if (seen.has(p.url)) return false;
    seen.add(p.url);
    return true;
  });
}

interface Phase {
  name: string;
  ms: number;
}

interface DatabaseResult {
  database: 'embedded' | 'server';
  phases: Phase[];
  demoSteps: Phase[];
  rows: Array<{ table: string; rows: number }>;
  sizeBytes: number | null;
  pages: TimedPage[];
  rssBytesAfterLoad: number;
  load?: LoadResult[];
  /** The public site's readers, run after the signed-in users. */
  publicLoad?: LoadResult;
  pack?: PackBench;
}

// Templates are compiled once and cached, as in production (see src/platform/http/views.ts).
process.env.NODE_ENV ??= 'production';

/** The SSD import beside csv-parse alone (bench/import.ts), per database. */
const importBenches: ImportBench[] = [];

/** Pages that did not answer 200: reported, and the run exits 1. */
const failures: string[] = [];

/** Time each demo step by name, so a slow one stands out. */
let stepTimings: Phase[] = [];
for (const [i, step] of demoSteps.entries()) {
  const name = step.name || `step ${i + 1}`;
  const timedStep: DemoStep = async (oversight, org, scale) => {
    const { ms } = await timed(() => step(oversight, org, scale));
    stepTimings.push({ name, ms });
  };
  demoSteps[i] = timedStep;
}

function log(message: string): void {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)}  ${message}\n`);
}

/** Every table in the public schema and its row count: tables later issues add show up by themselves. */
async function countRows(oversight: Oversight): Promise<Array<{ table: string; rows: number }>> {
  const db = oversight.database.db;
  const tables = await rawRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: Array<{ table: string; rows: number }> = [];
  for (const { table_name } of tables) {
    try {
      const [row] = await rawRows<{ n: string | number }>(
        db,
        sql`select count(*) as n from ${sql.identifier(table_name)}`,
      );
      counts.push({ table: table_name, rows: Number(row?.n ?? 0) });
    } catch (e) {
      log(`could not count ${table_name}: ${(e as Error).message}`);
    }
  }
  return counts.sort((a, b) => b.rows - a.rows || a.table.localeCompare(b.table));
}

async function databaseSize(oversight: Oversight): Promise<number | null> {
  try {
    const [row] = await rawRows<{ size: string | number }>(
      oversight.database.db,
      sql`select pg_database_size(current_database()) as size`,
    );
    return Number(row?.size ?? 0);
  } catch {
    return null;
  }
}

/** A new database on the server for this run, dropped afterwards. */
async function serverDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `oversight_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

async function benchDatabase(kind: 'embedded' | 'server', serverUrl?: string): Promise<DatabaseResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'oversight-bench-'));
  const server = kind === 'server' && serverUrl ? await serverDatabase(serverUrl) : undefined;
  const phases: Phase[] = [];
  stepTimings = [];
  let oversight: Oversight | undefined;
  try {
    log(`${kind}: opening a fresh database${server ? '' : ` in ${dataDir}`}`);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DEMO: 'none',
      DATA_DIR: dataDir,
      ...(server ? { DATABASE_URL: server.url } : {}),
    });
    const open = await timed(() =>
      openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${dataDir}/pg` }),
    );
    const database: Database = open.result;
    phases.push({ name: 'open database', ms: open.ms });
    phases.push({ name: 'migrations', ms: (await timed(() => database.migrate())).ms });
    const start = await timed(() => createOversight(config, { database }));
    oversight = start.result;
    phases.push({ name: 'start (grants, bank holidays, app)', ms: start.ms });

    log(`${kind}: generating and loading the large demo authority`);
    const demo = await timed(() => loadDemo(oversight!, 'large'));
    const org: DemoOrganisation = demo.result;
    phases.push({ name: 'demo generation and load (large)', ms: demo.ms });
    // What the steps queued (recomputing timescales) runs once, after the last step, inside the load.
    const stepsMs = stepTimings.reduce((sum, s) => sum + s.ms, 0);
    stepTimings.push({ name: 'background work the steps queued', ms: Math.max(0, demo.ms - stepsMs) });
    // Work queued to run after a response (recomputing timescales after an import) finishes
    // before anything is counted or timed, so pages are not measured against it.
    const background = await timed(() => oversight!.app.deps.background.idle());
    phases.push({ name: 'background work after the load', ms: background.ms });
    // The indicators pages read a stored table; the whole children's set computed live is timed apart (median of 3).
    const now = oversight.app.deps.clock.now();
    const quarter = lastCompleteQuarter(londonDateOf(now));
    const live: number[] = [];
    for (let n = 0; n < 3; n++)
      live.push(
        (await timed(() => indicatorTable(oversight!.database.db, org.organisationId, quarter, now))).ms,
      );
    phases.push({
      name: 'children’s indicator set computed live (last complete quarter)',
      ms: live.sort((a, b) => a - b)[1]!,
    });
    const rssBytesAfterLoad = process.memoryUsage().rss;

    log(`${kind}: counting rows`);
    const rows = await countRows(oversight);
    const sizeBytes = await databaseSize(oversight);

    const pages: DatabaseResult['pages'] = [];
    const cookies = new Map<Role, string>();
    const cookieOf = async (role: Role) => {
      const user = org.users.find((u) => u.role === role);
      if (!user) throw new Error(`the demo has no ${role}`);
      let cookie = cookies.get(role);
      if (!cookie) {
        cookie = await signInCookie(oversight!.app, user.email, org.password);
        cookies.set(role, cookie);
      }
      return cookie;
    };
    const named = await namedPages(oversight, org.organisationId, (m) => log(`${kind}: ${m}`));
    for (const p of [...navigationPages(oversight), ...named]) {
      const cookie = await cookieOf(p.role);
      log(`${kind}: ${REQUESTS} requests for ${p.url} as ${p.role}`);
      try {
        pages.push({
          label: p.label,
          role: p.role,
          ...(await benchPage(oversight.app, cookie, p.url, REQUESTS)),
        });
      } catch (e) {
        // One broken page should not cost the other measurements; the run still fails at the end.
        log(`${kind}: ${p.url} as ${p.role} failed: ${(e as Error).message}`);
        failures.push(`${kind}: ${p.url} as ${p.role}: ${(e as Error).message}`);
      }
    }
    if (IMPORT) importBenches.push(await benchImport(oversight, org, kind, log));
    let pack: PackBench | undefined;
    try {
      log(`${kind}: the clerk's long meeting (a public pack of about 100 pages), published`);
      const long = await timed(() => buildLongMeeting(oversight!, org.organisationId));
      phases.push({ name: 'long committee meeting built and published', ms: long.ms });
      pack = await timePack(
        oversight,
        org.organisationId,
        long.result.meetingId,
        long.result.estimatedPages,
        (m) => log(`${kind}: ${m}`),
      );
    } catch (e) {
      log(`${kind}: the committee pack phase failed: ${(e as Error).message}`);
      failures.push(`${kind}: committee pack: ${(e as Error).message}`);
    }
    let load: LoadResult[] | undefined;
    let publicLoad: LoadResult | undefined;
    if (LOAD) {
      log(
        `${kind}: ${LOAD_SECONDS} s of load from simulated users, each opening a page every ${LOAD_THINK} s`,
      );
      // Each role browses its own navigation and the named pages it opens.
      const loadPages = [...ROLES.flatMap((role) => navigationOf(oversight!, role)), ...named];
      load = await runLoad(oversight, loadPages, cookieOf, LOAD_SECONDS, LOAD_THINK);
      for (const r of load.filter((l) => l.errors > 0))
        failures.push(`${kind}: ${r.errors} errors under load as ${r.role}`);
      // On their own, after the signed-in users, so that their p99 is theirs.
      const urls = await publicPages(oversight, org.organisationId, (m) => log(`${kind}: ${m}`));
      log(`${kind}: ${LOAD_SECONDS} s of ${urls.length} public pages read by public readers`);
      publicLoad = await runPublicLoad(oversight, urls, LOAD_SECONDS, LOAD_THINK);
      if (publicLoad?.errors)
        failures.push(`${kind}: ${publicLoad.errors} errors under load as public readers`);
    }
    return {
      database: kind,
      phases,
      demoSteps: stepTimings,
      rows,
      sizeBytes,
      pages,
      rssBytesAfterLoad,
      load,
      publicLoad,
      pack,
    };
  } finally {
    await oversight?.close();
    await server?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function report(result: DatabaseResult): string {
  const out: string[] = [];
  out.push(
    `\n=== ${result.database === 'embedded' ? 'Embedded PostgreSQL (PGlite)' : 'PostgreSQL server'} ===\n`,
  );
  out.push(
    formatTable(
      ['phase', 'time'],
      [
        ...result.phases.map((p) => [p.name, seconds(p.ms)]),
        ...result.demoSteps.map((s) => [`  demo step: ${s.name}`, seconds(s.ms)]),
      ],
    ),
  );
  out.push('');
  out.push(
    formatTable(
      ['table', 'rows'],
      result.rows.filter((r) => r.rows > 0).map((r) => [r.table, r.rows]),
    ),
  );
  const empty = result.rows.filter((r) => r.rows === 0).map((r) => r.table);
  if (empty.length) out.push(wrap(`empty: ${empty.join(', ')}`, 100));
  if (result.sizeBytes != null)
    out.push(`database size: ${formatNumber(Math.round(result.sizeBytes / 1048576))} MiB`);
  out.push(`process memory after load: ${formatNumber(Math.round(result.rssBytesAfterLoad / 1048576))} MiB`);
  out.push('');
  out.push(
    formatTable(
      ['page', 'url', 'requests', 'median ms', 'p95 ms', 'max ms', 'KiB'],
      result.pages.map((p) => [p.label, p.url, p.requests, p.medianMs, p.p95Ms, p.maxMs, p.bytes / 1024]),
    ),
  );
  return out.join('\n');
}

async function main(): Promise<void> {
  if (!Number.isInteger(REQUESTS) || REQUESTS < 1) {
    throw new CommandError(
      `BENCH_REQUESTS must be a whole number of 1 or more, like 20 (it is ${process.env.BENCH_REQUESTS}).`,
    );
  }
  if (LOAD) {
    LOAD_SECONDS = loadSeconds();
    LOAD_THINK = loadThink();
  }
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  const startedAt = new Date();
  log(`Oversight benchmark: large demo authority, ${REQUESTS} requests per page`);
  const results: DatabaseResult[] = [await benchDatabase('embedded')];
  if (serverUrl) results.push(await benchDatabase('server', serverUrl));
  else log('BENCH_DATABASE_URL and DATABASE_URL are unset: the PostgreSQL server is not measured');

  for (const r of results) process.stdout.write(`${report(r)}\n`);
  process.stdout.write(`\n=== Pages on both databases (ms) ===\n\n${sideBySide(results)}\n`);
  for (const r of results) if (r.pack) process.stdout.write(`${packTable(r.database, r.pack)}\n`);
  for (const r of results)
    if (r.load)
      process.stdout.write(`${loadTable(r.database, r.load, LOAD_SECONDS, r.publicLoad, LOAD_THINK)}\n`);
  for (const r of importBenches) process.stdout.write(`${r.text}\n`);

  const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, 'latest.json');
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const json = {
    startedAt: startedAt.toISOString(),
    tookSeconds: round((Date.now() - startedAt.getTime()) / 1000),
    scale: 'large',
    requestsPerPage: REQUESTS,
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
    },
    databases: results.map((r) => ({
      ...r,
      phases: r.phases.map((p) => ({ ...p, ms: round(p.ms) })),
      demoSteps: r.demoSteps.map((p) => ({ ...p, ms: round(p.ms) })),
      pages: r.pages.map((p) => ({
        ...p,
        medianMs: round(p.medianMs),
        p95Ms: round(p.p95Ms),
        minMs: round(p.minMs),
        maxMs: round(p.maxMs),
      })),
    })),
  };
  writeFileSync(`${file}.tmp`, `${JSON.stringify(json, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  log(`results written to ${file}`);
  if (failures.length > 0) {
    process.stdout.write(`\nPages that failed:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

// A wrong setting or an unreachable server is one line, not a stack trace.
process.exitCode = await runCommand(consoleOutput, 'Usage: npm run bench', async () => {
  await main();
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
});
