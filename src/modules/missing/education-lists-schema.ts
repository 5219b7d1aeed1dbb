/**
 * The education service's lists, recorded in Oversight because the SSD
 * extract holds none of them: electively home educated children, children
 * whose attendance is persistently below 90%, and the vulnerable children
 * list. One row per time a child is on a list, from a date until an end date.
 */
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';

export const educationListEntries = pgTable(
  'missing_education_list_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The child (case_people.id in the case register). */
    personId: uuid('person_id').notNull(),
    /** ehe, attendance or vulnerable (education-lists.ts). */
    list: text('list').notNull(),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    /** The last day on the list; null while on it. */
    toOn: date('to_on', { mode: 'string' }),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    endedBy: uuid('ended_by').references(() => users.id),
  },
  (t) => [index('missing_education_list_entries_org').on(t.organisationId, t.list, t.personId)],
);
