/**
 * What committee business puts on the home page: reports waiting for a senior
 * leader's sign-off, and reports signed off waiting for the clerk.
 */
import type { HomeItemProvider } from '../../platform/home/items';
import { COMMITTEE } from './access';
import { awaitingAcceptance, awaitingMySignOff } from './reports-service';

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
  {
    heading: 'Committee reports to accept',
    order: 41,
    permission: COMMITTEE.manage,
    load: async (app, actor) => {
      const rows = await awaitingAcceptance(app.deps.db, actor);
      return [
        {
          text: 'Reports signed off, to accept',
          count: rows.length,
          href: '/committee-business/to-accept',
          tone: 'due',
        },
      ];
    },
  },
];
