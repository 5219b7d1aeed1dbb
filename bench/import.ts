/**
 * The SSD import on the large demo authority's extract, beside the ceiling
 * csv-parse alone sets for the same files: a first import into an
 * organisation of its own, then the same extract again (nothing changed),
 * then the same rows in files that each differ by a blank line (every row
 * read and compared), with peak resident memory and the time pages of the demo organisation take
 * while each import runs (a request every tenth of a second the whole time).
 *
 * Called by bench/run.ts once the demo is loaded; prints its own table and
 * writes bench/results/import-<database>.json.
 */
import { execFile } from 'node:child_process';
import {
  appendFileSync,
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse';
import type { Oversight } from '../src/app';
import { importFolderAsCommand } from '../src/commands/import-ssd';
import { writeCaseDemoExtract } from '../src/demo/cases';
import { createDemoOrganisation, type DemoOrganisation } from '../src/demo/organisation';
import { CSV_OPTIONS } from '../src/modules/cases/import-check';
import type { ImportOutcome } from '../src/modules/cases/importer';
import { today } from '../src/platform/clock';
import { formatNumber, formatTable, percentile, signInCookie, timed } from './harness';

export interface ImportRun {
  name: string;
  /** Checking and applying the extract. */
  ms: number;
  /** Of which the check pass (reading, grading and comparing every row). */
  checkMs: number;
  /**
   * The one transaction that holds the register (merging staged rows): after the check on the
   * embedded database, beside it on a server (so there it is most of `ms`).
   */
  mergeMs: number;
  /** What follows in the same call: statistics, and listeners (the compliance engine) catching up. */
  afterMs: number;
  rows: number;
  rowsPerSecond: number;
  status: ImportOutcome['status'];
  added: number;
  changed: number;
  unchanged: number;
  /** Time of other people's pages while it ran. */
  pages: { requests: number; medianMs: number; p95Ms: number; maxMs: number };
  /**
   * Resident memory of the process that imported, just before and at its peak: on a server a
   * process of its own (as a scheduled load runs), embedded the service's own (the only one that
   * may open its database), so there the rise is the import's share.
   */
  memory: { ownProcess: boolean; beforeBytes: number; peakBytes: number };
}

/** What an import run reports, wherever it ran. */
interface Imported {
  outcome: Pick<ImportOutcome, 'status' | 'rows' | 'totals' | 'timings'>;
  /** The whole call: the import, then statistics and listeners catching up. */
  ms: number;
  memory: ImportRun['memory'];
}

export interface ImportBench {
  database: 'embedded' | 'server';
  rows: number;
  megabytes: number;
  ceiling: { ms: number; rowsPerSecond: number };
  first: ImportRun;
  again: ImportRun;
  /** Re-import time over first import time (the aim: at most 0.2). */
  againRatio: number;
  /**
   * The same rows again in files that each differ from the last import's (a blank line added at the
   * end): no file can be left unread, so every row is read and compared by its cells.
   */
  compared: ImportRun;
  /** That run's time over the first import's. */
  comparedRatio: number;
  /** First import rows/s over the csv-parse ceiling. */
  ceilingRatio: number;
  /** The bench process's own peak while it wrote the extract and imported (the large demo is loaded in it). */
  peakRssBytes: number;
  /** The machine's load average (1, 5, 15 minutes) when the bench began and ended: it is shared. */
  load: { before: number[]; after: number[] };
  text: string;
}

/** csv-parse alone over every file, as the importer configures it: the most an import could reach. */
async function parseOnly(folder: string): Promise<number> {
  let rows = 0;
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.csv'))) {
    const parser = createReadStream(join(folder, name), { highWaterMark: 256 * 1024 }).pipe(
      parse(CSV_OPTIONS),
    );
    for await (const _ of parser) rows += 1;
    rows -= 1; // the header
  }
  return rows;
}

/** Between one page request and the next while an import runs. */
const PAUSE_MS = 100;

const run = promisify(execFile);

/**
 * Pages of the demo organisation, one due every PAUSE_MS until `done`
 * settles. Each is timed from when it was due, not from when it could be
 * sent: a request held back (the event loop busy with the import's check, or
 * the embedded database's one connection held by its merge) must count as
 * waiting (the correction for coordinated omission).
 */
async function pagesDuring(
  oversight: Oversight,
  cookie: string,
  done: Promise<unknown>,
): Promise<ImportRun['pages']> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const urls = ['/health', '/', '/children'];
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; !finished; i++) {
    const due = started + i * PAUSE_MS;
    const wait = due - performance.now();
    // People, not a load test: a request every tenth of a second or so leaves the import its share.
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const res = await oversight.app.inject({
      method: 'GET',
      url: urls[i % urls.length]!,
      headers: { cookie },
    });
    times.push(performance.now() - due);
    if (res.statusCode !== 200)
      throw new Error(`${urls[i % urls.length]} answered ${res.statusCode} during an import`);
  }
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: times[times.length - 1] ?? Number.NaN,
  };
}

/** The import in this process (the embedded database's only way), its memory sampled as it runs. */
async function importHere(oversight: Oversight, folder: string, organisationId: string): Promise<Imported> {
  const beforeBytes = process.memoryUsage().rss;
  let peakBytes = beforeBytes;
  const sampler = setInterval(() => {
    peakBytes = Math.max(peakBytes, process.memoryUsage().rss);
  }, 100);
  try {
    const { result, ms } = await timed(() => importFolderAsCommand(oversight, organisationId, folder));
    peakBytes = Math.max(peakBytes, process.memoryUsage().rss);
    return { outcome: result, ms, memory: { ownProcess: false, beforeBytes, peakBytes } };
  } finally {
    clearInterval(sampler);
  }
}

/** The import in a process of its own (bench/import-process.ts), as a scheduled load on a server runs. */
async function importInItsOwnProcess(url: string, folder: string, organisationId: string): Promise<Imported> {
  const script = fileURLToPath(new URL('./import-process.ts', import.meta.url));
  // The same Node.js and TypeScript loader as this process (tsx).
  const { stdout } = await run(process.execPath, [...process.execArgv, script, folder, organisationId], {
    env: { ...process.env, DATABASE_URL: url },
    maxBuffer: 1024 * 1024,
  });
  const out = JSON.parse(stdout.trim().split('\n').pop()!) as Imported['outcome'] & {
    ms: number;
    rssBeforeBytes: number;
    peakRssBytes: number;
  };
  return {
    outcome: out,
    ms: out.ms,
    memory: { ownProcess: true, beforeBytes: out.rssBeforeBytes, peakBytes: out.peakRssBytes },
  };
}

export async function benchImport(
  oversight: Oversight,
  org: DemoOrganisation,
  database: 'embedded' | 'server',
  log: (message: string) => void,
): Promise<ImportBench> {
  const folder = mkdtempSync(join(tmpdir(), 'oversight-bench-extract-'));
  let peakRssBytes = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
  }, 100);
  try {
    log(`${database}: writing the large demo extract for the import bench`);
    const at = today(oversight.clock);
    const target = await oversight.database.db.transaction((tx) =>
      createDemoOrganisation(tx, oversight.clock.now(), {
        name: 'Import Bench Borough Council',
        code: 'BEN',
        emailDomain: 'import-bench.example',
      }),
    );
    await writeCaseDemoExtract(folder, { scale: 'large', today: at, org: target });
    const megabytes =
      readdirSync(folder).reduce((n, f) => n + statSync(join(folder, f)).size, 0) / (1024 * 1024);

    const loadBefore = loadavg();
    log(`${database}: csv-parse alone over the extract`);
    const ceiling = await timed(() => parseOnly(folder));
    const rows = ceiling.result;

    const member = org.users.find((u) => u.role === 'service_manager')!;
    const cookie = await signInCookie(oversight.app, member.email, org.password);
    const serverUrl =
      oversight.database.kind === 'server' ? oversight.app.deps.config.databaseUrl : undefined;
    const importRun = async (name: string): Promise<ImportRun> => {
      log(`${database}: ${name}${serverUrl ? ', in a process of its own' : ''}`);
      const work = serverUrl
        ? importInItsOwnProcess(serverUrl, folder, target.organisationId)
        : importHere(oversight, folder, target.organisationId);
      const [{ outcome: result, ms, memory }, pages] = await Promise.all([
        work,
        pagesDuring(oversight, cookie, work),
      ]);
      if (result.status !== 'applied') throw new Error(`the bench import was ${result.status}`);
      // The import itself (check and apply); what follows it (statistics, the compliance engine
      // recomputing the organisation's tasks) is reported apart.
      const importMs = result.timings.checkMs + result.timings.applyMs;
      return {
        name,
        ms: importMs,
        checkMs: result.timings.checkMs,
        mergeMs: result.timings.mergeMs,
        afterMs: ms - importMs,
        rows: result.rows,
        rowsPerSecond: result.rows / (importMs / 1000),
        status: result.status,
        added: result.totals.added,
        changed: result.totals.changed,
        unchanged: result.totals.unchanged,
        pages,
        memory,
      };
    };
    const first = await importRun('first import of the extract (an organisation with no records)');
    await oversight.app.deps.background.idle();
    const again = await importRun('the same extract again (nothing changed)');
    await oversight.app.deps.background.idle();
    // Each file one blank line longer (skipped when read): every file differs, every row is the same.
    for (const name of readdirSync(folder)) appendFileSync(join(folder, name), '\r\n');
    const compared = await importRun('the same rows, each file changed (every row compared)');
    await oversight.app.deps.background.idle();
    const ceilingRowsPerSecond = rows / (ceiling.ms / 1000);
    const result: Omit<ImportBench, 'text'> = {
      database,
      rows,
      megabytes,
      ceiling: { ms: ceiling.ms, rowsPerSecond: ceilingRowsPerSecond },
      first,
      again,
      againRatio: again.ms / first.ms,
      compared,
      comparedRatio: compared.ms / first.ms,
      ceilingRatio: first.rowsPerSecond / ceilingRowsPerSecond,
      peakRssBytes,
      load: { before: loadBefore, after: loadavg() },
    };
    const bench = { ...result, text: report(result) };
    const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, `import-${database}.json`), `${JSON.stringify(result, null, 2)}\n`);
    return bench;
  } finally {
    clearInterval(sampler);
    rmSync(folder, { recursive: true, force: true });
  }
}

function report(r: Omit<ImportBench, 'text'>): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const line = (run: ImportRun) => [
    run.name,
    s(run.ms),
    s(run.checkMs),
    s(run.mergeMs),
    s(run.afterMs),
    Math.round(run.rowsPerSecond),
    `${run.added}/${run.changed}/${run.unchanged}`,
    run.pages.requests,
    Math.round(run.pages.medianMs),
    Math.round(run.pages.p95Ms),
    Math.round(run.pages.maxMs),
    formatNumber(Math.round(run.memory.beforeBytes / 1048576)),
    formatNumber(Math.round(run.memory.peakBytes / 1048576)),
  ];
  return [
    `\n--- SSD import (${r.database}): ${formatNumber(r.rows)} rows, ${formatNumber(Math.round(r.megabytes))} MB ---`,
    formatTable(
      [
        'run',
        'time',
        'check',
        'transaction',
        'then',
        'rows/s',
        'added/changed/unchanged',
        'page requests',
        'median ms',
        'p95 ms',
        'max ms',
        'MiB before',
        'MiB peak',
      ],
      [
        [
          'csv-parse alone (the ceiling)',
          s(r.ceiling.ms),
          '',
          '',
          '',
          Math.round(r.ceiling.rowsPerSecond),
          '',
          0,
          0,
          0,
          0,
          '',
          '',
        ],
        line(r.first),
        line(r.again),
        line(r.compared),
      ],
    ),
    `first import at ${(r.ceilingRatio * 100).toFixed(0)}% of the csv-parse ceiling; ` +
      `the unchanged re-import took ${r.againRatio.toFixed(2)} of the first import's time ` +
      `(every file left unread), the same rows in changed files ${r.comparedRatio.toFixed(2)}; ` +
      `resident memory (MiB) of the process that imported, ${
        r.first.memory.ownProcess
          ? 'a process of its own, as a scheduled load on a server runs'
          : 'the service itself (the embedded database is opened by one process only): the rise is the import'
      }; the bench process peaked at ${formatNumber(Math.round(r.peakRssBytes / 1048576))} MiB; ` +
      `load average ${r.load.before.map((n) => n.toFixed(1)).join(' ')} before, ` +
      `${r.load.after.map((n) => n.toFixed(1)).join(' ')} after ` +
      `(page times are from when each request was due, one every ${PAUSE_MS} ms; ` +
      `${r.database === 'server' ? 'on a server the transaction runs beside the check' : 'the embedded database checks, stages, then holds the transaction'})`,
  ].join('\n');
}
