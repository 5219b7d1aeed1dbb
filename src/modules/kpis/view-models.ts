/** How indicators read on a page: figures with their units, RAG tags, directions, chart inputs. Pure. */
import { financialYearLabel } from '../../platform/calendar/quarters';
import type { LineChartInput } from '../../platform/charts/line-chart';
import type { Direction, IndicatorDefinition, Rag } from './catalogue';
import { PERIOD_LABELS, UNIT_LABELS } from './catalogue';
import type { Figure, IndicatorRow } from './figures';

export const RAG_LABELS: Record<Rag, string> = {
  green: 'Green: on target',
  amber: 'Amber: near target',
  red: 'Red: off target',
};
export const RAG_TAGS: Record<Rag, string> = {
  green: 'govuk-tag--green',
  amber: 'govuk-tag--yellow',
  red: 'govuk-tag--red',
};
export const DIRECTION_LABELS: Record<Direction, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  same: 'No change',
};

const SUFFIXES: Partial<Record<IndicatorDefinition['unit'], string>> = {
  percentage: '%',
  days: ' days',
  average: ' points',
};
const suffix = (def: Pick<IndicatorDefinition, 'unit'>) => SUFFIXES[def.unit] ?? '';

/**
 * A value as written in a table ("85.2%", "1,204", "41.3", "2.0 points"); a
 * dash when there is none. An average of scores always has its one decimal.
 */
export function formatFigure(
  value: number | null | undefined,
  def: Pick<IndicatorDefinition, 'unit'>,
): string {
  if (value == null) return '–';
  const decimals = def.unit === 'average' ? { minimumFractionDigits: 1 } : {};
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: 1, ...decimals })}${suffix(def)}`;
}

/** What a figure is made of ("37 of 45"), for percentages computed from the register. */
export function figureBasis(f: Figure, def: IndicatorDefinition): string | null {
  if (def.unit !== 'percentage' || f.count == null || f.numerator == null) return null;
  return `${f.numerator.toLocaleString('en-GB')} of ${f.count.toLocaleString('en-GB')}`;
}

export function targetText(def: IndicatorDefinition): string {
  if (def.target == null) return 'No target';
  const better = def.polarity === 'higher' ? 'or more' : 'or less';
  const tol = def.tolerance ? ` (amber within ${formatFigure(def.tolerance, def)})` : '';
  return `${formatFigure(def.target, def)} ${better}${tol}`;
}

export function indicatorRowView(row: IndicatorRow) {
  const def = row.definition;
  return {
    code: row.code,
    title: def.title,
    unit: UNIT_LABELS[def.unit],
    period: PERIOD_LABELS[def.period],
    quarters: row.quarters.map((q) => ({ label: q.quarter.label, text: formatFigure(q.value, def) })),
    current: formatFigure(row.current.value, def),
    basis: figureBasis(row.current, def),
    yearToDate: formatFigure(row.yearToDate.value, def),
    target: targetText(def),
    rag: row.rag ? { text: RAG_LABELS[row.rag], classes: RAG_TAGS[row.rag], short: row.rag } : null,
    direction: row.direction ? DIRECTION_LABELS[row.direction] : 'Not known',
    benchmark: row.benchmark
      ? {
          year: financialYearLabel(row.benchmark.year),
          england: formatFigure(row.benchmark.england, def),
          london: formatFigure(row.benchmark.london, def),
          neighbours: formatFigure(row.benchmark.neighbours, def),
        }
      : null,
    entered: def.source.kind === 'entered',
  };
}

/** The trend chart of an indicator's five quarters, with its target and a sentence saying what it shows. */
export function trendChart(row: IndicatorRow): LineChartInput {
  const def = row.definition;
  const withValue = row.quarters.filter((q) => q.value != null);
  const first = withValue[0];
  const last = withValue.at(-1);
  const target =
    def.target != null ? { value: def.target, label: `Target ${formatFigure(def.target, def)}` } : undefined;
  const trend =
    first && last && first !== last
      ? `${def.title}: ${formatFigure(first.value, def)} in ${first.quarter.label}, ${formatFigure(last.value, def)} in ${last.quarter.label}`
      : last
        ? `${def.title}: ${formatFigure(last.value, def)} in ${last.quarter.label}`
        : `${def.title}: no figures for these quarters`;
  return {
    title: `${def.title}, by quarter`,
    description: `${trend}${target ? `, against a target of ${formatFigure(def.target, def)}` : ''}.`,
    axisTitle: UNIT_LABELS[def.unit],
    max: def.unit === 'percentage' ? 100 : undefined,
    unit: suffix(def).trim() === '%' ? '%' : '',
    data: row.quarters.map((q) => ({ label: q.quarter.label, value: q.value })),
    target,
  };
}
