/** The words of practice observations and the QA calendar. */

/** Tiers of staff observed, from director to social worker, top down. */
export const OBSERVATION_TIERS = [
  'director',
  'assistant_director',
  'head_of_service',
  'team_manager',
  'senior_practitioner',
  'social_worker',
] as const;
export type ObservationTier = (typeof OBSERVATION_TIERS)[number];
export const TIER_NAMES: Record<ObservationTier, string> = {
  director: 'Director',
  assistant_director: 'Assistant director',
  head_of_service: 'Head of service or service manager',
  team_manager: 'Team manager',
  senior_practitioner: 'Senior or advanced practitioner',
  social_worker: 'Social worker',
};

export const OBSERVATION_SETTINGS = ['home_visit', 'meeting', 'supervision'] as const;
export type ObservationSetting = (typeof OBSERVATION_SETTINGS)[number];
export const SETTING_NAMES: Record<ObservationSetting, string> = {
  home_visit: 'Home visit',
  meeting: 'Meeting',
  supervision: 'Supervision',
};

export const CALENDAR_FREQUENCIES = ['monthly', 'quarterly', 'termly', 'twice_yearly', 'yearly'] as const;
export type CalendarFrequency = (typeof CALENDAR_FREQUENCIES)[number];
export const FREQUENCY_NAMES: Record<CalendarFrequency, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  termly: 'Termly',
  twice_yearly: 'Twice a year',
  yearly: 'Yearly',
};
/** How many months each frequency falls due in: the months chosen must match. */
export const MONTHS_PER_FREQUENCY: Record<CalendarFrequency, number> = {
  monthly: 12,
  quarterly: 4,
  termly: 3,
  twice_yearly: 2,
  yearly: 1,
};

/** Month names, January first, as the pages write them. */
export { monthNames as MONTH_NAMES } from '../../platform/http/views';

export const SURVEY_COHORTS = [
  'cin_cp',
  'looked_after',
  'care_leavers',
  'early_help',
  'parents_carers',
] as const;
export type SurveyCohort = (typeof SURVEY_COHORTS)[number];
export const COHORT_NAMES: Record<SurveyCohort, string> = {
  cin_cp: 'Children in need and on child protection plans',
  looked_after: 'Children looked after',
  care_leavers: 'Care leavers',
  early_help: 'Early help',
  parents_carers: 'Parents and carers',
};
export const MODE_NAMES = { post: 'Post', telephone: 'Telephone', visit: 'Visit', online: 'Online' } as const;

export const FEEDBACK_KINDS = ['complaint', 'compliment'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_NAMES: Record<FeedbackKind, string> = {
  complaint: 'Complaint',
  compliment: 'Compliment',
};
export const FEEDBACK_SOURCES = ['child', 'parent_carer', 'professional', 'other'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];
export const SOURCE_NAMES: Record<FeedbackSource, string> = {
  child: 'Child or young person',
  parent_carer: 'Parent or carer',
  professional: 'Professional',
  other: 'Someone else',
};
export const COMPLAINT_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld', 'withdrawn'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
export const OUTCOME_NAMES: Record<ComplaintOutcome, string> = {
  upheld: 'Upheld',
  partly_upheld: 'Partly upheld',
  not_upheld: 'Not upheld',
  withdrawn: 'Withdrawn',
};

/** The tick boxes of the early help closing feedback form. */
export const EARLY_HELP_STATEMENTS = {
  listened: 'We were listened to',
  goals: 'We chose the goals we worked on',
  contact: 'We knew who to contact and when',
  better: 'Things are better for our children',
  again: 'We would ask for help again',
  recommend: 'We would recommend early help to another family',
} as const;
export type EarlyHelpStatement = keyof typeof EARLY_HELP_STATEMENTS;
