/**
 * What missing episodes put on the home page, for children the person may
 * see: children missing now, episodes with an overdue follow-up, and return
 * home interviews to offer, and risk assessments to update after an episode,
 * each linking to the follow-ups list filtered to exactly those episodes; and,
 * for those who work the children missing education register (who record in
 * it), its open cases and those with a check overdue, linking to the register.
 */
import type { IdSet } from '../../platform/db/any-id';
import type { Db } from '../../platform/db/client';
import type { HomeItem, HomeItemProvider } from '../../platform/home/items';
import type { Actor } from '../../platform/permissions';
import { childrenInScope } from '../cases/service';
import { cmeOpenCounts } from './cme-service';
import { followUps } from './overview';
import { assessmentsToUpdate } from './risk-records';

/** For those who work the children missing education register: its open cases, and those with a check overdue. */
async function cmeItems(db: Db, actor: Actor, now: Date, people: 'all' | IdSet): Promise<HomeItem[]> {
  const { open, overdue } = await cmeOpenCounts(db, actor, now, people);
  return [
    { text: 'Children missing education: cases open', count: open, href: '/missing/cme', tone: 'info' },
    {
      text: 'Children missing education: cases with a check overdue',
      count: overdue,
      href: '/missing/cme?show=overdue',
      tone: 'overdue',
    },
  ];
}

export const missingHomeItems: HomeItemProvider[] = [
  {
    heading: 'Missing children',
    order: 15,
    permission: 'missing.followups',
    load: async (app, actor) => {
      const { db, clock } = app.deps;
      const now = clock.now();
      // Counts only, and no child's name read. The children in scope are matched by the database
      // inside each query, not read here and sent back with each (a team's are thousands).
      const people = childrenInScope(actor, now);
      // The register's counts and the latest risk assessments need only the children: read beside
      // the episodes, not after them.
      const episodes = followUps(db, actor, now, 'all', { people, names: false });
      const [rows, cme, risk] = await Promise.all([
        episodes,
        actor.permissions.has('missing.record') ? cmeItems(db, actor, now, people) : [],
        assessmentsToUpdate(db, actor, now, episodes, { scope: people, names: false }),
      ]);
      const riskItem = {
        text: 'Missing child risk assessments to update',
        count: risk.length,
        href: '/missing/risk-assessments',
        tone: 'due' as const,
      };
      if (!rows.length) return [...(risk.length ? [riskItem] : []), ...cme];
      return [
        {
          text: 'Children missing now',
          count: new Set(rows.filter((r) => r.missingNow).map((r) => r.personId)).size,
          href: '/missing?show=missing-now',
          tone: 'overdue',
        },
        {
          text: 'Missing episodes with an overdue follow-up',
          count: rows.filter((r) => r.clocks.some((c) => c.light === 'red')).length,
          href: '/missing?show=overdue',
          tone: 'overdue',
        },
        {
          text: 'Return home interviews to offer',
          count: rows.filter((r) =>
            r.clocks.some(
              (c) =>
                c.key === 'return_interview' &&
                (c.light === 'red' || c.light === 'amber' || c.light === 'green'),
            ),
          ).length,
          href: '/missing?show=interviews',
          tone: 'due',
        },
        riskItem,
        ...cme,
      ];
    },
  },
];
