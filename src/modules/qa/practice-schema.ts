/**
 * Quality assurance of practice, apart from case file audits: practice
 * observations (kept centrally, read in the observed person's learning
 * record) and the QA calendar (recurring activities and their dated
 * instances, each completed with evidence).
 */
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/schema';
import { bytes, day, moment, orgId } from './practice-columns';

/** One observation of a member of staff at work, at any tier from director to social worker. */
export const qaObservations = pgTable(
  'qa_observations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    observerId: uuid('observer_id')
      .notNull()
      .references(() => users.id),
    observedId: uuid('observed_id')
      .notNull()
      .references(() => users.id),
    /** The observed person's tier (vocab OBSERVATION_TIERS) and their role in words, as they were on the day. */
    tier: text('tier').notNull(),
    observedRole: text('observed_role').notNull(),
    observedOn: day('observed_on').notNull(),
    setting: text('setting').notNull(),
    wentWell: text('went_well').notNull(),
    evenBetterIf: text('even_better_if').notNull(),
    agreedLearning: text('agreed_learning').notNull(),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('qa_observations_org_date').on(t.organisationId, t.observedOn),
    index('qa_observations_observed').on(t.organisationId, t.observedId),
  ],
);

/** A recurring QA activity: what, who owns it, and in which months of the year it falls due. */
export const qaCalendarActivities = pgTable(
  'qa_calendar_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text('name').notNull(),
    /** monthly, quarterly, termly, twice_yearly, yearly (vocab CALENDAR_FREQUENCIES). */
    frequency: text('frequency').notNull(),
    /** The months (1-12) it falls due in. */
    months: integer('months').array().notNull(),
    /** The day of the month it is due by; past the month's end, its last day. */
    dueDay: integer('due_day').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('qa_calendar_activities_org').on(t.organisationId)],
);

/** One dated occurrence of an activity, made by the recurrence; completed once, with its evidence. */
export const qaCalendarItems = pgTable(
  'qa_calendar_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => qaCalendarActivities.id),
    dueDate: day('due_date').notNull(),
    completedOn: day('completed_on'),
    completedBy: uuid('completed_by').references(() => users.id),
    evidence: text('evidence'),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('qa_calendar_items_activity_due').on(t.activityId, t.dueDate),
    index('qa_calendar_items_org_due').on(t.organisationId, t.dueDate),
  ],
);

/** Files that show a calendar activity was done (minutes, reports), added by its owner or QA; never changed. */
export const qaCalendarEvidence = pgTable(
  'qa_calendar_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => qaCalendarItems.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytes('content').notNull(),
    uploadedAt: moment('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
  },
  (t) => [index('qa_calendar_evidence_item').on(t.organisationId, t.itemId)],
);
