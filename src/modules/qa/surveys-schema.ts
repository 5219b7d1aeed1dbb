/**
 * Surveys of children and families (the annual service user survey): who was
 * eligible and who answered, by cohort and mode; the results of each
 * question; and quotes, held until checked for names.
 */
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/schema';
import { moment, orgId } from './practice-columns';
import type { ModeCounts } from './surveys-rules';

/** One survey in one year; surveys of the same name are compared year on year. */
export const qaSurveys = pgTable(
  'qa_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('qa_surveys_org_name_year').on(t.organisationId, t.name, t.year)],
);

/** A cohort of a survey (looked after, care leavers...): how many were eligible and how many answered by each mode. */
export const qaSurveyCohorts = pgTable(
  'qa_survey_cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => qaSurveys.id),
    cohort: text('cohort').notNull(),
    eligible: integer('eligible').notNull(),
    responses: jsonb('responses').$type<ModeCounts>().notNull(),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [uniqueIndex('qa_survey_cohorts_survey_cohort').on(t.surveyId, t.cohort)],
);

/** One question's result: how many answered it and how many answered positively. */
export const qaSurveyQuestions = pgTable(
  'qa_survey_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => qaSurveys.id),
    text: text('text').notNull(),
    answered: integer('answered').notNull(),
    positive: integer('positive').notNull(),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [uniqueIndex('qa_survey_questions_survey_text').on(t.surveyId, t.text)],
);

/**
 * A quote from a response. One that may hold a name (`flagged`) is held
 * until a QA officer clears it; only clear quotes can be published.
 */
export const qaSurveyQuotes = pgTable(
  'qa_survey_quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => qaSurveys.id),
    cohort: text('cohort').notNull(),
    text: text('text').notNull(),
    /** The words that may be names, found when the quote was recorded. */
    flagged: text('flagged').array().notNull(),
    clearedAt: moment('cleared_at'),
    clearedBy: uuid('cleared_by').references(() => users.id),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('qa_survey_quotes_survey').on(t.surveyId)],
);
