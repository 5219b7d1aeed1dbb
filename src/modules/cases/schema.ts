/**
 * The children's case register: people (children and young people), their
 * episodes and events, modelled on the Standard Safeguarding Dataset (SSD).
 * docs/ssd-mapping.md maps every SSD field to a column here.
 *
 * Every SSD-sourced table carries:
 * - organisation_id, and source_id: the SSD identifier, unique per organisation
 *   (re-imports update by it, never duplicate);
 * - row_hash: a digest of the imported values, so an unchanged row is left alone;
 * - first_import_id / changed_import_id: which import added and last changed it;
 * - closed_at / closed_by_import_id: set when a full extract no longer holds the
 *   record. Closed records are kept (never deleted) and left out of current views;
 *   a later extract that holds the record again reopens it.
 *
 * References to other SSD records are kept as their SSD identifiers
 * (referral_source_id, cla_source_id...), looked up by (organisation_id,
 * source_id); the person a record is about is resolved to person_id.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { teams, users } from '../../platform/schema';
import { day, moment, openByDate, personal, personalIndexes, sourced } from './register-columns';

/** Children and young people (ssd_person). */
export const casePeople = pgTable(
  'case_people',
  {
    ...sourced(),
    legacyId: text('legacy_id'),
    forename: text('forename'),
    surname: text('surname'),
    /** F, M or U (pers_sex). */
    sex: text('sex'),
    /** 00, 01, 02, 09 (pers_gender). */
    gender: text('gender'),
    /** DfE ethnicity code, e.g. WBRI. */
    ethnicity: text('ethnicity'),
    dateOfBirth: day('date_of_birth'),
    expectedDateOfBirth: day('expected_date_of_birth'),
    dateOfDeath: day('date_of_death'),
    nhsNumber: text('nhs_number'),
    upn: text('upn'),
    upnUnknownReason: text('upn_unknown_reason'),
    /** Has an education, health and care plan (pers_send_flag). */
    hasEhcp: boolean('has_ehcp'),
    isMother: boolean('is_mother'),
    nationality: text('nationality'),
    /** Derived after each import (see refreshPeopleSummaries): has an open episode. */
    openCase: boolean('open_case').notNull().default(false),
    /** Derived: looked_after, child_protection, care_leaver, child_in_need, early_help or none. */
    serviceLevel: text('service_level').notNull().default('none'),
    /** Derived: a current immigration status of unaccompanied asylum-seeking child. */
    uasc: boolean('uasc').notNull().default(false),
    /** Derived: a disability code other than NONE in ssd_disability. */
    disabled: boolean('disabled').notNull().default(false),
    /** Lower-cased "forename surname" for search. */
    searchName: text('search_name'),
  },
  (t) => [
    uniqueIndex('case_people_org_source').on(t.organisationId, t.sourceId),
    index('case_people_org_open').on(t.organisationId, t.openCase),
    index('case_people_org_dob').on(t.organisationId, t.dateOfBirth),
    index('case_people_org_nhs').on(t.organisationId, t.nhsNumber),
  ],
);

/** Teams and services in the case management system (ssd_department), linked to platform teams. */
export const caseTeams = pgTable(
  'case_teams',
  {
    ...sourced(),
    name: text('name').notNull(),
    parentSourceId: text('parent_source_id'),
    parentName: text('parent_name'),
    /** The platform team (teams.source_id or the same name); null when Oversight has no such team. */
    teamId: uuid('team_id').references(() => teams.id),
  },
  (t) => [uniqueIndex('case_teams_org_source').on(t.organisationId, t.sourceId)],
);

/**
 * Workers (ssd_professionals). A worker with an Oversight account is linked
 * to it (user_id); one without is kept so allocations still work.
 */
export const caseWorkers = pgTable(
  'case_workers',
  {
    ...sourced(),
    staffId: text('staff_id'),
    name: text('name').notNull(),
    /** Oversight extension prof_professional_email: links the worker to a user account. */
    email: text('email'),
    registrationNumber: text('registration_number'),
    jobTitle: text('job_title'),
    caseload: integer('caseload'),
    department: text('department'),
    fte: doublePrecision('fte'),
    agencyWorker: boolean('agency_worker'),
    userId: uuid('user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('case_workers_org_source').on(t.organisationId, t.sourceId),
    index('case_workers_user').on(t.userId),
  ],
);

/** Allocated worker and team over time (ssd_involvements). Drives who may see the child. */
export const caseInvolvements = pgTable(
  'case_involvements',
  {
    ...personal(),
    // Checked once per statement by triggers (migration 0052), as the child is: row by row, foreign
    // keys were a third of the large authority's allocations merge on the embedded database.
    workerId: uuid('worker_id'),
    caseTeamId: uuid('case_team_id'),
    role: text('role'),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    changeReason: text('change_reason'),
    referralSourceId: text('referral_source_id'),
  },
  (t) => [
    ...personalIndexes('case_involvements', t),
    index('case_involvements_worker').on(t.workerId),
    index('case_involvements_team').on(t.caseTeamId),
    // A worker's latest allocation (supervision's list of workers), read backwards without a sort.
    index('case_involvements_worker_latest')
      .on(t.organisationId, t.workerId, t.startDate, t.sourceId)
      .where(sql`${t.closedAt} is null`),
    // Today's allocations: those not ended, or ending today or later.
    index('case_involvements_current').on(t.organisationId, t.endDate).where(sql`${t.closedAt} is null`),
    // The children a team has today (a team manager's scope, cases' scope condition): its
    // allocations not ended, not all it ever had. A worker's are few enough for case_involvements_worker.
    index('case_involvements_team_today')
      .on(t.caseTeamId, sql`coalesce(${t.endDate}, 'infinity'::date)`)
      .where(sql`${t.closedAt} is null`),
    // The workers of a team's open-ended allocations (the task list's and dashboards' worker filter),
    // read from the index alone instead of every open allocation of the organisation.
    index('case_involvements_team_workers')
      .on(t.organisationId, t.caseTeamId, t.workerId)
      .where(sql`${t.closedAt} is null and ${t.endDate} is null`),
  ],
);

/** Contacts (ssd_contacts). */
export const caseContacts = pgTable(
  'case_contacts',
  {
    ...personal(),
    contactDate: day('contact_date').notNull(),
    /** The date and time of the contact (naive times in the extract are Europe/London). */
    contactAt: moment('contact_at'),
    sourceCode: text('source_code'),
    sourceDescription: text('source_description'),
    outcomeJson: text('outcome_json'),
  },
  (t) => [...personalIndexes('case_contacts', t), openByDate('case_contacts', t, t.contactDate)],
);

/** Early help episodes (ssd_early_help_episodes). */
export const caseEarlyHelpEpisodes = pgTable(
  'case_early_help_episodes',
  {
    ...personal(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    reason: text('reason'),
    endReason: text('end_reason'),
    provider: text('provider'),
    workerSourceId: text('worker_source_id'),
  },
  (t) => [
    ...personalIndexes('case_early_help_episodes', t),
    openByDate('case_early_help_episodes', t, t.startDate),
  ],
);

/** Referrals: child in need episodes (ssd_cin_episodes). */
export const caseReferrals = pgTable(
  'case_referrals',
  {
    ...personal(),
    referralDate: day('referral_date').notNull(),
    /** The date and time the referral was received. */
    referralAt: moment('referral_at'),
    primaryNeedCode: text('primary_need_code'),
    sourceCode: text('source_code'),
    sourceDescription: text('source_description'),
    outcomeJson: text('outcome_json'),
    noFurtherAction: boolean('no_further_action'),
    closeReason: text('close_reason'),
    closeDate: day('close_date'),
    teamSourceId: text('team_source_id'),
    workerSourceId: text('worker_source_id'),
  },
  (t) => [...personalIndexes('case_referrals', t), openByDate('case_referrals', t, t.referralDate)],
);

/** Child and family assessments (ssd_cin_assessments). */
export const caseAssessments = pgTable(
  'case_assessments',
  {
    ...personal(),
    referralSourceId: text('referral_source_id'),
    startDate: day('start_date').notNull(),
    childSeen: boolean('child_seen'),
    authorisedDate: day('authorised_date'),
    outcomeJson: text('outcome_json'),
    noFurtherAction: boolean('no_further_action'),
    teamSourceId: text('team_source_id'),
    workerSourceId: text('worker_source_id'),
  },
  (t) => [...personalIndexes('case_assessments', t), openByDate('case_assessments', t, t.authorisedDate)],
);

/** Section 47 enquiries; the start date is the strategy discussion's (ssd_s47_enquiry). */
export const caseS47Enquiries = pgTable(
  'case_s47_enquiries',
  {
    ...personal(),
    referralSourceId: text('referral_source_id'),
    startDate: day('start_date').notNull(),
    /** The date and time of the strategy discussion that started the enquiry. */
    startAt: moment('start_at'),
    endDate: day('end_date'),
    noFurtherAction: boolean('no_further_action'),
    outcomeJson: text('outcome_json'),
    teamSourceId: text('team_source_id'),
    workerSourceId: text('worker_source_id'),
  },
  (t) => personalIndexes('case_s47_enquiries', t),
);

/** Initial child protection conferences (ssd_initial_cp_conference). */
export const caseInitialConferences = pgTable(
  'case_initial_conferences',
  {
    ...personal(),
    meetingId: text('meeting_id'),
    s47SourceId: text('s47_source_id'),
    cpPlanSourceId: text('cp_plan_source_id'),
    referralSourceId: text('referral_source_id'),
    transferIn: boolean('transfer_in'),
    targetDate: day('target_date'),
    conferenceDate: day('conference_date'),
    outcomeCpPlan: boolean('outcome_cp_plan'),
    outcomeJson: text('outcome_json'),
    teamSourceId: text('team_source_id'),
    workerSourceId: text('worker_source_id'),
  },
  (t) => [
    ...personalIndexes('case_initial_conferences', t),
    openByDate('case_initial_conferences', t, t.conferenceDate),
  ],
);

/** Child protection plans (ssd_cp_plans). */
export const caseCpPlans = pgTable(
  'case_cp_plans',
  {
    ...personal(),
    referralSourceId: text('referral_source_id'),
    icpcSourceId: text('icpc_source_id'),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    /** Subject to a plan in another local authority (cppl_cp_plan_ola). */
    otherAuthority: boolean('other_authority'),
    initialCategory: text('initial_category'),
    latestCategory: text('latest_category'),
  },
  (t) => personalIndexes('case_cp_plans', t),
);

/** Child protection review conferences (ssd_cp_reviews). */
export const caseCpReviews = pgTable(
  'case_cp_reviews',
  {
    ...personal(),
    cpPlanSourceId: text('cp_plan_source_id'),
    dueDate: day('due_date'),
    reviewDate: day('review_date'),
    meetingId: text('meeting_id'),
    outcomeContinuePlan: boolean('outcome_continue_plan'),
    quorate: text('quorate'),
    participation: text('participation'),
  },
  (t) => personalIndexes('case_cp_reviews', t),
);

/** Child protection visits (ssd_cp_visits). */
export const caseCpVisits = pgTable(
  'case_cp_visits',
  {
    ...personal(),
    cpPlanSourceId: text('cp_plan_source_id'),
    visitDate: day('visit_date').notNull(),
    childSeen: boolean('child_seen'),
    seenAlone: boolean('seen_alone'),
    bedroomSeen: boolean('bedroom_seen'),
  },
  (t) => personalIndexes('case_cp_visits', t),
);

/** Child in need plans (ssd_cin_plans). */
export const caseCinPlans = pgTable(
  'case_cin_plans',
  {
    ...personal(),
    referralSourceId: text('referral_source_id'),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    teamSourceId: text('team_source_id'),
    workerSourceId: text('worker_source_id'),
  },
  (t) => personalIndexes('case_cin_plans', t),
);

/** Child in need visits (ssd_cin_visits). */
export const caseCinVisits = pgTable(
  'case_cin_visits',
  {
    ...personal(),
    cinPlanSourceId: text('cin_plan_source_id'),
    visitDate: day('visit_date').notNull(),
    childSeen: boolean('child_seen'),
    seenAlone: boolean('seen_alone'),
    bedroomSeen: boolean('bedroom_seen'),
  },
  (t) => personalIndexes('case_cin_visits', t),
);

/**
 * Statutory events no SSD extract holds (care plan, placement plan, IRO
 * appointed...), recorded with Oversight's own form. Append-only: a
 * correction is a new row; nothing is updated or deleted. The source id is
 * OVS-..., so an extract never closes them.
 */
export const caseRecordedEvents = pgTable(
  'case_recorded_events',
  {
    ...personal(),
    eventType: text('event_type').notNull(),
    eventDate: day('event_date').notNull(),
    /** The episode it belongs to: the period of care (cla_source_id) or the placement (source_id). */
    episodeSourceId: text('episode_source_id'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: moment('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    ...personalIndexes('case_recorded_events', t),
    index('case_recorded_events_org_type').on(t.organisationId, t.eventType),
  ],
);

/** Missing and away-from-placement episodes (ssd_missing). */
export const caseMissingEpisodes = pgTable(
  'case_missing_episodes',
  {
    ...personal(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    /** When the episode began and ended, to the minute (the 4-hour and 24-hour clocks count from them). */
    startAt: moment('start_at'),
    endAt: moment('end_at'),
    /** M missing, A away from placement without authorisation. */
    episodeType: text('episode_type'),
    returnInterviewOffered: boolean('return_interview_offered'),
    returnInterviewAccepted: boolean('return_interview_accepted'),
  },
  (t) => personalIndexes('case_missing_episodes', t),
);

/** Legal statuses (ssd_legal_status). */
export const caseLegalStatuses = pgTable(
  'case_legal_statuses',
  {
    ...personal(),
    legalStatus: text('legal_status').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
  },
  (t) => personalIndexes('case_legal_statuses', t),
);

/** Immigration statuses (ssd_immigration_status). */
export const caseImmigrationStatuses = pgTable(
  'case_immigration_statuses',
  {
    ...personal(),
    status: text('status').notNull(),
    startDate: day('start_date'),
    endDate: day('end_date'),
  },
  (t) => personalIndexes('case_immigration_statuses', t),
);

/** Disabilities (ssd_disability). */
export const caseDisabilities = pgTable(
  'case_disabilities',
  {
    ...personal(),
    code: text('code').notNull(),
  },
  (t) => personalIndexes('case_disabilities', t),
);

/** Special educational needs identifiers (ssd_send). */
export const caseSend = pgTable(
  'case_send',
  {
    ...personal(),
    upn: text('upn'),
    uln: text('uln'),
    upnUnknownReason: text('upn_unknown_reason'),
  },
  (t) => personalIndexes('case_send', t),
);

/**
 * The SSD's voice-of-the-child flags (ssd_voice_of_child). The child's own
 * words are recorded in Oversight itself; these are what the source system holds.
 */
export const caseVoiceOfChildFlags = pgTable(
  'case_voice_of_child_flags',
  {
    ...personal(),
    explainedWorries: boolean('explained_worries'),
    storyHelpedUnderstand: boolean('story_helped_understand'),
    agreesWithWorker: boolean('agrees_with_worker'),
    planMakesSafe: boolean('plan_makes_safe'),
    tabletHelpedExplain: boolean('tablet_helped_explain'),
  },
  (t) => personalIndexes('case_voice_of_child_flags', t),
);
