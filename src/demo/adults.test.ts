import { describe, expect, it } from 'vitest';
import { checkConcern } from '../modules/adults/concern';
import { adultMeasure } from '../modules/adults/measures';
import { demoConcerns } from './adults';

const TODAY = '2026-11-16';

describe('the demo adults’ safeguarding register', () => {
  it('is the same every time, 60 concerns in the small demo, each one the register accepts', () => {
    const concerns = demoConcerns(TODAY, 60);
    expect(concerns).toHaveLength(60);
    expect(demoConcerns(TODAY, 60)).toEqual(concerns);
    expect(new Set(concerns.map((c) => c.reference)).size).toBe(60);
    for (const c of concerns) expect(checkConcern(c, TODAY).errors, c.reference).toEqual({});
  });

  it('gives the last complete quarter enough to report in the large demo', () => {
    const concerns = demoConcerns(TODAY, 1500);
    const q = { first: '2026-07-01', last: '2026-09-30' };
    expect(adultMeasure('concerns', concerns, q).count).toBeGreaterThan(150);
    expect(adultMeasure('s42-concluded', concerns, q).count).toBeGreaterThan(40);
    expect(adultMeasure('risk-reduced', concerns, q).count).toBeGreaterThan(40);
  });
});
