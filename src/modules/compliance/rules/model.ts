import type { Interval } from './interval';

/**
 * The facts the engine reads about one child, in the vocabulary of the
 * register: episodes (periods of a service) and events (dated things that
 * happened). The case register's service provides them; the engine knows
 * nothing about tables.
 */
export const EPISODE_TYPES = [
  'contact',
  'child_in_need',
  's47',
  'child_protection_plan',
  'child_in_need_plan',
  'looked_after',
  'placement',
  'care_leaver',
  'early_help',
  'missing',
  'private_fostering',
] as const;
export type EpisodeType = (typeof EPISODE_TYPES)[number];

/**
 * Held by no SSD extract yet: recorded with Oversight's own form on the
 * child's record. A rule that needs one is listed as "No data yet" until the
 * organisation records one (see recorded.ts).
 */
export const RECORDED_EVENT_TYPES = [
  'care_plan',
  'placement_plan',
  'placement_notification',
  'iro_appointed',
  'iro_informed',
  'needs_assessment',
  'sdq',
  'virtual_school_introduction',
  // Recorded in the private fostering arrangements' register: the arrangement is the episode.
  'private_fostering_visit',
] as const;

export const EVENT_TYPES = [
  'contact',
  'contact_decision',
  'referral',
  'assessment_completed',
  'strategy_discussion',
  'initial_conference',
  'review_conference',
  'cp_visit',
  'core_group',
  'cin_visit',
  'cin_plan_review',
  'looked_after_review',
  'looked_after_visit',
  'health_assessment',
  'personal_education_plan',
  'pathway_plan',
  'care_leaver_contact',
  'missing_return',
  'return_interview',
  'early_help_review',
  'supervision',
  ...RECORDED_EVENT_TYPES,
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface Episode {
  id: string;
  type: EpisodeType;
  start: string;
  /** Absent while open. */
  end?: string | null;
  /** Placement intended to last until the child is 18 (regulation 28 visiting). */
  longTerm?: boolean;
  /**
   * A placement with its own visiting pattern under regulation 28 (placed with a
   * parent before assessment, a temporarily approved connected person, at home
   * under an interim or full care order) or regulation 48 (short breaks).
   * Absent for an ordinary placement.
   */
  kind?: PlacementKind | null;
  /** An s47 enquiry that ended with no further action (no initial conference is owed). */
  noFurtherAction?: boolean | null;
}

export const PLACEMENT_KINDS = [
  'parent_before_assessment',
  'connected_person_temporary',
  'interim_care_order_at_home',
  'care_order_at_home',
  'short_breaks',
] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

export interface CaseEvent {
  type: EventType;
  date: string;
  /** The episode the event belongs to, when the register knows it. */
  episodeId?: string | null;
}

export interface CaseFacts {
  personId: string;
  dateOfBirth?: string | null;
  episodes: readonly Episode[];
  events: readonly CaseEvent[];
}

/** What starts a rule's clock. */
export type ClockStart =
  /** Each event of this type starts its own task (e.g. each referral). */
  | { kind: 'each-event'; event: EventType }
  /** The latest event of this type in the episode. */
  | { kind: 'last-event'; event: EventType }
  /**
   * The first event of this type in the episode (the strategy discussion at
   * which the s47 enquiry started; the initial health assessment). When the
   * event is also the rule's completion, that first event does not count as
   * done: the clock runs from it to the next.
   */
  | { kind: 'first-event'; event: EventType }
  /**
   * The latest event of this type on or before the episode starts, whichever
   * episode it belongs to (the last pathway plan review before 18); the
   * episode's start when there is none.
   */
  | { kind: 'last-event-before-start'; event: EventType }
  /** The end of the episode (the return from a missing episode): the task stays due after it. */
  | { kind: 'episode-end' }
  /** The date the child became an eligible child (Children Act 1989, Schedule 2, paragraph 19B). */
  | { kind: 'eligible-child' }
  /** The start of the episode the rule applies to. */
  | { kind: 'episode-start' }
  /** A date of birth milestone: this many months old. */
  | { kind: 'age'; months: number };

/** Where a rule comes from: the law, statutory guidance, or the council's own standard. */
export const SOURCE_TYPES = ['statute', 'regulation', 'guidance', 'local'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** A school term: its first and last days as month-day ("09-01"). */
export interface SchoolTerm {
  name: string;
  start: string;
  end: string;
}

/**
 * One statutory timescale, as data. "once": the first completion after the
 * clock starts stops it. "recurring": each completion starts the next
 * occurrence, with the interval sequence (the last repeats).
 */
export interface RuleDefinition {
  key: string;
  name: string;
  /** The service level (dashboards filter by it). */
  serviceLevel:
    | 'front_door'
    | 'child_in_need'
    | 'child_protection'
    | 'looked_after'
    | 'care_leaver'
    | 'missing'
    | 'early_help';
  /** What kind of task: visit, review, assessment, plan, conference, health, interview, decision. */
  taskType: string;
  /** The rule applies while the child has an open episode of this type. */
  scope: EpisodeType;
  start: ClockStart;
  completion: EventType;
  /**
   * "termly": the first interval gives the first occurrence, then one is due by
   * the end of each school term (terms below), counting one done in the
   * holiday before a term for that term.
   */
  recurrence: 'once' | 'recurring' | 'termly';
  /** Due interval(s): the first occurrence uses the first, and so on; the last repeats. */
  intervals: Interval[];
  /** Intervals that depend on age at the previous occurrence (health reviews). Checked in order. */
  ageBands?: Array<{ underYears: number; interval: Interval }>;
  /** After this many months in the episode, long-term placements use this interval (regulation 28). */
  longTerm?: { afterMonths: number; interval: Interval };
  /** After this many months in the episode, every episode uses this interval (private fostering visits). */
  later?: { afterMonths: number; interval: Interval };
  /** Once an event of this type is recorded in the period of care, this interval (weekly until the first review). */
  afterEvent?: { event: EventType; interval: Interval };
  /** Only for placements of these kinds; a rule without it is for ordinary placements only. */
  placementKinds?: PlacementKind[];
  /** Only occurrences whose clock starts from the first birthday to before the second (SDQ: 4 to 17). */
  ages?: { fromYears: number; untilYears: number };
  /** A PEP's age limits: from the term after this birthday to the end of the school year in which the child turns untilYears. */
  schoolAge?: { fromYears: number; untilYears: number };
  /** Term dates for termly rules (an organisation sets its own). */
  terms?: SchoolTerm[];
  /** Only for a child who will be an eligible child on their 16th birthday (13 weeks looked after since 14). */
  eligibleAtSixteen?: boolean;
  /**
   * Whether an undone task stays due after its episode ends. Tasks whose clock
   * starts at the episode's end always do; "unless-no-further-action" keeps it
   * due unless the s47 enquiry ended with no further action, which owes none.
   */
  afterEpisodeEnds?: 'stays-due' | 'unless-no-further-action';
  /** Amber when due within this many working days. */
  amberWorkingDays: number;
  /** The statute, regulation, guidance or local standard the rule comes from. */
  source: string;
  sourceType: SourceType;
  /** What the rule cannot see in the register's data, shown with the rule. */
  notice?: string;
  /** False when the register has no data for it yet: listed, versioned, but not computed. */
  tracked: boolean;
}
