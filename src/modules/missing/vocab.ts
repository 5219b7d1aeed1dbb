/** The words of missing episodes (../shared/reference/vocabularies.md). */

export const EPISODE_TYPES = ['missing', 'absent', 'away'] as const;
export type EpisodeType = (typeof EPISODE_TYPES)[number];
export const EPISODE_TYPE_LABELS: Record<EpisodeType, string> = {
  missing: 'Missing',
  absent: 'Absent',
  away: 'Away from placement without authorisation',
};

/** The SSD's episode type codes (ssd_missing): M missing, A away from placement without authorisation. */
export function typeFromSsd(code: string | null): EpisodeType {
  return code === 'A' ? 'away' : 'missing';
}

export const POLICE_RISKS = ['high', 'medium'] as const;
export type PoliceRisk = (typeof POLICE_RISKS)[number];
export const POLICE_RISK_LABELS: Record<PoliceRisk, string> = { high: 'High', medium: 'Medium' };

/** Circumstances a person records; age and a child protection plan come from the child's record. */
export const RECORDED_HIGH_RISK = ['abducted', 'immediate_risk', 'missed_curfew'] as const;
export type RecordedHighRisk = (typeof RECORDED_HIGH_RISK)[number];

export const HIGH_RISK_LABELS: Record<string, string> = {
  age_12_or_under: 'Aged 12 or younger',
  child_protection_plan: 'Subject to a child protection plan',
  abducted: 'Abducted from care',
  immediate_risk: 'Presents an immediate risk',
  missed_curfew: 'Missed a curfew under a court order',
};
