/**
 * The indicator catalogue as data, and the pure rules over it: RAG from a
 * target and tolerance, direction of travel, and the period an indicator's
 * figure covers. The default children's set follows vocabularies.md
 * ("Indicators commonly reported to the committee").
 */

import { financialYearStart, type Range } from '../../platform/calendar/quarters';
import { addMonths } from '../../platform/calendar/working-days';
import type { AdultMeasureKey } from '../adults/service';
import type { MeasureKey } from '../cases/service';
import type { EarlyHelpMeasureKey } from '../early-help/service';

/** Whose safeguarding an indicator reports on: each audience has its own set and quarterly report. */
export const AUDIENCES = ['children', 'adults'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, { indicators: string; report: string }> = {
  children: {
    indicators: 'Children’s safeguarding indicators',
    report: 'Children’s safeguarding performance report',
  },
  adults: {
    indicators: 'Adults’ safeguarding indicators',
    report: 'Adults’ safeguarding performance report',
  },
};

export const UNITS = ['count', 'percentage', 'days', 'rate', 'average'] as const;
export type Unit = (typeof UNITS)[number];
export const UNIT_LABELS: Record<Unit, string> = {
  count: 'Count',
  percentage: 'Percentage',
  days: 'Days',
  rate: 'Rate per 10,000 children',
  average: 'Average (score points)',
};

export const PERIODS = ['month', 'quarter', 'ytd', 'rolling12'] as const;
export type PeriodKind = (typeof PERIODS)[number];
export const PERIOD_LABELS: Record<PeriodKind, string> = {
  month: 'The last month of the quarter',
  quarter: 'The quarter',
  ytd: 'Financial year to date (from 1 April)',
  rolling12: 'Rolling 12 months',
};

export type Polarity = 'higher' | 'lower';

export interface IndicatorDefinition {
  title: string;
  definition: string;
  numerator: string;
  denominator: string;
  unit: Unit;
  polarity: Polarity;
  period: PeriodKind;
  /** Null: no target, so no RAG (a count reported for context). */
  target: number | null;
  /** How far past the target is still amber. */
  tolerance: number;
  /**
   * Computed from the case register (the measure), from the adults' register,
   * from the early help outcomes plan, or entered by hand.
   */
  source:
    | { kind: 'computed'; measure: MeasureKey }
    | { kind: 'adults'; measure: AdultMeasureKey }
    | { kind: 'early-help'; measure: EarlyHelpMeasureKey }
    | { kind: 'entered' };
  /** Absent in definitions saved before adults' indicators: children. */
  audience?: Audience;
  owner: string;
  notes: string;
}

/** Where a computed indicator's figures come from, as a sentence names it. */
export const SOURCE_NAMES: Record<Exclude<IndicatorDefinition['source']['kind'], 'entered'>, string> = {
  computed: 'the case register',
  adults: 'the adults’ safeguarding register',
  'early-help': 'the early help outcomes plans',
};

export function audienceOf(def: Pick<IndicatorDefinition, 'audience'>): Audience {
  return def.audience ?? 'children';
}

export type Rag = 'green' | 'amber' | 'red';

/**
 * Green on or past the target; amber within the tolerance short of it; red
 * beyond. No target or no value: no RAG.
 */
export function ragFor(
  value: number | null,
  def: Pick<IndicatorDefinition, 'target' | 'tolerance' | 'polarity'>,
): Rag | null {
  if (value == null || def.target == null) return null;
  const shortfall = def.polarity === 'higher' ? def.target - value : value - def.target;
  if (shortfall <= 0) return 'green';
  return shortfall <= def.tolerance ? 'amber' : 'red';
}

export type Direction = 'improving' | 'worsening' | 'same';

/** This figure against the one before, read by the indicator's polarity. */
export function directionOf(
  current: number | null,
  previous: number | null,
  polarity: Polarity,
): Direction | null {
  if (current == null || previous == null) return null;
  if (current === previous) return 'same';
  return current > previous === (polarity === 'higher') ? 'improving' : 'worsening';
}

/** The dates an indicator's figure for a quarter covers, by its period. */
export function windowFor(period: PeriodKind, q: Range): Range {
  switch (period) {
    case 'quarter':
      return { first: q.first, last: q.last };
    case 'month':
      return { first: `${q.last.slice(0, 8)}01`, last: q.last };
    case 'ytd':
      return { first: financialYearStart(q.last), last: q.last };
    case 'rolling12':
      // The twelve months to the end of the quarter: from nine months before its first day.
      return { first: addMonths(q.first, -9), last: q.last };
  }
}
