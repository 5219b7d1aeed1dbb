/**
 * The quarterly safeguarding performance report (children's or adults'): what a sign-off
 * freezes (the figures as they stood, the officer's commentary) and the
 * publishable form of a frozen report, with small numbers suppressed. Pure.
 */

import type { Quarter } from '../../platform/calendar/quarters';
import {
  type Cell,
  DEFAULT_SUPPRESSION,
  type SuppressionRule,
  suppressCount,
  suppressGroup,
  suppressShare,
} from '../../platform/disclosure/suppression';
import type { Audience, Direction, Rag, Unit } from './catalogue';
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

/** A table of counts the adults' report shows beside its indicators (types and locations of abuse). */
export interface ReportBreakdown {
  title: string;
  /** The enquiries counted. */
  enquiries: number;
  rows: Array<{ label: string; count: number }>;
  /** One enquiry may count in several rows, so the rows do not add up to the enquiries. */
  overlapping: boolean;
}

export interface ReportSnapshot {
  /** Absent in reports signed off before adults' reports: children. */
  audience?: Audience;
  quarter: Quarter;
  quarterLabels: string[];
  overall: string;
  rows: ReportRow[];
  breakdowns?: ReportBreakdown[];
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
  // Days and averages of scores are not counts: a small value reveals no small number of children.
  return { value: f.value, suppressed: false };
}

export interface PublishableRow extends Omit<ReportRow, 'quarters' | 'yearToDate'> {
  quarters: string[];
  yearToDate: string;
}

export interface PublishableBreakdown extends Omit<ReportBreakdown, 'rows' | 'enquiries'> {
  enquiries: string;
  rows: Array<{ label: string; count: string }>;
}

export interface PublishableReport extends Omit<ReportSnapshot, 'rows' | 'breakdowns'> {
  rows: PublishableRow[];
  breakdowns: PublishableBreakdown[];
  suppressionNote: string;
}

/**
 * A breakdown as a public paper shows it: rows that add up to the enquiries
 * are suppressed as a group (a total cannot reveal a suppressed row); rows
 * that overlap add up to nothing, so each is suppressed alone.
 */
export function publishableBreakdown(
  b: ReportBreakdown,
  rule: SuppressionRule = DEFAULT_SUPPRESSION,
  mark = SUPPRESSION_MARK,
): PublishableBreakdown {
  const text = (c: Cell) => (c.suppressed ? mark : c.value.toLocaleString('en-GB'));
  if (b.overlapping) {
    return {
      ...b,
      enquiries: text(suppressCount(b.enquiries, rule)),
      rows: b.rows.map((r) => ({ label: r.label, count: text(suppressCount(r.count, rule)) })),
    };
  }
  const { cells, total } = suppressGroup(
    b.rows.map((r) => r.count),
    rule,
  );
  return {
    ...b,
    enquiries: text(total),
    rows: b.rows.map((r, i) => ({ label: r.label, count: text(cells[i]!) })),
  };
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
    breakdowns: (snapshot.breakdowns ?? []).map((b) => publishableBreakdown(b, rule)),
    suppressionNote: `${SUPPRESSION_MARK}: a count from ${rule.min} to ${rule.max}, or a percentage or rate that would reveal one, is not shown.`,
  };
}
