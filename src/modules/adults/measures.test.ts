import { describe, expect, it } from 'vitest';
import { adultBreakdowns, adultMeasure, type MeasuredConcern } from './measures';

const blank: MeasuredConcern = {
  receivedOn: '2026-07-01',
  s42Decision: null,
  enquiryType: null,
  enquiryStartedOn: null,
  enquiryConcludedOn: null,
  abuseTypes: [],
  location: null,
  riskSource: null,
  outcomesAsked: null,
  outcomesAchieved: null,
  riskOutcome: null,
};
const s42 = (over: Partial<MeasuredConcern>): MeasuredConcern => ({
  ...blank,
  s42Decision: 'yes',
  enquiryType: 's42',
  ...over,
});

/**
 * Q2 2026-27 (July to September): five concerns received in it, two leading
 * to a section 42 enquiry; three section 42 enquiries concluded in it (one
 * from a concern of the quarter before); an other enquiry concluded, which
 * no section 42 measure counts.
 */
const Q2 = { first: '2026-07-01', last: '2026-09-30' };
const rows: MeasuredConcern[] = [
  // Received in Q1, enquiry started in Q1, concluded in Q2.
  s42({
    receivedOn: '2026-06-01',
    enquiryStartedOn: '2026-06-10',
    enquiryConcludedOn: '2026-07-20',
    abuseTypes: ['neglect', 'financial'],
    location: 'own-home',
    riskSource: 'known-to-individual',
    outcomesAsked: 'expressed',
    outcomesAchieved: 'fully',
    riskOutcome: 'removed',
  }),
  s42({
    receivedOn: '2026-07-02',
    enquiryStartedOn: '2026-07-05',
    enquiryConcludedOn: '2026-08-30',
    abuseTypes: ['neglect'],
    location: 'care-home-residential',
    riskSource: 'service-provider',
    outcomesAsked: 'expressed',
    outcomesAchieved: 'not',
    riskOutcome: 'remains',
  }),
  s42({
    receivedOn: '2026-08-02',
    enquiryStartedOn: '2026-08-05',
    enquiryConcludedOn: '2026-09-30',
    abuseTypes: ['physical'],
    outcomesAsked: 'not-asked',
    riskOutcome: 'reduced',
  }),
  { ...blank, receivedOn: '2026-09-01', s42Decision: 'no' },
  {
    ...blank,
    receivedOn: '2026-09-15',
    s42Decision: 'no',
    enquiryType: 'other',
    enquiryStartedOn: '2026-09-16',
    enquiryConcludedOn: '2026-09-20',
    abuseTypes: ['self-neglect'],
    riskOutcome: 'removed',
  },
  { ...blank, receivedOn: '2026-09-30' },
  // Received after the quarter: counted nowhere.
  s42({ receivedOn: '2026-10-01', enquiryStartedOn: '2026-10-02' }),
];

describe('adults safeguarding measures', () => {
  it('counts concerns, enquiries started and concluded within the window', () => {
    expect(adultMeasure('concerns', rows, Q2)).toEqual({ numerator: 5, count: 5 });
    expect(adultMeasure('s42-started', rows, Q2)).toEqual({ numerator: 2, count: 2 });
    expect(adultMeasure('s42-concluded', rows, Q2)).toEqual({ numerator: 3, count: 3 });
  });

  it('gives the conversion rate: concerns received that led to a section 42 enquiry', () => {
    expect(adultMeasure('conversion', rows, Q2)).toEqual({ numerator: 2, count: 5 });
  });

  it('counts outcomes asked, outcomes met and risk removed or reduced among concluded s42 enquiries', () => {
    expect(adultMeasure('outcomes-asked', rows, Q2)).toEqual({ numerator: 2, count: 3 });
    expect(adultMeasure('outcomes-met', rows, Q2)).toEqual({ numerator: 1, count: 2 });
    // The other enquiry's risk removed is not counted.
    expect(adultMeasure('risk-reduced', rows, Q2)).toEqual({ numerator: 2, count: 3 });
  });

  it('breaks concluded section 42 enquiries down by type, location and source of risk', () => {
    const [types, locations, sources] = adultBreakdowns(rows, Q2);
    const count = (b: typeof types, key: string) => b!.rows.find((r) => r.key === key)!.count;
    expect(types!.enquiries).toBe(3);
    expect(count(types, 'neglect')).toBe(2);
    expect(count(types, 'financial')).toBe(1);
    expect(count(types, 'physical')).toBe(1);
    expect(count(types, 'self-neglect')).toBe(0);
    expect(types!.overlapping).toBe(true);
    expect(count(locations, 'own-home')).toBe(1);
    expect(count(locations, 'not-recorded')).toBe(1);
    expect(locations!.rows.reduce((a, r) => a + r.count, 0)).toBe(3);
    expect(count(sources, 'service-provider')).toBe(1);
    expect(count(sources, 'not-recorded')).toBe(1);
  });
});
