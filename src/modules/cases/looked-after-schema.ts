/**
 * The case register's looked-after children's tables: periods of care,
 * placements, reviews, visits, health, education and care plans, SDQ scores
 * and care leavers (SSD tables ssd_cla_* and ssd_care_leavers).
 */
import { boolean, doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { day, openByDate, personal, personalIndexes } from './register-columns';

/**
 * Looked-after episodes (ssd_cla_episodes). Episodes of one period of care
 * share cla_source_id (clae_cla_id), which placements, reviews and visits use.
 */
export const caseClaEpisodes = pgTable(
  'case_cla_episodes',
  {
    ...personal(),
    claSourceId: text('cla_source_id').notNull(),
    referralSourceId: text('referral_source_id'),
    placementSourceId: text('placement_source_id'),
    startDate: day('start_date').notNull(),
    startReason: text('start_reason'),
    primaryNeedCode: text('primary_need_code'),
    ceasedDate: day('ceased_date'),
    ceasedReason: text('ceased_reason'),
    lastIroContactDate: day('last_iro_contact_date'),
    enteredCareDate: day('entered_care_date'),
  },
  (t) => [
    ...personalIndexes('case_cla_episodes', t),
    index('case_cla_episodes_org_cla').on(t.organisationId, t.claSourceId),
  ],
);

/** Placements (ssd_cla_placement). */
export const caseClaPlacements = pgTable(
  'case_cla_placements',
  {
    ...personal(),
    claSourceId: text('cla_source_id').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    placementType: text('placement_type'),
    urn: text('urn'),
    distanceMiles: doublePrecision('distance_miles'),
    provider: text('provider'),
    postcode: text('postcode'),
    changeReason: text('change_reason'),
  },
  (t) => personalIndexes('case_cla_placements', t),
);

/** Looked-after reviews (ssd_cla_reviews). */
export const caseClaReviews = pgTable(
  'case_cla_reviews',
  {
    ...personal(),
    claSourceId: text('cla_source_id').notNull(),
    dueDate: day('due_date'),
    reviewDate: day('review_date'),
    cancelled: boolean('cancelled'),
    participation: text('participation'),
  },
  (t) => [...personalIndexes('case_cla_reviews', t), openByDate('case_cla_reviews', t, t.reviewDate)],
);

/** Statutory visits to looked-after children (ssd_cla_visits). */
export const caseClaVisits = pgTable(
  'case_cla_visits',
  {
    ...personal(),
    claSourceId: text('cla_source_id'),
    visitDate: day('visit_date').notNull(),
    childSeen: boolean('child_seen'),
    seenAlone: boolean('seen_alone'),
  },
  (t) => personalIndexes('case_cla_visits', t),
);

/** Health assessments and checks (ssd_cla_health). */
export const caseClaHealth = pgTable(
  'case_cla_health',
  {
    ...personal(),
    checkType: text('check_type'),
    checkDate: day('check_date').notNull(),
    status: text('status'),
  },
  (t) => personalIndexes('case_cla_health', t),
);

/** Personal education plans (Oversight extension table ext_cla_pep: the SSD has none). */
export const caseClaPeps = pgTable(
  'case_cla_peps',
  {
    ...personal(),
    claSourceId: text('cla_source_id'),
    pepDate: day('pep_date').notNull(),
    status: text('status'),
  },
  (t) => personalIndexes('case_cla_peps', t),
);

/** Looked-after care plans (ssd_cla_care_plan). */
export const caseClaCarePlans = pgTable(
  'case_cla_care_plans',
  {
    ...personal(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    planJson: text('plan_json'),
  },
  (t) => personalIndexes('case_cla_care_plans', t),
);

/** Strengths and Difficulties Questionnaire scores (ssd_sdq_scores). */
export const caseSdqScores = pgTable(
  'case_sdq_scores',
  {
    ...personal(),
    completedDate: day('completed_date').notNull(),
    score: integer('score'),
    reason: text('reason'),
  },
  (t) => personalIndexes('case_sdq_scores', t),
);

/** Care leavers (ssd_care_leavers). */
export const caseCareLeavers = pgTable(
  'case_care_leavers',
  {
    ...personal(),
    eligibility: text('eligibility'),
    inTouch: text('in_touch'),
    latestContactDate: day('latest_contact_date'),
    accommodation: text('accommodation'),
    accommodationSuitable: text('accommodation_suitable'),
    activity: text('activity'),
    pathwayPlanReviewDate: day('pathway_plan_review_date'),
    personalAdviser: text('personal_adviser'),
    teamSourceId: text('team_source_id'),
    workerSourceId: text('worker_source_id'),
  },
  (t) => personalIndexes('case_care_leavers', t),
);
