/**
 * Missing episodes recorded in Oversight, with what happened during and after
 * them. Episodes imported from the SSD extract stay in the case register
 * (case_missing_episodes); an episode recorded here may name the imported one
 * it is (ssd_source_id) so that the two show as one.
 *
 * History is kept: type changes, attempts to locate, strategy meetings and
 * return interview changes are rows added, never rewritten.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';

const moment = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
const orgId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);

export const missingEpisodes = pgTable(
  'missing_episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    /** The child (case_people.id in the case register). */
    personId: uuid('person_id').notNull(),
    /** The SSD id of the imported episode this one is, when recorded from it. */
    ssdSourceId: text('ssd_source_id'),
    startAt: moment('start_at').notNull(),
    endAt: moment('end_at'),
    whereFound: text('where_found'),
    /** missing, absent or away (the latest of missing_episode_types). */
    type: text('type').notNull(),
    reportedBy: text('reported_by').notNull(),
    reportedAt: moment('reported_at').notNull(),
    policeReference: text('police_reference'),
    /** high or medium, as the police classify; null until they do. */
    policeRisk: text('police_risk'),
    /** The recorded circumstances of the local high-risk rule: abducted, immediate_risk, missed_curfew. */
    highRiskCircumstances: jsonb('high_risk_circumstances')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    withWhom: text('with_whom'),
    policeToldAt: moment('police_told_at'),
    adToldAt: moment('ad_told_at'),
    leadMemberToldAt: moment('lead_member_told_at'),
    socialWorkerContactAt: moment('social_worker_contact_at'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: moment('created_at').notNull(),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [
    index('missing_episodes_org_person').on(t.organisationId, t.personId),
    index('missing_episodes_org_open').on(t.organisationId).where(sql`end_at is null`),
  ],
);

/** The episode's type over time: the first row is the type it was recorded with. */
export const missingEpisodeTypes = pgTable(
  'missing_episode_types',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: orgId(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => missingEpisodes.id),
    type: text('type').notNull(),
    /** From when the police classify it so. */
    fromAt: moment('from_at').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: moment('recorded_at').notNull(),
  },
  (t) => [index('missing_episode_types_episode').on(t.organisationId, t.episodeId)],
);

/** Attempts to locate the child: when, who was contacted, what came of it. */
export const missingLocateAttempts = pgTable(
  'missing_locate_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: orgId(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => missingEpisodes.id),
    at: moment('at').notNull(),
    contacted: text('contacted').notNull(),
    result: text('result').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: moment('recorded_at').notNull(),
  },
  (t) => [index('missing_locate_attempts_episode').on(t.organisationId, t.episodeId)],
);

/** Strategy meetings held for an episode. */
export const missingStrategyMeetings = pgTable(
  'missing_strategy_meetings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: orgId(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => missingEpisodes.id),
    heldOn: day('held_on').notNull(),
    chair: text('chair').notNull(),
    attendees: text('attendees'),
    decisions: text('decisions').notNull(),
    nextDate: day('next_date'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: moment('recorded_at').notNull(),
  },
  (t) => [index('missing_strategy_meetings_episode').on(t.organisationId, t.episodeId)],
);

/**
 * The return home interview, as recorded over time: each save is a new row;
 * the latest is the interview as it stands. The child's own account is kept
 * apart from the worker's analysis (the child's voice, in their words).
 */
export const missingReturnInterviews = pgTable(
  'missing_return_interviews',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: orgId(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => missingEpisodes.id),
    offeredAt: moment('offered_at'),
    offeredBy: text('offered_by'),
    independent: boolean('independent'),
    /** accepted or declined; null while no answer. */
    response: text('response'),
    respondedOn: day('responded_on'),
    /** On a decline: whether the social worker offered to do it instead. */
    socialWorkerOffered: boolean('social_worker_offered'),
    completedOn: day('completed_on'),
    completedBy: text('completed_by'),
    childAccount: text('child_account'),
    pushFactors: text('push_factors'),
    pullFactors: text('pull_factors'),
    whereWent: text('where_went'),
    withWhom: text('with_whom'),
    exploitationConcerns: text('exploitation_concerns'),
    actions: text('actions'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: moment('recorded_at').notNull(),
  },
  (t) => [index('missing_return_interviews_episode').on(t.organisationId, t.episodeId)],
);

/**
 * The looked-after child information sharing form ("grab pack"): what the
 * police need at once when the child goes missing. Each save is a new row;
 * the latest is the pack as it stands. Restricted: reading it asks for a
 * reason, kept in the access audit.
 */
export const missingGrabPacks = pgTable(
  'missing_grab_packs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: orgId(),
    personId: uuid('person_id').notNull(),
    /** Physical description: height, build, hair, distinguishing features, usual clothing. */
    description: text('description').notNull(),
    /** People to contact: family, friends, carers, with telephone numbers. */
    contacts: text('contacts'),
    /** Places the child is known to go. */
    places: text('places'),
    /** Associates, including adults who may pose a risk. */
    associates: text('associates'),
    /** Health needs, medication, phone number, social media, anything else. */
    otherDetails: text('other_details'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: moment('recorded_at').notNull(),
  },
  (t) => [index('missing_grab_packs_person').on(t.organisationId, t.personId)],
);

/**
 * The grab pack's photograph: a PNG or JPEG recognised from its own bytes,
 * kept in the database (every instance serves the same one) and shown only
 * inside the grab pack, opened with a reason. Each upload is a new row.
 */
export const missingGrabPackPhotos = pgTable(
  'missing_grab_pack_photos',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: orgId(),
    personId: uuid('person_id').notNull(),
    /** "image/png" or "image/jpeg", from the bytes. */
    contentType: text('content_type').notNull(),
    data: bytea('data').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: moment('recorded_at').notNull(),
  },
  (t) => [index('missing_grab_pack_photos_person').on(t.organisationId, t.personId)],
);

/**
 * The missing child risk assessment: each factor of vocabularies.md answered
 * yes, no or unknown with details; the summary of risk, actions, review date
 * and who completed it. Updated after every episode: each save is a new row,
 * the latest is the assessment as it stands.
 */
export const missingRiskAssessments = pgTable(
  'missing_risk_assessments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: orgId(),
    personId: uuid('person_id').notNull(),
    /** Each factor's answer (yes, no, unknown) and details, by factor key (risk.ts). */
    factors: jsonb('factors').$type<Record<string, { answer: string; details: string | null }>>().notNull(),
    summary: text('summary').notNull(),
    actions: text('actions'),
    reviewOn: day('review_on'),
    completedOn: day('completed_on').notNull(),
    completedBy: text('completed_by').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: moment('recorded_at').notNull(),
  },
  (t) => [index('missing_risk_assessments_person').on(t.organisationId, t.personId)],
);

/**
 * The pre-incident risk assessment (trigger plan) for a child at risk of
 * going missing: what makes it likely, what protects the child, whom to
 * contact, and whether the child has seen it. Each save is a new row.
 */
export const missingTriggerPlans = pgTable(
  'missing_trigger_plans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: orgId(),
    personId: uuid('person_id').notNull(),
    likelihoodFactors: text('likelihood_factors').notNull(),
    protectiveFactors: text('protective_factors'),
    contacts: text('contacts'),
    seenByChild: boolean('seen_by_child').notNull(),
    seenByChildOn: day('seen_by_child_on'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: moment('recorded_at').notNull(),
  },
  (t) => [index('missing_trigger_plans_person').on(t.organisationId, t.personId)],
);

/** The organisation's settings for missing children; no row means the defaults (repeat: 2 episodes in 90 days). */
export const missingSettings = pgTable('missing_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** A child going missing this many times ... */
  repeatEpisodes: integer('repeat_episodes').notNull(),
  /** ... within this many days is going missing repeatedly. */
  repeatDays: integer('repeat_days').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: moment('updated_at').notNull(),
});
