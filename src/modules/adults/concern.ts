/**
 * One adult safeguarding concern as the register keeps it, and the rules
 * that say whether it holds together: strict on what makes it unusable
 * (dates out of order or in the future, an enquiry without its decision),
 * and notices for what is merely unusual. Shared by the form and the CSV
 * import so both say the same thing. Pure.
 */
import type {
  AbuseType,
  ConcernSource,
  Decision,
  EnquiryType,
  Location,
  OutcomesAchieved,
  OutcomesAsked,
  RiskOutcome,
  RiskSource,
} from './vocab';

export interface ConcernInput {
  /** The concern's own reference (unique in the organisation). */
  reference: string;
  /** The adult's reference in the adults' case system: no names. */
  personRef: string;
  receivedOn: string;
  source: ConcernSource;
  s42Decision: Decision | null;
  decisionOn: string | null;
  enquiryType: EnquiryType | null;
  enquiryStartedOn: string | null;
  enquiryConcludedOn: string | null;
  abuseTypes: AbuseType[];
  location: Location | null;
  riskSource: RiskSource | null;
  outcomesAsked: OutcomesAsked | null;
  outcomesAchieved: OutcomesAchieved | null;
  riskOutcome: RiskOutcome | null;
}

export type ConcernField = keyof ConcernInput;

export interface ConcernCheck {
  /** By field: what makes the concern unusable, and how to put it right. */
  errors: Partial<Record<ConcernField, string>>;
  /** What is unusual but kept. */
  notices: string[];
}

const DATE_NAMES = {
  receivedOn: 'The date the concern was received',
  decisionOn: 'The date of the section 42 decision',
  enquiryStartedOn: 'The date the enquiry started',
  enquiryConcludedOn: 'The date the enquiry concluded',
} as const;

export function checkConcern(c: ConcernInput, today: string): ConcernCheck {
  const errors: ConcernCheck['errors'] = {};
  const notices: string[] = [];
  const fail = (field: ConcernField, message: string) => {
    errors[field] ??= message;
  };

  for (const [field, name] of Object.entries(DATE_NAMES) as Array<[keyof typeof DATE_NAMES, string]>) {
    const d = c[field];
    if (d && d > today) fail(field, `${name} must be today or in the past`);
  }
  if (c.s42Decision && !c.decisionOn) fail('decisionOn', 'Enter the date of the section 42 decision');
  if (!c.s42Decision && c.decisionOn)
    fail(
      's42Decision',
      'Select whether the concern led to a section 42 enquiry, or remove the decision date',
    );
  if (c.decisionOn && c.decisionOn < c.receivedOn)
    fail(
      'decisionOn',
      'The date of the section 42 decision must be on or after the date the concern was received',
    );

  if (c.enquiryType && !c.enquiryStartedOn) fail('enquiryStartedOn', 'Enter the date the enquiry started');
  if (!c.enquiryType && c.enquiryStartedOn)
    fail('enquiryType', 'Select the type of enquiry, or remove the date it started');
  if (c.enquiryType === 's42' && c.s42Decision !== 'yes')
    fail(
      'enquiryType',
      'A section 42 enquiry needs a section 42 decision of yes: change the decision or the type',
    );
  if (c.enquiryStartedOn && c.enquiryStartedOn < c.receivedOn)
    fail(
      'enquiryStartedOn',
      'The date the enquiry started must be on or after the date the concern was received',
    );
  if (c.enquiryConcludedOn && !c.enquiryStartedOn)
    fail('enquiryStartedOn', 'Enter the date the enquiry started: it has a date it concluded');
  if (c.enquiryConcludedOn && c.enquiryStartedOn && c.enquiryConcludedOn < c.enquiryStartedOn)
    fail('enquiryConcludedOn', 'The date the enquiry concluded must be on or after the date it started');
  if (c.outcomesAchieved && c.outcomesAsked !== 'expressed')
    fail(
      'outcomesAchieved',
      'Record whether outcomes were achieved only when the adult was asked and expressed outcomes',
    );

  if (c.s42Decision === 'yes' && c.enquiryType === 'other')
    notices.push(
      'The section 42 decision is yes but the enquiry is recorded as another safeguarding enquiry',
    );
  const concluded = Boolean(c.enquiryConcludedOn);
  if (concluded && c.enquiryType === 's42') {
    if (!c.abuseTypes.length) notices.push('A concluded section 42 enquiry with no type of abuse recorded');
    if (!c.location) notices.push('A concluded section 42 enquiry with no location of abuse recorded');
    if (!c.riskOutcome) notices.push('A concluded section 42 enquiry with no risk outcome recorded');
    if (!c.outcomesAsked)
      notices.push(
        'A concluded section 42 enquiry with no record of whether the adult was asked about outcomes',
      );
  }
  if (!concluded && (c.riskOutcome || c.outcomesAchieved))
    notices.push('Outcomes are recorded but the enquiry has not concluded');
  return { errors, notices };
}
