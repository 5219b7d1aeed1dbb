import { describe, expect, it } from 'vitest';
import {
  directionOf,
  lastCompleteQuarter,
  quarterOf,
  quartersTo,
  ragFor,
  windowFor,
  yearToDate,
} from './catalogue';

describe('RAG from a target and tolerance', () => {
  const higher = { target: 85, tolerance: 5, polarity: 'higher' as const };
  const lower = { target: 22, tolerance: 3, polarity: 'lower' as const };

  it('is green on or past the target, amber within the tolerance short of it, red beyond', () => {
    expect(ragFor(85, higher)).toBe('green');
    expect(ragFor(90, higher)).toBe('green');
    expect(ragFor(80, higher)).toBe('amber');
    expect(ragFor(79.9, higher)).toBe('red');
    expect(ragFor(22, lower)).toBe('green');
    expect(ragFor(25, lower)).toBe('amber');
    expect(ragFor(25.1, lower)).toBe('red');
  });

  it('gives no RAG without a target or a value; with no tolerance, anything short is red', () => {
    expect(ragFor(10, { ...higher, target: null })).toBeNull();
    expect(ragFor(null, higher)).toBeNull();
    expect(ragFor(84.9, { ...higher, tolerance: 0 })).toBe('red');
  });
});

describe('direction of travel', () => {
  it('reads a change by the polarity', () => {
    expect(directionOf(80, 70, 'higher')).toBe('improving');
    expect(directionOf(80, 70, 'lower')).toBe('worsening');
    expect(directionOf(70, 70, 'lower')).toBe('same');
    expect(directionOf(70, null, 'lower')).toBeNull();
  });
});

describe('financial-year periods', () => {
  it('names quarters from April, and finds the last complete one', () => {
    expect(quarterOf('2026-11-16')).toEqual({ label: '2026-27 Q3', first: '2026-10-01', last: '2026-12-31' });
    expect(quarterOf('2027-02-01').label).toBe('2026-27 Q4');
    expect(lastCompleteQuarter('2026-11-16')).toEqual({
      label: '2026-27 Q2',
      first: '2026-07-01',
      last: '2026-09-30',
    });
    expect(lastCompleteQuarter('2026-04-01').label).toBe('2025-26 Q4');
  });

  it('lists the quarter and the four before it, across a year end', () => {
    expect(quartersTo(quarterOf('2026-08-01'), 4).map((q) => q.label)).toEqual([
      '2025-26 Q2',
      '2025-26 Q3',
      '2025-26 Q4',
      '2026-27 Q1',
      '2026-27 Q2',
    ]);
  });

  it('gives each period kind its window for a quarter', () => {
    const q2 = quarterOf('2026-08-01');
    expect(windowFor('quarter', q2)).toEqual({ first: '2026-07-01', last: '2026-09-30' });
    expect(windowFor('month', q2)).toEqual({ first: '2026-09-01', last: '2026-09-30' });
    expect(windowFor('ytd', q2)).toEqual({ first: '2026-04-01', last: '2026-09-30' });
    expect(windowFor('rolling12', q2)).toEqual({ first: '2025-10-01', last: '2026-09-30' });
    expect(yearToDate(quarterOf('2027-02-01'))).toEqual({ first: '2026-04-01', last: '2027-03-31' });
  });
});
