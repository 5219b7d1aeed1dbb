/**
 * For the missing module: what it needs to know of each child an episode
 * belongs to (date of birth; periods looked after, on a child protection
 * plan, under a section 47 enquiry), in one query, rather than every case
 * table's facts. Organisation-level read: the caller scopes and audits what it
 * shows.
 */
import { sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../platform/db/client';

export interface ChildPeriods {
  personId: string;
  dateOfBirth: string | null;
  /** Periods of care join the episodes sharing a CLA id (from entering care to the last ceased, open if any is). */
  periods: Array<{
    type: 'looked_after' | 'child_protection_plan' | 's47';
    start: string;
    end: string | null;
  }>;
}

/** The children's dates of birth and safeguarding periods; children not found (or closed) are absent. */
export async function childPeriods(
  db: Db,
  organisationId: string,
  personIds: readonly string[],
): Promise<Map<string, ChildPeriods>> {
  const result = new Map<string, ChildPeriods>();
  if (!personIds.length) return result;
  const rows = await rawRows<{
    person_id: string;
    date_of_birth: string | null;
    type: ChildPeriods['periods'][number]['type'] | null;
    start: string | null;
    end: string | null;
  }>(
    db,
    sql`with p as (
          select p.id, p.date_of_birth from case_people p
          where p.organisation_id = ${organisationId} and p.closed_at is null
            and p.id in (select (jsonb_array_elements_text(${JSON.stringify(personIds)}::jsonb))::uuid)
        ), periods as (
          select t.person_id, 'looked_after' as type,
            min(least(coalesce(t.entered_care_date, t.start_date), t.start_date)) as start,
            case when bool_or(t.ceased_date is null) then null else max(t.ceased_date) end as "end"
          from case_cla_episodes t join p on p.id = t.person_id
          where t.organisation_id = ${organisationId} and t.closed_at is null
          group by t.person_id, t.cla_source_id
          union all
          select t.person_id, 'child_protection_plan', t.start_date, t.end_date
          from case_cp_plans t join p on p.id = t.person_id
          where t.organisation_id = ${organisationId} and t.closed_at is null
          union all
          select t.person_id, 's47', t.start_date, t.end_date
          from case_s47_enquiries t join p on p.id = t.person_id
          where t.organisation_id = ${organisationId} and t.closed_at is null
        )
        select p.id as person_id, p.date_of_birth::text, x.type, x.start::text, x."end"::text
        from p left join periods x on x.person_id = p.id`,
  );
  for (const r of rows) {
    let child = result.get(r.person_id);
    if (!child) {
      child = { personId: r.person_id, dateOfBirth: r.date_of_birth, periods: [] };
      result.set(r.person_id, child);
    }
    if (r.type && r.start) child.periods.push({ type: r.type, start: r.start, end: r.end });
  }
  return result;
}
