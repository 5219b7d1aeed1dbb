/**
 * Bar charts drawn on the server as SVG by Vega-Lite (the chart described as
 * data) and Vega (which lays it out and writes the SVG), from exact values:
 * no rounding to bands, an axis with its scale, and the target or threshold
 * as a line where there is one. Bars run across the page, one row a
 * category, so a chart keeps its text readable when the page is 320 px wide
 * (it scales with its container) and when printed.
 *
 * The SVG is one image to assistive technology (role="img", named by its
 * title and described by its sentence); the page shows the same figures in
 * a data table beside it (charts/_macros.njk).
 */
import { createHash } from 'node:crypto';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface BarDatum {
  /** The category, as a person reads it ("November 2026"). */
  label: string;
  /** The exact value, or null when there is nothing to measure (drawn as no bar, with `noValueText`). */
  value: number | null;
}

export interface BarChartInput {
  /** The chart's accessible name: what it measures. */
  title: string;
  /** One sentence saying what the chart shows (its text alternative). */
  description: string;
  data: readonly BarDatum[];
  /** The value axis' title ("Done on time (%)"). */
  axisTitle: string;
  /** The value axis runs from 0 to this (100 for percentages); by default to the largest value. */
  max?: number;
  /** Written after each value ("%"). */
  unit?: string;
  /** Written where a category has no value. */
  noValueText?: string;
  /** A target or threshold, drawn as a line across every bar with its label. */
  target?: { value: number; label: string };
}

/** GOV.UK colours, so the chart sits with the page and prints in contrast. */
export const COLOURS = {
  bar: '#1d70b8',
  text: '#0b0c0c',
  axis: '#505a5f',
  grid: '#b1b4b6',
  target: '#d4351c',
};
export const FONT = 'arial, sans-serif';
/** The width of the plotting area in SVG units: narrow, so that scaled to a 320 px page the text stays readable. */
const PLOT_WIDTH = 200;
const ROW_HEIGHT = 24;

export const formatValue = (value: number, unit: string) =>
  `${Number.isInteger(value) ? value : value.toLocaleString('en-GB', { maximumFractionDigits: 1 })}${unit}`;

/** The Vega-Lite description of the chart: every value exactly as given. */
export function barChartSpec(input: BarChartInput): TopLevelSpec {
  const unit = input.unit ?? '';
  const values = input.data.map((d) => ({
    label: d.label,
    value: d.value,
    text: d.value == null ? (input.noValueText ?? 'No value') : formatValue(d.value, unit),
  }));
  const largest = Math.max(0, ...input.data.map((d) => d.value ?? 0), input.target?.value ?? 0);
  const domainMax = input.max ?? (largest > 0 ? largest : 1);
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: input.data.map((d) => d.label),
    title: null,
    axis: { labelFontSize: 13, labelLimit: 200, ticks: false, domain: false, labelPadding: 6 },
  };
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    {
      mark: { type: 'bar', color: COLOURS.bar, height: { band: 0.7 } },
      transform: [{ filter: 'datum.value != null' }],
      encoding: {
        y,
        x: {
          field: 'value',
          type: 'quantitative',
          title: input.axisTitle,
          scale: { domain: [0, domainMax], nice: false, zero: true },
          axis: {
            labelFontSize: 13,
            titleFontSize: 13,
            // Quarters of a fixed scale (0, 25, 50, 75, 100%), far enough apart to read at any width.
            ...(input.max ? { values: [0, 0.25, 0.5, 0.75, 1].map((q) => q * domainMax) } : { tickCount: 4 }),
            labelOverlap: false,
            labelFlush: false,
            gridColor: COLOURS.grid,
            ...(unit ? { labelExpr: `datum.value + '${unit.replace(/'/g, '')}'` } : {}),
          },
        },
      },
    },
    {
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 13, color: COLOURS.text },
      encoding: {
        y,
        x: { field: 'value', type: 'quantitative', scale: { domain: [0, domainMax] } },
        text: { field: 'text' },
      },
      transform: [{ calculate: 'datum.value == null ? 0 : datum.value', as: 'value' }],
    },
  ];
  if (input.target) {
    layers.push(
      {
        data: { values: [{ target: input.target.value }] },
        mark: { type: 'rule', color: COLOURS.target, strokeWidth: 2, strokeDash: [6, 3] },
        encoding: { x: { field: 'target', type: 'quantitative' } },
      },
      {
        data: { values: [{ target: input.target.value, text: input.target.label }] },
        mark: {
          type: 'text',
          color: COLOURS.target,
          fontSize: 13,
          fontWeight: 'bold',
          align: input.target.value > domainMax / 2 ? 'right' : 'left',
          dx: input.target.value > domainMax / 2 ? -3 : 3,
          baseline: 'bottom',
          y: -4,
        },
        encoding: { x: { field: 'target', type: 'quantitative' }, text: { field: 'text' } },
      },
    );
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: PLOT_WIDTH,
    height: { step: ROW_HEIGHT },
    padding: { top: input.target ? 20 : 5, left: 5, right: 45, bottom: 5 },
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

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The chart as an SVG element to put in a page: one image named by its title
 * and described by its sentence, scaling with its container.
 */
export async function renderBarChart(input: BarChartInput): Promise<string> {
  return renderChartSpec(barChartSpec(input), input.title, input.description);
}

/** Any chart's Vega-Lite description drawn as one accessible SVG image (its title and sentence). */
export async function renderChartSpec(
  spec: TopLevelSpec,
  title: string,
  description: string,
): Promise<string> {
  // Drawing is deterministic and costs tens of milliseconds a chart: the same chart (a dashboard's
  // figures between refreshes) is drawn once and its SVG kept, the least recently used let go first.
  const key = createHash('sha256')
    .update(JSON.stringify([spec, title, description]))
    .digest('hex');
  const svg = drawn.get(key) ?? (await drawChart(spec, title, description));
  keepLatest(drawn, key, svg, KEPT_CHARTS);
  return svg;
}

/** Put a value last in a map kept in order of use, letting the least recently used go beyond `max`. */
export function keepLatest<K, V>(kept: Map<K, V>, key: K, value: V, max: number): void {
  kept.delete(key);
  kept.set(key, value);
  while (kept.size > max) kept.delete(kept.keys().next().value as K);
}

/** How many drawn charts are kept (a few tens of kilobytes each). */
export const KEPT_CHARTS = 200;
const drawn = new Map<string, string>();

/** How many drawn charts are kept now (tests). */
export function keptChartCount(): number {
  return drawn.size;
}

async function drawChart(spec: TopLevelSpec, title: string, description: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // Named after what it shows, so two charts on a page have different ids and the output is repeatable.
    const id = `app-chart-${createHash('sha256').update(title).digest('hex').slice(0, 10)}`;
    const inner = svg
      .replace(/^<svg[^>]*>/, '')
      .replace(/<\/svg>\s*$/, '')
      // One image to assistive technology: nothing inside it is announced on its own.
      .replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '');
    const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1] ?? '0 0 300 300';
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart__svg" viewBox="${viewBox}" ` +
      'role="img" ' +
      `aria-labelledby="${id}-title" aria-describedby="${id}-desc" focusable="false">` +
      `<title id="${id}-title">${escapeXml(title)}</title>` +
      `<desc id="${id}-desc">${escapeXml(description)}</desc>${inner}</svg>`
    );
  } finally {
    view.finalize();
  }
}
