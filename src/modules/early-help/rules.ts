/**
 * The early help outcomes plan as plain rules (vocabularies.md): a score's
 * band (0-3 red, 4-7 amber, 8-10 green), a goal's distance travelled (latest
 * minus first score), when its next team-around-the-family review is due (8
 * to 12 weeks after the last score), which stage may be scored next, and the
 * quarter's figures: the average distance travelled by goals closed in it and
 * the share of them ending green.
 */
import { addDays } from '../../platform/calendar/working-days';

export const STAGES = ['assessment', 'review', 'closure'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_NAMES: Record<Stage, string> = {
  assessment: 'At assessment',
  review: 'At a review',
  closure: 'At closure',
};

export type Band = 'red' | 'amber' | 'green';
export const BAND_NAMES: Record<Band, string> = {
  red: 'Red: not improved or deteriorated',
  amber: 'Amber: stable with signs of improvement',
  green: 'Green: improved considerably or achieved',
};

export function band(score: number): Band {
  return score <= 3 ? 'red' : score <= 7 ? 'amber' : 'green';
}

export interface Score {
  stage: Stage;
  scoredOn: string;
  score: number;
}

/** Reviews are every 8 to 12 weeks: the next is due 12 weeks after the last score. */
export const REVIEW_WEEKS = 12;

export interface GoalProgress {
  first: number | null;
  latest: number | null;
  /** Latest minus first; null until scored twice. */
  distance: number | null;
  band: Band | null;
  closed: boolean;
  reviewDue: string | null;
}

export function progressOf(scores: readonly Score[]): GoalProgress {
  const sorted = [...scores].sort((a, b) => a.scoredOn.localeCompare(b.scoredOn));
  const first = sorted[0]?.score ?? null;
  const latest = sorted.at(-1)?.score ?? null;
  const closed = sorted.some((s) => s.stage === 'closure');
  const last = sorted.at(-1);
  return {
    first,
    latest,
    distance: sorted.length >= 2 ? latest! - first! : null,
    band: latest === null ? null : band(latest),
    closed,
    reviewDue: closed || !last ? null : addDays(last.scoredOn, REVIEW_WEEKS * 7),
  };
}

/** What is wrong with scoring a goal at this stage on this date, or null. */
export function scoreProblem(scores: readonly Score[], next: Score, setOn: string): string | null {
  const sorted = [...scores].sort((a, b) => a.scoredOn.localeCompare(b.scoredOn));
  if (sorted.some((s) => s.stage === 'closure')) return 'This goal is closed: it was scored at closure';
  if (!sorted.length && next.stage !== 'assessment') return 'Score the goal at assessment first';
  if (sorted.length && next.stage === 'assessment') return 'This goal was already scored at assessment';
  if (next.scoredOn < setOn) return 'The date of the score must be on or after the goal was set';
  const last = sorted.at(-1);
  if (last && next.scoredOn < last.scoredOn)
    return 'The date of the score must be on or after the last score';
  return null;
}

export interface QuarterFigures {
  /** Goals closed in the quarter. */
  closed: number;
  /** Their average distance travelled, to one decimal; null if none closed. */
  averageDistance: number | null;
  /** How many ended green, and the share as a percentage to one decimal. */
  endedGreen: number;
  greenShare: number | null;
}

type ClosedGoal = { closedOn: string | null; scores: readonly Score[] };

/** What the performance indicators are computed from: goals closed in a window. */
export const EARLY_HELP_MEASURES = ['distance-travelled', 'ended-green'] as const;
export type EarlyHelpMeasureKey = (typeof EARLY_HELP_MEASURES)[number];

export interface EarlyHelpFigure {
  /** Goals closed in the window. */
  count: number;
  /** Their distances travelled added up (the average is numerator / count), or how many ended green. */
  numerator: number;
}

/**
 * A measure over the goals closed between first and last (inclusive). A goal
 * closed with only its closure score (never scored before) travelled 0.
 */
export function earlyHelpMeasure(
  measure: EarlyHelpMeasureKey,
  goals: readonly ClosedGoal[],
  window: { first: string; last: string },
): EarlyHelpFigure {
  const progress = goals
    .filter((g) => g.closedOn && g.closedOn >= window.first && g.closedOn <= window.last)
    .map((g) => progressOf(g.scores));
  const numerator =
    measure === 'distance-travelled'
      ? progress.reduce((sum, p) => sum + (p.distance ?? 0), 0)
      : progress.filter((p) => p.band === 'green').length;
  return { count: progress.length, numerator };
}

/** One goal behind an early help figure: its first and closure scores and what it counted for. */
export interface GoalBehindFigure {
  goalId: string;
  personId: string;
  goal: string;
  closedOn: string;
  start: number;
  end: number;
  /** Closure minus first score (0 for a goal scored only at closure). */
  distance: number;
  endedGreen: boolean;
}

/**
 * The goals a measure counted for a window, earliest closed first: every goal
 * closed in it, or (numeratorOnly, for goals ending green) those ending green.
 */
export function goalsBehindFigure(
  measure: EarlyHelpMeasureKey,
  goals: ReadonlyArray<ClosedGoal & { id: string; personId: string; goal: string }>,
  window: { first: string; last: string },
  options: { numeratorOnly: boolean },
): GoalBehindFigure[] {
  return goals
    .filter((g) => g.closedOn && g.closedOn >= window.first && g.closedOn <= window.last)
    .map((g) => {
      const p = progressOf(g.scores);
      return {
        goalId: g.id,
        personId: g.personId,
        goal: g.goal,
        closedOn: g.closedOn!,
        start: p.first ?? 0,
        end: p.latest ?? 0,
        distance: p.distance ?? 0,
        endedGreen: p.band === 'green',
      };
    })
    .filter((g) => !options.numeratorOnly || measure !== 'ended-green' || g.endedGreen)
    .sort((a, b) => a.closedOn.localeCompare(b.closedOn) || a.goalId.localeCompare(b.goalId));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The figures of goals closed between first and last (inclusive). */
export function quarterFigures(goals: readonly ClosedGoal[], first: string, last: string): QuarterFigures {
  const distance = earlyHelpMeasure('distance-travelled', goals, { first, last });
  const green = earlyHelpMeasure('ended-green', goals, { first, last });
  const closed = distance.count;
  return {
    closed,
    averageDistance: closed ? round1(distance.numerator / closed) : null,
    endedGreen: green.numerator,
    greenShare: closed ? round1((green.numerator / closed) * 100) : null,
  };
}
