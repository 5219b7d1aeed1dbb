import { describe, expect, it } from 'vitest';
import { quarterStarting, quartersTo } from '../../platform/calendar/quarters';
import type { IndicatorDefinition } from './catalogue';
import type { IndicatorRow } from './figures';
import { figureBasis, formatFigure, targetText, trendChart } from './view-models';

const def: IndicatorDefinition = {
  title: 'Assessments completed within 45 working days',
  definition: 'd',
  numerator: 'n',
  denominator: 'd',
  unit: 'percentage',
  polarity: 'higher',
  period: 'quarter',
  target: 85,
  tolerance: 5,
  source: { kind: 'computed', measure: 'assessments-45' },
  owner: 'o',
  notes: '',
};

const row = (values: Array<number | null>): IndicatorRow => {
  const quarters = quartersTo(quarterStarting('2026-07-01'), 4).map((quarter, i) => ({
    quarter,
    window: quarter,
    value: values[i]!,
    numerator: null,
    count: null,
  }));
  return {
    code: 'ASS-01',
    version: 1,
    definition: def,
    quarters,
    current: quarters.at(-1)!,
    yearToDate: quarters.at(-1)!,
    rag: null,
    direction: null,
    benchmark: null,
  };
};

describe('indicator view models', () => {
  it('write figures with their unit, a dash for none, and the counts behind a percentage', () => {
    expect(formatFigure(87.25, def)).toBe('87.3%');
    expect(formatFigure(1204, { unit: 'count' })).toBe('1,204');
    expect(formatFigure(null, def)).toBe('–');
    const figure = { window: { first: '', last: '' }, value: 80, numerator: 12, count: 15 };
    expect(figureBasis(figure, def)).toBe('12 of 15');
    expect(figureBasis(figure, { ...def, unit: 'count' })).toBeNull();
  });

  it('say which way is better and how wide amber is', () => {
    expect(targetText(def)).toBe('85% or more (amber within 5%)');
    expect(targetText({ ...def, polarity: 'lower', tolerance: 0 })).toBe('85% or less');
    expect(targetText({ ...def, target: null })).toBe('No target');
  });

  it('describe the trend in a sentence from the first and last quarters with a figure', () => {
    const chart = trendChart(row([null, 70, 75, null, 80]));
    expect(chart.description).toBe(
      'Assessments completed within 45 working days: 70% in 2025-26 Q3, 80% in 2026-27 Q2, against a target of 85%.',
    );
    expect(chart.max).toBe(100);
    expect(chart.target).toEqual({ value: 85, label: 'Target 85%' });
    expect(trendChart(row([null, null, null, null, null])).description).toContain(
      'no figures for these quarters',
    );
  });

  it('write an average of scores in points, always to one decimal, with its target and trend', () => {
    const average = {
      ...def,
      title: 'Early help goals: average distance travelled',
      unit: 'average' as const,
      target: 2,
      tolerance: 0.5,
    };
    expect(formatFigure(2, average)).toBe('2.0 points');
    expect(formatFigure(2.34, average)).toBe('2.3 points');
    expect(formatFigure(-1.5, average)).toBe('-1.5 points');
    expect(formatFigure(0, average)).toBe('0.0 points');
    expect(targetText(average)).toBe('2.0 points or more (amber within 0.5 points)');
    const figure = { window: { first: '', last: '' }, value: 2.3, numerator: 7, count: 3 };
    // The sum of distances behind an average is not "7 of 3".
    expect(figureBasis(figure, average)).toBeNull();
    const chart = trendChart({ ...row([1, null, null, 5, 2.3]), definition: average });
    expect(chart.description).toBe(
      'Early help goals: average distance travelled: 1.0 points in 2025-26 Q2, 2.3 points in 2026-27 Q2, against a target of 2.0 points.',
    );
    expect(chart.axisTitle).toBe('Average (score points)');
    expect(chart.max).toBeUndefined();
    expect(chart.target).toEqual({ value: 2, label: 'Target 2.0 points' });
  });
});
