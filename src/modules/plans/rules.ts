/**
 * The rules that flag actions: overdue, stale, and the counts by RAG shown at
 * the top of a plan. Pure functions over calendar dates (YYYY-MM-DD); "today"
 * is always passed in, from the clock.
 */
import { addMonths } from '../../platform/calendar/working-days';
import {
  COMPLETE,
  FREQUENCY_MONTHS,
  type Frequency,
  RAG_CODES,
  type RagCode,
  type RagKeyEntry,
} from './vocab';

export interface FlaggableAction {
  rag: RagCode;
  endDate: string | null;
  /** The date the RAG status was last set or confirmed. */
  ragReviewedOn: string | null;
  /** When the action was added, for an action never reviewed since. */
  addedOn: string;
}

/** Past its end (target) date and not complete. Due today is not yet overdue. */
export function isOverdue(action: Pick<FlaggableAction, 'rag' | 'endDate'>, today: string): boolean {
  if (action.rag === COMPLETE) return false;
  if (!action.endDate) return false;
  return action.endDate < today;
}

/** The date by which the RAG status must next be reviewed, given how often the plan is monitored. */
export function reviewDueBy(action: FlaggableAction, frequency: Frequency): string {
  const last = action.ragReviewedOn ?? action.addedOn;
  return addMonths(last, FREQUENCY_MONTHS[frequency]);
}

/**
 * The RAG status has not been reviewed within one monitoring period: a plan
 * monitored quarterly expects each open action's RAG to be looked at least
 * every three months. Completed actions are never stale.
 */
export function isStale(action: FlaggableAction, frequency: Frequency, today: string): boolean {
  if (action.rag === COMPLETE) return false;
  return reviewDueBy(action, frequency) < today;
}

export type RagCounts = Record<RagCode, number>;

export function ragCounts(actions: ReadonlyArray<{ rag: RagCode }>): RagCounts {
  const counts = Object.fromEntries(RAG_CODES.map((c) => [c, 0])) as RagCounts;
  for (const a of actions) counts[a.rag] += 1;
  return counts;
}

/**
 * "63 green, 6 amber, 0 red, 2 complete": the order committees read them,
 * in the organisation's own labels (Blue reads "complete" by default).
 * Actions not rated are added at the end when there are any ("50 not rated").
 */
export function ragCountsSentence(counts: RagCounts, key: readonly RagKeyEntry[]): string {
  const order: RagCode[] = ['green', 'amber', 'red', 'blue'];
  if (counts.not_rated > 0) order.push('not_rated');
  return order
    .map((code) => {
      const entry = key.find((k) => k.code === code);
      const label =
        code === 'blue' && (!entry || entry.label.toLowerCase() === 'blue')
          ? 'complete'
          : (entry?.label ?? code).toLowerCase();
      return `${counts[code]} ${label}`;
    })
    .join(', ');
}
