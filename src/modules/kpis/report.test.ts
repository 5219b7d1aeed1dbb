import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from './catalogue';
import { indicatorValue } from './figures';
import { publishable, publishableBreakdown, publishableFigure, type ReportSnapshot } from './report';

const snapshot: ReportSnapshot = {
  quarter: { label: '2026-27 Q2', first: '2026-07-01', last: '2026-09-30' },
  quarterLabels: ['2025-26 Q2', '2025-26 Q3', '2025-26 Q4', '2026-27 Q1', '2026-27 Q2'],
  overall: 'Steady quarter.',
  signedBy: 'Sam Leader',
  signedAt: '2026-10-20T10:00:00.000Z',
  rows: [
    {
      code: 'S47-01',
      title: 'Section 47 enquiries',
      unit: 'count',
      target: 'No target',
      rag: null,
      direction: null,
      benchmark: null,
      quarters: [0, 3, 12, 6, 5].map((v) => ({ value: v, numerator: v, count: v })),
      yearToDate: { value: 11, numerator: 11, count: 11 },
      commentary: '',
    },
    {
      code: 'REF-02',
      title: 'Re-referrals within 12 months',
      unit: 'percentage',
      target: '22% or less',
      rag: 'red',
      direction: 'worsening',
      benchmark: null,
      quarters: [
        { value: 25, numerator: 10, count: 40 },
        { value: 50, numerator: 2, count: 4 },
        { value: 90, numerator: 36, count: 40 },
        { value: null, numerator: 0, count: 0 },
        { value: 30, numerator: 12, count: 40 },
      ],
      yearToDate: { value: 30, numerator: 12, count: 40 },
      commentary: 'Up because of one large sibling group.',
    },
  ],
};

describe('the publishable quarterly report', () => {
  it('suppresses counts from 1 to 5 and percentages that would reveal one, keeping zero and the rest', () => {
    const report = publishable(snapshot);
    expect(report.rows[0]!.quarters).toEqual(['0', '[c]', '12', '6', '[c]']);
    expect(report.rows[0]!.yearToDate).toBe('11');
    // 2 of 4 (small both ways), 36 of 40 (4 not re-referred): suppressed; no figure stays a dash.
    expect(report.rows[1]!.quarters).toEqual(['25%', '[c]', '[c]', '–', '30%']);
    expect(report.rows[1]!.commentary).toBe('Up because of one large sibling group.');
    expect(report.suppressionNote).toContain('from 1 to 5');
  });

  it('follows a configured threshold', () => {
    expect(publishable(snapshot, { min: 1, max: 10 }).rows[0]!.quarters).toEqual([
      '0',
      '[c]',
      '12',
      '[c]',
      '[c]',
    ]);
  });

  it('suppresses a rate per 10,000 when the children counted are few', () => {
    expect(publishableFigure('rate', { value: 7.8, numerator: 4, count: 4 }).suppressed).toBe('secondary');
    expect(publishableFigure('rate', { value: 41.2, numerator: 212, count: 212 })).toEqual({
      value: 41.2,
      suppressed: false,
    });
  });
});

describe('a breakdown as published', () => {
  it('suppresses a small row and, where the rows add up to the total, a second one so the total cannot reveal it', () => {
    const published = publishableBreakdown({
      title: 'Location of abuse',
      enquiries: 30,
      overlapping: false,
      rows: [
        { label: 'Own home', count: 17 },
        { label: 'Care home', count: 10 },
        { label: 'Hospital', count: 3 },
        { label: 'Other', count: 0 },
      ],
    });
    expect(published.rows.map((r) => r.count)).toEqual(['17', '[c]', '[c]', '0']);
    expect(published.enquiries).toBe('30');
  });

  it('suppresses overlapping rows (types of abuse) one by one: they add up to no total', () => {
    const published = publishableBreakdown({
      title: 'Type of abuse',
      enquiries: 12,
      overlapping: true,
      rows: [
        { label: 'Neglect', count: 9 },
        { label: 'Financial', count: 4 },
      ],
    });
    expect(published.rows.map((r) => r.count)).toEqual(['9', '[c]']);
    expect(published.enquiries).toBe('12');
  });
});

describe('an average of scores (early help distance travelled)', () => {
  const average = { count: 3, numerator: 7 };
  const def = { unit: 'average' } as IndicatorDefinition;

  it('is the numerator over the count, to one decimal, and none when nothing was counted', () => {
    expect(indicatorValue(def, average, null)).toBe(2.3);
    expect(indicatorValue(def, { count: 4, numerator: -2 }, null)).toBe(-0.5);
    expect(indicatorValue(def, { count: 0, numerator: 0 }, null)).toBeNull();
  });

  it('is not a count: a small average is published as it is, written in points', () => {
    expect(publishableFigure('average', { value: 2, ...average })).toEqual({ value: 2, suppressed: false });
    expect(publishableFigure('count', { value: 2, numerator: 2, count: 2 }).suppressed).toBe('primary');
    const report = publishable({
      ...snapshot,
      rows: [
        {
          ...snapshot.rows[0]!,
          code: 'EH-02',
          unit: 'average',
          quarters: [3, 2, 1, 5, 2.3].map((value) => ({ value, ...average })),
          yearToDate: { value: 3, count: 4, numerator: 12 },
        },
      ],
    });
    expect(report.rows[0]!.quarters).toEqual([
      '3.0 points',
      '2.0 points',
      '1.0 points',
      '5.0 points',
      '2.3 points',
    ]);
    expect(report.rows[0]!.yearToDate).toBe('3.0 points');
  });
});
