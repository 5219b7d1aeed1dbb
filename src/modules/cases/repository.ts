import { sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../platform/db/client';
import { allFields, type TableSpec } from './ssd/spec';

export * from './import-repository';

// ---- reading: scope ------------------------------------------------------------

/** How a list of children is limited to what the actor may see. */
export type ScopeFilter =
  | { kind: 'organisation' }
  | { kind: 'own'; userId: string }
  | { kind: 'team'; teamId: string }
  | { kind: 'assigned'; userId: string; at: Date }
  | { kind: 'none' };

/**
 * SQL condition on the person alias `p`. Today's allocations are those with no end date or ending
 * today or later, written as `coalesce(end_date, 'infinity')` so that a team's are read from its
 * index of them (case_involvements_team_today), not from every allocation the team ever had. A
 * worker's are few enough to read from case_involvements_worker.
 */
export function scopeCondition(scope: ScopeFilter, today: string) {
  switch (scope.kind) {
    case 'organisation':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'own':
      return sql`exists (select 1 from case_involvements i join case_workers w on w.id = i.worker_id
        where i.person_id = p.id and i.closed_at is null and i.start_date <= ${today}::date
          and coalesce(i.end_date, 'infinity'::date) >= ${today}::date and w.user_id = ${scope.userId}::uuid)`;
    case 'team':
      return sql`exists (select 1 from case_involvements i join case_teams ct on ct.id = i.case_team_id
        where i.person_id = p.id and i.closed_at is null and i.start_date <= ${today}::date
          and coalesce(i.end_date, 'infinity'::date) >= ${today}::date and ct.team_id = ${scope.teamId}::uuid)`;
    case 'assigned':
      return sql`exists (select 1 from case_access_grants g where g.person_id = p.id and g.user_id = ${scope.userId}::uuid
        and g.revoked_at is null and (g.starts_at is null or g.starts_at <= ${scope.at.toISOString()}::timestamptz)
        and (g.expires_at is null or g.expires_at > ${scope.at.toISOString()}::timestamptz))`;
  }
}

export interface ChildListRow {
  id: string;
  sourceId: string;
  forename: string | null;
  surname: string | null;
  dateOfBirth: string | null;
  sex: string | null;
  serviceLevel: string;
  openCase: boolean;
  uasc: boolean;
  workerName: string | null;
  workerUserId: string | null;
  teamName: string | null;
}

const currentAllocation = (today: string) => sql`
  left join lateral (
    select w.name as worker_name, w.user_id as worker_user_id, ct.name as team_name
    from case_involvements i
    left join case_workers w on w.id = i.worker_id
    left join case_teams ct on ct.id = i.case_team_id
    where i.person_id = p.id and i.closed_at is null and i.start_date <= ${today}::date
      and (i.end_date is null or i.end_date >= ${today}::date)
    order by i.start_date desc, i.source_id desc limit 1
  ) a on true`;

const childListColumns = sql`p.id, p.source_id as "sourceId", p.forename, p.surname,
  p.date_of_birth::text as "dateOfBirth", p.sex, p.service_level as "serviceLevel", p.open_case as "openCase",
  p.uasc, a.worker_name as "workerName", a.worker_user_id as "workerUserId", a.team_name as "teamName"`;

export interface ChildSearch {
  text?: string;
  dateOfBirth?: string;
  openOnly?: boolean;
  limit: number;
  offset: number;
}

/** Children matching a search, within scope: name words, the SSD person id, NHS number or UPN, date of birth. */
export async function searchPeople(
  db: Db,
  organisationId: string,
  scope: ScopeFilter,
  today: string,
  search: ChildSearch,
): Promise<{ rows: ChildListRow[]; total: number }> {
  const conditions = [
    sql`p.organisation_id = ${organisationId}`,
    sql`p.closed_at is null`,
    scopeCondition(scope, today),
  ];
  const text = search.text?.trim().toLowerCase();
  if (text) {
    const words = text.split(/\s+/).filter(Boolean).slice(0, 5);
    const nameMatch = sql.join(
      words.map((w) => sql`p.search_name like ${`%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`}`),
      sql` and `,
    );
    const compact = text.replace(/\s+/g, '');
    conditions.push(
      sql`((${nameMatch}) or lower(p.source_id) = ${text} or replace(p.nhs_number, ' ', '') = ${compact}
           or lower(p.upn) = ${compact} or lower(p.legacy_id) = ${text})`,
    );
  }
  if (search.dateOfBirth) conditions.push(sql`p.date_of_birth = ${search.dateOfBirth}::date`);
  if (search.openOnly) conditions.push(sql`p.open_case`);
  const where = sql.join(conditions, sql` and `);
  const [count] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from case_people p where ${where}`,
  );
  const rows = await rawRows<ChildListRow>(
    db,
    sql`select ${childListColumns} from case_people p ${currentAllocation(today)}
        where ${where} order by p.surname nulls last, p.forename nulls last, p.source_id
        limit ${search.limit} offset ${search.offset}`,
  );
  return { rows, total: Number(count?.n ?? 0) };
}

/** Children currently allocated to a user (through their worker record) or to a team; a page of them when asked. */
export async function allocatedChildren(
  db: Db,
  organisationId: string,
  scope: ScopeFilter,
  today: string,
  page?: { limit: number; offset: number },
): Promise<ChildListRow[]> {
  return rawRows<ChildListRow>(
    db,
    sql`select ${childListColumns} from case_people p ${currentAllocation(today)}
        where p.organisation_id = ${organisationId} and p.closed_at is null and ${scopeCondition(scope, today)}
        order by a.worker_name nulls last, p.surname nulls last, p.forename nulls last, p.id
        ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`,
  );
}

/** How many children are allocated to a user or a team now. */
export async function allocatedCount(db: Db, organisationId: string, scope: ScopeFilter, today: string) {
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from case_people p
        where p.organisation_id = ${organisationId} and p.closed_at is null and ${scopeCondition(scope, today)}`,
  );
  return Number(row?.n ?? 0);
}

/** Who holds the child now: the users of their current workers, the platform teams, assigned users. */
export async function ownership(
  db: Db,
  organisationId: string,
  personId: string,
  today: string,
  at: Date,
): Promise<{ exists: boolean; workerUserIds: string[]; teamIds: string[]; assignedUserIds: string[] }> {
  const [person] = await rawRows<{ id: string }>(
    db,
    sql`select id from case_people where id = ${personId}::uuid and organisation_id = ${organisationId}`,
  );
  if (!person) return { exists: false, workerUserIds: [], teamIds: [], assignedUserIds: [] };
  const allocations = await rawRows<{ user_id: string | null; team_id: string | null }>(
    db,
    sql`select w.user_id, ct.team_id from case_involvements i
        left join case_workers w on w.id = i.worker_id
        left join case_teams ct on ct.id = i.case_team_id
        where i.person_id = ${personId}::uuid and i.closed_at is null and i.start_date <= ${today}::date
          and (i.end_date is null or i.end_date >= ${today}::date)`,
  );
  const grants = await rawRows<{ user_id: string }>(
    db,
    sql`select user_id from case_access_grants
        where organisation_id = ${organisationId} and person_id = ${personId}::uuid and revoked_at is null
        and (starts_at is null or starts_at <= ${at.toISOString()}::timestamptz)
        and (expires_at is null or expires_at > ${at.toISOString()}::timestamptz)`,
  );
  return {
    exists: true,
    workerUserIds: allocations.flatMap((a) => (a.user_id ? [a.user_id] : [])),
    teamIds: allocations.flatMap((a) => (a.team_id ? [a.team_id] : [])),
    assignedUserIds: grants.map((g) => g.user_id),
  };
}

// ---- reading: one child ----------------------------------------------------------

/** The columns of a table's SSD fields, calendar dates as YYYY-MM-DD text. */
export function fieldColumns(spec: TableSpec, alias = 't'): string {
  const columns = allFields(spec)
    .filter((f) => f.resolve !== 'person')
    .map((f) =>
      f.type.kind === 'date' ? `${alias}.${f.column}::text as ${f.column}` : `${alias}.${f.column}`,
    );
  return [`${alias}.id`, ...columns, `${alias}.closed_at`].join(', ');
}

/** Rows of one table for one person (current records only unless asked), snake_case keys. */
export async function personRows<T>(
  db: Db,
  spec: TableSpec,
  personId: string,
  options: { includeClosed?: boolean; orderBy: string },
): Promise<T[]> {
  return rawRows<T>(
    db,
    sql`select ${sql.raw(fieldColumns(spec))} from ${sql.raw(spec.table)} t where t.person_id = ${personId}::uuid
        ${options.includeClosed ? sql`` : sql`and t.closed_at is null`}
        order by ${sql.raw(options.orderBy)}`,
  );
}

export async function personRecord<T>(db: Db, spec: TableSpec, organisationId: string, personId: string) {
  const [row] = await rawRows<T>(
    db,
    sql`select ${sql.raw(fieldColumns(spec))}, t.open_case, t.service_level, t.uasc, t.disabled
        from case_people t where t.id = ${personId}::uuid and t.organisation_id = ${organisationId}`,
  );
  return row;
}

export interface InvolvementRow {
  id: string;
  source_id: string;
  role: string | null;
  start_date: string;
  end_date: string | null;
  change_reason: string | null;
  worker_id: string | null;
  worker_name: string | null;
  worker_user_id: string | null;
  case_team_id: string | null;
  team_name: string | null;
  team_id: string | null;
}

export async function involvementsOf(db: Db, personId: string): Promise<InvolvementRow[]> {
  return rawRows<InvolvementRow>(
    db,
    sql`select i.id, i.source_id, i.role, i.start_date::text, i.end_date::text, i.change_reason,
          i.worker_id, w.name as worker_name, w.user_id as worker_user_id,
          i.case_team_id, ct.name as team_name, ct.team_id
        from case_involvements i
        left join case_workers w on w.id = i.worker_id
        left join case_teams ct on ct.id = i.case_team_id
        where i.person_id = ${personId}::uuid and i.closed_at is null
        order by i.start_date, i.source_id`,
  );
}

/** Names of the workers with these SSD ids (the ids episodes carry as text), by id. */
export async function workerNames(
  db: Db,
  organisationId: string,
  sourceIds: readonly string[],
): Promise<Map<string, string>> {
  if (sourceIds.length === 0) return new Map();
  const workers = await rawRows<{ source_id: string; name: string }>(
    db,
    sql`select source_id, name from case_workers
        where organisation_id = ${organisationId} and source_id in ${[...new Set(sourceIds)]}`,
  );
  return new Map(workers.map((w) => [w.source_id, w.name]));
}

// ---- reading: facts for the compliance engine ----------------------------------

/** Rows of a table for every person with an open case (or the given people), optionally only since a date. */
export async function openCaseRows<T>(
  db: Db,
  organisationId: string,
  table: string,
  columns: string,
  options: { personIds?: readonly string[]; dateColumn?: string; since?: string; where?: string },
): Promise<T[]> {
  const people = options.personIds
    ? sql`p.id in (select (jsonb_array_elements_text(${JSON.stringify(options.personIds)}::jsonb))::uuid)`
    : sql`p.open_case`;
  const since =
    options.since && options.dateColumn
      ? sql`and (t.${sql.raw(options.dateColumn)} is null or t.${sql.raw(options.dateColumn)} >= ${options.since}::date)`
      : sql``;
  // One JSON array built by the database: far cheaper than one result row per record for a large caseload.
  const [result] = await rawRows<{ rows: T[] | string | null }>(
    db,
    sql`select json_agg(q) as rows from (
          select t.person_id, ${sql.raw(columns)} from ${sql.raw(table)} t
          join case_people p on p.id = t.person_id
          where p.organisation_id = ${organisationId} and p.closed_at is null and ${people}
            and t.closed_at is null ${since} ${sql.raw(options.where ?? '')}) q`,
  );
  const rows = result?.rows ?? [];
  return typeof rows === 'string' ? (JSON.parse(rows) as T[]) : rows;
}

export async function openCasePeople(
  db: Db,
  organisationId: string,
  personIds?: readonly string[],
): Promise<Array<{ id: string; source_id: string; date_of_birth: string | null; service_level: string }>> {
  const people = personIds
    ? sql`p.id in (select (jsonb_array_elements_text(${JSON.stringify(personIds)}::jsonb))::uuid)`
    : sql`p.open_case`;
  return rawRows(
    db,
    sql`select p.id, p.source_id, p.date_of_birth::text, p.service_level from case_people p
        where p.organisation_id = ${organisationId} and p.closed_at is null and ${people}`,
  );
}

export async function openCaseAllocations(
  db: Db,
  organisationId: string,
  personIds?: readonly string[],
): Promise<
  Array<{
    person_id: string;
    worker_id: string | null;
    user_id: string | null;
    case_team_id: string | null;
    team_id: string | null;
    start_date: string;
    end_date: string | null;
  }>
> {
  const people = personIds
    ? sql`p.id in (select (jsonb_array_elements_text(${JSON.stringify(personIds)}::jsonb))::uuid)`
    : sql`p.open_case`;
  return rawRows(
    db,
    sql`select i.person_id, i.worker_id, w.user_id, i.case_team_id, ct.team_id,
          i.start_date::text, i.end_date::text
        from case_involvements i
        join case_people p on p.id = i.person_id
        left join case_workers w on w.id = i.worker_id
        left join case_teams ct on ct.id = i.case_team_id
        where p.organisation_id = ${organisationId} and p.closed_at is null and ${people} and i.closed_at is null
        order by i.person_id, i.start_date`,
  );
}

// ---- workers and access grants -----------------------------------------------------

export async function workersOf(db: Db, organisationId: string) {
  return rawRows<{
    id: string;
    source_id: string;
    name: string;
    job_title: string | null;
    user_id: string | null;
    team_name: string | null;
    team_id: string | null;
    open_allocations: number;
  }>(
    db,
    sql`select w.id, w.source_id, w.name, w.job_title, w.user_id,
          (select ct.name from case_involvements i join case_teams ct on ct.id = i.case_team_id
           where i.worker_id = w.id and i.closed_at is null order by i.start_date desc limit 1) as team_name,
          (select ct.team_id from case_involvements i join case_teams ct on ct.id = i.case_team_id
           where i.worker_id = w.id and i.closed_at is null order by i.start_date desc limit 1) as team_id,
          (select count(*)::int from case_involvements i where i.worker_id = w.id and i.closed_at is null
           and i.end_date is null) as open_allocations
        from case_workers w where w.organisation_id = ${organisationId} and w.closed_at is null
        order by w.name`,
  );
}

export async function insertAccessGrant(
  db: Db,
  row: {
    organisationId: string;
    personId: string;
    userId: string;
    reason: string;
    grantedAt: Date;
    expiresAt: Date | null;
  },
): Promise<number> {
  const [created] = await rawRows<{ id: number }>(
    db,
    sql`insert into case_access_grants (organisation_id, person_id, user_id, reason, granted_at, expires_at)
        values (${row.organisationId}::uuid, ${row.personId}::uuid, ${row.userId}::uuid, ${row.reason},
                ${row.grantedAt.toISOString()}::timestamptz, ${row.expiresAt?.toISOString() ?? null}::timestamptz)
        returning id`,
  );
  return Number(created!.id);
}

/** Grants for many children of the organisation at once (unknown ids are skipped); how many were made. */
export async function insertAccessGrants(
  db: Db,
  row: {
    organisationId: string;
    personIds: readonly string[];
    userId: string;
    reason: string;
    grantedAt: Date;
    startsAt?: Date | null;
    expiresAt: Date | null;
  },
): Promise<number> {
  if (!row.personIds.length) return 0;
  const made = await rawRows<{ id: number }>(
    db,
    sql`insert into case_access_grants (organisation_id, person_id, user_id, reason, granted_at, starts_at, expires_at)
        select ${row.organisationId}::uuid, p.id, ${row.userId}::uuid, ${row.reason},
               ${row.grantedAt.toISOString()}::timestamptz, ${row.startsAt?.toISOString() ?? null}::timestamptz,
               ${row.expiresAt?.toISOString() ?? null}::timestamptz
        from case_people p
        where p.organisation_id = ${row.organisationId}::uuid
          and p.id = any(${`{${row.personIds.join(',')}}`}::uuid[])
        returning id`,
  );
  return made.length;
}

export async function revokeAccessGrants(
  db: Db,
  organisationId: string,
  personId: string,
  userId: string,
  at: Date,
): Promise<number> {
  const rows = await rawRows<{ id: number }>(
    db,
    sql`update case_access_grants set revoked_at = ${at.toISOString()}::timestamptz
        where organisation_id = ${organisationId}::uuid and person_id = ${personId}::uuid
          and user_id = ${userId}::uuid and revoked_at is null returning id`,
  );
  return rows.length;
}

/** Counts of current register rows for an organisation, by table (tests and the import page). */
export async function registerCounts(db: Db, organisationId: string, tables: readonly string[]) {
  const counts: Record<string, { open: number; closed: number }> = {};
  for (const table of tables) {
    const [row] = await rawRows<{ open: number; closed: number }>(
      db,
      sql`select count(*) filter (where closed_at is null)::int as open, count(*) filter (where closed_at is not null)::int as closed
          from ${sql.raw(table)} where organisation_id = ${organisationId}`,
    );
    counts[table] = { open: Number(row?.open ?? 0), closed: Number(row?.closed ?? 0) };
  }
  return counts;
}

// ---- names and links for other modules ------------------------------------------

export async function workerIdsOfUser(db: Db, organisationId: string, userId: string): Promise<string[]> {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select id from case_workers where organisation_id = ${organisationId} and user_id = ${userId}::uuid`,
  );
  return rows.map((r) => r.id);
}

export async function namesOfPeople(db: Db, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return rawRows<{ id: string; forename: string | null; surname: string | null; source_id: string }>(
    db,
    sql`select id, forename, surname, source_id from case_people where organisation_id = ${organisationId}
        and id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`,
  );
}

/** Who the children are, for aggregate breakdowns (age, sex, ethnicity, UASC). */
export async function demographicsOfPeople(db: Db, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return rawRows<{
    id: string;
    date_of_birth: string | null;
    sex: string | null;
    ethnicity: string | null;
    uasc: boolean;
  }>(
    db,
    sql`select id, date_of_birth::text as date_of_birth, sex, ethnicity, uasc from case_people
        where organisation_id = ${organisationId}
        and id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`,
  );
}

export async function namesOfWorkers(db: Db, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return rawRows<{ id: string; name: string }>(
    db,
    sql`select id, name from case_workers where organisation_id = ${organisationId}
        and id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`,
  );
}

/** Workers with a current allocation in a team, or whose account belongs to it. */
export async function workersInTeam(db: Db, organisationId: string, teamId: string | null) {
  return rawRows<{ id: string; name: string; user_id: string | null }>(
    db,
    sql`select w.id, w.name, w.user_id from case_workers w
        where w.organisation_id = ${organisationId} and w.closed_at is null and (
          ${
            teamId === null
              ? sql`true`
              : // Open-ended allocations in the team, read once (case_involvements_current), not per worker.
                sql`w.id in (select i.worker_id from case_involvements i join case_teams ct on ct.id = i.case_team_id
            where i.organisation_id = ${organisationId} and i.closed_at is null and ct.team_id = ${teamId}::uuid
              and i.end_date is null and i.worker_id is not null)
          or exists (select 1 from users u where u.id = w.user_id and u.team_id = ${teamId}::uuid)`
          })
        order by w.name`,
  );
}

export async function workerUserLinks(db: Db, organisationId: string) {
  return rawRows<{ id: string; user_id: string }>(
    db,
    sql`select id, user_id from case_workers where organisation_id = ${organisationId} and user_id is not null`,
  );
}

export async function organisationsByCode(db: Db, code?: string) {
  return rawRows<{ id: string; code: string; name: string }>(
    db,
    sql`select id, code, name from organisations ${code ? sql`where lower(code) = lower(${code})` : sql``} order by code`,
  );
}
