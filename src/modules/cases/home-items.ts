/**
 * What the case register puts on the home page, each count linked to the list
 * of exactly those rows: children's views older than three months, supervision
 * actions repeated without follow-up, and imports that need looking at.
 */
import { today } from '../../platform/clock';
import type { HomeItemProvider } from '../../platform/home/items';
import { can } from '../../platform/permissions';
import { countChildrenWithViewsDue, importProblemCount, repeatedActionCount } from './attention';

export const casesHomeItems: HomeItemProvider[] = [
  {
    heading: "Your children's views",
    order: 15,
    permission: 'cases.mine',
    load: async (app, actor) => {
      // Managers who see the indicator are given their team's count instead.
      if (can(actor, 'cases.voice.indicator')) return [];
      const due = await countChildrenWithViewsDue(app.deps.db, actor, today(app.deps.clock), { own: true });
      return [
        {
          text: 'Children whose views were last recorded more than three months ago',
          count: due,
          href: '/children/mine?views=due',
          tone: 'due',
        },
      ];
    },
  },
  {
    heading: "Children's views",
    order: 33,
    permission: 'cases.voice.indicator',
    load: async (app, actor) => {
      const due = await countChildrenWithViewsDue(app.deps.db, actor, today(app.deps.clock));
      return [
        {
          text:
            actor.role === 'team_manager'
              ? 'Children in your team whose views were last recorded more than three months ago'
              : 'Children whose views were last recorded more than three months ago',
          count: due,
          href: '/children/voice-indicator',
          tone: 'due',
        },
      ];
    },
  },
  {
    heading: 'Supervision',
    order: 35,
    permission: 'supervision.read-service',
    load: async (app, actor) => [
      {
        text: 'Supervision actions agreed at three or more supervisions and still not done',
        count: await repeatedActionCount(app.deps.db, actor.organisationId, today(app.deps.clock)),
        href: '/supervision/repeated',
        tone: 'overdue',
      },
    ],
  },
  {
    heading: 'SSD imports',
    order: 70,
    permission: 'cases.import',
    load: async (app, actor) => [
      {
        text: 'Imports that failed or were rejected since the last one that worked',
        count: await importProblemCount(app.deps.db, actor.organisationId),
        href: '/cases/imports?status=problem',
        tone: 'overdue',
      },
    ],
  },
];
