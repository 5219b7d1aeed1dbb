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
import { spoolChunks, spoolLines } from './import-spool';
import { type MergeOptions, mergeStaged, openStagingWriter } from './import-staging';
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
 * Stage a file's kept rows with COPY, a chunk of lines at a time
 * (import-copy.ts); the next chunk is prepared while the database takes the
 * last. The check pass wrote most as COPY lines, sent on as they are; the
 * rows whose child was found only once references were looked up are
 * completed and digested here. `only` stages one of the two (a server
 * stages a file's ready rows as soon as it is checked, the others once every
 * file is: importer.ts). Returns the rows staged.
 */
export async function stageFile(
  db: Db,
  plan: PlannedFile,
  part: number,
  input: WriteInput,
  importId: string,
  state: CheckState,
  progress: ProgressSink,
  only?: 'ready' | 'later',
): Promise<number> {
  const { spec, reader } = plan;
  if (only !== 'later') progress.state.rowsDone += plan.unchanged;
  const ready = only === 'later' ? 0 : (plan.spool?.rows ?? 0);
  const later = only === 'ready' ? 0 : (plan.later?.rows ?? 0);
  if (!reader || ready + later === 0) return 0;
  const chunk = input.stageChunk ?? STAGE_CHUNK;
  const n = allFields(spec).length;
  const writer = await openStagingWriter(db);
  let writing: Promise<void> | undefined;
  /** Send a chunk once the last has been taken, without waiting for this one: the next is prepared meanwhile. */
  const send = async (lines: string | Uint8Array, rows: number) => {
    await writing;
    writing = writer.write(lines).then(() => {
      progress.state.rowsDone += rows;
      input.hooks?.staged?.(rows);
    });
    // Awaited at the next send; a failure meanwhile must not count as unhandled.
    writing.catch(() => undefined);
  };
  let pending: string[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const lines = pending;
    pending = [];
    await send(`${lines.join('\n')}\n`, lines.length);
  };
  const add = async (line: string) => {
    pending.push(line);
    if (pending.length >= chunk) await flush();
  };
  let count = 0;
  try {
    if (plan.spool && ready > 0) {
      // The check wrote these as the COPY lines staging takes: sent on as the bytes on disk.
      for await (const { bytes, rows } of spoolChunks(plan.spool.path, chunk)) {
        await send(bytes, rows);
        count += rows;
        await progress.set({});
      }
    }
    if (plan.later && later > 0) {
      for await (const lines of spoolLines(plan.later.path)) {
        for (const json of lines) {
          // The child of a row found through its plan or period of care may be one already in
          // Oversight, known only once the check pass looked the references up.
          const values = completeRow(reader, JSON.parse(json) as Value[], state.provided);
          const hash = rowHashOfJson(JSON.stringify(values));
          count += 1;
          await add(copyLine(importId, part, count, orderedUuid(), hash, values, n));
        }
        await progress.set({});
      }
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
  options: Omit<MergeOptions, 'fresh'> = {},
): Promise<TableCounts> {
  const written = stagedRows
    ? await mergeStaged(tx, plan.spec, input.organisationId, importId, part, {
        ...options,
        fresh: plan.fresh,
      })
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
