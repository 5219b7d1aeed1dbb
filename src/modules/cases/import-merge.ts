/**
 * The import's one transaction (see importer.ts): each file's staged rows
 * merged into the register, then the tables analysed, workers and teams
 * linked, each child's summary derived, and the import logged and audited.
 * The same steps whether the merges follow the check (the embedded
 * database) or run beside it (a server: importer.ts).
 */
import { sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { mergeFile, type TableCounts } from './import-apply';
import type { PlannedFile } from './import-check';
import { analyzeRegister, refreshPeopleSummaries, relinkWorkforce, updateImport } from './import-repository';
import { mergeStaged } from './import-staging';

/** Whether a merge wrote to its table (added, changed or closed rows). */
export function wrote(c: TableCounts | undefined): boolean {
  return c !== undefined && c.added + c.changed + c.closed > 0;
}

/** The register tables an import's merge wrote to, each once. */
export function changedTables(
  planned: readonly PlannedFile[],
  counts: Record<string, TableCounts>,
): string[] {
  return [...new Set(planned.filter((p) => wrote(counts[p.spec.ssd])).map((p) => p.spec.table))];
}

export interface MergeInput {
  organisationId: string;
  mode: 'full' | 'partial';
  clock: Clock;
  audit: AuditContext;
  hooks?: {
    merged?(tx: Db, table: string): Promise<void>;
    summarising?(tx: Db): Promise<void>;
  };
}

/** The merges of one import, inside its transaction, and what they counted. */
export class Merger {
  readonly counts: Record<string, TableCounts> = {};
  readonly totals: TableCounts = { added: 0, changed: 0, unchanged: 0, closed: 0 };
  /** Tables analysed since they were last written. */
  private readonly analysed = new Set<string>();

  private constructor(
    private readonly tx: Db,
    private readonly importId: string,
    private readonly input: MergeInput,
    /** Whether each merge statement runs with the reference triggers off (import-staging.ts, MergeOptions). */
    private readonly triggersOff: boolean,
  ) {}

  /**
   * Begin: no JIT compilation (compiling each large statement cost more than it saved: seconds on a
   * server), and memory enough for a merge's join on the organisation's children (7 MB at the large
   * authority, near the default's limit) to stay in one batch. `triggersOff`: the embedded database
   * only (MergeOptions in import-staging.ts).
   */
  static async begin(tx: Db, importId: string, input: MergeInput, triggersOff = false): Promise<Merger> {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    return new Merger(tx, importId, input, triggersOff);
  }

  /** Merge a file's staged rows (its part of staging) and, for a full extract, close what it no longer holds. */
  async mergePart(plan: PlannedFile, part: number, stagedRows: number): Promise<TableCounts> {
    const { organisationId, mode, clock } = this.input;
    const c = await mergeFile(
      this.tx,
      plan,
      part,
      stagedRows,
      { organisationId, mode, clock },
      this.importId,
      { triggersOff: this.triggersOff },
    );
    this.counts[plan.spec.ssd] = c;
    this.totals.added += c.added;
    this.totals.changed += c.changed;
    this.totals.unchanged += c.unchanged;
    this.totals.closed += c.closed;
    // Each table is analysed as soon as merged. People, workers and teams must be, before the files
    // whose merge joins them: their statistics are of before the import, and in a database that
    // already holds another organisation's register (the bench's second authority, a second council on
    // one server) they count none of this organisation's rows. Each later merge was then planned as if
    // its children were one: a nested loop comparing every staged row with every child (at the large
    // demo extract, 22 thousand periods of care by 119 thousand children, and more than 12 minutes in
    // all, where the import takes about two). The other tables are analysed here rather than at the
    // end because on a server that is beside the check of the next files: at the end it held the
    // transaction for 4.6 s at the large authority.
    if (wrote(c)) {
      await analyzeRegister(this.tx, [plan.spec.table]);
      this.analysed.add(plan.spec.table);
    }
    await this.input.hooks?.merged?.(this.tx, plan.spec.table);
    return c;
  }

  /**
   * Merge the rows of a file already merged whose child was found only once references were looked
   * up (staged under a part of their own), adding to the file's counts.
   */
  async mergeLater(plan: PlannedFile, part: number, stagedRows: number): Promise<void> {
    if (stagedRows === 0) return;
    const written = await mergeStaged(this.tx, plan.spec, this.input.organisationId, this.importId, part, {
      triggersOff: this.triggersOff,
    });
    const c = this.counts[plan.spec.ssd]!;
    // Written again since it was analysed: analysed again at the end.
    if (written.added + written.changed > 0) this.analysed.delete(plan.spec.table);
    const unchanged = stagedRows - written.added - written.changed;
    c.added += written.added;
    c.changed += written.changed;
    c.unchanged += unchanged;
    this.totals.added += written.added;
    this.totals.changed += written.changed;
    this.totals.unchanged += unchanged;
  }

  /**
   * Everything after the merges: statistics, workers and teams linked, each child's summary, and
   * the import logged as applied and audited.
   */
  async finish(planned: readonly PlannedFile[], rowsTotal: number, today: string): Promise<void> {
    const { tx, input, counts, totals } = this;
    // Statistics for the rows just merged, before the statements that read them whole: the tables'
    // statistics are of before the import (none at all on a first import: the embedded database has no
    // autovacuum, and a server's cannot see rows not yet committed), and each child's summary planned
    // blind probed the partial open-by-date indexes (0049) once per child, minutes at a large authority.
    // Like those analysed above, in the order the files are merged (people before the tables that
    // refer to them): two imports on a server take the analyses' locks in one order.
    const merged = changedTables(planned, counts);
    const toAnalyse = [...new Set(['case_people', ...merged])].filter((t) => !this.analysed.has(t));
    if (merged.length && toAnalyse.length) await analyzeRegister(tx, toAnalyse);
    await input.hooks?.summarising?.(tx);
    await relinkWorkforce(tx, input.organisationId);
    await refreshPeopleSummaries(tx, input.organisationId, today);
    await updateImport(tx, this.importId, {
      status: 'applied',
      phase: 'Finished',
      counts,
      added: totals.added,
      changed: totals.changed,
      unchanged: totals.unchanged,
      closed: totals.closed,
      rowsDone: rowsTotal,
      finishedAt: input.clock.now(),
      heartbeatAt: input.clock.now(),
    });
    await recordAudit(tx, input.audit, {
      action: 'cases.import',
      recordType: 'case_import',
      recordId: this.importId,
      detail: `${input.mode} extract: ${totals.added} added, ${totals.changed} changed, ${totals.closed} closed, ${totals.unchanged} unchanged`,
    });
  }
}
