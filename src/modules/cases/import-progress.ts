/**
 * How far a running import has got: kept in memory for this process's
 * pages, and written to the import's row (every PROGRESS_EVERY rows, or at
 * each new phase) for other instances and for after a restart.
 */
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { updateImport } from './import-repository';

export interface ImportProgress {
  status: string;
  phase: string;
  rowsDone: number;
  rowsTotal: number;
}

/** Rows checked between progress updates. */
const PROGRESS_EVERY = 25_000;

const liveProgress = new Map<string, ImportProgress>();

/** Progress of an import running in this process (fresher than the import row while the transaction runs). */
export function liveImportProgress(importId: string): ImportProgress | undefined {
  return liveProgress.get(importId);
}

/** The import has ended: its progress is the import row's. */
export function forgetProgress(importId: string): void {
  liveProgress.delete(importId);
}

export class Progress {
  private lastWrite = 0;
  constructor(
    private readonly db: Db,
    private readonly importId: string,
    private readonly clock: Clock,
    /** Whether the row can be written now (not while the embedded database's one connection is in the import's transaction). */
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
