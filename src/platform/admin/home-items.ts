/**
 * What administration puts on the home page: messages that could not be
 * sent, and people invited who have not yet set a password (and so have never
 * signed in). Each is one count, linked to the list filtered to those rows.
 */
import type { HomeItemProvider } from '../home/items';
import { countFailedMail, countUsers } from './repository';

export const adminHomeItems: HomeItemProvider[] = [
  {
    heading: 'Mail',
    order: 80,
    permission: 'admin.outbox',
    load: async (app, actor) => [
      {
        text: 'Messages that could not be sent',
        count: await countFailedMail(app.deps.db, actor.organisationId),
        href: '/admin/outbox?status=failed',
        tone: 'overdue',
      },
    ],
  },
  {
    heading: 'Users',
    order: 90,
    permission: 'admin.users',
    load: async (app, actor) => [
      {
        text: 'People invited who have not yet signed in',
        count: await countUsers(app.deps.db, actor.organisationId, { status: 'invited' }),
        href: '/admin/users?status=invited',
        tone: 'due',
      },
    ],
  },
];
