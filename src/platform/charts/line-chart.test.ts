import { describe, expect, it } from 'vitest';
import { type LineChartInput, lineChartSpec, renderLineChart } from './line-chart';

const input = (over: Partial<LineChartInput> = {}): LineChartInput => ({
  title: 'Re-referrals within 12 months, by quarter',
  description: 'Re-referrals fell from 25% to 18.5% over five quarters, against a target of 22%.',
  axisTitle: 'Re-referrals (%)',
  max: 100,
  unit: '%',
  data: [
    { label: '2025-26 Q2', value: 25 },
    { label: '2025-26 Q3', value: null },
    { label: '2025-26 Q4', value: 21.4 },
    { label: '2026-27 Q1', value: 19 },
    { label: '2026-27 Q2', value: 18.5 },
  ],
  target: { value: 22, label: 'Target 22%' },
  ...over,
});

describe('trend line charts', () => {
  it('keep every value exactly and a period without a value as no value', () => {
    const spec = JSON.stringify(lineChartSpec(input()));
    expect(spec).toContain('"value":21.4');
    expect(spec).toContain('"text":"18.5%"');
    expect(spec).toContain('"label":"2025-26 Q3","value":null');
  });

  it('draw one image named and described, with a point per value and the target line and label', async () => {
    const svg = await renderLineChart(input());
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="app-chart-[0-9a-f]{10}-title"/);
    expect(svg).toContain('<title id="app-chart-');
    expect(svg).toContain('Re-referrals fell from 25% to 18.5%');
    expect((svg.match(/role="img"/g) ?? []).length).toBe(1);
    // Four points drawn (one period has no value) and the dashed target rule with its label.
    const points = /<g class="mark-symbol role-mark[^"]*"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect((points.match(/<path/g) ?? []).length).toBe(4);
    expect(svg).toContain('stroke-dasharray="6,3"');
    expect(svg).toContain('Target 22%');
  });

  it('draw no target line when there is no target', async () => {
    const svg = await renderLineChart(input({ target: undefined }));
    expect(svg).not.toContain('stroke-dasharray="6,3"');
  });

  it('run the value axis from 0, or below 0 when a value is negative', () => {
    const domain = (over: Partial<LineChartInput>) =>
      JSON.stringify(lineChartSpec(input(over))).match(/"domain":\[([^\]]*)\]/)?.[1];
    expect(domain({})).toBe('0,100');
    const fell = [
      { label: '2026-27 Q1', value: 1.5 },
      { label: '2026-27 Q2', value: -2 },
    ];
    expect(domain({ data: fell, max: undefined, unit: '', target: { value: 2, label: 'Target 2' } })).toBe(
      '-2.3,2.3',
    );
  });
});
