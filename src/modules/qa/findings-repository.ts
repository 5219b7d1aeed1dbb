/** Queries of themes, findings and thematic recommendations; every one scoped by organisation. */
import { and, asc, eq, inArray, isNull as sqlIsNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { qaFindings, qaThematicRecommendations, qaThemes } from './findings-schema';

export type ThemeRow = typeof qaThemes.$inferSelect;
export type FindingRow = typeof qaFindings.$inferSelect;
export type ThematicRow = typeof qaThematicRecommendations.$inferSelect;

export async function themes(db: Db, organisationId: string): Promise<ThemeRow[]> {
  return db
    .select()
    .from(qaThemes)
    .where(eq(qaThemes.organisationId, organisationId))
    .orderBy(asc(qaThemes.position), asc(qaThemes.name));
}

export async function insertThemes(db: Db, rows: Array<typeof qaThemes.$inferInsert>): Promise<void> {
  if (rows.length) await db.insert(qaThemes).values(rows).onConflictDoNothing();
}

export async function updateTheme(
  db: Db,
  organisationId: string,
  id: string,
  change: Partial<Pick<ThemeRow, 'name' | 'retired'>>,
): Promise<void> {
  await db
    .update(qaThemes)
    .set(change)
    .where(and(eq(qaThemes.organisationId, organisationId), eq(qaThemes.id, id)));
}

export async function insertFinding(db: Db, row: typeof qaFindings.$inferInsert): Promise<FindingRow> {
  const [made] = await db.insert(qaFindings).values(row).returning();
  return made!;
}

export async function deleteFinding(db: Db, organisationId: string, auditId: string, id: string) {
  return db
    .delete(qaFindings)
    .where(
      and(
        eq(qaFindings.organisationId, organisationId),
        eq(qaFindings.auditId, auditId),
        eq(qaFindings.id, id),
      ),
    )
    .returning({ id: qaFindings.id });
}

export async function findingsOfAudit(
  db: Db,
  organisationId: string,
  auditId: string,
): Promise<FindingRow[]> {
  return db
    .select()
    .from(qaFindings)
    .where(and(eq(qaFindings.organisationId, organisationId), eq(qaFindings.auditId, auditId)))
    .orderBy(asc(qaFindings.kind), asc(qaFindings.createdAt));
}

export async function findingsOfRounds(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
): Promise<FindingRow[]> {
  if (!roundIds.length) return [];
  return db
    .select()
    .from(qaFindings)
    .where(and(eq(qaFindings.organisationId, organisationId), inArray(qaFindings.roundId, [...roundIds])))
    .orderBy(asc(qaFindings.createdAt));
}

export async function insertThematic(
  db: Db,
  row: typeof qaThematicRecommendations.$inferInsert,
): Promise<ThematicRow> {
  const [made] = await db.insert(qaThematicRecommendations).values(row).returning();
  return made!;
}

export async function thematic(db: Db, organisationId: string, id: string): Promise<ThematicRow | undefined> {
  const [row] = await db
    .select()
    .from(qaThematicRecommendations)
    .where(
      and(eq(qaThematicRecommendations.organisationId, organisationId), eq(qaThematicRecommendations.id, id)),
    );
  return row;
}

export async function thematicOfRounds(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
): Promise<ThematicRow[]> {
  if (!roundIds.length) return [];
  return db
    .select()
    .from(qaThematicRecommendations)
    .where(
      and(
        eq(qaThematicRecommendations.organisationId, organisationId),
        inArray(qaThematicRecommendations.roundId, [...roundIds]),
      ),
    )
    .orderBy(asc(qaThematicRecommendations.createdAt));
}

/** Mark a thematic recommendation as made into a plan action, only if it is not one already. */
export async function linkThematic(
  db: Db,
  organisationId: string,
  id: string,
  link: { planId: string; actionId: string; linkedAt: Date; linkedBy: string | null },
): Promise<boolean> {
  const rows = await db
    .update(qaThematicRecommendations)
    .set(link)
    .where(
      and(
        eq(qaThematicRecommendations.organisationId, organisationId),
        eq(qaThematicRecommendations.id, id),
        sqlIsNull(qaThematicRecommendations.actionId),
      ),
    )
    .returning({ id: qaThematicRecommendations.id });
  return rows.length === 1;
}
