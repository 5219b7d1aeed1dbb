import { and, count, eq, gt, inArray, max, sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../platform/db/client';
import { caseImports } from './import-schema';

/** Import outcomes that need someone to look: the extract was refused, or writing it failed. */
export const PROBLEM_STATUSES = ['failed', 'rejected'] as const;

/** Imports that failed or were rejected after the latest import that was applied. */
export async function importProblemCount(db: Db, organisationId: string): Promise<number> {
  const lastApplied = db
    .select({ at: max(caseImports.createdAt) })
    .from(caseImports)
    .where(and(eq(caseImports.organisationId, organisationId), eq(caseImports.status, 'applied')));
  const [row] = await db
    .select({ n: count() })
    .from(caseImports)
    .where(
      and(
        eq(caseImports.organisationId, organisationId),
        inArray(caseImports.status, [...PROBLEM_STATUSES]),
        gt(caseImports.createdAt, sql`coalesce((${lastApplied}), '-infinity'::timestamptz)`),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Whose open cases a count covers: the organisation's, a team's (by current allocation) or one person's. */
export type ViewsDueScope =
  | { kind: 'organisation' }
  | { kind: 'team'; teamId: string }
  | { kind: 'own'; userId: string };

/**
 * How many open cases in scope have the child's views last recorded before
 * `since` (or never, up to today): one count. The organisation needs no
 * allocation; a team or a person reads the current allocation of only the
 * children they hold one of, not of every child.
 */
export async function countViewsDue(
  db: Db,
  organisationId: string,
  today: string,
  since: string,
  scope: ViewsDueScope,
): Promise<number> {
  // The few children with recent views, hashed once (not in), rather than a search per open case.
  const noRecentViews = sql`p.organisation_id = ${organisationId} and p.closed_at is null and p.open_case
    and p.id not in (select v.person_id from case_voice_records v where v.organisation_id = ${organisationId}
      and v.recorded_on >= ${since}::date and v.recorded_on <= ${today}::date)`;
  if (scope.kind === 'organisation') {
    const [row] = await rawRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from case_people p where ${noRecentViews}`,
    );
    return Number(row?.n ?? 0);
  }
  const current = sql`i.organisation_id = ${organisationId} and i.closed_at is null and i.start_date <= ${today}::date
    and coalesce(i.end_date, 'infinity'::date) >= ${today}::date`;
  const held =
    scope.kind === 'team'
      ? sql`select i.person_id from case_involvements i join case_teams ct on ct.id = i.case_team_id
            where ${current} and ct.team_id = ${scope.teamId}::uuid`
      : sql`select i.person_id from case_involvements i join case_workers w on w.id = i.worker_id
            where ${current} and w.user_id = ${scope.userId}::uuid`;
  const mine =
    scope.kind === 'team'
      ? sql`a.team_id = ${scope.teamId}::uuid`
      : sql`a.worker_user_id = ${scope.userId}::uuid`;
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`with current_allocation as (
          select distinct on (i.person_id) i.person_id, w.user_id as worker_user_id, ct.team_id
          from case_involvements i
          left join case_workers w on w.id = i.worker_id
          left join case_teams ct on ct.id = i.case_team_id
          where ${current} and i.person_id in (${held})
          order by i.person_id, i.start_date desc, i.source_id desc
        )
        select count(*)::int as n from case_people p join current_allocation a on a.person_id = p.id
        where ${noRecentViews} and ${mine}`,
  );
  return Number(row?.n ?? 0);
}
