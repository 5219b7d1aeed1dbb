/**
 * The quarterly children's safeguarding performance report: what a sign-off
 * freezes (the figures as they stood, the officer's commentary) and the
 * publishable form of a frozen report, with small numbers suppressed. Pure.
 */
import {
  type Cell,
  DEFAULT_SUPPRESSION,
  type SuppressionRule,
  suppressCount,
  suppressShare,
} from '../../platform/disclosure/suppression';
import type { Direction, Quarter, Rag, Unit } from './catalogue';
import type { Benchmark, Figure, IndicatorRow } from './figures';
import { formatFigure, targetText } from './view-models';

export interface FrozenFigure {
  value: number | null;
  numerator: number | null;
  count: number | null;
}

export interface ReportRow {
  code: string;
  title: string;
  unit: Unit;
  target: string;
  rag: Rag | null;
  direction: Direction | null;
  benchmark: Benchmark | null;
  /** The five quarters, oldest first. */
  quarters: FrozenFigure[];
  yearToDate: FrozenFigure;
  commentary: string;
}

export interface ReportSnapshot {
  quarter: Quarter;
  quarterLabels: string[];
  overall: string;
  rows: ReportRow[];
  signedBy: string;
  signedAt: string;
}

/** Indicators not reported to the committee: the population is a denominator, not a measure. */
export const NOT_REPORTED = new Set(['POP-0-17']);

const frozen = (f: Figure): FrozenFigure => ({ value: f.value, numerator: f.numerator, count: f.count });

export function reportRows(
  rows: readonly IndicatorRow[],
  commentary: ReadonlyMap<string, string>,
): ReportRow[] {
  return rows
    .filter((r) => !NOT_REPORTED.has(r.code))
    .map((r) => ({
      code: r.code,
      title: r.definition.title,
      unit: r.definition.unit,
      target: targetText(r.definition),
      rag: r.rag,
      direction: r.direction,
      benchmark: r.benchmark,
      quarters: r.quarters.map(frozen),
      yearToDate: frozen(r.yearToDate),
      commentary: commentary.get(r.code) ?? '',
    }));
}

/** One figure as a committee paper may show it: suppressed when it would reveal a small number. */
export function publishableFigure(
  unit: Unit,
  f: FrozenFigure,
  rule: SuppressionRule = DEFAULT_SUPPRESSION,
): Cell | { value: null; suppressed: false } {
  if (f.value == null) return { value: null, suppressed: false };
  if (unit === 'percentage' && f.numerator != null && f.count != null) {
    return suppressShare(f.value, f.numerator, f.count, rule);
  }
  if (unit === 'rate' && f.numerator != null) {
    return suppressCount(f.numerator, rule).suppressed
      ? { value: null, suppressed: 'secondary' }
      : { value: f.value, suppressed: false };
  }
  if (unit === 'count' && Number.isInteger(f.value)) return suppressCount(f.value, rule);
  return { value: f.value, suppressed: false };
}

export interface PublishableRow extends Omit<ReportRow, 'quarters' | 'yearToDate'> {
  quarters: string[];
  yearToDate: string;
}

export interface PublishableReport extends Omit<ReportSnapshot, 'rows'> {
  rows: PublishableRow[];
  suppressionNote: string;
}

export const SUPPRESSION_MARK = '[c]';

/** The frozen report with every figure written as a committee paper shows it. */
export function publishable(
  snapshot: ReportSnapshot,
  rule: SuppressionRule = DEFAULT_SUPPRESSION,
): PublishableReport {
  const text = (unit: Unit, f: FrozenFigure) => {
    const cell = publishableFigure(unit, f, rule);
    return cell.suppressed ? SUPPRESSION_MARK : formatFigure(cell.value, { unit });
  };
  return {
    ...snapshot,
    rows: snapshot.rows.map((r) => ({
      ...r,
      quarters: r.quarters.map((f) => text(r.unit, f)),
      yearToDate: text(r.unit, r.yearToDate),
    })),
    suppressionNote: `${SUPPRESSION_MARK}: a count from ${rule.min} to ${rule.max}, or a percentage or rate that would reveal one, is not shown.`,
  };
}
