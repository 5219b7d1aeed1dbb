/**
 * What the two ways of writing a checked import need of the run that
 * importer.ts drives: on a server the merge runs beside the check
 * (import-beside-check.ts); on the embedded database staging runs beside the
 * check and the merge follows it (import-after-check.ts).
 */
import type { Db } from '../../platform/db/client';
import type { WriteInput } from './import-apply';
import type { CheckState, PlannedFile, ProgressSink } from './import-check';
import type { MergeInput, Merger } from './import-merge';
import type { Progress } from './import-progress';
import type { LoggedFile } from './import-repository';

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

/** What the check found, once every file is read and every reference resolved. */
export interface CheckSummary {
  rowsTotal: number;
  files: LoggedFile[];
}

export interface ImportRun {
  db: Db;
  importId: string;
  input: WriteInput & MergeInput & { hooks?: ImportHooks };
  today: string;
  planned: PlannedFile[];
  state: CheckState;
  progress: Progress;
  /** Rows staged per part (a file of the plan, or its rows found later), to clear whatever the outcome. */
  staged: Map<number, number>;
  /** Check one file of the plan, spooling the rows to write. */
  checkOne(i: number, plan: PlannedFile): Promise<void>;
  /** Resolve the references left to the register, and log what the check found. */
  checked(): Promise<CheckSummary>;
  /** Told as the one transaction that holds the register begins (true) and ends (false). */
  holding(on: boolean): void;
}

/** How the write ended: rejected by the check (nothing written), or merged and committed. */
export type Written =
  | { status: 'rejected'; summary: CheckSummary }
  | { status: 'merged'; summary: CheckSummary; merger: Merger; mergeStarted: number; applyStarted: number };

/** Staging reports no progress of its own: the check's counts the rows. */
export function quietProgress(): ProgressSink {
  return { state: { rowsDone: 0 }, set: async () => {} };
}
