import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';
import type { PlanDocument } from './document';

const moment = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const orgId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** The organisation's RAG key: labels and meanings for the four fixed codes. Absent rows mean the default key. */
export const planRagKey = pgTable(
  'plan_rag_key',
  {
    organisationId: orgId(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    meaning: text('meaning').notNull(),
    updatedAt: moment('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.code] })],
);

/**
 * A scored RAG key (the early help outcomes plan's shape): actions are scored
 * 0 to 10 and the bands give the colour. A row means the organisation scores
 * its actions; red runs from 0 to redTo, amber to amberTo, green to 10.
 */
export const planRagScale = pgTable(
  'plan_rag_scale',
  {
    organisationId: orgId().primaryKey(),
    redTo: integer('red_to').notNull(),
    amberTo: integer('amber_to').notNull(),
    updatedAt: moment('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    check('plan_rag_scale_bands', sql`${t.redTo} >= 0 and ${t.redTo} < ${t.amberTo} and ${t.amberTo} < 10`),
  ],
);

/**
 * The leads roster: posts as plans name them (job title and initials) and
 * who holds each now. Actions point at the post, so a new holder does not
 * rewrite any action.
 */
export const planLeads = pgTable(
  'plan_leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    jobTitle: text('job_title').notNull(),
    initials: text('initials'),
    holderUserId: uuid('holder_user_id').references(() => users.id),
    /** A holder without an account (a partner agency's officer). */
    holderName: text('holder_name'),
    createdAt: moment('created_at').notNull(),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('plan_leads_org_initials')
      .on(t.organisationId, sql`lower(${t.initials})`)
      .where(sql`${t.initials} is not null`),
    index('plan_leads_holder').on(t.holderUserId),
  ],
);

export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    type: text('type').notNull(),
    name: text('name').notNull(),
    durationFrom: day('duration_from'),
    durationTo: day('duration_to'),
    relevantStrategies: text('relevant_strategies'),
    previousVersions: text('previous_versions'),
    monitoringBoard: text('monitoring_board'),
    owner: text('owner'),
    implementationDate: day('implementation_date'),
    reviewDate: day('review_date'),
    monitoringFrequency: text('monitoring_frequency').notNull(),
    aims: text('aims'),
    /** Committee outstanding actions: which committee (a key the committee module will use, and its name). */
    committeeKey: text('committee_key'),
    committeeName: text('committee_name'),
    /**
     * The columns of the document the plan was imported from, in its order,
     * each with the plan field it was read as: the DOCX export prints them so.
     */
    tableColumns: jsonb('table_columns').$type<Array<{ heading: string; use: string }>>(),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [
    index('plans_org').on(t.organisationId),
    uniqueIndex('plans_org_committee')
      .on(t.organisationId, t.committeeKey)
      .where(sql`${t.type} = 'committee_outstanding'`),
  ],
);

export const planPriorities = pgTable(
  'plan_priorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [uniqueIndex('plan_priorities_plan_number').on(t.planId, t.number)],
);

/** An action lives in its home plan; plan_action_links places it in others without copying. */
export const planActions = pgTable(
  'plan_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    homePlanId: uuid('home_plan_id')
      .notNull()
      .references(() => plans.id),
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => planPriorities.id),
    reference: text('reference').notNull(),
    aim: text('aim'),
    sourceKind: text('source_kind').notNull(),
    sourceDetail: text('source_detail'),
    action: text('action').notNull(),
    startDate: day('start_date'),
    /** How precisely the start date was written, as for the end date. */
    startDatePrecision: text('start_date_precision'),
    startDateText: text('start_date_text'),
    endDate: day('end_date'),
    /**
     * How precisely the end (target) date was written: day (null), month,
     * quarter, season or year, when end_date holds the last day of that
     * period; or text (a duration like "ongoing", no end_date).
     */
    endDatePrecision: text('end_date_precision'),
    /** The end date as the plan wrote it, when not a day ("Summer 2017", "ongoing"). */
    endDateText: text('end_date_text'),
    measure: text('measure'),
    outcomeForChildren: text('outcome_for_children'),
    leadOfficerId: uuid('lead_officer_id').references(() => planLeads.id),
    seniorLeadId: uuid('senior_lead_id').references(() => planLeads.id),
    areaLeadId: uuid('area_lead_id').references(() => planLeads.id),
    /**
     * Further leads when a plan names several ("JF/RG", "HAI and HCIC"): posts
     * on the same organisation's roster, in the order written, after the lead officer.
     */
    otherLeadIds: uuid('other_lead_ids').array(),
    /** The sub-heading the action sits under inside its priority ("Leadership, management and governance"). */
    subHeading: text('sub_heading'),
    /** Columns of an imported table that have no place in a plan, kept as "Heading: value" lines. */
    extraText: text('extra_text'),
    /** Current RAG code: the latest of plan_rag_changes, kept here for lists. */
    rag: text('rag').notNull(),
    /** The latest score (0 to 10) where the organisation scores its actions; the bands give the RAG. */
    score: integer('score'),
    ragReviewedOn: day('rag_reviewed_on'),
    completedOn: day('completed_on'),
    dateAdded: day('date_added'),
    agendaItem: text('agenda_item'),
    addedOn: day('added_on').notNull(),
    createdAt: moment('created_at').notNull(),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('plan_actions_plan_reference').on(t.homePlanId, t.reference),
    index('plan_actions_org').on(t.organisationId),
    index('plan_actions_priority').on(t.priorityId),
    check('plan_actions_rag', sql`${t.rag} in ('red', 'amber', 'green', 'blue', 'not_rated')`),
    check(
      'plan_actions_end_date_precision',
      sql`${t.endDatePrecision} is null or ${t.endDatePrecision} in ('month', 'quarter', 'season', 'year', 'text')`,
    ),
    check(
      'plan_actions_start_date_precision',
      sql`${t.startDatePrecision} is null or ${t.startDatePrecision} in ('month', 'quarter', 'season', 'year', 'text')`,
    ),
    check('plan_actions_score', sql`${t.score} is null or (${t.score} between 0 and 10)`),
  ],
);

export const planActionLinks = pgTable(
  'plan_action_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id),
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => planPriorities.id),
    /** The action's reference in this plan. */
    reference: text('reference').notNull(),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('plan_action_links_plan_reference').on(t.planId, t.reference),
    uniqueIndex('plan_action_links_plan_action').on(t.planId, t.actionId),
    index('plan_action_links_action').on(t.actionId),
  ],
);

/** Files uploaded as evidence of completion. */
export const planEvidenceFiles = pgTable(
  'plan_evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: moment('uploaded_at').notNull(),
  },
  (t) => [index('plan_evidence_files_action').on(t.actionId)],
);

/**
 * Every RAG decision: a change, or a review that confirms the status. Append
 * only (a trigger rejects UPDATE and DELETE). Blue needs evidence.
 */
export const planRagChanges = pgTable(
  'plan_rag_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id),
    fromRag: text('from_rag'),
    toRag: text('to_rag').notNull(),
    /** The score given with this decision, where the organisation scores its actions. */
    score: integer('score'),
    reviewedOn: day('reviewed_on').notNull(),
    reason: text('reason'),
    evidenceText: text('evidence_text'),
    evidenceLink: text('evidence_link'),
    evidenceFileId: uuid('evidence_file_id').references(() => planEvidenceFiles.id),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: moment('changed_at').notNull(),
  },
  (t) => [
    index('plan_rag_changes_action').on(t.actionId, t.changedAt),
    check('plan_rag_changes_rag', sql`${t.toRag} in ('red', 'amber', 'green', 'blue', 'not_rated')`),
    check(
      'plan_rag_changes_blue_evidence',
      sql`${t.toRag} <> 'blue' or ${t.fromRag} = 'blue' or coalesce(${t.evidenceText}, ${t.evidenceLink}, ${t.evidenceFileId}::text) is not null`,
    ),
  ],
);

/** Dated, attributed progress updates. Editable only while no later update exists. */
export const planUpdates = pgTable(
  'plan_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id),
    updateDate: day('update_date').notNull(),
    progress: text('progress').notNull(),
    focus: text('focus'),
    authorId: uuid('author_id').references(() => users.id),
    /** Who wrote it, as an imported table says ("RG", or "imported from plan.docx"); shown instead of the importer. */
    authorLabel: text('author_label'),
    createdAt: moment('created_at').notNull(),
    editedAt: moment('edited_at'),
  },
  (t) => [index('plan_updates_action').on(t.actionId, t.updateDate)],
);

/** Published, frozen versions of a plan, numbered per plan. Append only (trigger). */
export const planSnapshots = pgTable(
  'plan_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    number: integer('number').notNull(),
    asAt: day('as_at').notNull(),
    document: jsonb('document').$type<PlanDocument>().notNull(),
    publishedAt: moment('published_at').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('plan_snapshots_plan_number').on(t.planId, t.number)],
);
