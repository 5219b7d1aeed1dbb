import { describe, expect, it } from 'vitest';
import { type BarChartInput, barChartSpec, keepLatest, keptChartCount, renderBarChart } from './bar-chart';

const input = (over: Partial<BarChartInput> = {}): BarChartInput => ({
  title: 'Tasks done on time, by month',
  description: 'In February 92.8% of tasks were done on time, compared with 85.2% in January.',
  axisTitle: 'Done on time (%)',
  max: 100,
  unit: '%',
  noValueText: 'Nothing due',
  data: [
    { label: 'January 2026', value: 85.2 },
    { label: 'February 2026', value: 92.8 },
    { label: 'March 2026', value: null },
  ],
  ...over,
});

/** The widths of the bars, in order: each is a path "M0,y h<width> v<height> h-<width> Z". */
function barWidths(svg: string): number[] {
  const marks = /<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '';
  return [...marks.matchAll(/d="M0,[\d.]+h([\d.]+)v/g)].map((m) => Number(m[1]));
}

describe('bar charts', () => {
  it('keep every value exactly in the description of the chart', () => {
    const spec = JSON.stringify(barChartSpec(input()));
    expect(spec).toContain('"value":85.2');
    expect(spec).toContain('"value":92.8');
    expect(spec).toContain('"text":"85.2%"');
    expect(spec).toContain('"text":"Nothing due"');
  });

  it('draw bars in proportion to exact values, so 85.2% and 92.8% differ', async () => {
    const svg = await renderBarChart(input());
    const [jan, feb, ...rest] = barWidths(svg);
    expect(rest).toEqual([]); // no bar where there is no value
    expect(jan).toBeGreaterThan(0);
    expect(feb).toBeGreaterThan(jan!);
    // The plotting area is 200 units wide for 0–100%.
    expect(jan).toBeCloseTo(200 * 0.852, 0);
    expect(feb).toBeCloseTo(200 * 0.928, 0);
    expect(svg).toContain('>85.2%</text>');
    expect(svg).toContain('>Nothing due</text>');
  });

  it('has an axis with its title and scale', async () => {
    const svg = await renderBarChart(input());
    expect(svg).toContain('>Done on time (%)</text>');
    for (const tick of ['0%', '25%', '50%', '75%', '100%']) expect(svg).toContain(`>${tick}</text>`);
    expect(svg).toContain('>January 2026</text>');
    // Categories keep their order (months run down the page in time order).
    expect(svg.indexOf('>January 2026<')).toBeLessThan(svg.indexOf('>February 2026<'));
    expect(svg).not.toContain('opacity="0"');
  });

  it('draws the target as a labelled line where there is one', async () => {
    const without = await renderBarChart(input());
    expect(without).not.toContain('role-mark-rule');
    const svg = await renderBarChart(input({ target: { value: 90, label: 'Target 90%' } }));
    expect(svg).toContain('>Target 90%</text>');
    const rule = /<g class="mark-rule role-mark[^"]*"[^>]*><line transform="translate\(([\d.]+),/.exec(svg);
    expect(Number(rule?.[1])).toBeCloseTo(200 * 0.9, 0);
  });

  it('is one image to assistive technology, named and described', async () => {
    const svg = await renderBarChart(input({ title: 'A & B <chart>' }));
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="(app-chart-[0-9a-f]+)-title"/);
    expect(svg).toContain('<title id="');
    expect(svg).toContain('A &#38; B &#60;chart&#62;</title>');
    expect(svg).toContain(`<desc id="`);
    // Nothing inside is announced separately.
    expect(svg.slice(svg.indexOf('</desc>'))).not.toMatch(/\s(role|aria-[a-z]+)=/);
    // It scales with its container rather than having a fixed size.
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg.slice(0, svg.indexOf('>'))).not.toMatch(/\swidth=/);
    // The page's content security policy allows no inline styles.
    expect(svg).not.toContain('style=');
  });

  it('are drawn once for the same figures, and again when a figure changes', async () => {
    const first = await renderBarChart(input({ title: 'Drawn once' }));
    const count = keptChartCount();
    expect(await renderBarChart(input({ title: 'Drawn once' }))).toBe(first);
    expect(keptChartCount()).toBe(count);
    const changed = await renderBarChart(
      input({ title: 'Drawn once', data: [{ label: 'January 2026', value: 50 }] }),
    );
    expect(changed).not.toBe(first);
    expect(keptChartCount()).toBe(count + 1);
  });
});

describe('keeping the latest', () => {
  it('lets the least recently used go beyond the limit, a use counting as recent', () => {
    const kept = new Map<string, number>();
    keepLatest(kept, 'a', 1, 2);
    keepLatest(kept, 'b', 2, 2);
    keepLatest(kept, 'a', 1, 2); // a used again: b is now the oldest
    keepLatest(kept, 'c', 3, 2);
    expect([...kept.keys()]).toEqual(['a', 'c']);
  });
});
