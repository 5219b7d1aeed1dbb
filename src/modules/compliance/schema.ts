import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';
import type { RuleDefinition } from './rules/model';

/**
 * Timescale rules, one row per version. Editing a rule adds a version with an
 * effective date; rows are never changed, so a past due date can always be
 * explained by the version in force when its clock started.
 */
export const timescaleRules = pgTable(
  'timescale_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    retired: boolean('retired').notNull().default(false),
    definition: jsonb('definition').$type<RuleDefinition>().notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('timescale_rules_version').on(t.organisationId, t.key, t.version)],
);

/**
 * Every statutory task of every child as last computed: derived data, rebuilt
 * per child when their record changes and for everyone each day. Dashboards
 * read this table, so a page never waits on a recomputation.
 */
export const complianceTasks = pgTable(
  'compliance_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id').notNull(),
    episodeId: text('episode_id').notNull(),
    ruleKey: text('rule_key').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    serviceLevel: text('service_level').notNull(),
    taskType: text('task_type').notNull(),
    occurrence: integer('occurrence').notNull(),
    clockStart: date('clock_start', { mode: 'string' }).notNull(),
    due: date('due', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    status: text('status').notNull(),
    daysLate: integer('days_late').notNull(),
    episodeOpen: boolean('episode_open').notNull(),
    /** The case worker responsible at the due date (cases module's worker id), and their team. */
    workerId: uuid('worker_id'),
    teamId: uuid('team_id'),
    computedOn: date('computed_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    // Lists read each status in due-date order from this index, stopping when the page is full.
    index('compliance_tasks_org_status').on(t.organisationId, t.episodeOpen, t.status, t.due),
    index('compliance_tasks_org_team').on(t.organisationId, t.teamId),
    // A worker's tasks of a status in due-date order (the home page's "due in the next 7 days", the list of
    // one's own tasks): read from the index, not by filtering every task of the status.
    index('compliance_tasks_org_worker_status').on(
      t.organisationId,
      t.workerId,
      t.episodeOpen,
      t.status,
      t.due,
    ),
    index('compliance_tasks_org_person').on(t.organisationId, t.personId),
    index('compliance_tasks_org_due').on(t.organisationId, t.due),
    // "Last worked out on" reads the latest without counting every task.
    index('compliance_tasks_org_computed').on(t.organisationId, t.computedOn),
  ],
);

/**
 * Stored figures for the dashboards and home page: how many open tasks (open
 * episodes; overdue, due soon or not yet due) each team, worker, service level
 * and kind of task has in each status. Kept by the same statement pairs that
 * rewrite compliance_tasks (repository.replaceTasks): adjusted by the
 * difference whenever children's tasks are replaced (after a form; a batch of
 * children at a time when every task is recomputed, each night and after an
 * import), so a page sums a few thousand rows instead of counting every task.
 */
export const complianceOpenCounts = pgTable(
  'compliance_open_counts',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').notNull(),
    serviceLevel: text('service_level').notNull(),
    taskType: text('task_type').notNull(),
    teamId: uuid('team_id'),
    workerId: uuid('worker_id'),
    n: integer('n').notNull(),
  },
  (t) => [
    unique('compliance_open_counts_key')
      .on(t.organisationId, t.status, t.serviceLevel, t.taskType, t.teamId, t.workerId)
      .nullsNotDistinct(),
  ],
);

/**
 * Stored figures for the on-time trend: tasks that fell due (done, done late
 * or still overdue) in each month, open and closed episodes alike. Kept with
 * compliance_open_counts.
 */
export const complianceMonthCounts = pgTable(
  'compliance_month_counts',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** "2026-01": the month of the due date. */
    month: text('month').notNull(),
    status: text('status').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [unique('compliance_month_counts_key').on(t.organisationId, t.month, t.status)],
);

/** One row per prompt sent, so a digest goes once a day however often the job runs. */
export const compliancePrompts = pgTable(
  'compliance_prompts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** "worker", "manager" or "escalation". */
    kind: text('kind').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    items: integer('items').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('compliance_prompts_once').on(t.organisationId, t.userId, t.kind, t.sentOn)],
);

/** Organisation settings for prompts. */
export const complianceSettings = pgTable('compliance_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** Items overdue by more than this many working days escalate to the service manager. */
  escalateAfterWorkingDays: integer('escalate_after_working_days').notNull().default(10),
  promptsEnabled: boolean('prompts_enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
