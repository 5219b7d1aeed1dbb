/**
 * The case register's import queries: import jobs, references to check, and
 * applying an extract (the staging and merge statements are in
 * import-staging.ts). Identifiers come only from the SSD table descriptions
 * (ssd/spec.ts); values always travel as parameters.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../platform/db/client';
import { caseImports } from './import-schema';
import { REF_TARGETS, type RefKind } from './ssd/spec';
import type { Value } from './ssd/validate';

// ---- import jobs ------------------------------------------------------------

export type ImportRow = typeof caseImports.$inferSelect;
export type NewImportRow = typeof caseImports.$inferInsert;

export const RUNNING_STATUSES = ['queued', 'validating', 'applying'] as const;

export async function insertImport(db: Db, row: NewImportRow): Promise<string> {
  const [created] = await db.insert(caseImports).values(row).returning({ id: caseImports.id });
  return created!.id;
}

export async function updateImport(db: Db, id: string, patch: Partial<NewImportRow>): Promise<void> {
  await db.update(caseImports).set(patch).where(eq(caseImports.id, id));
}

export async function findImport(db: Db, organisationId: string, id: string): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(caseImports)
    .where(and(eq(caseImports.organisationId, organisationId), eq(caseImports.id, id)));
  return row;
}

export async function listImports(db: Db, organisationId: string, limit: number) {
  return db
    .select({
      id: caseImports.id,
      userName: sql<string | null>`(select name from users where users.id = ${caseImports.userId})`,
      origin: caseImports.origin,
      mode: caseImports.mode,
      status: caseImports.status,
      files: caseImports.files,
      added: caseImports.added,
      changed: caseImports.changed,
      closed: caseImports.closed,
      unchanged: caseImports.unchanged,
      errorCount: caseImports.errorCount,
      createdAt: caseImports.createdAt,
      finishedAt: caseImports.finishedAt,
    })
    .from(caseImports)
    .where(eq(caseImports.organisationId, organisationId))
    .orderBy(desc(caseImports.createdAt))
    .limit(limit);
}

/** A file as the import log keeps it; `digest` (import-same-files.ts) only for a file applied cleanly. */
export interface LoggedFile {
  name: string;
  table: string;
  rows: number;
  digest?: string;
  /** The same file as the last import's: not read, its rows counted as unchanged. */
  unread?: boolean;
}

/**
 * The organisation's last applied import: its mode and the files it logged
 * (import-same-files.ts). Undefined when there is none, or when two were
 * started at the same moment and which came last cannot be told.
 */
export async function lastAppliedImport(
  db: Db,
  organisationId: string,
): Promise<{ mode: string; files: LoggedFile[] } | undefined> {
  const [last, before] = await db
    .select({ mode: caseImports.mode, files: caseImports.files, createdAt: caseImports.createdAt })
    .from(caseImports)
    .where(and(eq(caseImports.organisationId, organisationId), eq(caseImports.status, 'applied')))
    .orderBy(desc(caseImports.createdAt))
    .limit(2);
  if (!last || before?.createdAt.getTime() === last.createdAt.getTime()) return undefined;
  return { mode: last.mode, files: last.files as LoggedFile[] };
}

// ---- references --------------------------------------------------------------

/**
 * Which of these SSD ids of a kind Oversight already holds, with the person
 * each belongs to (for records about a person).
 */
export async function lookupReferences(
  db: Db,
  organisationId: string,
  kind: RefKind,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  const target = REF_TARGETS[kind];
  const found = new Map<string, string | null>();
  for (let at = 0; at < ids.length; at += 5000) {
    const chunk = JSON.stringify(ids.slice(at, at + 5000));
    const table = sql.raw(target.table);
    const column = sql.raw(target.column);
    const rows = target.personal
      ? await rawRows<{ id: string; person: string | null }>(
          db,
          sql`select distinct t.${column} as id, p.source_id as person
              from ${table} t join case_people p on p.id = t.person_id
              where t.organisation_id = ${organisationId}
                and t.${column} in (select jsonb_array_elements_text(${chunk}::jsonb))`,
        )
      : await rawRows<{ id: string; person: string | null }>(
          db,
          sql`select t.${column} as id, ${kind === 'person' ? sql`t.source_id` : sql`null`} as person
              from ${table} t
              where t.organisation_id = ${organisationId}
                and t.${column} in (select jsonb_array_elements_text(${chunk}::jsonb))`,
        );
    for (const row of rows) found.set(row.id, row.person);
  }
  return found;
}

// ---- applying an extract -----------------------------------------------------

export interface ExistingRow {
  hash: string;
  closed: boolean;
}

/** Source ids of records made with Oversight's forms rather than imported. */
export const FORM_SOURCE_PREFIX = 'OVS-';

/** Rows read per query by existingRows: on the embedded database each query holds its one connection. */
const EXISTING_PAGE = 20_000;

/** How many open records of a table came from extracts (not Oversight's forms). */
export async function openImportedRecords(db: Db, table: string, organisationId: string): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.raw(table)}
        where organisation_id = ${organisationId} and closed_at is null
          and source_id not like ${`${FORM_SOURCE_PREFIX}%`}`,
  );
  return Number(row?.n ?? 0);
}

/**
 * The source ids already held for a table, with their digests, read a page
 * at a time (in source id order, along the unique index) so other requests
 * are answered between pages.
 */
export async function existingRows(
  db: Db,
  table: string,
  organisationId: string,
): Promise<Map<string, ExistingRow>> {
  const map = new Map<string, ExistingRow>();
  let after = '';
  for (;;) {
    const rows = await rawRows<{ source_id: string; row_hash: string; closed: boolean }>(
      db,
      // Records made with Oversight's own forms (source id OVS-...) are not the extract's: never closed by it.
      sql`select source_id, row_hash, closed_at is not null as closed from ${sql.raw(table)}
          where organisation_id = ${organisationId} and source_id > ${after}
            and source_id not like ${`${FORM_SOURCE_PREFIX}%`}
          order by source_id limit ${EXISTING_PAGE}`,
    );
    for (const r of rows) map.set(r.source_id, { hash: r.row_hash, closed: r.closed });
    if (rows.length < EXISTING_PAGE) return map;
    after = rows[rows.length - 1]!.source_id;
  }
}

let lastMs = 0;
let sequence = 0;
/** The id's first two groups for lastMs (the same for every row of a millisecond). */
let timePrefix = '';
/** Random bytes as hex, drawn a block at a time (one call per row cost more than the rest of the id). */
let randomHex = '';
let randomAt = 0;
/** The variant's first hex digit (binary 10xx) from a random hex digit. */
const VARIANT = '89ab89ab89ab89ab';

/**
 * A time-ordered UUID (version 7 layout) for a new row: consecutive inserts
 * land next to each other in the primary key index, which makes a large
 * import several times faster than random UUIDs on the embedded database.
 */
export function orderedUuid(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    sequence += 1;
    if (sequence > 0xfff) {
      lastMs += 1;
      sequence = 0;
      timePrefix = '';
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    sequence = 0;
    timePrefix = '';
  }
  if (!timePrefix) {
    const hex = ms.toString(16).padStart(12, '0');
    timePrefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7`;
  }
  if (randomAt + 16 > randomHex.length) {
    randomHex = randomBytes(8 * 4096).toString('hex');
    randomAt = 0;
  }
  const r = randomAt;
  randomAt += 16;
  const variant = VARIANT[Number.parseInt(randomHex[r]!, 16)]!;
  return `${timePrefix}${sequence.toString(16).padStart(3, '0')}-${variant}${randomHex.slice(r + 1, r + 4)}-${randomHex.slice(r + 4, r + 16)}`;
}

/** A value as an element of a PostgreSQL array literal: always quoted, so no text is misread. */
function arrayElement(value: Value | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** A column of values as a PostgreSQL array literal (one parameter, whatever the number of rows). */
export function arrayLiteral(values: ReadonlyArray<Value | undefined>): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += arrayElement(values[i]);
  }
  return `${out}}`;
}

/**
 * Refresh the planner's statistics after a load (the embedded database has no autovacuum to do it).
 * Inside a transaction, they count the rows it has written itself.
 */
export async function analyzeRegister(db: Db, tables: readonly string[]): Promise<void> {
  await db.execute(sql.raw(`analyze ${tables.join(', ')}`));
}

/** Close records a full extract no longer holds. */
export async function closeRecords(
  db: Db,
  table: string,
  organisationId: string,
  importId: string,
  sourceIds: readonly string[],
  at: Date,
): Promise<number> {
  let closed = 0;
  for (let i = 0; i < sourceIds.length; i += 5000) {
    const chunk = JSON.stringify(sourceIds.slice(i, i + 5000));
    const rows = await rawRows<{ n: number }>(
      db,
      sql`with c as (
            update ${sql.raw(table)} set closed_at = ${at.toISOString()}::timestamptz, closed_by_import_id = ${importId}::uuid
            where organisation_id = ${organisationId} and closed_at is null
              and source_id in (select jsonb_array_elements_text(${chunk}::jsonb))
            returning 1)
          select count(*)::int as n from c`,
    );
    closed += Number(rows[0]?.n ?? 0);
  }
  return closed;
}

/** Link workers to user accounts (email, or the user's source id) and SSD teams to Oversight teams. */
export async function relinkWorkforce(db: Db, organisationId: string): Promise<void> {
  await db.execute(sql`
    update case_workers w set user_id = u.id
    from users u
    where w.organisation_id = ${organisationId} and u.organisation_id = ${organisationId}
      and (lower(u.email) = lower(w.email) or u.source_id = w.source_id
           or (w.staff_id is not null and u.source_id = w.staff_id))
      and w.user_id is distinct from u.id`);
  await db.execute(sql`
    update case_teams ct set team_id = t.id
    from teams t
    where ct.organisation_id = ${organisationId} and t.organisation_id = ${organisationId}
      and (t.source_id = ct.source_id or lower(t.name) = lower(ct.name))
      and ct.team_id is distinct from t.id`);
}

/**
 * Derive each person's open case, service level and flags from their
 * episodes: looked after, then child protection, child in need, care leaver,
 * early help, private fostering (an open arrangement recorded in Oversight).
 */
export async function refreshPeopleSummaries(db: Db, organisationId: string, today: string): Promise<void> {
  await db.execute(sql`
    update case_people p set
      open_case = s.cla or s.cp or s.cin or s.cl or s.eh or s.pf,
      service_level = case when s.cla then 'looked_after' when s.cp then 'child_protection'
                           when s.cin then 'child_in_need' when s.cl then 'care_leaver'
                           when s.eh then 'early_help' when s.pf then 'private_fostering' else 'none' end,
      uasc = s.uasc,
      disabled = s.disabled
    from (
      select p2.id,
        exists (select 1 from case_cla_episodes e where e.person_id = p2.id and e.closed_at is null and e.ceased_date is null) as cla,
        exists (select 1 from case_cp_plans e where e.person_id = p2.id and e.closed_at is null and e.end_date is null) as cp,
        exists (select 1 from case_referrals e where e.person_id = p2.id and e.closed_at is null and e.close_date is null) as cin,
        exists (select 1 from case_care_leavers e where e.person_id = p2.id and e.closed_at is null
                and coalesce(e.in_touch, '') not in ('DIED', 'NREQ', 'RHOM')
                and coalesce(e.eligibility, '') <> 'No Current Eligibility') as cl,
        exists (select 1 from case_early_help_episodes e where e.person_id = p2.id and e.closed_at is null and e.end_date is null) as eh,
        exists (select 1 from private_fostering_arrangements e where e.person_id = p2.id and e.end_date is null) as pf,
        exists (select 1 from case_immigration_statuses e where e.person_id = p2.id and e.closed_at is null
                and (e.end_date is null or e.end_date >= ${today}::date)
                and (e.status ilike '%uasc%' or e.status ilike '%unaccompanied%')) as uasc,
        exists (select 1 from case_disabilities e where e.person_id = p2.id and e.closed_at is null and e.code <> 'NONE') as disabled
      from case_people p2 where p2.organisation_id = ${organisationId}
    ) s
    where p.id = s.id and p.organisation_id = ${organisationId}
      and (p.open_case, p.service_level, p.uasc, p.disabled) is distinct from
          (s.cla or s.cp or s.cin or s.cl or s.eh or s.pf,
           case when s.cla then 'looked_after' when s.cp then 'child_protection'
                when s.cin then 'child_in_need' when s.cl then 'care_leaver'
                when s.eh then 'early_help' when s.pf then 'private_fostering' else 'none' end,
           s.uasc, s.disabled)`);
}
