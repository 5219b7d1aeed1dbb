/**
 * The missing child risk assessment's words (../shared/reference/
 * vocabularies.md) and when an assessment is due: after every episode (one
 * completed on or after the child came back, or on or after the start while
 * the child is still missing), and when its review date has passed. Pure.
 */

export const RISK_FACTORS = [
  { key: 'age_band', label: 'Age band', hint: '10 or under; 11 to 14; 15 to 18: say which in the details' },
  { key: 'protection_plan', label: 'On a child protection plan' },
  { key: 'medication', label: 'Needs essential medication' },
  { key: 'disability', label: 'Physical disability or illness' },
  { key: 'lacks_awareness', label: 'Lacks awareness of risk' },
  { key: 'risky_adults', label: 'Associates with adults posing risk' },
  { key: 'mental_illness', label: 'Mental illness' },
  { key: 'drugs_alcohol', label: 'Drugs or alcohol' },
  { key: 'abduction', label: 'Suspicion of abduction' },
  { key: 'self_harm', label: 'Suspected suicide or self-harm' },
  { key: 'violent_incident', label: 'Involved in a violent or racial incident' },
  { key: 'state_of_mind', label: 'State of mind' },
  { key: 'weather', label: 'Weather' },
  { key: 'family_problems', label: 'Family problems' },
  { key: 'employment_school', label: 'Employment, financial or school problems' },
  { key: 'bullying_exploitation', label: 'Ongoing bullying or exploitation' },
  { key: 'previously_harmed', label: 'Previously harmed while missing' },
  { key: 'marriage_fgm_trafficking', label: 'Forced marriage, FGM or trafficking' },
  { key: 'gang_association', label: 'Gang association' },
] as const;

export type RiskFactorKey = (typeof RISK_FACTORS)[number]['key'];

export const RISK_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type RiskAnswer = (typeof RISK_ANSWERS)[number];
export const RISK_ANSWER_LABELS: Record<RiskAnswer, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' };

export type RiskFactors = Record<string, { answer: RiskAnswer; details: string | null }>;

/** An episode in the terms the prompt needs: London dates. */
export interface EpisodeDates {
  startDate: string;
  endDate: string | null;
}

export type AssessmentStatus =
  /** The child has been missing and no assessment is recorded. */
  | { state: 'none'; since: string }
  /** An episode began or ended after the latest assessment was completed. */
  | { state: 'after_episode'; since: string }
  /** The review date has passed. */
  | { state: 'review_overdue'; since: string }
  | { state: 'current' }
  /** Never missing and never assessed: nothing to prompt. */
  | { state: 'not_needed' };

/** The date an assessment must be on or after to cover the episode. */
function coveredFrom(e: EpisodeDates): string {
  return e.endDate ?? e.startDate;
}

export function assessmentStatus(
  latest: { completedOn: string; reviewOn: string | null } | null,
  episodes: readonly EpisodeDates[],
  today: string,
): AssessmentStatus {
  const lastEpisode = episodes.map(coveredFrom).sort().at(-1) ?? null;
  if (!latest) return lastEpisode ? { state: 'none', since: lastEpisode } : { state: 'not_needed' };
  if (lastEpisode && latest.completedOn < lastEpisode) return { state: 'after_episode', since: lastEpisode };
  if (latest.reviewOn && latest.reviewOn < today) return { state: 'review_overdue', since: latest.reviewOn };
  return { state: 'current' };
}

export const ASSESSMENT_STATUS_TEXT: Record<AssessmentStatus['state'], string> = {
  none: 'No risk assessment recorded since going missing',
  after_episode: 'To update after the latest episode',
  review_overdue: 'Review date passed',
  current: 'Up to date',
  not_needed: 'Not recorded',
};

/** The factors answered yes, for the summary on the child's record. */
export function factorsOfConcern(factors: RiskFactors): string[] {
  return RISK_FACTORS.filter((f) => factors[f.key]?.answer === 'yes').map((f) => f.label);
}
