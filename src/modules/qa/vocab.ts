/** The words of quality assurance: grades, answers, round types and audit statuses. */

export const GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_NAMES: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement to be good',
  inadequate: 'Inadequate',
};
export const GRADE_TAG: Record<Grade, string> = {
  outstanding: 'govuk-tag--green',
  good: 'govuk-tag--turquoise',
  requires_improvement: 'govuk-tag--yellow',
  inadequate: 'govuk-tag--red',
};
export const isGrade = (v: unknown): v is Grade => (GRADES as readonly unknown[]).includes(v);

export const ANSWERS = ['yes', 'partly', 'no', 'not_applicable'] as const;
export type Answer = (typeof ANSWERS)[number];
export const ANSWER_NAMES: Record<Answer, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  not_applicable: 'Not applicable',
};

export const ROUND_TYPES = ['independent', 'internal', 'thematic', 'multi_agency', 'peer'] as const;
export type RoundType = (typeof ROUND_TYPES)[number];
export const ROUND_TYPE_NAMES: Record<RoundType, string> = {
  independent: 'Independent',
  internal: 'Internal',
  thematic: 'Thematic',
  multi_agency: 'Multi-agency',
  peer: 'Peer',
};

export const AUDIT_STATUSES = [
  'assigned',
  'in_progress',
  'submitted',
  'shared',
  'responded',
  'closed',
] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const AUDIT_STATUS_NAMES: Record<AuditStatus, string> = {
  assigned: 'Assigned',
  in_progress: 'In progress',
  submitted: 'Waiting for moderation',
  shared: 'Moderated, waiting for a response',
  responded: 'Responded to',
  closed: 'Closed',
};
export const AUDIT_STATUS_TAG: Record<AuditStatus, string> = {
  assigned: 'govuk-tag--grey',
  in_progress: 'govuk-tag--blue',
  submitted: 'govuk-tag--yellow',
  shared: 'govuk-tag--purple',
  responded: 'govuk-tag--turquoise',
  closed: 'govuk-tag--green',
};

export interface TemplateQuestion {
  key: string;
  text: string;
}
export interface TemplateSection {
  key: string;
  title: string;
  questions: TemplateQuestion[];
}
export interface TemplateDefinition {
  sections: TemplateSection[];
}

/** What an auditor has recorded, by section key. */
export type AuditAnswers = Record<
  string,
  {
    questions: Record<string, { answer: Answer | null; evidence: string }>;
    grade: Grade | null;
  }
>;
