/** The only place the kpis module's queries live; every one scoped by organisation. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../platform/db/client';
import {
  kpiBenchmarks,
  kpiCommentary,
  kpiEnteredValues,
  kpiIndicatorVersions,
  kpiLatestFigures,
  kpiReportSignoffs,
  kpiStoredGenerations,
  kpiStoredTables,
} from './schema';

export type StoredVersion = typeof kpiIndicatorVersions.$inferSelect;
export type StoredBenchmark = typeof kpiBenchmarks.$inferSelect;
export type StoredEnteredValue = typeof kpiEnteredValues.$inferSelect;
export type StoredSignoff = typeof kpiReportSignoffs.$inferSelect;

export async function indicatorCodes(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ code: kpiIndicatorVersions.code })
    .from(kpiIndicatorVersions)
    .where(eq(kpiIndicatorVersions.organisationId, organisationId));
  return new Set(rows.map((r) => r.code));
}

export async function indicatorVersions(
  db: Db,
  organisationId: string,
  code?: string,
): Promise<StoredVersion[]> {
  return db
    .select()
    .from(kpiIndicatorVersions)
    .where(
      and(
        eq(kpiIndicatorVersions.organisationId, organisationId),
        code ? eq(kpiIndicatorVersions.code, code) : undefined,
      ),
    )
    .orderBy(asc(kpiIndicatorVersions.code), asc(kpiIndicatorVersions.version));
}

export async function insertVersions(db: Db, rows: Array<typeof kpiIndicatorVersions.$inferInsert>) {
  // Two first readers at once both seed the defaults: the second's rows are already there.
  await db.insert(kpiIndicatorVersions).values(rows).onConflictDoNothing();
}

export async function benchmarks(
  db: Db,
  organisationId: string,
  codes?: readonly string[],
): Promise<StoredBenchmark[]> {
  if (codes?.length === 0) return [];
  return db
    .select()
    .from(kpiBenchmarks)
    .where(
      and(
        eq(kpiBenchmarks.organisationId, organisationId),
        codes ? inArray(kpiBenchmarks.code, [...codes]) : undefined,
      ),
    )
    .orderBy(asc(kpiBenchmarks.code), desc(kpiBenchmarks.year), asc(kpiBenchmarks.comparator));
}

/** Enter or replace benchmarks, all in one statement. */
export async function upsertBenchmarks(db: Db, rows: Array<typeof kpiBenchmarks.$inferInsert>) {
  if (!rows.length) return;
  await db
    .insert(kpiBenchmarks)
    .values(rows)
    .onConflictDoUpdate({
      target: [
        kpiBenchmarks.organisationId,
        kpiBenchmarks.code,
        kpiBenchmarks.year,
        kpiBenchmarks.comparator,
      ],
      set: {
        value: sql`excluded.value`,
        createdBy: sql`excluded.created_by`,
        createdAt: sql`excluded.created_at`,
      },
    });
}

/** Every entered figure, newest first (the first of a code and period is the one in use). */
export async function enteredValues(
  db: Db,
  organisationId: string,
  code?: string,
): Promise<StoredEnteredValue[]> {
  return db
    .select()
    .from(kpiEnteredValues)
    .where(
      and(
        eq(kpiEnteredValues.organisationId, organisationId),
        code ? eq(kpiEnteredValues.code, code) : undefined,
      ),
    )
    .orderBy(desc(kpiEnteredValues.createdAt), desc(kpiEnteredValues.id));
}

export async function insertEnteredValue(db: Db, row: typeof kpiEnteredValues.$inferInsert) {
  await db.insert(kpiEnteredValues).values(row);
}

export async function commentary(db: Db, organisationId: string, audience: string, quarter: string) {
  return db
    .select()
    .from(kpiCommentary)
    .where(
      and(
        eq(kpiCommentary.organisationId, organisationId),
        eq(kpiCommentary.audience, audience),
        eq(kpiCommentary.quarter, quarter),
      ),
    )
    .orderBy(desc(kpiCommentary.createdAt), desc(kpiCommentary.id));
}

export async function insertCommentary(db: Db, rows: Array<typeof kpiCommentary.$inferInsert>) {
  if (rows.length) await db.insert(kpiCommentary).values(rows);
}

export async function signoff(
  db: Db,
  organisationId: string,
  audience: string,
  quarter: string,
): Promise<StoredSignoff | undefined> {
  const [row] = await db
    .select()
    .from(kpiReportSignoffs)
    .where(
      and(
        eq(kpiReportSignoffs.organisationId, organisationId),
        eq(kpiReportSignoffs.audience, audience),
        eq(kpiReportSignoffs.quarter, quarter),
      ),
    );
  return row;
}

export async function signoffs(db: Db, organisationId: string, audience: string): Promise<StoredSignoff[]> {
  return db
    .select()
    .from(kpiReportSignoffs)
    .where(
      and(eq(kpiReportSignoffs.organisationId, organisationId), eq(kpiReportSignoffs.audience, audience)),
    )
    .orderBy(desc(kpiReportSignoffs.quarter));
}

/** False when the quarter was already signed off (the first sign-off stands). */
export async function insertSignoff(db: Db, row: typeof kpiReportSignoffs.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(kpiReportSignoffs)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: kpiReportSignoffs.id });
  return rows.length === 1;
}

export type StoredLatestFigure = typeof kpiLatestFigures.$inferSelect;

/** The stored latest figures of an organisation (one query, for the home page). */
export async function latestFigures(db: Db, organisationId: string): Promise<StoredLatestFigure[]> {
  return db.select().from(kpiLatestFigures).where(eq(kpiLatestFigures.organisationId, organisationId));
}

export type StoredTable = typeof kpiStoredTables.$inferSelect;

/** An audience's stored indicator table, if any. */
export async function storedTable(
  db: Db,
  organisationId: string,
  audience: string,
): Promise<StoredTable | undefined> {
  const [row] = await db
    .select()
    .from(kpiStoredTables)
    .where(and(eq(kpiStoredTables.organisationId, organisationId), eq(kpiStoredTables.audience, audience)));
  return row;
}

/** Whether any figures or indicator table are stored for the organisation, in one query. */
export async function hasStoredFigures(db: Db, organisationId: string): Promise<boolean> {
  const [row] = await rawRows<{ stored: boolean }>(
    db,
    sql`select exists (select 1 from kpi_latest_figures where organisation_id = ${organisationId})
        or exists (select 1 from kpi_stored_tables where organisation_id = ${organisationId}) as stored`,
  );
  return row?.stored === true;
}

/** The organisation's stored-figures generation: what a refresh must find unchanged to write. */
export async function storedGeneration(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ generation: kpiStoredGenerations.generation })
    .from(kpiStoredGenerations)
    .where(eq(kpiStoredGenerations.organisationId, organisationId));
  return row?.generation ?? 0;
}

export interface StoredWrite {
  generation: number;
  tables: ReadonlyArray<Omit<StoredTable, 'organisationId'>>;
  /** The home page's figures, replacing those stored; absent to leave them. */
  figures?: ReadonlyArray<Omit<StoredLatestFigure, 'organisationId'>>;
}

/**
 * Store tables (and figures) computed at a generation, in one transaction,
 * only if nothing has been forgotten since; false if it had. The
 * generation's row is locked, so writes of one organisation take turns.
 */
export async function storeIfCurrent(db: Db, organisationId: string, write: StoredWrite): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.insert(kpiStoredGenerations).values({ organisationId }).onConflictDoNothing();
    const [row] = await tx
      .select({ generation: kpiStoredGenerations.generation })
      .from(kpiStoredGenerations)
      .where(eq(kpiStoredGenerations.organisationId, organisationId))
      .for('update');
    if (row?.generation !== write.generation) return false;
    for (const table of write.tables) {
      await tx
        .insert(kpiStoredTables)
        .values({ ...table, organisationId })
        .onConflictDoUpdate({
          target: [kpiStoredTables.organisationId, kpiStoredTables.audience],
          set: { quarter: table.quarter, rows: table.rows, computedAt: table.computedAt },
        });
    }
    if (write.figures) {
      await tx.delete(kpiLatestFigures).where(eq(kpiLatestFigures.organisationId, organisationId));
      if (write.figures.length) {
        await tx.insert(kpiLatestFigures).values(write.figures.map((r) => ({ ...r, organisationId })));
      }
    }
    return true;
  });
}

/**
 * Forget the organisation's stored indicator tables (something they were
 * computed from changed) and advance the generation, so a refresh already
 * under way does not write back what it computed before the change.
 */
export async function dropStoredTables(db: Db, organisationId: string): Promise<void> {
  await db.delete(kpiStoredTables).where(eq(kpiStoredTables.organisationId, organisationId));
  await db
    .insert(kpiStoredGenerations)
    .values({ organisationId, generation: 1 })
    .onConflictDoUpdate({
      target: kpiStoredGenerations.organisationId,
      set: { generation: sql`${kpiStoredGenerations.generation} + 1` },
    });
}
