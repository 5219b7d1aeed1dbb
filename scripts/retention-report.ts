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
import { organisations } from '../src/platform/schema';
import { openConfiguredDatabase } from './database';

async function main(): Promise<number> {
  const opened = await openConfiguredDatabase();
  if (!opened) return 1;
  const { config, database } = opened;
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
