import { describe, expect, it } from 'vitest';
import { quarterOf } from '../../platform/calendar/quarters';
import { directionOf, ragFor, windowFor } from './catalogue';

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

describe('an indicator’s period', () => {
  it('gives each period kind its window for a quarter', () => {
    const q2 = quarterOf('2026-08-01');
    expect(windowFor('quarter', q2)).toEqual({ first: '2026-07-01', last: '2026-09-30' });
    expect(windowFor('month', q2)).toEqual({ first: '2026-09-01', last: '2026-09-30' });
    expect(windowFor('ytd', q2)).toEqual({ first: '2026-04-01', last: '2026-09-30' });
    expect(windowFor('rolling12', q2)).toEqual({ first: '2025-10-01', last: '2026-09-30' });
    expect(windowFor('ytd', quarterOf('2027-02-01'))).toEqual({ first: '2026-04-01', last: '2027-03-31' });
    expect(windowFor('rolling12', quarterOf('2027-02-01'))).toEqual({
      first: '2026-04-01',
      last: '2027-03-31',
    });
  });
});
