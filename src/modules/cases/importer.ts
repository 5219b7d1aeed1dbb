/**
 * The SSD import: check every row of every file, then apply the whole
 * extract in one transaction, or reject it whole and write nothing to the
 * register.
 *
 * 1. Check (no transaction; other users carry on between chunks): each file
 *    is streamed, every row and field validated (types, required fields, code
 *    lists, dates in order, duplicate ids), references checked against the
 *    extract and then against what Oversight already holds.
 * 2. Apply (one transaction): each table is streamed again; rows whose digest
 *    is unchanged are skipped, new and changed rows are written in chunks,
 *    and for a full extract the records of an included table that the
 *    extract no longer holds are closed. Workers are linked to accounts and
 *    teams, each person's open case and service level derived, the import
 *    logged and audited, all in the same transaction.
 *
 * Progress is kept on the import row (and in memory while the transaction
 * runs), so the status page can show how far it has got.
 */
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { type Clock, today as todayOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { ValidationError } from '../../platform/errors';
import { decodeTextStream, EncodingError } from '../../platform/text-encoding';
import { importFailureMessage } from './import-failure';
import {
  analyzeRegister,
  closeRecords,
  existingRows,
  failSilentImports,
  insertImport,
  lookupReferences,
  refreshPeopleSummaries,
  relinkWorkforce,
  updateImport,
  upsertRows,
} from './repository';
import type { ExtractFile } from './ssd/extract';
import { allFields, type FieldSpec, REF_TARGETS, type RefKind, SSD_TABLES, type TableSpec } from './ssd/spec';
import {
  type ImportError,
  mapHeader,
  missingReference,
  rowHash,
  tableForFile,
  type Value,
  validateRow,
} from './ssd/validate';

export type ImportMode = 'full' | 'partial';
export type ImportOrigin = 'upload' | 'command' | 'demo';

export interface TableCounts {
  added: number;
  changed: number;
  unchanged: number;
  closed: number;
}

export interface ImportOutcome {
  importId: string;
  status: 'applied' | 'rejected' | 'failed';
  errorCount: number;
  errors: ImportError[];
  counts: Record<string, TableCounts>;
  totals: TableCounts;
  rows: number;
  /** How long checking and applying took, in milliseconds (for benchmarks). */
  timings: { checkMs: number; applyMs: number };
}

export interface ImportProgress {
  status: string;
  phase: string;
  rowsDone: number;
  rowsTotal: number;
}

/** How many errors are kept on the import row (all of them are counted). */
export const ERRORS_KEPT = 5000;
/** Rows written per statement while applying. */
const APPLY_CHUNK = 4000;
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

interface PlannedFile {
  file: ExtractFile;
  spec: TableSpec;
  rows: number;
}

export interface StartImport {
  organisationId: string;
  userId: string | null;
  origin: ImportOrigin;
  mode: ImportMode;
  files: ExtractFile[];
  clock: Clock;
  audit: AuditContext;
  /** True when progress can be written from outside the import's transaction (a PostgreSQL server). */
  concurrentProgress: boolean;
}

/**
 * Log a new import and start it. Refused while another import of the
 * organisation is running. The work continues after this returns; wait with
 * importSettled(importId).
 */
export async function startImport(db: Db, input: StartImport): Promise<string> {
  const now = input.clock.now();
  await failSilentImports(db, input.organisationId, new Date(now.getTime() - 15 * 60_000), now);
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

/** A file's rows: UTF-8, or Windows-1252 with a notice; anything else ends in an EncodingError. */
function csvRows(
  stream: Readable,
  label: string,
  onNotice: (notice: string) => void = () => {},
): AsyncIterable<string[]> {
  const text = decodeTextStream(label, onNotice);
  stream.on('error', (e) => text.destroy(e));
  const rows = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false });
  text.on('error', (e) => rows.destroy(e));
  return stream.pipe(text).pipe(rows) as AsyncIterable<string[]>;
}

interface Occurrence {
  file: string;
  row: number;
  field: FieldSpec;
  table: string;
  person: string | null;
}

/** What the check pass learns about the extract. */
interface CheckState {
  errors: ImportError[];
  errorCount: number;
  /** SSD ids each table holds, to close what a full extract no longer has. */
  ids: Map<string, Set<string>>;
  /** For each kind of record: id -> the person it is about (null when not about a person). */
  provided: Map<RefKind, Map<string, string | null>>;
  /** References not (yet) found in the extract: kind -> id -> first few places. */
  pending: Map<RefKind, Map<string, Occurrence[]>>;
  /** What is worth knowing but not wrong (a file read as Windows-1252). */
  notices: string[];
}

function addError(state: CheckState, error: ImportError): void {
  state.errorCount += 1;
  if (state.errors.length < ERRORS_KEPT) state.errors.push(error);
}

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

function relatedPersonField(spec: TableSpec): number {
  return allFields(spec).findIndex((f) => f.resolve === 'person');
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
  try {
    await progress.set({}, true);
    await updateImport(db, importId, { startedAt: clock.now() });
    const today = todayOf(clock);
    const timings = { checkMs: 0, applyMs: 0 };
    const checkStarted = performance.now();

    // Which table each file holds.
    const notices: string[] = [];
    const planned: PlannedFile[] = [];
    const state: CheckState = {
      errors: [],
      errorCount: 0,
      ids: new Map(),
      provided: new Map(),
      pending: new Map(),
      notices,
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
        notices.push(`${file.name} (${match.notRead}) was not read: Oversight does not use this table.`);
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
        planned.push({ file, spec: match.table, rows: 0 });
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

    // 1. Check every row.
    for (const plan of planned) {
      await progress.set({ phase: `Checking ${plan.spec.ssd}` }, true);
      plan.rows = await checkFile(plan, state, today, progress);
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
        notices,
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
        counts: {},
        totals: { added: 0, changed: 0, unchanged: 0, closed: 0 },
        rows: rowsTotal,
        timings,
      };
    }

    // 2. Apply in one transaction.
    await progress.set({ status: 'applying', phase: 'Writing the register', rowsDone: 0, rowsTotal }, true);
    await updateImport(db, importId, { files: fileSummary, rowsTotal, notices });
    const counts: Record<string, TableCounts> = {};
    const totals: TableCounts = { added: 0, changed: 0, unchanged: 0, closed: 0 };
    inTransaction = true;
    const applyStarted = performance.now();
    await db.transaction(async (tx) => {
      for (const plan of planned) {
        await progress.set({ phase: `Writing ${plan.spec.ssd}` }, true);
        const c = await applyFile(tx, plan, input, importId, today, state.ids.get(plan.spec.ssd)!, progress);
        counts[plan.spec.ssd] = c;
        totals.added += c.added;
        totals.changed += c.changed;
        totals.unchanged += c.unchanged;
        totals.closed += c.closed;
      }
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
    timings.applyMs = Math.round(performance.now() - applyStarted);
    await analyzeRegister(db, [
      ...new Set(['case_people', 'case_involvements', ...planned.map((p) => p.spec.table)]),
    ]);
    for (const listener of [...listeners]) {
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
      errorCount: 0,
      errors: [],
      counts: {},
      totals: { added: 0, changed: 0, unchanged: 0, closed: 0 },
      rows: 0,
      timings: { checkMs: 0, applyMs: 0 },
    };
  }
}

async function checkFile(
  plan: PlannedFile,
  state: CheckState,
  today: string,
  progress: Progress,
): Promise<number> {
  const { spec, file } = plan;
  const fields = allFields(spec);
  const ids = new Map<string, number>();
  const idSet = new Set<string>();
  state.ids.set(spec.ssd, idSet);
  const personAt = relatedPersonField(spec);
  const providesAt = spec.provides ? fields.findIndex((f) => f.ssd === spec.provides!.field) : -1;
  let provided: Map<string, string | null> | undefined;
  if (spec.provides) {
    provided = state.provided.get(spec.provides.kind) ?? new Map();
    state.provided.set(spec.provides.kind, provided);
  }
  const refFields = fields
    .map((field, index) => ({ field, index }))
    .filter(({ field }) => field.ref && field.ref !== spec.provides?.kind);
  let positions: number[] | undefined;
  let row = 0;
  try {
    for await (const cells of csvRows(file.open(), file.name, (n) => state.notices.push(n))) {
      row += 1;
      if (!positions) {
        const header = mapHeader(spec, file.name, cells);
        for (const error of header.errors) addError(state, error);
        if (header.errors.length > 0) return 0;
        positions = header.positions;
        continue;
      }
      const result = validateRow(spec, fields, positions, cells, file.name, row, today);
      for (const error of result.errors) addError(state, error);
      const id = result.values[0];
      if (typeof id === 'string') {
        const first = ids.get(id);
        if (first !== undefined) {
          addError(state, {
            file: file.name,
            row,
            field: spec.id.ssd,
            value: id,
            expected: `A ${spec.id.label} used once in the file: row ${first} has it too`,
          });
        } else {
          ids.set(id, row);
          idSet.add(id);
        }
      }
      const person = personAt >= 0 ? (result.values[personAt] as string | null) : null;
      if (provided && providesAt >= 0) {
        const key = result.values[providesAt];
        if (typeof key === 'string') provided.set(key, spec.provides!.kind === 'person' ? key : person);
      }
      for (const { field, index } of refFields) {
        const value = result.values[index];
        if (typeof value !== 'string') continue;
        const kind = field.ref!;
        const targetTable = REF_TARGETS[kind].ssd;
        const place = { file: file.name, row, field, table: targetTable, person };
        const known = state.provided.get(kind);
        if (known?.has(value)) {
          checkSamePerson(state, kind, known.get(value) ?? null, place, value);
          continue;
        }
        // Not seen yet: its table comes later in the extract, or the record is already in Oversight.
        let byId = state.pending.get(kind);
        if (!byId) {
          byId = new Map();
          state.pending.set(kind, byId);
        }
        const places = byId.get(value);
        if (!places) byId.set(value, [place]);
        else if (places.length < 3) places.push(place);
      }
      progress.state.rowsDone += 1;
      if (row % 2000 === 0) await progress.set({});
    }
  } catch (e) {
    if (!(e instanceof EncodingError)) throw e;
    addError(state, { file: file.name, row: 0, field: '', value: '', expected: e.message });
    return 0;
  }
  if (!positions) {
    addError(state, {
      file: file.name,
      row: 1,
      field: '',
      value: '',
      expected: `A header row naming the columns (${spec.id.ssd}, ...), then one row per record`,
    });
    return 0;
  }
  return Math.max(0, row - 1);
}

function checkSamePerson(
  state: CheckState,
  kind: RefKind,
  theirs: string | null,
  place: Occurrence,
  value: string,
): void {
  if (!REF_TARGETS[kind].personal || !place.person || !theirs || theirs === place.person) return;
  addError(state, {
    file: place.file,
    row: place.row,
    field: place.field.ssd,
    value,
    expected: `The ${place.field.label} of a record about this child (${place.person}): ${value} in ${place.table} is about ${theirs}`,
  });
}

async function resolvePending(db: Db, organisationId: string, state: CheckState): Promise<void> {
  for (const [kind, byId] of state.pending) {
    const known = state.provided.get(kind);
    const lookup: string[] = [];
    for (const [id, places] of byId) {
      if (known?.has(id)) {
        for (const place of places) checkSamePerson(state, kind, known.get(id) ?? null, place, id);
      } else {
        lookup.push(id);
      }
    }
    if (lookup.length === 0) continue;
    const found = await lookupReferences(db, organisationId, kind, lookup);
    for (const id of lookup) {
      const places = byId.get(id)!;
      if (found.has(id)) {
        for (const place of places) checkSamePerson(state, kind, found.get(id) ?? null, place, id);
        continue;
      }
      for (const place of places) {
        addError(state, {
          file: place.file,
          row: place.row,
          field: place.field.ssd,
          value: id,
          expected:
            kind === 'person'
              ? `A person ID that is in ssd_person: no child with ID ${id} is in ssd_person in this extract or already in Oversight`
              : missingReference(place.field.label, place.table, id),
        });
      }
    }
  }
}

async function applyFile(
  tx: Db,
  plan: PlannedFile,
  input: StartImport,
  importId: string,
  today: string,
  extractIds: ReadonlySet<string>,
  progress: Progress,
): Promise<TableCounts> {
  const { spec, file } = plan;
  const fields = allFields(spec);
  const counts: TableCounts = { added: 0, changed: 0, unchanged: 0, closed: 0 };
  const existing = await existingRows(tx, spec.table, input.organisationId);
  let positions: number[] | undefined;
  let batch: Array<{ values: Value[]; hash: string }> = [];
  let row = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const written = await upsertRows(tx, spec, input.organisationId, importId, batch);
    counts.added += written.added;
    counts.changed += written.changed;
    batch = [];
  };
  for await (const cells of csvRows(file.open(), file.name)) {
    row += 1;
    if (!positions) {
      positions = mapHeader(spec, file.name, cells).positions;
      continue;
    }
    const { values } = validateRow(spec, fields, positions, cells, file.name, row, today);
    const hash = rowHash(values);
    const had = existing.get(values[0] as string);
    if (had && had.hash === hash && !had.closed) {
      counts.unchanged += 1;
    } else {
      batch.push({ values, hash });
      if (batch.length >= APPLY_CHUNK) await flush();
    }
    progress.state.rowsDone += 1;
    if (row % 2000 === 0) await progress.set({});
  }
  await flush();
  if (input.mode === 'full') {
    const absent: string[] = [];
    for (const [id, had] of existing) if (!had.closed && !extractIds.has(id)) absent.push(id);
    counts.closed = await closeRecords(
      tx,
      spec.table,
      input.organisationId,
      importId,
      absent,
      input.clock.now(),
    );
  }
  return counts;
}
