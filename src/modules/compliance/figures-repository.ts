/**
 * The stored figures the dashboards read (compliance_open_counts and
 * compliance_month_counts): kept in step with compliance_tasks inside the
 * transaction that rewrites it, and read instead of counting every task when
 * a count asks only for what they hold.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { anyId } from '../../platform/db/any-id';
import type { Db } from '../../platform/db/client';
import { rawRows } from '../../platform/db/client';
import { complianceMonthCounts, complianceOpenCounts } from './schema';

/** The statuses of open work: what compliance_open_counts holds, for open episodes only. */
export const OPEN_COUNTED = ['overdue', 'due-soon', 'upcoming'] as const;
/** The statuses of tasks that fell due: what compliance_month_counts holds. */
export const MONTH_COUNTED = ['done', 'done-late', 'overdue'] as const;

function taskScope(organisationId: string, personIds: readonly string[]): SQL {
  return sql`t.organisation_id = ${organisationId} and ${anyId(sql`t.person_id`, personIds)}`;
}

/**
 * Add (sign 1) or take away (sign -1) the tasks of these children to the
 * stored figures. Taken away before their tasks are deleted,
 * added after the new ones are written: the figures then match the tasks.
 */
export async function adjustFigures(
  db: Db,
  organisationId: string,
  personIds: readonly string[],
  sign: 1 | -1,
): Promise<void> {
  const scope = taskScope(organisationId, personIds);
  await db.execute(
    sql`insert into compliance_open_counts as c
          (organisation_id, status, service_level, task_type, team_id, worker_id, n)
        select t.organisation_id, t.status, t.service_level, t.task_type, t.team_id, t.worker_id, ${sign}::int * count(*)::int
        from compliance_tasks t
        where ${scope} and t.episode_open and t.status in ('overdue', 'due-soon', 'upcoming')
        group by t.organisation_id, t.status, t.service_level, t.task_type, t.team_id, t.worker_id
        on conflict on constraint compliance_open_counts_key do update set n = c.n + excluded.n`,
  );
  await db.execute(
    sql`insert into compliance_month_counts as c (organisation_id, month, status, n)
        select t.organisation_id, to_char(t.due, 'YYYY-MM'), t.status, ${sign}::int * count(*)::int
        from compliance_tasks t
        where ${scope} and t.status in ('done', 'done-late', 'overdue')
        group by t.organisation_id, to_char(t.due, 'YYYY-MM'), t.status
        on conflict on constraint compliance_month_counts_key do update set n = c.n + excluded.n`,
  );
  if (sign === -1) {
    await db
      .delete(complianceOpenCounts)
      .where(and(eq(complianceOpenCounts.organisationId, organisationId), eq(complianceOpenCounts.n, 0)));
    await db
      .delete(complianceMonthCounts)
      .where(and(eq(complianceMonthCounts.organisationId, organisationId), eq(complianceMonthCounts.n, 0)));
  }
}

export type FigureKey = 'status' | 'taskType' | 'serviceLevel' | 'teamId' | 'workerId';

export interface OpenFilter {
  organisationId: string;
  statuses: readonly string[];
  taskTypes?: readonly string[];
  serviceLevels?: readonly string[];
  teamIds?: readonly string[];
  workerIds?: readonly string[];
}

/** Open tasks counted from the stored figures, grouped by the given keys. */
export async function openCounts(
  db: Db,
  f: OpenFilter,
  by: readonly FigureKey[],
): Promise<Array<Record<FigureKey, string | null> & { n: number }>> {
  const cols = {
    status: complianceOpenCounts.status,
    taskType: complianceOpenCounts.taskType,
    serviceLevel: complianceOpenCounts.serviceLevel,
    teamId: complianceOpenCounts.teamId,
    workerId: complianceOpenCounts.workerId,
  } as const;
  const selection = Object.fromEntries(by.map((k) => [k, cols[k]]));
  const rows = await db
    .select({ ...selection, n: sql<number>`coalesce(sum(${complianceOpenCounts.n}), 0)::int` })
    .from(complianceOpenCounts)
    .where(
      and(
        eq(complianceOpenCounts.organisationId, f.organisationId),
        inArray(complianceOpenCounts.status, [...f.statuses]),
        f.taskTypes?.length ? inArray(complianceOpenCounts.taskType, [...f.taskTypes]) : undefined,
        f.serviceLevels?.length
          ? inArray(complianceOpenCounts.serviceLevel, [...f.serviceLevels])
          : undefined,
        f.teamIds?.length ? inArray(complianceOpenCounts.teamId, [...f.teamIds]) : undefined,
        f.workerIds?.length ? inArray(complianceOpenCounts.workerId, [...f.workerIds]) : undefined,
      ),
    )
    .groupBy(...by.map((k) => cols[k]));
  // Like a count of the tasks: one row when there are no keys, and no group that counts nothing.
  const counted = rows.map((r) => ({
    ...(r as unknown as Record<FigureKey, string | null>),
    n: Number(r.n),
  }));
  return by.length ? counted.filter((r) => r.n > 0) : counted;
}

/** Tasks falling due by month from the stored figures: all of them, and those done on time. */
export async function monthCounts(
  db: Db,
  organisationId: string,
): Promise<Array<{ month: string; due: number; onTime: number }>> {
  const rows = await rawRows<{ month: string; due: number; onTime: number }>(
    db,
    sql`select month, sum(n)::int as due, coalesce(sum(n) filter (where status = 'done'), 0)::int as "onTime"
        from compliance_month_counts where organisation_id = ${organisationId}
        group by month having sum(n) > 0 order by month`,
  );
  return rows.map((r) => ({ month: r.month, due: Number(r.due), onTime: Number(r.onTime) }));
}

/** The same figures counted from the tasks themselves: what the stored ones must always equal (tests). */
export async function countedFromTasks(db: Db, organisationId: string) {
  const open = await rawRows<Record<string, string | number | null>>(
    db,
    sql`select status, service_level, task_type, team_id, worker_id, count(*)::int as n from compliance_tasks t
        where t.organisation_id = ${organisationId} and t.episode_open and t.status in ('overdue', 'due-soon', 'upcoming')
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );
  const months = await rawRows<Record<string, string | number>>(
    db,
    sql`select to_char(due, 'YYYY-MM') as month, status, count(*)::int as n from compliance_tasks t
        where t.organisation_id = ${organisationId} and t.status in ('done', 'done-late', 'overdue')
        group by 1, 2 order by 1, 2`,
  );
  return { open, months };
}

/** The stored figures, in the same shape as countedFromTasks (tests). */
export async function storedFigures(db: Db, organisationId: string) {
  const open = await rawRows<Record<string, string | number | null>>(
    db,
    sql`select status, service_level, task_type, team_id, worker_id, n from compliance_open_counts
        where organisation_id = ${organisationId} order by 1, 2, 3, 4, 5`,
  );
  const months = await rawRows<Record<string, string | number>>(
    db,
    sql`select month, status, n from compliance_month_counts
        where organisation_id = ${organisationId} order by 1, 2`,
  );
  return { open, months };
}
