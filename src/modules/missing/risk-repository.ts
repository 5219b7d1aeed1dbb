/** Queries of the risk records (risk assessments and trigger plans). Every query is scoped by organisation. */
import { and, asc, eq } from 'drizzle-orm';
import { anyId, type IdSet, noIds } from '../../platform/db/any-id';
import type { Db } from '../../platform/db/client';
import { missingRiskAssessments, missingTriggerPlans } from './schema';

export type RiskAssessmentRow = typeof missingRiskAssessments.$inferSelect;
export type TriggerPlanRow = typeof missingTriggerPlans.$inferSelect;

export async function insertRiskAssessment(
  db: Db,
  values: typeof missingRiskAssessments.$inferInsert,
): Promise<void> {
  await db.insert(missingRiskAssessments).values(values);
}

export async function insertTriggerPlan(
  db: Db,
  values: typeof missingTriggerPlans.$inferInsert,
): Promise<void> {
  await db.insert(missingTriggerPlans).values(values);
}

/** Every save of a child's risk assessment, oldest first. */
export async function riskAssessmentsOf(db: Db, organisationId: string, personId: string) {
  return db
    .select()
    .from(missingRiskAssessments)
    .where(
      and(
        eq(missingRiskAssessments.organisationId, organisationId),
        eq(missingRiskAssessments.personId, personId),
      ),
    )
    .orderBy(asc(missingRiskAssessments.id));
}

/** The latest save of each child's assessment ('all': every child of the organisation). */
export async function latestRiskAssessments(
  db: Db,
  organisationId: string,
  people: 'all' | IdSet,
): Promise<Map<string, RiskAssessmentRow>> {
  if (people !== 'all' && noIds(people)) return new Map();
  const conditions = [eq(missingRiskAssessments.organisationId, organisationId)];
  if (people !== 'all') conditions.push(anyId(missingRiskAssessments.personId, people));
  const rows = await db
    .select()
    .from(missingRiskAssessments)
    .where(and(...conditions))
    .orderBy(asc(missingRiskAssessments.id));
  return new Map(rows.map((r) => [r.personId, r]));
}

/** Every save of a child's trigger plan, oldest first. */
export async function triggerPlansOf(db: Db, organisationId: string, personId: string) {
  return db
    .select()
    .from(missingTriggerPlans)
    .where(
      and(eq(missingTriggerPlans.organisationId, organisationId), eq(missingTriggerPlans.personId, personId)),
    )
    .orderBy(asc(missingTriggerPlans.id));
}
