/**
 * The two write steps of an import (importer.ts runs them): staging a
 * checked file's rows from the spool, and merging them into the register
 * inside the final transaction.
 */
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import type { CheckState, PlannedFile, ProgressSink } from './import-check';
import { completeRow } from './import-rows';
import { spoolLines } from './import-spool';
import { mergeStaged, stageRows } from './import-staging';
import { closeRecords } from './repository';
import { rowHashOfJson, type Value } from './ssd/validate';

export interface TableCounts {
  added: number;
  changed: number;
  unchanged: number;
  closed: number;
}

/** Rows staged per statement (each holds the embedded database while it runs). */
export const STAGE_CHUNK = 5000;

/** What the write steps need of the import being run. */
export interface WriteInput {
  organisationId: string;
  mode: 'full' | 'partial';
  clock: Clock;
  /** Rows staged per statement (STAGE_CHUNK unless a test asks for smaller chunks). */
  stageChunk?: number;
  hooks?: { staged?(rows: number): void };
}

/**
 * Stage a file's kept rows from the spool, a chunk per statement. The next
 * chunk is prepared while the database writes the last. Returns the rows staged.
 */
export async function stageFile(
  db: Db,
  plan: PlannedFile,
  part: number,
  input: WriteInput,
  importId: string,
  state: CheckState,
  progress: ProgressSink,
): Promise<number> {
  const { spec, reader } = plan;
  const chunk = input.stageChunk ?? STAGE_CHUNK;
  let count = 0;
  let batch: Array<{ values: Value[]; hash: string }> = [];
  let writing: Promise<void> | undefined;
  const flush = async () => {
    await writing;
    writing = undefined;
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const first = count + 1;
    count += rows.length;
    writing = stageRows(db, spec, importId, part, first, rows).then(() => {
      progress.state.rowsDone += rows.length;
      input.hooks?.staged?.(rows.length);
    });
    // Awaited at the next flush; a failure meanwhile must not count as unhandled.
    writing.catch(() => undefined);
  };
  progress.state.rowsDone += plan.unchanged;
  if (reader && plan.spool) {
    for await (const lines of spoolLines(plan.spool.path)) {
      for (let line of lines) {
        let values = JSON.parse(line) as Value[];
        // The child of a row found through its plan or period of care may be one already in
        // Oversight, known only once the check pass looked the references up.
        if (reader.derivePerson && values[reader.personAt] === null) {
          values = completeRow(reader, values, state.provided);
          line = JSON.stringify(values);
        }
        batch.push({ values, hash: rowHashOfJson(line) });
        if (batch.length >= chunk) await flush();
      }
      await progress.set({});
    }
  }
  await flush();
  await writing;
  return count;
}

/** Merge a file's staged rows into the register and, for a full extract, close what it no longer holds. */
export async function mergeFile(
  tx: Db,
  plan: PlannedFile,
  part: number,
  stagedRows: number,
  input: WriteInput,
  importId: string,
): Promise<TableCounts> {
  const written = stagedRows
    ? await mergeStaged(tx, plan.spec, input.organisationId, importId, part)
    : { added: 0, changed: 0 };
  const counts: TableCounts = {
    added: written.added,
    changed: written.changed,
    // With the rows the check pass could not compare (their child found later) that had not changed.
    unchanged: plan.unchanged + stagedRows - written.added - written.changed,
    closed: 0,
  };
  if (input.mode === 'full') {
    counts.closed = await closeRecords(
      tx,
      plan.spec.table,
      input.organisationId,
      importId,
      plan.absent,
      input.clock.now(),
    );
  }
  return counts;
}
