import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { planActions } from './schema';
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
