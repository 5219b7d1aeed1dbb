/**
 * Staging a checked file while the next one is checked (importer.ts). The
 * check pass is this process's work and staging mostly the database's (on
 * a server, a COPY on a connection of its own), so overlapping them takes
 * the staging out of the import's length. Files are staged one after
 * another, in the extract's order; nothing more is staged once the check
 * has found an error (the import will be rejected and its staging cleared).
 *
 * A file whose child is found through its plan or period of care is left to
 * the apply pass: the child may be one already in Oversight, known only once
 * the check pass has looked the references up.
 */
import type { Db } from '../../platform/db/client';
import { stageFile, type WriteInput } from './import-apply';
import type { CheckState, PlannedFile, ProgressSink } from './import-check';

/** Progress while checking counts rows checked, not staged: early staging reports none. */
const UNCOUNTED: ProgressSink = { state: { rowsDone: 0 }, set: async () => {} };

export class EarlyStaging {
  private chain: Promise<void> = Promise.resolve();
  private readonly done = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly input: WriteInput,
    private readonly importId: string,
    private readonly state: CheckState,
    /** Rows staged per part, shared with the importer, which clears them whatever the outcome. */
    private readonly counts: Map<number, number>,
  ) {}

  /** Queue a checked file (its spool closed) to be staged after those queued before it. */
  stage(part: number, plan: PlannedFile): void {
    if (plan.reader?.derivePerson) return;
    this.chain = this.chain.then(async () => {
      if (this.state.errorCount > 0) return;
      this.counts.set(part, 0);
      this.counts.set(
        part,
        await stageFile(this.db, plan, part, this.input, this.importId, this.state, UNCOUNTED),
      );
      this.done.add(part);
    });
    // Awaited by finished(); a failure meanwhile must not count as unhandled.
    this.chain.catch(() => undefined);
  }

  /** Whether a part was staged early (the apply pass skips it). */
  staged(part: number): boolean {
    return this.done.has(part);
  }

  /** Wait for what was queued, whatever its outcome (before removing the spool and staging). */
  async settled(): Promise<void> {
    await this.chain.catch(() => undefined);
  }

  /** Wait for what was queued; a failure to stage fails the import. */
  async finished(): Promise<void> {
    await this.chain;
  }
}
