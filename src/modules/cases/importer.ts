/**
 * The SSD import: check every row of every file, then apply the whole
 * extract in one transaction, or reject it whole and write nothing to the
 * register.
 *
 * 1. Check (no transaction; other users carry on between chunks): each file
 *    is streamed and parsed once, every row and field validated (types,
 *    required fields, code lists, dates in order, duplicate ids), references
 *    checked against the extract and then against what Oversight already
 *    holds. Each row's digest is compared with the one Oversight holds (read
 *    a table at a time): only new and changed rows are kept, on disk
 *    (import-spool.ts), for the apply pass; the records a full extract no
 *    longer holds are noted.
 * 2. Stage (many short statements; other users carry on between them): the
 *    kept rows are written to case_import_staging, which no page reads
 *    (import-staging.ts).
 * 3. Merge (one short transaction): each table's staged rows move into the
 *    register with one set-based statement (a row found unchanged after all
 *    is left alone), and for a full extract the records it no longer holds
 *    are closed. The tables written are analysed (the planner's statistics
 *    then count the merged rows), workers linked to accounts and teams, each
 *    person's open case and service level derived, the import logged and
 *    audited, all in the same transaction. An unchanged extract writes nothing but that.
 *    Staging is cleared whatever the outcome.
 *
 * The check pass lives in import-check.ts, the reading of one row (grading,
 * derived people, natural keys) in import-rows.ts.
 *
 * Progress is kept on the import row (and in memory while the transaction
 * runs), so the status page can show how far it has got.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { type Clock, today as todayOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { ValidationError } from '../../platform/errors';
import type { Instance } from '../../platform/instance';
import { mergeFile, stageFile, type TableCounts } from './import-apply';
import { addError, type CheckState, checkFile, type PlannedFile, resolvePending } from './import-check';
import { importFailureMessage } from './import-failure';
import { recoverInterruptedImports } from './import-recovery';
import { importSettings } from './import-settings';
import { openSpool, type Spool } from './import-spool';
import { analyzeStaging, clearStaging, RESOLVED_TABLES, sweepStaging } from './import-staging';
import {
  analyzeRegister,
  existingRows,
  insertImport,
  refreshPeopleSummaries,
  relinkWorkforce,
  updateImport,
} from './repository';
import type { ExtractFile } from './ssd/extract';
import { SSD_TABLES } from './ssd/spec';
import { type ImportError, tableForFile } from './ssd/validate';

export type ImportMode = 'full' | 'partial';
export type ImportOrigin = 'upload' | 'command' | 'demo';

export type { TableCounts } from './import-apply';

export interface ImportOutcome {
  importId: string;
  status: 'applied' | 'rejected' | 'failed';
  errorCount: number;
  errors: ImportError[];
  /** Problems that did not stop the import (values kept as given or left empty, columns not read). */
  noticeCount: number;
  notices: ImportError[];
  counts: Record<string, TableCounts>;
  totals: TableCounts;
  rows: number;
  /** For a failed import: what went wrong, in words that carry no value from the files. */
  failure?: string;
  /**
   * How long checking and applying (staging and merging) took, in milliseconds (for benchmarks);
   * mergeMs is the part of applyMs spent in the one transaction that holds the register.
   */
  timings: { checkMs: number; applyMs: number; mergeMs: number };
}

export interface ImportProgress {
  status: string;
  phase: string;
  rowsDone: number;
  rowsTotal: number;
}

export { ERRORS_KEPT } from './import-check';

/** Rows checked between progress updates. */
const PROGRESS_EVERY = 25_000;

const liveProgress = new Map<string, ImportProgress>();
const running = new Map<string, Promise<ImportOutcome>>();

/** Progress of an import running in this process (fresher than the import row while the transaction runs). */
export function liveImportProgress(importId: string): ImportProgress | undefined {
  return liveProgress.get(importId);
}

/** Resolves when an import started in this process has finished (tests and the command wait on it). */
export function importSettled(importId: string): Promise<ImportOutcome> | undefined {
  return running.get(importId);
}

/** Resolves when every import started in this process has finished (a clean stop waits for them). */
export async function importsFinished(): Promise<void> {
  await Promise.allSettled([...running.values()]);
}

/** An import changed the register (importId), or a form changed some children's records (personIds). */
export type RegisterChange = { organisationId: string; importId?: string; personIds?: readonly string[] };
type ChangeListener = (change: RegisterChange) => unknown;
const listeners: ChangeListener[] = [];

/** Be told after an import has changed the register (the compliance engine recomputes). */
/** Tell listeners that a form changed these children's records; resolves when they have caught up. */
export async function notifyRegisterChanged(change: RegisterChange): Promise<void> {
  for (const listener of [...listeners]) await listener(change);
}

export function onRegisterChanged(listener: ChangeListener): () => void {
  listeners.push(listener);
  return () => {
    const at = listeners.indexOf(listener);
    if (at >= 0) listeners.splice(at, 1);
  };
}

export interface StartImport {
  organisationId: string;
  userId: string | null;
  origin: ImportOrigin;
  mode: ImportMode;
  files: ExtractFile[];
  clock: Clock;
  audit: AuditContext;
  /**
   * True on a PostgreSQL server: progress can be written from outside the import's transaction.
   * False on the embedded database, which also has its staging table vacuumed after each import.
   */
  concurrentProgress: boolean;
  /** The instance running it (app.deps.instance): recorded, so other instances know whether it is still alive. */
  instance?: Pick<Instance, 'id' | 'isLive'>;
  /** Told as the import writes (tests watch what else can run meanwhile). */
  hooks?: ImportHooks;
  /** Rows staged per statement (STAGE_CHUNK unless a test asks for smaller chunks). */
  stageChunk?: number;
}

export interface ImportHooks {
  /** A chunk of rows has been staged (committed, outside any transaction). */
  staged?(rows: number): void;
  /** The final transaction that merges staging into the register is about to begin. */
  merging?(): void;
  /**
   * Inside that transaction: a file's staged rows are merged into its table (and, for a table later
   * merges join, the table analysed).
   */
  merged?(tx: Db, table: string): Promise<void>;
  /** Inside that transaction: the staged rows are merged, and each child's summary is about to be derived from them. */
  summarising?(tx: Db): Promise<void>;
}

/**
 * Log a new import and start it. Refused while another import of the
 * organisation is running. The work continues after this returns; wait with
 * importSettled(importId).
 */
export async function startImport(db: Db, input: StartImport): Promise<string> {
  const now = input.clock.now();
  const interrupted = await recoverInterruptedImports(db, {
    organisationId: input.organisationId,
    instance: input.instance,
    at: now,
  });
  if (interrupted.length) await sweepStaging(db, interrupted);
  let importId: string;
  try {
    importId = await insertImport(db, {
      organisationId: input.organisationId,
      userId: input.userId,
      origin: input.origin,
      mode: input.mode,
      status: 'queued',
      phase: 'Waiting to start',
      files: input.files.map((f) => ({ name: f.name, size: f.size })),
      createdAt: now,
      heartbeatAt: now,
      owner: input.instance?.id ?? null,
    });
  } catch (e) {
    if (
      String((e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code) === '23505'
    ) {
      throw new ValidationError({
        files: 'Another import is in progress for your organisation. Wait for it to finish, then try again.',
      });
    }
    throw e;
  }
  const work = runImport(db, importId, input).finally(() => {
    liveProgress.delete(importId);
  });
  running.set(importId, work);
  work.finally(() => setTimeout(() => running.delete(importId), 60_000).unref()).catch(() => undefined);
  return importId;
}

/** Start an import and wait for it (the command and the demo generator). */
export async function importAndWait(db: Db, input: StartImport): Promise<ImportOutcome> {
  const importId = await startImport(db, input);
  return importSettled(importId)!;
}

/** Whether a merge wrote to its table (added, changed or closed rows). */
function wrote(c: TableCounts | undefined): boolean {
  return c !== undefined && c.added + c.changed + c.closed > 0;
}

/** The register tables an import's merge wrote to, each once. */
function changedTables(planned: readonly PlannedFile[], counts: Record<string, TableCounts>): string[] {
  return [...new Set(planned.filter((p) => wrote(counts[p.spec.ssd])).map((p) => p.spec.table))];
}

/** The tables merges join to resolve references (people, workers, teams). */
const RESOLVED = new Set<string>(Object.values(RESOLVED_TABLES));

class Progress {
  private lastWrite = 0;
  constructor(
    private readonly db: Db,
    private readonly importId: string,
    private readonly clock: Clock,
    private readonly canWrite: () => boolean,
    readonly state: ImportProgress,
  ) {
    liveProgress.set(importId, state);
  }
  async set(patch: Partial<ImportProgress>, force = false): Promise<void> {
    Object.assign(this.state, patch);
    if (!this.canWrite()) return;
    if (!force && this.state.rowsDone - this.lastWrite < PROGRESS_EVERY) return;
    this.lastWrite = this.state.rowsDone;
    await updateImport(this.db, this.importId, {
      status: this.state.status,
      phase: this.state.phase,
      rowsDone: this.state.rowsDone,
      rowsTotal: this.state.rowsTotal,
      heartbeatAt: this.clock.now(),
    });
  }
}

async function runImport(db: Db, importId: string, input: StartImport): Promise<ImportOutcome> {
  const { organisationId, clock } = input;
  let inTransaction = false;
  const progress = new Progress(db, importId, clock, () => !inTransaction || input.concurrentProgress, {
    status: 'validating',
    phase: 'Reading the files',
    rowsDone: 0,
    rowsTotal: 0,
  });
  let spool: Spool | undefined;
  /** Rows staged per part (file of the plan), to clear whatever the outcome. */
  const staged = new Map<number, number>();
  try {
    await progress.set({}, true);
    await updateImport(db, importId, { startedAt: clock.now() });
    const today = todayOf(clock);
    const timings = { checkMs: 0, applyMs: 0, mergeMs: 0 };
    const checkStarted = performance.now();

    // Which table each file holds.
    const planned: PlannedFile[] = [];
    const state: CheckState = {
      errors: [],
      errorCount: 0,
      notices: [],
      noticeCount: 0,
      strict: (await importSettings(db, organisationId)).noticesAreErrors,
      provided: new Map(),
      pending: new Map(),
    };
    const seen = new Map<string, string>();
    for (const file of input.files) {
      const match = tableForFile(file.name);
      if (!match) {
        addError(state, {
          file: file.name,
          row: 0,
          field: '',
          value: '',
          expected:
            'A CSV file named after an SSD table, like ssd_person.csv or ssd_cin_episodes.csv (see docs/ssd-mapping.md)',
        });
      } else if ('notRead' in match) {
        // Never an error, even for an organisation that treats notices as errors: the table is simply not used.
        state.noticeCount += 1;
        state.notices.push({
          file: file.name,
          row: 0,
          field: '',
          value: match.notRead,
          expected: `Nothing: Oversight does not use ${match.notRead}, so the file was not read`,
        });
      } else if (seen.has(match.table.ssd)) {
        addError(state, {
          file: file.name,
          row: 0,
          field: '',
          value: '',
          expected: `One file for ${match.table.ssd}: ${seen.get(match.table.ssd)} holds it too. Remove one of them.`,
        });
      } else {
        seen.set(match.table.ssd, file.name);
        planned.push({ file, spec: match.table, rows: 0, unchanged: 0, absent: [] });
      }
    }
    const order = SSD_TABLES.map((t) => t.ssd);
    planned.sort((a, b) => order.indexOf(a.spec.ssd) - order.indexOf(b.spec.ssd));
    if (planned.length === 0 && state.errorCount === 0) {
      addError(state, {
        file: '',
        row: 0,
        field: '',
        value: '',
        expected: 'At least one SSD table as a CSV file (for example ssd_person.csv)',
      });
    }

    // 1. Check every row, keeping the rows read for the apply pass (each file is parsed once).
    spool = await openSpool();
    for (const [i, plan] of planned.entries()) {
      await progress.set({ phase: `Checking ${plan.spec.ssd}` }, true);
      plan.spool = spool.writer(`${i}-${plan.spec.ssd}`);
      // Read outside the transaction: only one import of an organisation runs at a time, and
      // only imports change these rows' digests. Dropped after the file, so memory holds one table's.
      plan.existing = await existingRows(db, plan.spec.table, organisationId);
      try {
        plan.rows = await checkFile(plan, state, today, progress, input.mode === 'full');
      } finally {
        plan.existing = undefined;
        await plan.spool.close();
      }
    }
    await progress.set({ phase: 'Checking references to records already in Oversight' }, true);
    await resolvePending(db, organisationId, state);

    timings.checkMs = Math.round(performance.now() - checkStarted);
    const fileSummary = planned.map((p) => ({ name: p.file.name, table: p.spec.ssd, rows: p.rows }));
    const rowsTotal = planned.reduce((n, p) => n + p.rows, 0);

    if (state.errorCount > 0) {
      state.errors.sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
      await updateImport(db, importId, {
        status: 'rejected',
        phase: 'Rejected: nothing was written',
        files: fileSummary,
        rowsTotal,
        errorCount: state.errorCount,
        errors: state.errors,
        notices: state.notices,
        noticeCount: state.noticeCount,
        finishedAt: clock.now(),
        heartbeatAt: clock.now(),
      });
      await recordAudit(db, input.audit, {
        action: 'cases.import.rejected',
        recordType: 'case_import',
        recordId: importId,
        detail: `${state.errorCount} errors in ${planned.length} files`,
      });
      return {
        importId,
        status: 'rejected',
        errorCount: state.errorCount,
        errors: state.errors,
        noticeCount: state.noticeCount,
        notices: state.notices,
        counts: {},
        totals: { added: 0, changed: 0, unchanged: 0, closed: 0 },
        rows: rowsTotal,
        timings,
      };
    }

    // 2. Stage the rows to write, a chunk per statement: other requests run between them.
    await progress.set({ status: 'applying', phase: 'Preparing the changes', rowsDone: 0, rowsTotal }, true);
    await updateImport(db, importId, {
      files: fileSummary,
      rowsTotal,
      notices: state.notices,
      noticeCount: state.noticeCount,
    });
    const applyStarted = performance.now();
    for (const [part, plan] of planned.entries()) {
      await progress.set({ phase: `Preparing ${plan.spec.ssd}` }, true);
      staged.set(part, 0);
      staged.set(part, await stageFile(db, plan, part, input, importId, state, progress));
    }

    if ([...staged.values()].some((n) => n > 0)) await analyzeStaging(db);

    // 3. Merge staging into the register in one transaction.
    const counts: Record<string, TableCounts> = {};
    const totals: TableCounts = { added: 0, changed: 0, unchanged: 0, closed: 0 };
    input.hooks?.merging?.();
    await progress.set({ rowsDone: 0 }, true);
    inTransaction = true;
    const mergeStarted = performance.now();
    await db.transaction(async (tx) => {
      // No JIT compilation: compiling each large statement cost more than it saved (seconds on a server).
      await tx.execute(sql`set local jit = off`);
      /** Tables analysed since their merge (none is written again by a later file). */
      const analysed = new Set<string>();
      for (const [part, plan] of planned.entries()) {
        await progress.set({ phase: `Writing ${plan.spec.ssd}` }, true);
        const c = await mergeFile(tx, plan, part, staged.get(part) ?? 0, input, importId);
        progress.state.rowsDone += plan.rows;
        counts[plan.spec.ssd] = c;
        totals.added += c.added;
        totals.changed += c.changed;
        totals.unchanged += c.unchanged;
        totals.closed += c.closed;
        // People, workers and teams are analysed as soon as merged, before the files whose merge joins
        // them: their statistics are of before the import, and in a database that already holds another
        // organisation's register (the bench's second authority, a second council on one server) they
        // count none of this organisation's rows. Each later merge was then planned as if its children
        // were one: a nested loop comparing every staged row with every child (at the large demo extract,
        // 22 thousand periods of care by 119 thousand children, and more than 12 minutes in all, where
        // the import takes about two). Analysing case_people costs a fraction of a second.
        if (RESOLVED.has(plan.spec.table) && wrote(c)) {
          await analyzeRegister(tx, [plan.spec.table]);
          analysed.add(plan.spec.table);
        }
        await input.hooks?.merged?.(tx, plan.spec.table);
      }
      // Statistics for the rows just merged, before the statements that read them whole: the tables'
      // statistics are of before the import (none at all on a first import: the embedded database has no
      // autovacuum, and a server's cannot see rows not yet committed), and each child's summary planned
      // blind probed the partial open-by-date indexes (0049) once per child, minutes at a large authority.
      // Like those analysed above, in the order the files are merged (people before the tables that
      // refer to them): two imports on a server take the analyses' locks in one order.
      const merged = changedTables(planned, counts);
      const toAnalyse = [...new Set(['case_people', ...merged])].filter((t) => !analysed.has(t));
      if (merged.length && toAnalyse.length) await analyzeRegister(tx, toAnalyse);
      await input.hooks?.summarising?.(tx);
      await progress.set({ phase: 'Linking workers and teams, and updating each child’s summary' }, true);
      await relinkWorkforce(tx, organisationId);
      await refreshPeopleSummaries(tx, organisationId, today);
      await updateImport(tx, importId, {
        status: 'applied',
        phase: 'Finished',
        counts,
        added: totals.added,
        changed: totals.changed,
        unchanged: totals.unchanged,
        closed: totals.closed,
        rowsDone: rowsTotal,
        finishedAt: clock.now(),
        heartbeatAt: clock.now(),
      });
      await recordAudit(tx, input.audit, {
        action: 'cases.import',
        recordType: 'case_import',
        recordId: importId,
        detail: `${input.mode} extract: ${totals.added} added, ${totals.changed} changed, ${totals.closed} closed, ${totals.unchanged} unchanged`,
      });
    });
    inTransaction = false;
    timings.mergeMs = Math.round(performance.now() - mergeStarted);
    timings.applyMs = Math.round(performance.now() - applyStarted);
    await clearStaging(db, importId, staged, !input.concurrentProgress);
    staged.clear();
    // The children's summaries changed after the statistics were taken: case_people's again, for the pages.
    if (changedTables(planned, counts).length) await analyzeRegister(db, ['case_people']);
    // Listeners (the compliance engine recomputing every child's tasks) are told only of a change.
    const unchanged = totals.added + totals.changed + totals.closed === 0;
    for (const listener of unchanged ? [] : [...listeners]) {
      try {
        await listener({ organisationId, importId });
      } catch {
        // A listener's failure must not undo a committed import; the listener logs its own trouble.
      }
    }
    return {
      importId,
      status: 'applied',
      errorCount: 0,
      errors: [],
      noticeCount: state.noticeCount,
      notices: state.notices,
      counts,
      totals,
      rows: rowsTotal,
      timings,
    };
  } catch (e) {
    inTransaction = false;
    const failure = importFailureMessage(e);
    await updateImport(db, importId, {
      status: 'failed',
      phase: 'Failed: nothing was written',
      failure,
      finishedAt: clock.now(),
    }).catch(() => undefined);
    return {
      importId,
      status: 'failed',
      failure,
      errorCount: 0,
      errors: [],
      noticeCount: 0,
      notices: [],
      counts: {},
      totals: { added: 0, changed: 0, unchanged: 0, closed: 0 },
      rows: 0,
      timings: { checkMs: 0, applyMs: 0, mergeMs: 0 },
    };
  } finally {
    await spool?.remove().catch(() => undefined);
    if (staged.size)
      await clearStaging(db, importId, staged, !input.concurrentProgress).catch(() => undefined);
  }
}
