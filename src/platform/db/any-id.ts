/**
 * `column = any(ids)` with the ids as one parameter. Drizzle's inArray sends
 * one parameter per id: a team manager's three thousand children made each
 * query cost more to build (in this process) and to parse (in the database)
 * than to run.
 */
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function anyId(column: AnyColumn | SQL, ids: Iterable<string>): SQL {
  const list = [...ids];
  for (const id of list) if (!UUID.test(id)) throw new Error(`not an id: ${JSON.stringify(id)}`);
  return sql`${column} = any(${`{${list.join(',')}}`}::uuid[])`;
}
