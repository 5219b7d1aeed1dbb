import {
  boolean,
  customType,
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
import { qaAudits, qaRecommendations, qaRounds } from './schema';

const moment = (name: string) => timestamp(name, { withTimezone: true });
const orgId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);

/**
 * The organisation's list of audit themes (management oversight, SMART
 * planning...). Edited by a QA officer or an administrator; a theme in use is
 * retired, never deleted, so past findings keep their tags.
 */
export const qaThemes = pgTable(
  'qa_themes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    retired: boolean('retired').notNull().default(false),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [uniqueIndex('qa_themes_org_name').on(t.organisationId, t.name)],
);

/** A finding of one audit: a strength or an area for development, tagged with themes. */
export const qaFindings = pgTable(
  'qa_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => qaAudits.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => qaRounds.id),
    /** strength | development */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    themeIds: uuid('theme_ids').array().notNull(),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('qa_findings_audit').on(t.auditId),
    index('qa_findings_round').on(t.organisationId, t.roundId),
  ],
);

/**
 * A thematic recommendation raised from a round's findings. Once it becomes
 * an action in an improvement plan (through the plans service) it holds the
 * action's id; the action's source names the round and the recommendation.
 */
export const qaThematicRecommendations = pgTable(
  'qa_thematic_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => qaRounds.id),
    text: text('text').notNull(),
    themeIds: uuid('theme_ids').array().notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    planId: uuid('plan_id'),
    actionId: uuid('action_id'),
    linkedAt: moment('linked_at'),
    linkedBy: uuid('linked_by').references(() => users.id),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('qa_thematic_recommendations_round').on(t.organisationId, t.roundId)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A file that shows a case-specific recommendation is done, uploaded by its owner for the follow-up meeting. */
export const qaRecommendationEvidence = pgTable(
  'qa_recommendation_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => qaRecommendations.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedAt: moment('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
  },
  (t) => [index('qa_recommendation_evidence_rec').on(t.organisationId, t.recommendationId)],
);
