/**
 * What quality assurance puts on the home page: audits assigned to the person,
 * audits waiting for moderation (QA officers), and audits of a worker's or
 * team's cases waiting for their response. Nothing when none of it applies.
 */
import { today } from '../../platform/clock';
import type { HomeItem, HomeItemProvider } from '../../platform/home/items';
import { QA } from './permissions';
import { overdue } from './recommendations';
import { recommendationsWhere } from './recommendations-repository';
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
  {
    heading: 'Audit recommendations you own',
    order: 6,
    permission: QA.recsUpdate,
    load: async (app, actor) => {
      const mine = await recommendationsWhere(app.deps.db, actor.organisationId, {
        ownerId: actor.userId,
        statuses: ['open', 'in_progress'],
      });
      if (!mine.length) return [];
      const day = today(app.deps.clock);
      return [
        {
          text: 'Recommendations past their due date',
          count: mine.filter((r) => overdue(r, day)).length,
          href: '/qa/recommendations',
          tone: 'overdue',
        },
        {
          text: 'Recommendations not yet signed off',
          count: mine.length,
          href: '/qa/recommendations',
          tone: 'due',
        },
      ];
    },
  },
];
