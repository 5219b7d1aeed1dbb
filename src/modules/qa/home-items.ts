/**
 * What quality assurance puts on the home page: audits assigned to the person,
 * audits waiting for moderation (QA officers), and audits of a worker's or
 * team's cases waiting for their response. Nothing when none of it applies.
 */
import type { HomeItem, HomeItemProvider } from '../../platform/home/items';
import { QA } from './permissions';
import { auditCountsFor } from './worklists';

export const qaHomeItems: HomeItemProvider[] = [
  {
    heading: 'Case file audits',
    // Before other modules: auditors' and QA officers' home pages lead with their audits.
    order: 5,
    permission: QA.read,
    load: async (app, actor) => {
      const counts = await auditCountsFor(app.deps.db, actor, app.deps.clock.now());
      const items: HomeItem[] = [];
      if (counts.assigned)
        items.push({
          text: 'Audits assigned to you',
          count: counts.assigned,
          href: '/qa/audits',
          tone: 'due',
        });
      if (counts.moderation)
        items.push({
          text: 'Audits waiting for moderation',
          count: counts.moderation,
          href: '/qa/audits',
          tone: 'overdue',
        });
      if (counts.responses)
        items.push({
          text: 'Audits of your cases waiting for your response',
          count: counts.responses,
          href: '/qa/audits',
          tone: 'overdue',
        });
      return items;
    },
  },
];
