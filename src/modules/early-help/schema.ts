/**
 * The early help outcomes plan: goals set with a family for a child in early
 * help, each scored by the family from 0 to 10 at assessment, at each
 * team-around-the-family review and at closure. Scores are added, never
 * rewritten; a closure score closes the goal.
 */
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';

const day = (name: string) => date(name, { mode: 'string' });
const moment = (name: string) => timestamp(name, { withTimezone: true });

export const earlyHelpGoals = pgTable(
  'early_help_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The child (case_people.id); checked against the case register by the cases service. */
    personId: uuid('person_id').notNull(),
    goal: text('goal').notNull(),
    setOn: day('set_on').notNull(),
    /** The date of the closure score; null while the goal is open. */
    closedOn: day('closed_on'),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('early_help_goals_person').on(t.organisationId, t.personId),
    index('early_help_goals_closed').on(t.organisationId, t.closedOn),
  ],
);

export const earlyHelpScores = pgTable(
  'early_help_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => earlyHelpGoals.id),
    /** assessment, review or closure (vocab STAGES). */
    stage: text('stage').notNull(),
    scoredOn: day('scored_on').notNull(),
    score: integer('score').notNull(),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('early_help_scores_goal').on(t.organisationId, t.goalId, t.scoredOn)],
);
