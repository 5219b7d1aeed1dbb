/**
 * Feedback from families: the complaints and compliments log with outcomes
 * and learning, and early help closing feedback (tick boxes, and the
 * family's goals scored at assessment and rescored at closure).
 */
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from '../../platform/schema';
import type { GoalScore } from './feedback-rules';
import { day, moment, orgId } from './practice-columns';

/** A complaint or compliment; a complaint is open until its outcome and learning are recorded. */
export const qaFeedbackLog = pgTable(
  'qa_feedback_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    /** complaint or compliment. */
    kind: text('kind').notNull(),
    receivedOn: day('received_on').notNull(),
    /** child, parent_carer, professional, other (vocab FEEDBACK_SOURCES). */
    source: text('source').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    summary: text('summary').notNull(),
    /** Complaints: upheld, partly_upheld, not_upheld, withdrawn; null while open. */
    outcome: text('outcome'),
    outcomeOn: day('outcome_on'),
    learning: text('learning'),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('qa_feedback_log_org').on(t.organisationId, t.receivedOn)],
);

/** One family's feedback when their early help closed. */
export const qaEarlyHelpFeedback = pgTable(
  'qa_early_help_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    closedOn: day('closed_on').notNull(),
    /** The keys of the statements the family ticked (vocab EARLY_HELP_STATEMENTS). */
    ticked: text('ticked').array().notNull(),
    goals: jsonb('goals').$type<GoalScore[]>().notNull(),
    comments: text('comments'),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('qa_early_help_feedback_org').on(t.organisationId, t.closedOn)],
);
