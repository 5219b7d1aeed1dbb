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
] as const;
export type EpisodeType = (typeof EPISODE_TYPES)[number];

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
}

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
  /** The latest event of this type in the episode (e.g. the last strategy discussion). */
  | { kind: 'last-event'; event: EventType }
  /** The start of the episode the rule applies to. */
  | { kind: 'episode-start' }
  /** A date of birth milestone: this many months old. */
  | { kind: 'age'; months: number };

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
  recurrence: 'once' | 'recurring';
  /** Due interval(s): the first occurrence uses the first, and so on; the last repeats. */
  intervals: Interval[];
  /** Intervals that depend on age at the previous occurrence (health reviews). Checked in order. */
  ageBands?: Array<{ underYears: number; interval: Interval }>;
  /** After this many months in the episode, long-term placements use this interval (regulation 28). */
  longTerm?: { afterMonths: number; interval: Interval };
  /** Amber when due within this many working days. */
  amberWorkingDays: number;
  source: string;
  /** False when the register has no data for it yet: listed, versioned, but not computed. */
  tracked: boolean;
}
