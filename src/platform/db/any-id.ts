/**
 * `column = any(ids)` with the ids as one parameter. Drizzle's inArray sends
 * one parameter per id: a team manager's three thousand children made each
 * query cost more to build (in this process) and to parse (in the database)
 * than to run.
 *
 * Ids a query of the database finds can stay there (`IdQuery`): the column is
 * then tested against that query, and neither the ids nor their reading cross
 * the connection. Three thousand ids are some 110 KB a query to send.
 */
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids a query selects (one uuid column), left in the database. */
export class IdQuery {
  constructor(readonly query: SQL) {}
}

/** Some ids: as a list, or as the query that finds them. */
export type IdSet = readonly string[] | IdQuery;

/** Known to hold no id without asking the database (a query is never known to be empty). */
export function noIds(ids: IdSet): boolean {
  return !(ids instanceof IdQuery) && ids.length === 0;
}

export function anyId(column: AnyColumn | SQL, ids: Iterable<string> | IdQuery): SQL {
  if (ids instanceof IdQuery) return sql`${column} in (${ids.query})`;
  const list = [...ids];
  for (const id of list) if (!UUID.test(id)) throw new Error(`not an id: ${JSON.stringify(id)}`);
  return sql`${column} = any(${`{${list.join(',')}}`}::uuid[])`;
}
