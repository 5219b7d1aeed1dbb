import { sql } from 'drizzle-orm';
import { type Db, rawRows } from './client';

/**
 * What the service's own database role may do that it should not. The
 * service runs as a least-privilege role (docs/operations.md, "Database
 * roles"); a superuser can switch triggers off (session_replication_role)
 * and so change the append-only access audit.
 */
export async function holdsSuperuser(db: Db): Promise<boolean> {
  const [row] = await rawRows<{ superuser: string }>(
    db,
    sql`select current_setting('is_superuser') as superuser`,
  );
  return row?.superuser === 'on';
}

/**
 * The warning to log at start, if any: in production the service must not
 * hold superuser. Development and tests (and the embedded database, which
 * always runs as its own superuser) are left alone.
 */
export function superuserWarning(env: string, superuser: boolean): string | undefined {
  if (env !== 'production' || !superuser) return undefined;
  return 'The service is connected to PostgreSQL as a superuser. A superuser can switch off the triggers that keep the access audit append-only: connect as the least-privilege service role (docs/operations.md, "Database roles").';
}
