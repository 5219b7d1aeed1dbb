/** The only place survey queries live. Every query is scoped by organisation. */
import { and, asc, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { qaSurveyCohorts, qaSurveyQuestions, qaSurveyQuotes, qaSurveys } from './surveys-schema';

export type SurveyRow = typeof qaSurveys.$inferSelect;
export type CohortRow = typeof qaSurveyCohorts.$inferSelect;
export type QuestionRow = typeof qaSurveyQuestions.$inferSelect;
export type QuoteRow = typeof qaSurveyQuotes.$inferSelect;

export async function insertSurvey(
  db: Db,
  row: typeof qaSurveys.$inferInsert,
): Promise<SurveyRow | undefined> {
  const [inserted] = await db.insert(qaSurveys).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function surveys(db: Db, organisationId: string): Promise<SurveyRow[]> {
  return db
    .select()
    .from(qaSurveys)
    .where(eq(qaSurveys.organisationId, organisationId))
    .orderBy(desc(qaSurveys.year), asc(qaSurveys.name));
}

export async function survey(db: Db, organisationId: string, id: string): Promise<SurveyRow | undefined> {
  const [row] = await db
    .select()
    .from(qaSurveys)
    .where(and(eq(qaSurveys.organisationId, organisationId), eq(qaSurveys.id, id)));
  return row;
}

/** The latest earlier survey of the same name: last year's, to compare with. */
export async function previousSurvey(db: Db, s: SurveyRow): Promise<SurveyRow | undefined> {
  const [row] = await db
    .select()
    .from(qaSurveys)
    .where(
      and(
        eq(qaSurveys.organisationId, s.organisationId),
        eq(qaSurveys.name, s.name),
        lt(qaSurveys.year, s.year),
      ),
    )
    .orderBy(desc(qaSurveys.year))
    .limit(1);
  return row;
}

export async function cohorts(db: Db, organisationId: string, surveyId: string): Promise<CohortRow[]> {
  return db
    .select()
    .from(qaSurveyCohorts)
    .where(and(eq(qaSurveyCohorts.organisationId, organisationId), eq(qaSurveyCohorts.surveyId, surveyId)));
}

/** Record a cohort's figures, replacing the ones recorded before. */
export async function upsertCohort(db: Db, row: typeof qaSurveyCohorts.$inferInsert): Promise<void> {
  await db
    .insert(qaSurveyCohorts)
    .values(row)
    .onConflictDoUpdate({
      target: [qaSurveyCohorts.surveyId, qaSurveyCohorts.cohort],
      set: { eligible: row.eligible, responses: row.responses, updatedAt: row.updatedAt },
    });
}

export async function questions(db: Db, organisationId: string, surveyId: string): Promise<QuestionRow[]> {
  return db
    .select()
    .from(qaSurveyQuestions)
    .where(
      and(eq(qaSurveyQuestions.organisationId, organisationId), eq(qaSurveyQuestions.surveyId, surveyId)),
    )
    .orderBy(asc(qaSurveyQuestions.createdAt), asc(qaSurveyQuestions.text));
}

/** Record a question's result, replacing one recorded before under the same wording. */
export async function upsertQuestion(db: Db, row: typeof qaSurveyQuestions.$inferInsert): Promise<void> {
  await db
    .insert(qaSurveyQuestions)
    .values(row)
    .onConflictDoUpdate({
      target: [qaSurveyQuestions.surveyId, qaSurveyQuestions.text],
      set: { answered: row.answered, positive: row.positive },
    });
}

export async function quotes(db: Db, organisationId: string, surveyId: string): Promise<QuoteRow[]> {
  return db
    .select()
    .from(qaSurveyQuotes)
    .where(and(eq(qaSurveyQuotes.organisationId, organisationId), eq(qaSurveyQuotes.surveyId, surveyId)))
    .orderBy(asc(qaSurveyQuotes.createdAt));
}

export async function insertQuote(db: Db, row: typeof qaSurveyQuotes.$inferInsert): Promise<QuoteRow> {
  const [inserted] = await db.insert(qaSurveyQuotes).values(row).returning();
  return inserted!;
}

/** Clear a held quote for publication; false when there is no such quote held. */
export async function clearQuote(
  db: Db,
  organisationId: string,
  surveyId: string,
  id: string,
  cleared: { clearedAt: Date; clearedBy: string },
): Promise<boolean> {
  const rows = await db
    .update(qaSurveyQuotes)
    .set(cleared)
    .where(
      and(
        eq(qaSurveyQuotes.organisationId, organisationId),
        eq(qaSurveyQuotes.surveyId, surveyId),
        eq(qaSurveyQuotes.id, id),
        isNull(qaSurveyQuotes.clearedAt),
      ),
    )
    .returning({ id: qaSurveyQuotes.id });
  return rows.length > 0;
}
