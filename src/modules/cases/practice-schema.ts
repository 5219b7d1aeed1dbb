/**
 * Practice records Oversight holds itself (the case management system does
 * not hold them well): what an event in the chronology meant for the child,
 * the child's own words, management oversight decisions and supervision.
 *
 * Chronology annotations, voice records, oversight notes and supervision
 * action outcomes are append-only (migration triggers reject UPDATE and
 * DELETE): a correction is a new record, and the history stays.
 */
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';
import { casePeople, caseWorkers } from './schema';

const moment = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const orgId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);
const personId = () =>
  uuid('person_id')
    .notNull()
    .references(() => casePeople.id);

/**
 * "What it meant for the child": the worker's note on one chronology event.
 * The event is named by the register table it comes from and its source id
 * (the SSD id for imported events, our id for Oversight's own records) and
 * its date, so a re-import never loses the note. A note whose event is no
 * longer in the record (its date corrected, or the record closed) is still
 * shown, under the title it had. The latest note for an event is the
 * current one; earlier ones are its history.
 */
export const caseChronologyNotes = pgTable(
  'case_chronology_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    personId: personId(),
    /** The register table of the event, e.g. case_cp_visits, or case_voice_records. */
    eventTable: text('event_table').notNull(),
    /** The event's source id (SSD id) or, for Oversight's own records, its id. */
    eventSourceId: text('event_source_id').notNull(),
    /**
     * The event's date: one source record can give two events (a plan started,
     * a plan ended), told apart by their dates.
     */
    eventDate: day('event_date').notNull(),
    /** The event as the chronology named it when the note was written. */
    eventTitle: text('event_title').notNull(),
    significance: text('significance').notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [
    index('case_chronology_notes_person').on(t.organisationId, t.personId, t.createdAt),
    index('case_chronology_notes_event').on(t.organisationId, t.eventTable, t.eventSourceId),
  ],
);

/**
 * The voice of the child: what the child said or showed, in their own
 * words, kept apart from what parents, carers and professionals say.
 */
export const caseVoiceRecords = pgTable(
  'case_voice_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    personId: personId(),
    recordedOn: day('recorded_on').notNull(),
    /** The child's own words (or a plain description of what they showed). */
    words: text('words').notNull(),
    /** direct, app, drawing, audio_video, advocate, consultation_booklet, survey. */
    captureMethod: text('capture_method').notNull(),
    /** Who captured it: a user, or (someone without an account) a name and role. */
    capturedByUserId: uuid('captured_by_user_id').references(() => users.id),
    capturedByName: text('captured_by_name'),
    changedSomething: boolean('changed_something').notNull(),
    whatChanged: text('what_changed'),
    /** The plan or episode it changed, as register table and source id. */
    linkedTable: text('linked_table'),
    linkedSourceId: text('linked_source_id'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [index('case_voice_records_person').on(t.organisationId, t.personId, t.recordedOn)],
);

/** Management oversight: a dated decision on a child's case, with reasons, by a manager. */
export const caseOversightNotes = pgTable(
  'case_oversight_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    personId: personId(),
    decidedOn: day('decided_on').notNull(),
    decision: text('decision').notNull(),
    reasons: text('reasons').notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    /** The author's role when they wrote it (roles change; the record should not). */
    authorRole: text('author_role').notNull(),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [index('case_oversight_notes_person').on(t.organisationId, t.personId, t.decidedOn)],
);

/** A supervision session: a manager and a case worker, on a date. */
export const supervisions = pgTable(
  'supervisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    heldOn: day('held_on').notNull(),
    supervisorUserId: uuid('supervisor_user_id')
      .notNull()
      .references(() => users.id),
    /** The worker supervised, as the case register knows them. */
    workerId: uuid('worker_id')
      .notNull()
      .references(() => caseWorkers.id),
    reflection: text('reflection').notNull(),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [
    index('supervisions_worker').on(t.organisationId, t.workerId, t.heldOn),
    index('supervisions_supervisor').on(t.organisationId, t.supervisorUserId),
  ],
);

/** The children discussed at a supervision. */
export const supervisionCases = pgTable(
  'supervision_cases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: orgId(),
    supervisionId: uuid('supervision_id')
      .notNull()
      .references(() => supervisions.id),
    personId: personId(),
  },
  (t) => [uniqueIndex('supervision_cases_unique').on(t.supervisionId, t.personId)],
);

/**
 * An action agreed at a supervision. An action carried forward to the next
 * supervision is a new row there pointing at the one it continues
 * (previous_action_id); every row of one action shares chain_id (the id of
 * the row where it was first agreed).
 */
export const supervisionActions = pgTable(
  'supervision_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    supervisionId: uuid('supervision_id')
      .notNull()
      .references(() => supervisions.id),
    chainId: uuid('chain_id').notNull(),
    previousActionId: uuid('previous_action_id'),
    description: text('description').notNull(),
    /** "worker" or "supervisor". */
    ownerKind: text('owner_kind').notNull(),
    ownerName: text('owner_name').notNull(),
    dueOn: day('due_on').notNull(),
    /** Order on the supervision record: carried actions first, then new ones as entered. */
    position: integer('position').notNull().default(0),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [
    index('supervision_actions_supervision').on(t.supervisionId),
    index('supervision_actions_chain').on(t.organisationId, t.chainId),
    uniqueIndex('supervision_actions_previous').on(t.previousActionId),
  ],
);

/** What became of an action: done, or carried forward to a later supervision. One per action, never changed. */
export const supervisionActionOutcomes = pgTable(
  'supervision_action_outcomes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: orgId(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => supervisionActions.id),
    /** "done" or "carried". */
    outcome: text('outcome').notNull(),
    /** The supervision where it was decided; null for an action marked done between supervisions. */
    decidedAtSupervisionId: uuid('decided_at_supervision_id').references(() => supervisions.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedOn: day('recorded_on').notNull(),
    recordedAt: moment('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('supervision_action_outcomes_action').on(t.actionId)],
);
