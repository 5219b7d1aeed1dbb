import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { planActions, plans } from './schema';
import { COMPLETE } from './vocab';

/** Plans holding at least one red action, or one past its end date and not complete: one grouped query. */
export async function planIdsWithRedOrOverdue(
  db: Db,
  organisationId: string,
  today: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ planId: planActions.homePlanId })
    .from(planActions)
    .where(
      and(
        eq(planActions.organisationId, organisationId),
        or(
          eq(planActions.rag, 'red'),
          and(ne(planActions.rag, COMPLETE), lt(planActions.endDate, sql`${today}::date`)),
        ),
      ),
    );
  return rows.map((r) => r.planId);
}

/** Every action not yet complete, with its plan's monitoring frequency: one query, for the stale-actions list. */
export async function incompleteActions(db: Db, organisationId: string) {
  return db
    .select({
      id: planActions.id,
      reference: planActions.reference,
      action: planActions.action,
      planId: planActions.homePlanId,
      rag: planActions.rag,
      endDate: planActions.endDate,
      ragReviewedOn: planActions.ragReviewedOn,
      addedOn: planActions.addedOn,
      monitoringFrequency: plans.monitoringFrequency,
    })
    .from(planActions)
    .innerJoin(plans, and(eq(plans.id, planActions.homePlanId), eq(plans.organisationId, organisationId)))
    .where(and(eq(planActions.organisationId, organisationId), ne(planActions.rag, COMPLETE)));
}
