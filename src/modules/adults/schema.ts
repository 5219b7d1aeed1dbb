/**
 * The adults' safeguarding register: one row per safeguarding concern, with
 * its section 42 decision, the enquiry and its outcomes. A person is known
 * only by a reference (no names). Every row carries organisation_id.
 */
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';

const moment = (name: string) => timestamp(name, { withTimezone: true });

export const adultConcerns = pgTable(
  'adult_concerns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reference: text('reference').notNull(),
    personRef: text('person_ref').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    s42Decision: text('s42_decision'),
    decisionOn: date('decision_on', { mode: 'string' }),
    enquiryType: text('enquiry_type'),
    enquiryStartedOn: date('enquiry_started_on', { mode: 'string' }),
    enquiryConcludedOn: date('enquiry_concluded_on', { mode: 'string' }),
    abuseTypes: jsonb('abuse_types').$type<string[]>().notNull().default([]),
    location: text('location'),
    riskSource: text('risk_source'),
    outcomesAsked: text('outcomes_asked'),
    outcomesAchieved: text('outcomes_achieved'),
    riskOutcome: text('risk_outcome'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: moment('created_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('adult_concerns_reference').on(t.organisationId, t.reference),
    index('adult_concerns_received').on(t.organisationId, t.receivedOn),
    index('adult_concerns_concluded').on(t.organisationId, t.enquiryConcludedOn),
  ],
);
