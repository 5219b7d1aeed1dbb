/** Queries of the audit reports: what a round's audits hold, in bulk. Every one scoped by organisation. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { qaAudits, qaModerations, qaRecommendations } from './schema';

/** The graded audits of some rounds (submitted or further): answers' grades and the overall grade. */
export async function gradedAudits(db: Db, organisationId: string, roundIds: readonly string[]) {
  if (!roundIds.length) return [];
  return db
    .select({
      id: qaAudits.id,
      roundId: qaAudits.roundId,
      answers: qaAudits.answers,
      overallGrade: qaAudits.overallGrade,
      teamName: qaAudits.teamName,
    })
    .from(qaAudits)
    .where(
      and(
        eq(qaAudits.organisationId, organisationId),
        inArray(qaAudits.roundId, [...roundIds]),
        inArray(qaAudits.status, ['submitted', 'shared', 'responded', 'closed']),
      ),
    );
}

/** The moderations of every audit of some rounds, oldest first. */
export async function moderationsOfRounds(db: Db, organisationId: string, roundIds: readonly string[]) {
  if (!roundIds.length) return [];
  return db
    .select({
      auditId: qaModerations.auditId,
      sectionKey: qaModerations.sectionKey,
      grade: qaModerations.grade,
    })
    .from(qaModerations)
    .innerJoin(qaAudits, eq(qaAudits.id, qaModerations.auditId))
    .where(and(eq(qaModerations.organisationId, organisationId), inArray(qaAudits.roundId, [...roundIds])))
    .orderBy(asc(qaModerations.moderatedAt));
}

/** How many audits of a round are in each status. */
export async function statusCounts(db: Db, organisationId: string, roundId: string) {
  const rows = await db
    .select({ status: qaAudits.status, n: sql<number>`count(*)::int` })
    .from(qaAudits)
    .where(and(eq(qaAudits.organisationId, organisationId), eq(qaAudits.roundId, roundId)))
    .groupBy(qaAudits.status);
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** Case-specific recommendations of a round's audits, counted by status. */
export async function recommendationCounts(db: Db, organisationId: string, roundId: string) {
  const rows = await db
    .select({ status: qaRecommendations.status, n: sql<number>`count(*)::int` })
    .from(qaRecommendations)
    .innerJoin(qaAudits, eq(qaAudits.id, qaRecommendations.auditId))
    .where(and(eq(qaRecommendations.organisationId, organisationId), eq(qaAudits.roundId, roundId)))
    .groupBy(qaRecommendations.status);
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}
