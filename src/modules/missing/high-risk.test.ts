import { describe, expect, it } from 'vitest';
import { ageOn, highRiskReasons, workingRisk } from './high-risk';

describe('the local high-risk rule', () => {
  const base = { dateOfBirth: '2014-06-10', startDate: '2026-11-01', onProtectionPlan: false, recorded: [] };

  it('counts age on the day the episode began: 12 the day before the 13th birthday, not on it', () => {
    expect(ageOn('2014-06-10', '2027-06-09')).toBe(12);
    expect(highRiskReasons({ ...base, startDate: '2027-06-09' })).toEqual(['age_12_or_under']);
    expect(highRiskReasons({ ...base, startDate: '2027-06-10' })).toEqual([]);
  });

  it('a child of 12 (born 10 June 2014, missing 1 November 2026) is high risk at once', () => {
    expect(highRiskReasons(base)).toEqual(['age_12_or_under']);
  });

  it('without a date of birth age gives no reason; the other reasons still apply, in order', () => {
    expect(
      highRiskReasons({
        ...base,
        dateOfBirth: null,
        onProtectionPlan: true,
        recorded: ['missed_curfew', 'abducted'],
      }),
    ).toEqual(['child_protection_plan', 'abducted', 'missed_curfew']);
  });

  it('the local rule makes an episode high before the police classify it, or over their medium', () => {
    expect(workingRisk(null, ['immediate_risk'])).toEqual({ level: 'high', byLocalRule: true });
    expect(workingRisk('medium', ['age_12_or_under'])).toEqual({ level: 'high', byLocalRule: true });
    expect(workingRisk('high', ['age_12_or_under'])).toEqual({ level: 'high', byLocalRule: false });
    expect(workingRisk('medium', [])).toEqual({ level: 'medium', byLocalRule: false });
    expect(workingRisk(null, [])).toEqual({ level: 'not_classified', byLocalRule: false });
  });
});
