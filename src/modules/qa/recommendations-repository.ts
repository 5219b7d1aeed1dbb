/** Queries of recommendations and follow-up meetings; every one scoped by organisation. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { qaFollowUpMeetings, qaRecommendationDecisions, qaRecommendations } from './schema';

export type RecommendationRow = typeof qaRecommendations.$inferSelect;
export type MeetingRow = typeof qaFollowUpMeetings.$inferSelect;

export async function insertRecommendation(db: Db, row: typeof qaRecommendations.$inferInsert) {
  const [made] = await db.insert(qaRecommendations).values(row).returning();
  return made!;
}

export async function recommendation(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(qaRecommendations)
    .where(and(eq(qaRecommendations.organisationId, organisationId), eq(qaRecommendations.id, id)));
  return row;
}

export async function recommendationsWhere(
  db: Db,
  organisationId: string,
  filter: { auditId?: string; ownerId?: string; statuses?: readonly string[]; ids?: readonly string[] },
) {
  return db
    .select()
    .from(qaRecommendations)
    .where(
      and(
        eq(qaRecommendations.organisationId, organisationId),
        filter.auditId ? eq(qaRecommendations.auditId, filter.auditId) : undefined,
        filter.ownerId ? eq(qaRecommendations.ownerId, filter.ownerId) : undefined,
        filter.statuses ? inArray(qaRecommendations.status, [...filter.statuses]) : undefined,
        filter.ids ? inArray(qaRecommendations.id, [...filter.ids]) : undefined,
      ),
    )
    .orderBy(asc(qaRecommendations.dueDate), asc(qaRecommendations.createdAt));
}

export async function updateRecommendation(
  db: Db,
  organisationId: string,
  id: string,
  change: Partial<typeof qaRecommendations.$inferInsert>,
) {
  await db
    .update(qaRecommendations)
    .set(change)
    .where(and(eq(qaRecommendations.organisationId, organisationId), eq(qaRecommendations.id, id)));
}

export async function insertMeeting(db: Db, row: typeof qaFollowUpMeetings.$inferInsert) {
  const [made] = await db.insert(qaFollowUpMeetings).values(row).returning();
  return made!;
}

export async function insertDecisions(db: Db, rows: Array<typeof qaRecommendationDecisions.$inferInsert>) {
  if (rows.length) await db.insert(qaRecommendationDecisions).values(rows);
}

/** Each decision on a recommendation, with its meeting, oldest first. */
export async function decisionsOf(db: Db, organisationId: string, recommendationId: string) {
  return db
    .select({
      decision: qaRecommendationDecisions.decision,
      note: qaRecommendationDecisions.note,
      date: qaFollowUpMeetings.date,
      chair: qaFollowUpMeetings.chair,
      attendees: qaFollowUpMeetings.attendees,
    })
    .from(qaRecommendationDecisions)
    .innerJoin(qaFollowUpMeetings, eq(qaFollowUpMeetings.id, qaRecommendationDecisions.meetingId))
    .where(
      and(
        eq(qaRecommendationDecisions.organisationId, organisationId),
        eq(qaRecommendationDecisions.recommendationId, recommendationId),
      ),
    )
    .orderBy(asc(qaFollowUpMeetings.date));
}
