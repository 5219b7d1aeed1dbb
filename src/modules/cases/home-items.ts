/**
 * What the case register puts on the home page, each count linked to the list
 * of exactly those rows: children's views older than three months, supervision
 * actions repeated without follow-up (a team's, or the service's), workers
 * whose monthly supervision is due, a worker's own supervision actions,
 * children overdue for discussion in supervision, and imports that need
 * looking at.
 */
import { today } from '../../platform/clock';
import type { HomeItemProvider } from '../../platform/home/items';
import { can } from '../../platform/permissions';
import { countChildrenWithViewsDue, importProblemCount } from './attention';
import { myOpenActions, repeatedInScope, supervisionDueCounts } from './supervision-attention';
import { SUPERVISION_DUE_SOON_DAYS } from './supervision-rules';

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
    heading: 'Your supervision actions',
    order: 12,
    permission: 'supervision.mine',
    load: async (app, actor) => {
      const actions = await myOpenActions(app.deps.db, actor, app.deps.clock.now());
      return [
        {
          text: 'Actions from your supervision that are past their due date',
          count: actions.filter((a) => a.overdue).length,
          href: '/supervision/my-actions?flag=overdue',
          tone: 'overdue',
        },
        {
          text: 'Actions from your supervision still to do',
          count: actions.length,
          href: '/supervision/my-actions',
          tone: 'info',
        },
      ];
    },
  },
  {
    heading: 'Supervision of your team',
    order: 25,
    permission: 'supervision.record',
    load: async (app, actor) => {
      const counts = await supervisionDueCounts(app.deps.db, actor, app.deps.clock.now());
      if (!counts) return [];
      return [
        {
          text: 'Workers whose monthly supervision is overdue, or who have none recorded',
          count: counts.overdue,
          href: '/supervision?due=overdue',
          tone: 'overdue',
        },
        {
          text: `Workers whose supervision is due in the next ${SUPERVISION_DUE_SOON_DAYS} days`,
          count: counts.dueSoon,
          href: '/supervision?due=due-soon',
          tone: 'due',
        },
      ];
    },
  },
  {
    heading: 'Supervision actions',
    order: 35,
    permission: 'supervision.repeated',
    load: async (app, actor) => [
      {
        text:
          actor.role === 'team_manager'
            ? 'Supervision actions in your team agreed at three or more supervisions and still not done'
            : 'Supervision actions agreed at three or more supervisions and still not done',
        count: (await repeatedInScope(app.deps.db, actor, app.deps.clock.now())).length,
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
