/** What committee business puts on the home page: reports waiting for the senior leader's sign-off. */
import type { HomeItemProvider } from '../../platform/home/items';
import { COMMITTEE } from './access';
import { awaitingMySignOff } from './reports-service';

export const committeeHomeItems: HomeItemProvider[] = [
  {
    heading: 'Committee reports',
    order: 40,
    permission: COMMITTEE.signOff,
    load: async (app, actor) => {
      const rows = await awaitingMySignOff(app.deps.db, actor);
      return [
        {
          text: 'Reports sent to you for sign-off',
          count: rows.length,
          href: '/committee-business/sign-off',
          tone: 'due',
        },
      ];
    },
  },
];
