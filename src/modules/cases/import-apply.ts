/**
 * The two write steps of an import (importer.ts runs them): staging a
 * checked file's rows from the spool, and merging them into the register
 * inside the final transaction.
 */
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import type { CheckState, PlannedFile, ProgressSink } from './import-check';
import { copyLine } from './import-copy';
import { orderedUuid } from './import-repository';
import { completeRow } from './import-rows';
import { spoolLines } from './import-spool';
import { mergeStaged, openStagingWriter } from './import-staging';
import { closeRecords } from './repository';
import { allFields } from './ssd/spec';
import { rowHashOfJson, type Value } from './ssd/validate';

export interface TableCounts {
  added: number;
  changed: number;
  unchanged: number;
  closed: number;
}

/**
 * Rows per chunk of COPY lines: on the embedded database one statement, which holds it while it
 * runs (others' requests wait at most that long); on a server, one write to the file's COPY stream.
 */
export const STAGE_CHUNK = 10_000;

/** What the write steps need of the import being run. */
export interface WriteInput {
  organisationId: string;
  mode: 'full' | 'partial';
  clock: Clock;
  /** Rows per chunk of staged rows (STAGE_CHUNK unless a test asks for smaller chunks). */
  stageChunk?: number;
  hooks?: { staged?(rows: number): void };
}

/**
 * Stage a file's kept rows from the spool with COPY, a chunk of lines at a
 * time (import-copy.ts); the next chunk is prepared while the database takes
 * the last. Returns the rows staged.
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
  progress.state.rowsDone += plan.unchanged;
  if (!reader || !plan.spool || plan.spool.rows === 0) return 0;
  const chunk = input.stageChunk ?? STAGE_CHUNK;
  const n = allFields(spec).length;
  const writer = await openStagingWriter(db);
  let count = 0;
  let text = '';
  let inText = 0;
  let writing: Promise<void> | undefined;
  const flush = async () => {
    await writing;
    writing = undefined;
    if (inText === 0) return;
    const lines = text;
    const rows = inText;
    text = '';
    inText = 0;
    writing = writer.write(lines).then(() => {
      progress.state.rowsDone += rows;
      input.hooks?.staged?.(rows);
    });
    // Awaited at the next flush; a failure meanwhile must not count as unhandled.
    writing.catch(() => undefined);
  };
  try {
    for await (const lines of spoolLines(plan.spool.path)) {
      for (let line of lines) {
        let values = JSON.parse(line) as Value[];
        // The child of a row found through its plan or period of care may be one already in
        // Oversight, known only once the check pass looked the references up.
        if (reader.derivePerson && values[reader.personAt] === null) {
          values = completeRow(reader, values, state.provided);
          line = JSON.stringify(values);
        }
        count += 1;
        text += copyLine(importId, part, count, orderedUuid(), rowHashOfJson(line), values, n);
        inText += 1;
        if (inText >= chunk) await flush();
      }
      await progress.set({});
    }
    await flush();
    await writing;
    await writer.end();
  } catch (e) {
    await writer.abort(e instanceof Error ? e : new Error(String(e)));
    throw e;
  }
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
