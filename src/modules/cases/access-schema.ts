import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';

const moment = (name: string) => timestamp(name, { withTimezone: true });

import { casePeople } from './schema';

/**
 * Time-limited access to a child for a user whose role sees only assigned
 * records (independent auditors during an audit round). Granted through the
 * cases service by the module that assigns the work.
 */
export const caseAccessGrants = pgTable(
  'case_access_grants',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    grantedAt: moment('granted_at').notNull(),
    // From when the grant lets its holder in (an audit round's start); null: at once.
    startsAt: moment('starts_at'),
    expiresAt: moment('expires_at'),
    revokedAt: moment('revoked_at'),
  },
  (t) => [
    index('case_access_grants_user').on(t.userId, t.personId),
    // Who may open a child (every page of one child): a round's grants run to thousands.
    index('case_access_grants_person').on(t.organisationId, t.personId),
  ],
);
