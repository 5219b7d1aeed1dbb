/**
 * What Oversight records itself beside the SSD extract, for the timescale
 * rules no extract can feed: withdrawals of wrongly recorded events, the
 * regulation 28 kind of a placement, and private fostering arrangements.
 * Withdrawals and placement kinds are append-only (custom migration): a
 * change is a new row, the latest wins.
 */
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';
import { casePeople, caseRecordedEvents } from './schema';

const moment = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const organisation = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);

/** A recorded event withdrawn as wrongly recorded: who, when and why. The event row itself is never changed. */
export const caseRecordedEventWithdrawals = pgTable(
  'case_recorded_event_withdrawals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisation(),
    recordedEventId: uuid('recorded_event_id')
      .notNull()
      .references(() => caseRecordedEvents.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    withdrawnBy: uuid('withdrawn_by')
      .notNull()
      .references(() => users.id),
    withdrawnAt: moment('withdrawn_at').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    uniqueIndex('case_recorded_event_withdrawals_event').on(t.recordedEventId),
    index('case_recorded_event_withdrawals_person').on(t.organisationId, t.personId),
  ],
);

/**
 * The regulation 28 visiting kind of a placement, set on the child's record
 * where the extract cannot say (placed with a parent before assessment, a
 * connected person on temporary approval) or says wrongly. The latest row for
 * a placement wins over what the SSD codes imply.
 */
export const casePlacementKinds = pgTable(
  'case_placement_kinds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisation(),
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    /** The placement's SSD identifier (case_cla_placements.source_id). */
    placementSourceId: text('placement_source_id').notNull(),
    /** "ordinary" or one of the regulation 28 special kinds (PLACEMENT_KINDS). */
    kind: text('kind').notNull(),
    /** Placement intended to last until 18 (a long-term foster placement agreed). */
    longTerm: boolean('long_term').notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: moment('set_at').notNull(),
  },
  (t) => [index('case_placement_kinds_placement').on(t.organisationId, t.placementSourceId, t.setAt)],
);

/**
 * Private fostering arrangements notified to the authority (Children Act 1989
 * s.66; the SSD has only an assessment outcome flag, no arrangements). The
 * visits are recorded events of type private_fostering_visit whose episode is
 * the arrangement (episode_source_id = its source_id).
 */
export const privateFosteringArrangements = pgTable(
  'private_fostering_arrangements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisation(),
    /** PF- and a uuid: the episode id recorded events refer to. */
    sourceId: text('source_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    carerName: text('carer_name').notNull(),
    /** The carer's relationship to the child, in words. */
    carerRelationship: text('carer_relationship'),
    notificationDate: day('notification_date').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    /** The suitability assessment completed (regulation 7). */
    assessmentDate: day('assessment_date'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: moment('recorded_at').notNull(),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('private_fostering_arrangements_source').on(t.organisationId, t.sourceId),
    index('private_fostering_arrangements_person').on(t.organisationId, t.personId),
  ],
);
