/**
 * The child's record in one round trip: the person's current rows of every
 * register table, each table's rows as one JSON array, ordered as the record
 * shows them. A query a table (about two dozen) made the record the slowest
 * page on a PostgreSQL server, where each query is a round trip.
 */
import { sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../platform/db/client';
import type { InvolvementRow } from './repository';
import { allFields, TABLES_BY_NAME, type TableSpec } from './ssd/spec';

/** One table of the record: its rows come back under `key`, ordered by `orderBy` (columns of the table). */
export interface RecordSet {
  key: string;
  spec: TableSpec;
  orderBy: string;
}

/**
 * The columns of a table's SSD fields as the single-table query returns them: calendar dates (and
 * the date of a date and time) and the closing moment as text, so that rows read through JSON have
 * the same values and types as rows read directly.
 */
function jsonColumns(spec: TableSpec): string {
  const columns = allFields(spec)
    .filter((f) => f.resolve !== 'person')
    .map((f) =>
      f.type.kind === 'date' || f.type.kind === 'datetime'
        ? `t.${f.column}::text as ${f.column}`
        : `t.${f.column}`,
    );
  return ['t.id', ...columns, 't.closed_at::text as closed_at'].join(', ');
}

/** The register tables the record shows, in the order each is listed (one query for them all). */
export const RECORD_SETS: readonly RecordSet[] = (
  [
    ['referrals', 'ssd_cin_episodes', 'referral_date, source_id'],
    ['assessments', 'ssd_cin_assessments', 'start_date, source_id'],
    ['s47Enquiries', 'ssd_s47_enquiry', 'start_date, source_id'],
    ['initialConferences', 'ssd_initial_cp_conference', 'conference_date, source_id'],
    ['cpPlans', 'ssd_cp_plans', 'start_date, source_id'],
    ['cpReviews', 'ssd_cp_reviews', 'review_date nulls last, source_id'],
    ['cpVisits', 'ssd_cp_visits', 'visit_date, source_id'],
    ['cinPlans', 'ssd_cin_plans', 'start_date, source_id'],
    ['cinVisits', 'ssd_cin_visits', 'visit_date, source_id'],
    ['claEpisodes', 'ssd_cla_episodes', 'start_date, source_id'],
    ['placements', 'ssd_cla_placement', 'start_date, source_id'],
    ['claReviews', 'ssd_cla_reviews', 'review_date nulls last, source_id'],
    ['claVisits', 'ssd_cla_visits', 'visit_date, source_id'],
    ['health', 'ssd_cla_health', 'check_date, source_id'],
    ['peps', 'ext_cla_pep', 'pep_date, source_id'],
    ['careLeaver', 'ssd_care_leavers', 'source_id'],
    ['missing', 'ssd_missing', 'start_date, source_id'],
    ['earlyHelp', 'ssd_early_help_episodes', 'start_date, source_id'],
    ['contacts', 'ssd_contacts', 'contact_date, source_id'],
    ['legalStatuses', 'ssd_legal_status', 'start_date, source_id'],
    ['immigrationStatuses', 'ssd_immigration_status', 'start_date nulls first, source_id'],
    ['disabilities', 'ssd_disability', 'source_id'],
  ] as const
).map(([key, ssd, orderBy]) => ({ key, spec: TABLES_BY_NAME.get(ssd)!, orderBy }));

/** The current rows of one table for one person, as a JSON array in the record's order. */
function setQuery(set: RecordSet, organisationId: string, personId: string) {
  return sql`(select coalesce(json_agg(x order by ${sql.raw(set.orderBy)}), '[]'::json)
      from (select ${sql.raw(jsonColumns(set.spec))} from ${sql.raw(set.spec.table)} t
            where t.organisation_id = ${organisationId} and t.person_id = ${personId}::uuid
              and t.closed_at is null) x)`;
}

/**
 * Every set's current rows and the person's involvements (with worker and team names), in one
 * query. Keys are snake_case, as the single-table queries give them.
 */
export async function personRecordSets(
  db: Db,
  organisationId: string,
  personId: string,
  sets: readonly RecordSet[],
): Promise<{ involvements: InvolvementRow[]; sets: Record<string, Array<Record<string, unknown>>> }> {
  const involvements = sql`(select coalesce(json_agg(x order by x.start_date, x.source_id), '[]'::json)
      from (select i.id, i.source_id, i.role, i.start_date::text as start_date, i.end_date::text as end_date,
                   i.change_reason, i.worker_id, w.name as worker_name, w.user_id as worker_user_id,
                   i.case_team_id, ct.name as team_name, ct.team_id
            from case_involvements i
            left join case_workers w on w.id = i.worker_id
            left join case_teams ct on ct.id = i.case_team_id
            where i.organisation_id = ${organisationId} and i.person_id = ${personId}::uuid
              and i.closed_at is null) x)`;
  const columns = sets.map(
    (s, i) => sql`${setQuery(s, organisationId, personId)} as ${sql.identifier(`s${i}`)}`,
  );
  const [row] = await rawRows<Record<string, unknown>>(
    db,
    sql`select ${involvements} as involvements, ${sql.join(columns, sql`, `)}`,
  );
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? []));
  const out: Record<string, Array<Record<string, unknown>>> = {};
  sets.forEach((s, i) => {
    out[s.key] = parse(row?.[`s${i}`]);
  });
  return { involvements: parse(row?.involvements), sets: out };
}
