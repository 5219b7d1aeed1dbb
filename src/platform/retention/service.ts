import { subYears } from 'date-fns';
import { sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import { type Db, rawRows } from '../db/client';

/**
 * Remove an organisation's access audit events older than the retention
 * period, and those recorded with no organisation (failed sign-ins for
 * unknown addresses). The table refuses every change except through the
 * database function access_audit_remove_before (migration 0010), which keeps
 * at least a year and records each removal as an audit event of its own.
 */
export async function removeExpiredAuditEvents(
  db: Db,
  clock: Clock,
  organisationId: string,
  years: number,
): Promise<number> {
  const cutoff = subYears(clock.now(), years);
  let removed = 0;
  for (const organisation of [organisationId, null]) {
    const [row] = await rawRows<{ removed: string | number }>(
      db,
      sql`select access_audit_remove_before(${cutoff.toISOString()}::timestamptz, ${organisation}::uuid) as removed`,
    );
    removed += Number(row?.removed ?? 0);
  }
  return removed;
}
