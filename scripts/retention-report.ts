/**
 * Which children's records are past the retention schedule, per organisation.
 *
 *   npm run retention:report
 *
 * Lists SSD person ids (never names) of children with no open case past
 * their 25th birthday (75th if ever looked after; RETAIN_CLOSED_CASES_AGE and
 * RETAIN_LOOKED_AFTER_CASES_AGE). Oversight does not remove them yet: remove
 * them from the case management system's extract, or keep them while the
 * authority decides (docs/operations.md, "Retention").
 */

import { closedCasesDue } from '../src/modules/cases/retention';
import { londonDateOf, systemClock } from '../src/platform/clock';
import { ConfigError, loadConfig } from '../src/platform/config';
import { openDatabase } from '../src/platform/db/client';
import { organisations } from '../src/platform/schema';

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ ...process.env, DEMO: 'none' });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pg`,
    });
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  try {
    const today = londonDateOf(systemClock.now());
    const orgs = await database.db.select().from(organisations).orderBy(organisations.name);
    if (orgs.length === 0) console.log('The database holds no organisation.');
    for (const org of orgs) {
      const due = await closedCasesDue(database.db, org.id, today, config.retention);
      console.log(
        `${org.name} (${org.code}): ${due.length} children's records past the retention schedule on ${today}.`,
      );
      for (const d of due) {
        console.log(`  ${d.sourceId}  due ${d.dueOn}${d.lookedAfter ? '  (looked after)' : ''}`);
      }
    }
    return 0;
  } catch (e) {
    console.error(`The report failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
