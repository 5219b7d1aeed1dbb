/** The only place the queries of provider and setting audits live. Scoped by organisation. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { qaProviderRecommendations, qaProviders, qaProviderVisits } from './provider-schema';

export type ProviderRow = typeof qaProviders.$inferSelect;
export type VisitRow = typeof qaProviderVisits.$inferSelect;
export type ProviderRecommendationRow = typeof qaProviderRecommendations.$inferSelect;

export async function insertProvider(db: Db, row: typeof qaProviders.$inferInsert): Promise<ProviderRow> {
  const [inserted] = await db.insert(qaProviders).values(row).returning();
  return inserted!;
}

export async function providerByName(db: Db, organisationId: string, name: string) {
  const [row] = await db
    .select({ id: qaProviders.id })
    .from(qaProviders)
    .where(
      and(eq(qaProviders.organisationId, organisationId), sql`lower(${qaProviders.name}) = lower(${name})`),
    );
  return row;
}

export interface ProviderListRow extends ProviderRow {
  lastVisitOn: string | null;
  lastResults: VisitRow['results'] | null;
  openRecommendations: number;
  overdueRecommendations: number;
}

/** Every provider with its latest visit and its open (and overdue) recommendations, in one query. */
export async function providerList(
  db: Db,
  organisationId: string,
  today: string,
): Promise<ProviderListRow[]> {
  const latest = db
    .selectDistinctOn([qaProviderVisits.providerId], {
      providerId: qaProviderVisits.providerId,
      visitedOn: qaProviderVisits.visitedOn,
      results: qaProviderVisits.results,
    })
    .from(qaProviderVisits)
    .where(eq(qaProviderVisits.organisationId, organisationId))
    .orderBy(qaProviderVisits.providerId, desc(qaProviderVisits.visitedOn), desc(qaProviderVisits.createdAt))
    .as('latest');
  const recs = db
    .select({
      providerId: qaProviderRecommendations.providerId,
      open: sql<number>`count(*)::int`.as('open'),
      overdue: sql<number>`count(*) filter (where ${qaProviderRecommendations.dueOn} < ${today})::int`.as(
        'overdue',
      ),
    })
    .from(qaProviderRecommendations)
    .where(
      and(
        eq(qaProviderRecommendations.organisationId, organisationId),
        eq(qaProviderRecommendations.status, 'open'),
      ),
    )
    .groupBy(qaProviderRecommendations.providerId)
    .as('recs');
  const rows = await db
    .select({
      provider: qaProviders,
      lastVisitOn: latest.visitedOn,
      lastResults: latest.results,
      open: recs.open,
      overdue: recs.overdue,
    })
    .from(qaProviders)
    .leftJoin(latest, eq(latest.providerId, qaProviders.id))
    .leftJoin(recs, eq(recs.providerId, qaProviders.id))
    .where(eq(qaProviders.organisationId, organisationId))
    .orderBy(asc(qaProviders.name));
  return rows.map((r) => ({
    ...r.provider,
    lastVisitOn: r.lastVisitOn,
    lastResults: r.lastResults,
    openRecommendations: r.open ?? 0,
    overdueRecommendations: r.overdue ?? 0,
  }));
}

export async function provider(db: Db, organisationId: string, id: string): Promise<ProviderRow | undefined> {
  const [row] = await db
    .select()
    .from(qaProviders)
    .where(and(eq(qaProviders.organisationId, organisationId), eq(qaProviders.id, id)));
  return row;
}

/** A provider's visits, oldest first. */
export async function visitsOf(db: Db, organisationId: string, providerId: string): Promise<VisitRow[]> {
  return db
    .select()
    .from(qaProviderVisits)
    .where(
      and(eq(qaProviderVisits.organisationId, organisationId), eq(qaProviderVisits.providerId, providerId)),
    )
    .orderBy(asc(qaProviderVisits.visitedOn), asc(qaProviderVisits.createdAt));
}

export async function insertVisit(db: Db, row: typeof qaProviderVisits.$inferInsert): Promise<VisitRow> {
  const [inserted] = await db.insert(qaProviderVisits).values(row).returning();
  return inserted!;
}

export async function recommendationsOf(
  db: Db,
  organisationId: string,
  providerId: string,
): Promise<ProviderRecommendationRow[]> {
  return db
    .select()
    .from(qaProviderRecommendations)
    .where(
      and(
        eq(qaProviderRecommendations.organisationId, organisationId),
        eq(qaProviderRecommendations.providerId, providerId),
      ),
    )
    .orderBy(asc(qaProviderRecommendations.dueOn), asc(qaProviderRecommendations.createdAt));
}

export async function insertRecommendation(
  db: Db,
  row: typeof qaProviderRecommendations.$inferInsert,
): Promise<ProviderRecommendationRow> {
  const [inserted] = await db.insert(qaProviderRecommendations).values(row).returning();
  return inserted!;
}

/** Complete an open recommendation once; false when it is not open (or not this provider's). */
export async function completeRecommendation(
  db: Db,
  organisationId: string,
  providerId: string,
  id: string,
  input: { followUp: string; completedOn: string },
): Promise<boolean> {
  const rows = await db
    .update(qaProviderRecommendations)
    .set({ ...input, status: 'completed' })
    .where(
      and(
        eq(qaProviderRecommendations.organisationId, organisationId),
        eq(qaProviderRecommendations.providerId, providerId),
        eq(qaProviderRecommendations.id, id),
        eq(qaProviderRecommendations.status, 'open'),
      ),
    )
    .returning({ id: qaProviderRecommendations.id });
  return rows.length > 0;
}
