/**
 * What the QA calendar and provider audits put on the QA officer's home page:
 * activities past their due date and not done; providers overdue their termly
 * visit and their recommendations past the date due.
 */
import { today } from '../../platform/clock';
import type { HomeItemProvider } from '../../platform/home/items';
import { overdueCount } from './calendar';
import { QA } from './permissions';
import { providerOverview } from './providers';

export const practiceHomeItems: HomeItemProvider[] = [
  {
    heading: 'QA calendar',
    // After the audits the QA officer's page leads with.
    order: 7,
    permission: QA.calendarManage,
    load: async (app, actor) => [
      {
        text: 'QA calendar activities overdue',
        count: await overdueCount(app.deps.db, actor.organisationId, today(app.deps.clock)),
        href: '/qa/calendar#overdue',
        tone: 'overdue',
      },
    ],
  },
  {
    heading: 'Provider audits',
    order: 8,
    permission: QA.providersManage,
    load: async (app, actor) => {
      const { overdueVisits, overdueRecommendations } = await providerOverview(
        app.deps.db,
        actor,
        today(app.deps.clock),
      );
      return [
        { text: 'Providers overdue a visit', count: overdueVisits, href: '/qa/providers', tone: 'overdue' },
        {
          text: 'Provider recommendations past their date',
          count: overdueRecommendations,
          href: '/qa/providers',
          tone: 'overdue',
        },
      ];
    },
  },
];
