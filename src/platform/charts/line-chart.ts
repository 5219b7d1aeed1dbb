/**
 * Trend lines drawn on the server as SVG (Vega-Lite, as the bar charts): one
 * point per period from exact values, joined in order, with the target as a
 * dashed line and its label. A period with no value is a gap, not a zero.
 * The page shows the same figures in a data table beside the chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import { COLOURS, FONT, formatValue, renderChartSpec } from './bar-chart';

export interface LinePoint {
  /** The period, as a person reads it ("2026-27 Q2"). */
  label: string;
  value: number | null;
}

export interface LineChartInput {
  title: string;
  /** One sentence saying what the chart shows (its text alternative). */
  description: string;
  data: readonly LinePoint[];
  axisTitle: string;
  /**
   * The value axis runs from 0 (or a little below the smallest value, when
   * one is negative, like a score that fell) to this (100 for percentages);
   * by default a little above the largest value.
   */
  max?: number;
  unit?: string;
  target?: { value: number; label: string };
}

const PLOT_WIDTH = 240;
const PLOT_HEIGHT = 140;

export function lineChartSpec(input: LineChartInput): TopLevelSpec {
  const unit = input.unit ?? '';
  const values = input.data.map((d, i) => ({
    order: i,
    label: d.label,
    value: d.value,
    text: d.value == null ? '' : formatValue(d.value, unit),
  }));
  const largest = Math.max(0, ...input.data.map((d) => d.value ?? 0), input.target?.value ?? 0);
  const domainMax = input.max ?? (largest > 0 ? largest * 1.15 : 1);
  const smallest = Math.min(0, ...input.data.map((d) => d.value ?? 0), input.target?.value ?? 0);
  const domainMin = smallest < 0 ? smallest * 1.15 : 0;
  const x = {
    field: 'label',
    type: 'ordinal' as const,
    sort: input.data.map((d) => d.label),
    title: null,
    // "2026-27 Q2" on two lines, so five periods fit the narrow plot without truncation.
    axis: {
      labelFontSize: 11,
      labelAngle: 0,
      labelLimit: 0,
      ticks: false,
      labelExpr: "split(datum.value, ' ')",
    },
  };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: input.axisTitle,
    scale: { domain: [domainMin, domainMax], nice: false, zero: true },
    axis: {
      labelFontSize: 12,
      titleFontSize: 12,
      tickCount: 4,
      gridColor: COLOURS.grid,
      ...(unit ? { labelExpr: `format(datum.value, ',.4~r') + '${unit.replace(/'/g, '')}'` } : {}),
    },
  };
  const present = { filter: 'datum.value != null' };
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    {
      mark: {
        type: 'line',
        color: COLOURS.bar,
        strokeWidth: 3,
        point: { filled: true, size: 60, color: COLOURS.bar },
      },
      encoding: { x, y, order: { field: 'order', type: 'quantitative' } },
    },
    {
      mark: { type: 'text', dy: -10, fontSize: 11, color: COLOURS.text },
      transform: [present],
      encoding: { x, y, text: { field: 'text' } },
    },
  ];
  if (input.target) {
    layers.push(
      {
        data: { values: [{ target: input.target.value }] },
        mark: { type: 'rule', color: COLOURS.target, strokeWidth: 2, strokeDash: [6, 3] },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
      {
        data: { values: [{ target: input.target.value, text: input.target.label }] },
        mark: {
          type: 'text',
          color: COLOURS.target,
          fontSize: 12,
          fontWeight: 'bold',
          align: 'right',
          baseline: 'bottom',
          x: PLOT_WIDTH,
          dy: -3,
        },
        encoding: { y: { field: 'target', type: 'quantitative' }, text: { field: 'text' } },
      },
    );
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    padding: { top: 10, left: 5, right: 10, bottom: 5 },
    background: 'white',
    data: { values },
    layer: layers,
    config: {
      aria: false,
      font: FONT,
      view: { stroke: null },
      axis: {
        labelColor: COLOURS.text,
        titleColor: COLOURS.text,
        domainColor: COLOURS.axis,
        tickColor: COLOURS.axis,
      },
    },
  };
}

/** The trend as one accessible SVG image. */
export async function renderLineChart(input: LineChartInput): Promise<string> {
  return renderChartSpec(lineChartSpec(input), input.title, input.description);
}
