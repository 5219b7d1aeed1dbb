/** The fields of the risk record forms, the values they start with, and reading a submission into the service's input. */
import { datePartsOf, type Field, type FormValues } from './form-kit';
import { RISK_ANSWER_LABELS, RISK_ANSWERS, RISK_FACTORS, type RiskAnswer, type RiskFactors } from './risk';
import type { RiskAssessmentInput, TriggerPlanInput } from './risk-records';
import type { RiskAssessmentRow, TriggerPlanRow } from './risk-repository';

const answerItems = RISK_ANSWERS.map((a) => ({ value: a, text: RISK_ANSWER_LABELS[a] }));
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

export const assessmentFields: Field[] = [
  {
    kind: 'heading',
    name: 'factorsHeading',
    label: 'Risk factors',
    hint: 'Answer each: yes, no or unknown. Add details where it helps the next person reading it.',
  },
  ...RISK_FACTORS.flatMap((f): Field[] => [
    {
      kind: 'radios',
      name: `factor_${f.key}`,
      label: f.label,
      hint: 'hint' in f ? f.hint : undefined,
      noun: `yes, no or unknown for ‘${f.label}’`,
      required: true,
      inline: true,
      items: answerItems,
    },
    {
      kind: 'textarea',
      name: `details_${f.key}`,
      label: `Details: ${f.label.charAt(0).toLowerCase()}${f.label.slice(1)} (optional)`,
      required: false,
      rows: 2,
    },
  ]),
  { kind: 'heading', name: 'summaryHeading', label: 'Assessment' },
  {
    kind: 'textarea',
    name: 'summary',
    label: 'Summary of risk',
    noun: 'the summary of risk',
    required: true,
  },
  { kind: 'textarea', name: 'actions', label: 'Actions taken (optional)', required: false },
  {
    kind: 'date',
    name: 'reviewOn',
    label: 'Review date (optional)',
    noun: 'the review date',
    hint: 'For example, 16 2 2027',
    required: false,
  },
  {
    kind: 'date',
    name: 'completedOn',
    label: 'Date completed',
    noun: 'the date it was completed',
    required: true,
  },
  {
    kind: 'text',
    name: 'completedBy',
    label: 'Completed by',
    hint: 'Name and role',
    noun: 'who completed it',
    required: true,
  },
];

/** The form starts from the assessment as it stands (an update changes what has changed). */
export function assessmentValues(row: RiskAssessmentRow | null): FormValues {
  const values: FormValues = {};
  if (!row) return values;
  for (const f of RISK_FACTORS) {
    values[`factor_${f.key}`] = row.factors[f.key]?.answer ?? '';
    values[`details_${f.key}`] = row.factors[f.key]?.details ?? '';
  }
  values.summary = row.summary;
  values.actions = row.actions ?? '';
  values.reviewOn = datePartsOf(null);
  values.completedOn = datePartsOf(null);
  values.completedBy = '';
  return values;
}

export function assessmentInput(d: Record<string, unknown>): RiskAssessmentInput {
  const factors: RiskFactors = {};
  for (const f of RISK_FACTORS)
    factors[f.key] = { answer: d[`factor_${f.key}`] as RiskAnswer, details: str(d[`details_${f.key}`]) };
  return {
    factors,
    summary: d.summary as string,
    actions: str(d.actions),
    reviewOn: str(d.reviewOn),
    completedOn: d.completedOn as string,
    completedBy: d.completedBy as string,
  };
}

export const triggerPlanFields: Field[] = [
  {
    kind: 'textarea',
    name: 'likelihoodFactors',
    label: 'What makes it likely the child will go missing?',
    hint: 'Triggers and patterns: times, places, people, events',
    noun: 'what makes it likely the child will go missing',
    required: true,
  },
  {
    kind: 'textarea',
    name: 'protectiveFactors',
    label: 'Protective factors (optional)',
    hint: 'What and who helps the child stay safe',
    required: false,
  },
  {
    kind: 'textarea',
    name: 'contacts',
    label: 'Contacts (optional)',
    hint: 'Whom to call if the child goes missing, with telephone numbers',
    required: false,
  },
  {
    kind: 'radios',
    name: 'seenByChild',
    label: 'Has the child seen the plan?',
    noun: 'whether the child has seen the plan',
    required: true,
    inline: true,
    items: [
      { value: 'yes', text: 'Yes' },
      { value: 'no', text: 'No' },
    ],
  },
  {
    kind: 'date',
    name: 'seenByChildOn',
    label: 'When did the child see it? (optional)',
    noun: 'when the child saw it',
    required: false,
  },
];

export function triggerPlanValues(row: TriggerPlanRow | null): FormValues {
  if (!row) return {};
  return {
    likelihoodFactors: row.likelihoodFactors,
    protectiveFactors: row.protectiveFactors ?? '',
    contacts: row.contacts ?? '',
    seenByChild: row.seenByChild ? 'yes' : 'no',
    seenByChildOn: datePartsOf(row.seenByChildOn),
  };
}

export function triggerPlanInput(d: Record<string, unknown>): TriggerPlanInput {
  return {
    likelihoodFactors: d.likelihoodFactors as string,
    protectiveFactors: str(d.protectiveFactors),
    contacts: str(d.contacts),
    seenByChild: d.seenByChild === 'yes',
    seenByChildOn: str(d.seenByChildOn),
  };
}
