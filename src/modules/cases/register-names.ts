/**
 * The names held in the case register, as lower-cased words: for other
 * modules to check free text for a child's name before it is published
 * (quality assurance checks survey quotes). Words only, never who they belong to.
 */
import { sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../platform/db/client';

/** Every distinct forename and surname word in the organisation's register, lower-cased. */
export async function registerNameWords(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await rawRows<{ word: string }>(
    db,
    sql`select distinct lower(w) as word from case_people,
          regexp_split_to_table(coalesce(forename, '') || ' ' || coalesce(surname, ''), '[^[:alpha:]'']+') as w
        where organisation_id = ${organisationId} and w <> ''`,
  );
  return new Set(rows.map((r) => r.word));
}
