/** What the QA calendar puts on the QA officer's home page: activities past their due date and not done. */
import { today } from '../../platform/clock';
import type { HomeItemProvider } from '../../platform/home/items';
import { overdueCount } from './calendar';
import { QA } from './permissions';

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
];
