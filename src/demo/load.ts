import { count } from 'drizzle-orm';
import type { Oversight } from '../app';
import type { Config } from '../platform/config';
import { organisations } from '../platform/schema';
import { createDemoOrganisation, type DemoOrganisation } from './organisation';

/**
 * Load the demo authority into an empty database. Refused in production; a
 * database that already holds an organisation is left alone.
 */
export async function loadDemoIfEmpty(
  oversight: Oversight,
  config: Config,
): Promise<DemoOrganisation | undefined> {
  if (config.env === 'production' || config.demo === 'none') return undefined;
  const db = oversight.database.db;
  const [row] = await db.select({ n: count() }).from(organisations);
  if (Number(row?.n ?? 0) > 0) return undefined;
  return db.transaction(async (tx) => createDemoOrganisation(tx, oversight.clock.now()));
}
