import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';
import type { AuditAnswers, TemplateDefinition } from './vocab';

const moment = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const orgId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);

/**
 * Audit templates, one row per version. Editing a template adds a version;
 * a version is never changed, so an audit keeps the questions it was done on.
 * `template_id` names the template across its versions.
 */
export const qaTemplateVersions = pgTable(
  'qa_template_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    templateId: uuid('template_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<TemplateDefinition>().notNull(),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('qa_template_versions_template_version').on(t.templateId, t.version),
    index('qa_template_versions_org').on(t.organisationId),
  ],
);

/** An audit round (programme): its type, dates, template version, auditors and how its sample was drawn. */
export const qaRounds = pgTable(
  'qa_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date').notNull(),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => qaTemplateVersions.id),
    auditorIds: uuid('auditor_ids').array().notNull(),
    /** How the sample was drawn and with what (the rule, criteria, the previous round), for the page to explain. */
    sampling: jsonb('sampling').$type<Record<string, unknown>>().notNull(),
    /** Open cases and the cases excluded, with why, at the time of sampling. */
    eligibleCount: integer('eligible_count').notNull(),
    excluded: jsonb('excluded').$type<Array<{ personId: string; reason: string }>>().notNull(),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('qa_rounds_org').on(t.organisationId, t.startDate)],
);

/**
 * One case file audit: a case in a round's sample. Answers are saved section
 * by section as the auditor goes; grades after moderation are in
 * qa_moderations (append-only), the auditor's own grades stay here.
 */
export const qaAudits = pgTable(
  'qa_audits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => qaRounds.id),
    personId: uuid('person_id').notNull(),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => qaTemplateVersions.id),
    /** Why the case is in the sample, in words. */
    reason: text('reason').notNull(),
    stratum: text('stratum').notNull(),
    /** The case's worker (their account) and team when the sample was drawn. */
    workerUserId: uuid('worker_user_id').references(() => users.id),
    teamName: text('team_name'),
    auditorId: uuid('auditor_id').references(() => users.id),
    status: text('status').notNull(),
    answers: jsonb('answers').$type<AuditAnswers>().notNull(),
    overallGrade: text('overall_grade'),
    narrative: text('narrative'),
    submittedAt: moment('submitted_at'),
    moderatedAt: moment('moderated_at'),
    moderatedBy: uuid('moderated_by').references(() => users.id),
    response: text('response'),
    respondedAt: moment('responded_at'),
    respondedBy: uuid('responded_by').references(() => users.id),
    closedAt: moment('closed_at'),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('qa_audits_round_person').on(t.roundId, t.personId),
    index('qa_audits_org_status').on(t.organisationId, t.status),
    index('qa_audits_auditor').on(t.auditorId),
    // The home page's "audits assigned to you" (an auditor's audits in the rounds under way) counted from the index.
    index('qa_audits_org_auditor_round').on(t.organisationId, t.auditorId, t.roundId, t.status),
    index('qa_audits_person').on(t.organisationId, t.personId),
    index('qa_audits_worker').on(t.workerUserId).where(sql`${t.workerUserId} is not null`),
  ],
);

/** A QA officer's moderation of one grade (a section's, or the overall one when section_key is null). Append-only. */
export const qaModerations = pgTable(
  'qa_moderations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => qaAudits.id),
    sectionKey: text('section_key'),
    auditorGrade: text('auditor_grade'),
    grade: text('grade').notNull(),
    reason: text('reason'),
    moderatedAt: moment('moderated_at').notNull(),
    moderatedBy: uuid('moderated_by').references(() => users.id),
  },
  (t) => [index('qa_moderations_audit').on(t.auditId)],
);

/**
 * A case-specific recommendation from an audit: its owner (usually the team
 * manager), due date and status, and what shows it is done (evidence) or why
 * no evidence is needed (rationale). Signed off only at a follow-up meeting.
 */
export const qaRecommendations = pgTable(
  'qa_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => qaAudits.id),
    personId: uuid('person_id').notNull(),
    text: text('text').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    dueDate: day('due_date').notNull(),
    status: text('status').notNull(),
    evidence: text('evidence'),
    rationale: text('rationale'),
    signedOffAt: moment('signed_off_at'),
    signedOffMeetingId: uuid('signed_off_meeting_id'),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [
    index('qa_recommendations_org_status').on(t.organisationId, t.status),
    index('qa_recommendations_owner').on(t.ownerId),
    index('qa_recommendations_audit').on(t.auditId),
  ],
);

/** A follow-up meeting (chaired by the assistant director) that decides on recommendations. */
export const qaFollowUpMeetings = pgTable(
  'qa_follow_up_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    date: day('date').notNull(),
    chair: text('chair').notNull(),
    attendees: text('attendees').notNull(),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('qa_follow_up_meetings_org').on(t.organisationId, t.date)],
);

/** What a follow-up meeting decided on one recommendation. Append-only. */
export const qaRecommendationDecisions = pgTable(
  'qa_recommendation_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => qaFollowUpMeetings.id),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => qaRecommendations.id),
    decision: text('decision').notNull(),
    note: text('note'),
  },
  (t) => [index('qa_recommendation_decisions_rec').on(t.recommendationId)],
);
