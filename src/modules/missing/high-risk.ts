/**
 * The local rule that treats a missing child as high risk at once, whatever
 * the police have classified yet: aged 12 or younger when the episode began;
 * on a child protection plan; abducted from care; presenting an immediate
 * risk; missed a curfew under a court order.
 */
import type { PoliceRisk, RecordedHighRisk } from './vocab';

export type HighRiskReason = 'age_12_or_under' | 'child_protection_plan' | RecordedHighRisk;

export interface HighRiskInput {
  dateOfBirth: string | null;
  /** The London date the episode began. */
  startDate: string;
  onProtectionPlan: boolean;
  recorded: readonly RecordedHighRisk[];
}

/** Age in whole years on a date (null without a date of birth). */
export function ageOn(dateOfBirth: string | null, on: string): number | null {
  if (!dateOfBirth) return null;
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/** Why the local rule makes this episode high risk (empty: it does not). */
export function highRiskReasons(input: HighRiskInput): HighRiskReason[] {
  const reasons: HighRiskReason[] = [];
  const age = ageOn(input.dateOfBirth, input.startDate);
  if (age !== null && age <= 12) reasons.push('age_12_or_under');
  if (input.onProtectionPlan) reasons.push('child_protection_plan');
  for (const r of ['abducted', 'immediate_risk', 'missed_curfew'] as const) {
    if (input.recorded.includes(r)) reasons.push(r);
  }
  return reasons;
}

export interface RiskLevel {
  level: PoliceRisk | 'not_classified';
  /** True when the local rule, not the police, makes it high. */
  byLocalRule: boolean;
}

/** The risk the service works to: high under the local rule at once; otherwise as the police classify. */
export function workingRisk(police: PoliceRisk | null, reasons: readonly HighRiskReason[]): RiskLevel {
  if (police === 'high') return { level: 'high', byLocalRule: false };
  if (reasons.length) return { level: 'high', byLocalRule: true };
  return { level: police ?? 'not_classified', byLocalRule: false };
}
