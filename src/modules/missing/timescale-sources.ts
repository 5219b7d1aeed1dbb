/**
 * The missing module's clocks on the service's timescales dashboard: the open
 * follow-up clocks of missing episodes (recorded and imported, shown once),
 * and the open checks of children missing education, each by traffic light,
 * for the children the person may see.
 */
import type { TimescaleSource } from '../../platform/timescales/sources';
import { cmeClockCounts } from './cme-service';
import { followUps } from './overview';

export const missingTimescaleSources: TimescaleSource[] = [
  {
    title: 'Missing from home and care: follow-up clocks',
    href: '/missing?show=attention',
    order: 10,
    permission: 'missing.followups',
    load: async (app, actor) => {
      // Counts only: no child's name is read.
      const rows = await followUps(app.deps.db, actor, app.deps.clock.now(), 'all', { names: false });
      const counts = { red: 0, amber: 0, green: 0 };
      for (const c of rows.flatMap((r) => r.clocks))
        if (c.light === 'red' || c.light === 'amber' || c.light === 'green') counts[c.light] += 1;
      return counts;
    },
  },
  {
    title: 'Children missing education: checks',
    href: '/missing/cme?show=open',
    order: 11,
    permission: 'missing.followups',
    load: async (app, actor) => {
      const { red, amber, green } = await cmeClockCounts(app.deps.db, actor, app.deps.clock.now());
      return { red, amber, green };
    },
  },
];
