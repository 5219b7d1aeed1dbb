/** The only place the kpis module's queries live; every one scoped by organisation. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import {
  kpiBenchmarks,
  kpiCommentary,
  kpiEnteredValues,
  kpiIndicatorVersions,
  kpiLatestFigures,
  kpiReportSignoffs,
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

/** Replace an organisation's stored latest figures with these, in one transaction. */
export async function replaceLatestFigures(
  db: Db,
  organisationId: string,
  rows: ReadonlyArray<Omit<StoredLatestFigure, 'organisationId'>>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(kpiLatestFigures).where(eq(kpiLatestFigures.organisationId, organisationId));
    if (rows.length) await tx.insert(kpiLatestFigures).values(rows.map((r) => ({ ...r, organisationId })));
  });
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

/** Whether any indicator table is stored for the organisation. */
export async function hasStoredTables(db: Db, organisationId: string): Promise<boolean> {
  const rows = await db
    .select({ audience: kpiStoredTables.audience })
    .from(kpiStoredTables)
    .where(eq(kpiStoredTables.organisationId, organisationId))
    .limit(1);
  return rows.length > 0;
}

/** Store an audience's indicator table, replacing the one stored. */
export async function replaceStoredTable(db: Db, row: StoredTable): Promise<void> {
  await db
    .insert(kpiStoredTables)
    .values(row)
    .onConflictDoUpdate({
      target: [kpiStoredTables.organisationId, kpiStoredTables.audience],
      set: { quarter: row.quarter, rows: row.rows, computedAt: row.computedAt },
    });
}

/** Forget the organisation's stored indicator tables (something they were computed from changed). */
export async function dropStoredTables(db: Db, organisationId: string): Promise<void> {
  await db.delete(kpiStoredTables).where(eq(kpiStoredTables.organisationId, organisationId));
}
