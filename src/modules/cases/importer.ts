/**
 * The SSD import: check every row of every file, then apply the whole
 * extract in one transaction, or reject it whole and write nothing to the
 * register.
 *
 * 1. Check (other users carry on between chunks): a file the last import
 *    applied byte for byte, with every table it refers to, is left unread
 *    (import-same-files.ts). Every other file is streamed and parsed once,
 *    every row and field validated (types, required fields, code lists,
 *    dates in order, duplicate ids), references checked against the extract
 *    and then against what Oversight already holds. Each row's digest is
 *    compared with the one Oversight holds (read a table at a time); a row
 *    whose cells digest as they did is not read again beyond its identifiers
 *    (import-digest.ts). Only new and changed rows are kept, on disk
 *    (import-spool.ts) as the COPY lines staging takes, for the apply pass;
 *    the records a full extract no longer holds are noted.
 * 2. Stage (many short statements; other users carry on between them): the
 *    kept lines are sent on to case_import_staging, which no page reads
 *    (import-staging.ts).
 * 3. Merge (one transaction, import-merge.ts): each table's staged rows move
 *    into the register with one set-based statement (a row found unchanged
 *    after all is left alone), and for a full extract the records it no
 *    longer holds are closed. The tables written are analysed (the planner's
 *    statistics then count the merged rows), workers linked to accounts and
 *    teams, each person's open case and service level derived, the import
 *    logged and audited, all in the same transaction. An unchanged extract
 *    writes nothing but that. Staging is cleared whatever the outcome.
 *
 * They overlap. On the embedded database (one connection, on a thread of
 * its own) each file is staged while the next is checked, and the merge's
 * transaction follows (import-after-check.ts). On a server the transaction
 * begins with the check, and each file is staged and merged while the next is
 * checked; an error found in any file rolls the transaction back
 * (import-beside-check.ts).
 *
 * The check pass lives in import-check.ts, the reading of one row (grading,
 * derived people, natural keys) in import-rows.ts.
 *
 * Progress is kept on the import row (and in memory while the transaction
 * runs), so the status page can show how far it has got.
 */
import { performance } from 'node:perf_hooks';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { type Clock, today as todayOf } from '../../platform/clock';
import { inBackground } from '../../platform/db/background';
import type { Db } from '../../platform/db/client';
import { databaseErrorCode, ValidationError } from '../../platform/errors';
import type { Instance } from '../../platform/instance';
import { writeAfterTheCheck } from './import-after-check';
import type { TableCounts } from './import-apply';
import { writeBesideTheCheck } from './import-beside-check';
import { checkFile, newCheckState, type PlannedFile, planFiles, resolvePending } from './import-check';
import { importFailureMessage } from './import-failure';
import { changedTables } from './import-merge';
import { forgetProgress, Progress } from './import-progress';
import { recoverInterruptedImports } from './import-recovery';
import type { LoggedFile } from './import-repository';
import type { CheckSummary, ImportHooks, ImportRun } from './import-run';
import { filesLeftUnread } from './import-same-files';
import { importSettings } from './import-settings';
import { openSpool, type Spool } from './import-spool';
import { clearStaging, hasConnectionsOfItsOwn, sweepStaging } from './import-staging';
import { analyzeRegister, existingRows, insertImport, updateImport } from './repository';
import type { ExtractFile } from './ssd/extract';
import type { ImportError } from './ssd/validate';

export type ImportMode = 'full' | 'partial';
export type ImportOrigin = 'upload' | 'command' | 'demo';

export type { TableCounts } from './import-apply';
export type { ImportHooks } from './import-run';

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

export { ERRORS_KEPT } from './import-check';
export { type ImportProgress, liveImportProgress } from './import-progress';

const running = new Map<string, Promise<ImportOutcome>>();

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

/** Tell listeners that a form changed these children's records; resolves when they have caught up. */
export async function notifyRegisterChanged(change: RegisterChange): Promise<void> {
  for (const listener of [...listeners]) await listener(change);
}

/** Be told after an import or a form has changed the register (the compliance engine recomputes). */
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
   * False on the embedded database.
   */
  concurrentProgress: boolean;
  /** The instance running it (app.deps.instance): recorded, so other instances know whether it is still alive. */
  instance?: Pick<Instance, 'id' | 'isLive'>;
  /** Told as the import writes (tests watch what else can run meanwhile). */
  hooks?: ImportHooks;
  /** Rows staged per statement (STAGE_CHUNK unless a test asks for smaller chunks). */
  stageChunk?: number;
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
    if (databaseErrorCode(e) === '23505') {
      throw new ValidationError({
        files: 'Another import is in progress for your organisation. Wait for it to finish, then try again.',
      });
    }
    throw e;
  }
  // On the embedded database its statements give way to people's requests (platform/db/background.ts).
  const work = inBackground(() => runImport(db, importId, input)).finally(() => {
    forgetProgress(importId);
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

async function runImport(db: Db, importId: string, input: StartImport): Promise<ImportOutcome> {
  const { organisationId, clock } = input;
  let inTransaction = false;
  /** A server: the merges run beside the check, and progress can always be written on another connection. */
  const besideTheCheck = hasConnectionsOfItsOwn(db);
  const canWrite = () => !inTransaction || input.concurrentProgress || besideTheCheck;
  const progress = new Progress(db, importId, clock, canWrite, {
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

    const planned: PlannedFile[] = [];
    const state = newCheckState((await importSettings(db, organisationId)).noticesAreErrors);
    planned.push(...planFiles(input.files, state));
    // Files the last import applied as they are, with every table they refer to: left unread.
    await progress.set({ phase: 'Comparing the files with the last import' }, true);
    const unread = await filesLeftUnread(db, organisationId, planned);

    // 1. Check every row, keeping the rows to write for the apply pass (each file is parsed once).
    spool = await openSpool();
    const reading = new Map<number, ReturnType<typeof existingRows>>();
    const existingOf = (i: number) => {
      let read = reading.get(i);
      if (!read) {
        read = existingRows(db, planned[i]!.spec.table, organisationId);
        reading.set(i, read);
      }
      return read;
    };
    const checkOne = async (i: number, plan: PlannedFile) => {
      const same = unread.get(i);
      if (same) {
        plan.rows = same.rows;
        plan.unchanged = same.rows;
        plan.clean = true;
        progress.state.rowsDone += same.rows;
        return;
      }
      await progress.set({ phase: `Checking ${plan.spec.ssd}` }, true);
      plan.spool = spool!.writer(`${i}-${plan.spec.ssd}`);
      plan.later = spool!.writer(`${i}-${plan.spec.ssd}-later`);
      plan.staging = { importId, part: i };
      // Read outside the transaction: only one import of an organisation runs at a time, and
      // only imports change these rows' digests. Dropped after the file, so memory holds one table's
      // (two on a server, which reads the next file's while this one is checked).
      plan.existing = await existingOf(i);
      plan.fresh = plan.existing.size === 0;
      const next = planned.findIndex((_, j) => j > i && !unread.has(j));
      if (besideTheCheck && next > 0) void existingOf(next).catch(() => undefined);
      const reported = state.noticeCount + state.errorCount;
      try {
        plan.rows = await checkFile(plan, state, today, progress, input.mode === 'full');
        plan.clean = state.noticeCount + state.errorCount === reported && plan.later.rows === 0;
      } finally {
        plan.existing = undefined;
        reading.delete(i);
        await plan.spool.close();
        await plan.later.close();
      }
    };
    const checked = async (): Promise<CheckSummary> => {
      await progress.set({ phase: 'Checking references to records already in Oversight' }, true);
      await resolvePending(db, organisationId, state);
      timings.checkMs = Math.round(performance.now() - checkStarted);
      const rowsTotal = planned.reduce((n, p) => n + p.rows, 0);
      const files: LoggedFile[] = planned.map((p, i) => ({
        name: p.file.name,
        table: p.spec.ssd,
        rows: p.rows,
        ...(p.clean ? { digest: p.digest } : {}),
        ...(unread.has(i) ? { unread: true } : {}),
      }));
      if (state.errorCount === 0)
        await updateImport(db, importId, {
          files,
          rowsTotal,
          notices: state.notices,
          noticeCount: state.noticeCount,
        });
      return { rowsTotal, files };
    };
    const reject = async (summary: CheckSummary): Promise<ImportOutcome> => {
      state.errors.sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
      await updateImport(db, importId, {
        status: 'rejected',
        phase: 'Rejected: nothing was written',
        files: summary.files,
        rowsTotal: summary.rowsTotal,
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
        rows: summary.rowsTotal,
        timings,
      };
    };

    const run: ImportRun = {
      db,
      importId,
      input,
      today,
      planned,
      state,
      progress,
      staged,
      checkOne,
      checked,
      holding: (on) => {
        inTransaction = on;
      },
    };
    const written = besideTheCheck ? await writeBesideTheCheck(run) : await writeAfterTheCheck(run);
    if (written.status === 'rejected') return await reject(written.summary);
    const { merger, summary } = written;
    const { counts, totals } = merger;
    const rowsTotal = summary.rowsTotal;
    timings.mergeMs = Math.round(performance.now() - written.mergeStarted);
    timings.applyMs = Math.round(performance.now() - written.applyStarted);
    await clearStaging(db, importId, staged, !besideTheCheck);
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
    if (staged.size) await clearStaging(db, importId, staged, !besideTheCheck).catch(() => undefined);
  }
}
