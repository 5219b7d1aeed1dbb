/**
 * Staging: how an import's checked rows reach the register without holding
 * the database for long (see importer.ts).
 *
 * 1. openStagingWriter: the rows to write go into case_import_staging with
 *    COPY, keyed by the import (import-copy.ts). On the embedded database (one
 *    connection) each chunk is a statement that commits on its own, so other
 *    people's requests run between chunks; on a server each file is one COPY
 *    on a connection of its own. Pages never read staging, so nobody sees a
 *    half import.
 * 2. mergeStaged: in the import's one final transaction, a single set-based
 *    INSERT ... SELECT ... ON CONFLICT per table moves the staged rows into
 *    the register, resolving references (person, worker, team) by join.
 * 3. clearStaging: the import's rows are removed when it ends, whatever the
 *    outcome; sweepStaging removes what an import killed mid-way left.
 *
 * Identifiers come only from the SSD table descriptions (ssd/spec.ts);
 * values always travel as parameters.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Db, rawRows } from '../../platform/db/client';
import { EmbeddedClient } from '../../platform/db/embedded-client';
import type { StagingWriter } from './import-copy';
import { embeddedStagingWriter } from './import-copy-embedded';
import { serverStagingWriter } from './import-copy-server';
import { RUNNING_STATUSES } from './import-repository';
import { allFields, type FieldSpec, type TableSpec } from './ssd/spec';

/** Rows deleted per statement when an import's staging is cleared (each statement holds the embedded database). */
const CLEAR_CHUNK = 50_000;

function pgType(field: FieldSpec): string {
  switch (field.type.kind) {
    case 'date':
      return 'date';
    case 'datetime':
      // London wall-clock time; the date and the instant are taken from it.
      return 'timestamp';
    case 'yn':
      return 'boolean';
    case 'int':
      return 'integer';
    case 'decimal':
      return 'double precision';
    default:
      return 'text';
  }
}

type Template = (organisationId: string, importId: string, part: number) => ReturnType<typeof sql>;

/** Split a statement at $org, $import and $part, to be filled with parameters. */
function template(text: string): Template {
  const parts = text.split(/(\$org|\$import|\$part)/);
  return (organisationId, importId, part) =>
    sql.join(
      parts.map((p) => {
        if (p === '$org') return sql`${organisationId}::uuid`;
        if (p === '$import') return sql`${importId}::uuid`;
        if (p === '$part') return sql`${part}::smallint`;
        return sql.raw(p);
      }),
      sql.raw(''),
    );
}

const merges = new Map<string, Template>();

/**
 * The register table a merge joins to resolve each kind of reference (a field's `resolve`). Merged
 * before the files that refer to them (ssd/spec.ts's order); the importer analyses each once merged,
 * so the statements that join it are planned on statistics that count the organisation's rows.
 */
export const RESOLVED_TABLES = {
  person: 'case_people',
  worker: 'case_workers',
  team: 'case_teams',
} as const satisfies Record<NonNullable<FieldSpec['resolve']>, string>;

/**
 * The merge of one table's staged rows, built once from its description:
 * each staged value cast back to its field's type, references resolved by
 * join (a person must exist, a worker or team may not), a row Oversight holds
 * as it is (same digest, open) left alone. Counts what it added and changed.
 * `fresh`: the organisation holds none of the table's records, so every row is
 * inserted without looking for one to update (a sixth less time at the large
 * authority's first import); should a record appear meanwhile, the unique index
 * refuses the insert and the import fails whole. Rows go in as staging
 * holds them, in the file's order, without a sort: sorting the large
 * authority's visits spilled 76 MB to disk for an order nothing relies on.
 */
function mergeStatement(spec: TableSpec, fresh: boolean): Template {
  const key = `${spec.ssd}${fresh ? ' fresh' : ''}`;
  const cached = merges.get(key);
  if (cached) return cached;
  const fields = allFields(spec);
  const keys = fields.map((f) => (f.resolve ? `ref_${f.resolve}` : f.column));
  const casts = fields.map((f, i) => `s.v[${i + 1}]::${f.resolve ? 'text' : pgType(f)} as ${keys[i]}`);
  const joins: string[] = [];
  const targetColumns: string[] = [];
  const selectValues: string[] = [];
  fields.forEach((f, i) => {
    const key = keys[i]!;
    targetColumns.push(f.column);
    if (f.resolve === 'person') {
      joins.push(
        `join ${RESOLVED_TABLES.person} rp on rp.organisation_id = $org and rp.source_id = r.${key}`,
      );
      selectValues.push('rp.id');
    } else if (f.resolve === 'worker') {
      joins.push(
        `left join ${RESOLVED_TABLES.worker} rw on rw.organisation_id = $org and rw.source_id = r.${key}`,
      );
      selectValues.push('rw.id');
    } else if (f.resolve === 'team') {
      joins.push(
        `left join ${RESOLVED_TABLES.team} rt on rt.organisation_id = $org and rt.source_id = r.${key}`,
      );
      selectValues.push('rt.id');
    } else if (f.atColumn) {
      selectValues.push(`r.${key}::date`);
      targetColumns.push(f.atColumn);
      selectValues.push(`r.${key} at time zone 'Europe/London'`);
    } else {
      selectValues.push(`r.${key}`);
    }
  });
  if (spec.table === 'case_people') {
    targetColumns.push('search_name');
    selectValues.push(`nullif(lower(trim(coalesce(r.forename, '') || ' ' || coalesce(r.surname, ''))), '')`);
  }
  const updates = targetColumns
    .filter((c) => c !== 'source_id')
    .map((c) => `${c} = excluded.${c}`)
    .concat([
      'row_hash = excluded.row_hash',
      'changed_import_id = excluded.changed_import_id',
      'closed_at = null',
      'closed_by_import_id = null',
    ]);
  const statement = template(`
    with up as (
      insert into ${spec.table} (id, organisation_id, row_hash, first_import_id, changed_import_id, ${targetColumns.join(', ')})
      select r.new_id, $org, r.row_hash, $import, $import, ${selectValues.join(', ')}
      from (select s.new_id, s.row_hash, ${casts.join(', ')}
            from case_import_staging s where s.import_id = $import and s.part = $part) r
      ${joins.join('\n      ')}
      ${
        fresh
          ? ''
          : `on conflict (organisation_id, source_id) do update set ${updates.join(', ')}
        where ${spec.table}.row_hash is distinct from excluded.row_hash or ${spec.table}.closed_at is not null`
      }
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::int as added, count(*) filter (where not inserted)::int as changed from up`);
  merges.set(key, statement);
  return statement;
}

/**
 * A writer for one file's staged rows: COPY streamed on a connection of its
 * own on a server, COPY from a blob per chunk on the embedded database.
 * Takes the database itself, never a transaction.
 */
export async function openStagingWriter(db: Db): Promise<StagingWriter> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) return serverStagingWriter(client);
  if (client instanceof EmbeddedClient) return embeddedStagingWriter(client);
  throw new Error('Staging is written through the database itself, not a transaction');
}

/**
 * Whether the database is a server reached through a pool: staging then has
 * connections of its own beside the import's transaction (the embedded
 * database has one connection, which a transaction holds whole).
 */
export function hasConnectionsOfItsOwn(db: Db): boolean {
  return (db as { $client?: unknown }).$client instanceof pg.Pool;
}

/**
 * Tell the planner how many rows staging holds, once staged and before the
 * merge: without it, it takes the import's rows for a handful and joins them
 * row by row (nested loops over workers and teams). Only the columns a merge
 * filters on are sampled; the row count comes with them.
 */
export async function analyzeStaging(db: Db): Promise<void> {
  await db.execute(sql`analyze case_import_staging (import_id, part)`);
}

export interface MergeOptions {
  /** No row of the organisation is in the table yet: insert without looking for conflicts. */
  fresh?: boolean;
  /**
   * Run the statement with the register's reference triggers off (session_replication_role =
   * replica). Only on the embedded database, whose one user, the service, is its superuser: a
   * server's service role must never be able to do this (docs/operations.md, Database roles). The
   * triggers check that each row's organisation exists and that its child, worker and team are the
   * organisation's (migrations 0037, 0052). This statement writes the import's organisation and
   * takes every reference from a join on that organisation's rows, so it cannot break them, and
   * capturing its rows for the check cost a quarter of the merge (3 of the 11 seconds for the large
   * authority's half a million visits).
   */
  triggersOff?: boolean;
}

/** Move one file's staged rows into the register (inside the import's transaction). */
export async function mergeStaged(
  tx: Db,
  spec: TableSpec,
  organisationId: string,
  importId: string,
  part: number,
  options: MergeOptions = {},
): Promise<{ added: number; changed: number }> {
  // Staging holds every part of the import (and any other import's), and a part's rows lie together:
  // read through the index, not by a scan of the whole table. Planned by cost, a large part (a third of
  // what is staged) was read by a sequential scan that passed over every other part's rows first, and
  // the merges of the last files of the large authority each spent most of a second doing so.
  await tx.execute(sql`set local enable_seqscan = off`);
  if (options.triggersOff) await tx.execute(sql`set local session_replication_role = replica`);
  const [result] = await rawRows<{ added: number; changed: number }>(
    tx,
    mergeStatement(spec, options.fresh ?? false)(organisationId, importId, part),
  );
  // Every other statement of the transaction (closing records, a form's) is checked as before.
  if (options.triggersOff) await tx.execute(sql`set local session_replication_role = origin`);
  await tx.execute(sql`set local enable_seqscan = on`);
  return { added: Number(result?.added ?? 0), changed: Number(result?.changed ?? 0) };
}

/**
 * Remove an import's staged rows, a part and a range of rows per statement
 * (`staged`: how many rows each part holds), so the embedded database
 * answers others in between. Rows deleted leave space the next import reuses
 * once the table is vacuumed (the embedded database has no autovacuum).
 *
 * `embedded`: when no other import has rows in staging, it is emptied at once
 * (TRUNCATE, in a transaction that also looks for the others, so none can
 * stage meanwhile): deleting the large authority's two million rows and
 * vacuuming took seconds. A server keeps to deletes: TRUNCATE would wait for,
 * and hold up, other organisations' imports staging on other connections.
 */
export async function clearStaging(
  db: Db,
  importId: string,
  staged: ReadonlyMap<number, number>,
  embedded: boolean,
): Promise<void> {
  if (embedded) {
    const emptied = await db.transaction(async (tx) => {
      // Two ranges of the primary key's index, each ended by its first row: not a pass over this import's.
      const [found] = await rawRows<{ others: boolean }>(
        tx,
        sql`select exists (select 1 from case_import_staging where import_id < ${importId}::uuid)
                or exists (select 1 from case_import_staging where import_id > ${importId}::uuid) as others`,
      );
      if (found?.others) return false;
      await tx.execute(sql`truncate case_import_staging`);
      return true;
    });
    if (emptied) return;
  }
  let removed = 0;
  for (const [part, count] of staged) {
    for (let from = 1; from <= count; from += CLEAR_CHUNK) {
      await db.execute(
        sql`delete from case_import_staging where import_id = ${importId}::uuid and part = ${part}::smallint
            and seq >= ${from}::int and seq < ${from + CLEAR_CHUNK}::int`,
      );
    }
    removed += count;
  }
  // Anything left (a part whose count was not known, as after a failure while staging).
  await db.execute(sql`delete from case_import_staging where import_id = ${importId}::uuid`);
  if (embedded && removed > 0) await db.execute(sql`vacuum case_import_staging`);
}

/**
 * Remove staged rows of imports that are no longer running (killed mid-way):
 * at start-up, and for imports found interrupted. Returns the rows removed.
 */
export async function sweepStaging(db: Db, importIds?: readonly string[]): Promise<number> {
  const rows = importIds
    ? await rawRows<{ n: number }>(
        db,
        sql`with d as (delete from case_import_staging
              where import_id in (select jsonb_array_elements_text(${JSON.stringify(importIds)}::jsonb)::uuid)
              returning 1)
            select count(*)::int as n from d`,
      )
    : await rawRows<{ n: number }>(
        db,
        sql`with d as (delete from case_import_staging s
              where not exists (select 1 from case_imports i where i.id = s.import_id
                                and i.status in (${sql.join(
                                  RUNNING_STATUSES.map((st) => sql`${st}`),
                                  sql`, `,
                                )}))
              returning 1)
            select count(*)::int as n from d`,
      );
  return Number(rows[0]?.n ?? 0);
}
