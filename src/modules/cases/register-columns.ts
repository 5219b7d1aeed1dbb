/**
 * The columns every table of the case register shares: its SSD identity,
 * the digest and imports that last wrote it, and for personal tables the
 * child it belongs to, with the indexes those need.
 */
import { sql } from 'drizzle-orm';
import { date, index, type PgColumn, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const moment = (name: string) => timestamp(name, { withTimezone: true });
export const day = (name: string) => date(name, { mode: 'string' });

/**
 * Columns every SSD-sourced table has. Its organisation and (personal()) its
 * person are checked once per statement by triggers (migration 0037), not by
 * foreign keys checked row by row: an import merges millions of rows in one
 * statement. See docs/architecture.md, "The SSD import".
 */
export function sourced() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    sourceId: text('source_id').notNull(),
    rowHash: text('row_hash').notNull(),
    firstImportId: uuid('first_import_id'),
    changedImportId: uuid('changed_import_id'),
    closedAt: moment('closed_at'),
    closedByImportId: uuid('closed_by_import_id'),
  };
}

/** The person-level columns of an event or episode table. */
export function personal() {
  return {
    ...sourced(),
    personId: uuid('person_id').notNull(),
  };
}

export function personalIndexes<T extends { organisationId: unknown; sourceId: unknown; personId: unknown }>(
  name: string,
  t: T,
) {
  return [
    uniqueIndex(`${name}_org_source`).on(t.organisationId as never, t.sourceId as never),
    index(`${name}_person`).on(t.personId as never),
  ];
}

/**
 * The open rows of an organisation by the date the indicator measures count
 * them on (cases' indicator-figures.ts): each range reads its own rows rather
 * than the whole register compared with every range.
 */
export function openByDate(name: string, t: { organisationId: PgColumn; closedAt: PgColumn }, on: PgColumn) {
  return index(`${name}_open_${on.name}`).on(t.organisationId, on).where(sql`${t.closedAt} is null`);
}
