/**
 * What improvement plans put on the home page: the actions a person leads
 * that are overdue or not reviewed in time, and (for those who manage plans)
 * the plans holding red or overdue actions. Each links to its filtered list.
 */
import { today } from '../../platform/clock';
import type { HomeItemProvider } from '../../platform/home/items';
import { can } from '../../platform/permissions';
import { plansAttention } from './attention';
import { myActions } from './service';
import { staleActions } from './stale';

export const plansHomeItems: HomeItemProvider[] = [
  {
    heading: 'Improvement plan actions you lead',
    order: 40,
    permission: 'plans.update',
    load: async (app, actor) => {
      const actions = await myActions(app.deps.db, actor, today(app.deps.clock));
      if (!actions.length) return [];
      return [
        {
          text: 'Actions past their end date',
          count: actions.filter((a) => a.overdue).length,
          href: '/plans/my-actions?flag=overdue',
          tone: 'overdue',
        },
        {
          text: "Actions whose status was not reviewed within the plan's monitoring period",
          count: actions.filter((a) => a.stale).length,
          href: '/plans/my-actions?flag=stale',
          tone: 'due',
        },
      ];
    },
  },
  {
    heading: 'Improvement plans',
    order: 45,
    permission: 'plans.manage',
    load: async (app, actor) => [
      {
        text: 'Plans with red or overdue actions',
        count: (await plansAttention(app.deps.db, actor, today(app.deps.clock))).filter(
          (p) => p.needsAttention,
        ).length,
        href: '/plans?attention=red-or-overdue',
        tone: 'overdue',
      },
      {
        text: "Actions across the service not reviewed within their plan's monitoring period",
        count: (await staleActions(app.deps.db, actor, today(app.deps.clock))).length,
        href: '/plans/stale-actions',
        tone: 'due',
      },
    ],
  },
  {
    heading: "Committees' outstanding actions",
    order: 46,
    permission: 'plans.committee',
    load: async (app, actor) => {
      // Those who manage plans already have every plan counted above.
      if (can(actor, 'plans.manage')) return [];
      const all = await plansAttention(app.deps.db, actor, today(app.deps.clock));
      const lists = all.filter((p) => p.type === 'committee_outstanding');
      if (!lists.length) return [];
      return [
        {
          text: 'Outstanding actions lists with red or overdue actions',
          count: lists.filter((p) => p.needsAttention).length,
          href: '/plans?attention=red-or-overdue&type=committee_outstanding',
          tone: 'overdue',
        },
      ];
    },
  },
];
