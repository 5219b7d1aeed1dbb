/** The only place the queries of the early help outcomes plan live. Scoped by organisation. */
import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import type { Score, Stage } from './rules';
import { earlyHelpGoals, earlyHelpScores } from './schema';

export type GoalRow = typeof earlyHelpGoals.$inferSelect;
export interface GoalWithScores extends GoalRow {
  scores: Score[];
}

async function withScores(db: Db, organisationId: string, goals: GoalRow[]): Promise<GoalWithScores[]> {
  if (!goals.length) return [];
  const scores = await db
    .select()
    .from(earlyHelpScores)
    .where(
      and(
        eq(earlyHelpScores.organisationId, organisationId),
        inArray(
          earlyHelpScores.goalId,
          goals.map((g) => g.id),
        ),
      ),
    )
    .orderBy(asc(earlyHelpScores.scoredOn), asc(earlyHelpScores.createdAt));
  return goals.map((g) => ({
    ...g,
    scores: scores
      .filter((s) => s.goalId === g.id)
      .map((s) => ({ stage: s.stage as Stage, scoredOn: s.scoredOn, score: s.score })),
  }));
}

export async function goalsOfChild(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<GoalWithScores[]> {
  const goals = await db
    .select()
    .from(earlyHelpGoals)
    .where(and(eq(earlyHelpGoals.organisationId, organisationId), eq(earlyHelpGoals.personId, personId)))
    .orderBy(asc(earlyHelpGoals.setOn), asc(earlyHelpGoals.createdAt));
  return withScores(db, organisationId, goals);
}

export async function goal(db: Db, organisationId: string, id: string): Promise<GoalWithScores | undefined> {
  const [row] = await db
    .select()
    .from(earlyHelpGoals)
    .where(and(eq(earlyHelpGoals.organisationId, organisationId), eq(earlyHelpGoals.id, id)));
  return row ? (await withScores(db, organisationId, [row]))[0] : undefined;
}

/** Goals closed between first and last, with their scores (for the quarter's figures). */
export async function goalsClosedBetween(
  db: Db,
  organisationId: string,
  first: string,
  last: string,
): Promise<GoalWithScores[]> {
  const goals = await db
    .select()
    .from(earlyHelpGoals)
    .where(
      and(
        eq(earlyHelpGoals.organisationId, organisationId),
        gte(earlyHelpGoals.closedOn, first),
        lte(earlyHelpGoals.closedOn, last),
      ),
    );
  return withScores(db, organisationId, goals);
}

/** Open goals (for reviews due). */
export async function openGoals(db: Db, organisationId: string): Promise<GoalWithScores[]> {
  const goals = await db
    .select()
    .from(earlyHelpGoals)
    .where(and(eq(earlyHelpGoals.organisationId, organisationId), isNull(earlyHelpGoals.closedOn)));
  return withScores(db, organisationId, goals);
}

export async function insertGoal(db: Db, row: typeof earlyHelpGoals.$inferInsert): Promise<GoalRow> {
  const [made] = await db.insert(earlyHelpGoals).values(row).returning();
  return made!;
}

export async function insertScore(db: Db, row: typeof earlyHelpScores.$inferInsert): Promise<void> {
  await db.insert(earlyHelpScores).values(row);
}

export async function closeGoal(db: Db, organisationId: string, id: string, closedOn: string): Promise<void> {
  await db
    .update(earlyHelpGoals)
    .set({ closedOn })
    .where(and(eq(earlyHelpGoals.organisationId, organisationId), eq(earlyHelpGoals.id, id)));
}
