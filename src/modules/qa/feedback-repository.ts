/** The only place the queries of the complaints and compliments log and early help feedback live. Scoped by organisation. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { qaEarlyHelpFeedback, qaFeedbackLog } from './feedback-schema';

export type FeedbackRow = typeof qaFeedbackLog.$inferSelect;
export type EarlyHelpRow = typeof qaEarlyHelpFeedback.$inferSelect;

export async function insertFeedback(db: Db, row: typeof qaFeedbackLog.$inferInsert): Promise<FeedbackRow> {
  const [inserted] = await db.insert(qaFeedbackLog).values(row).returning();
  return inserted!;
}

export async function feedbackLog(db: Db, organisationId: string): Promise<FeedbackRow[]> {
  return db
    .select()
    .from(qaFeedbackLog)
    .where(eq(qaFeedbackLog.organisationId, organisationId))
    .orderBy(desc(qaFeedbackLog.receivedOn), desc(qaFeedbackLog.createdAt));
}

export async function feedbackEntry(
  db: Db,
  organisationId: string,
  id: string,
): Promise<FeedbackRow | undefined> {
  const [row] = await db
    .select()
    .from(qaFeedbackLog)
    .where(and(eq(qaFeedbackLog.organisationId, organisationId), eq(qaFeedbackLog.id, id)));
  return row;
}

/** Record a complaint's outcome once; false when it has one already (or is not an open complaint). */
export async function recordOutcome(
  db: Db,
  organisationId: string,
  id: string,
  outcome: { outcome: string; outcomeOn: string; learning: string },
): Promise<boolean> {
  const rows = await db
    .update(qaFeedbackLog)
    .set(outcome)
    .where(
      and(
        eq(qaFeedbackLog.organisationId, organisationId),
        eq(qaFeedbackLog.id, id),
        eq(qaFeedbackLog.kind, 'complaint'),
        isNull(qaFeedbackLog.outcome),
      ),
    )
    .returning({ id: qaFeedbackLog.id });
  return rows.length > 0;
}

export async function insertEarlyHelp(
  db: Db,
  row: typeof qaEarlyHelpFeedback.$inferInsert,
): Promise<EarlyHelpRow> {
  const [inserted] = await db.insert(qaEarlyHelpFeedback).values(row).returning();
  return inserted!;
}

export async function earlyHelpFeedback(db: Db, organisationId: string): Promise<EarlyHelpRow[]> {
  return db
    .select()
    .from(qaEarlyHelpFeedback)
    .where(eq(qaEarlyHelpFeedback.organisationId, organisationId))
    .orderBy(desc(qaEarlyHelpFeedback.closedOn), desc(qaEarlyHelpFeedback.createdAt));
}
