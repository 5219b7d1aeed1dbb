/** The fields of the children missing education forms, the values they start with, and what they give the service. */

import type { CmeRow } from './cme-repository';
import type { CmeProgressInput, CmeReferralInput, EnquiryInput } from './cme-service';
import {
  CME_OUTCOME_LABELS,
  CME_OUTCOMES,
  CME_REASON_LABELS,
  CME_REASONS,
  type CmeOutcome,
  type CmeReason,
  REPORTER_KIND_LABELS,
  REPORTER_KINDS,
  type ReporterKind,
} from './cme-vocab';
import { datePartsOf, type Field, type FormValues } from './form-kit';

const optionalDate = (name: string, label: string, noun: string, hint?: string): Field => ({
  kind: 'date',
  name,
  label,
  noun,
  hint,
  required: false,
});

export const referralFields: Field[] = [
  {
    kind: 'text',
    name: 'school',
    label: 'School',
    hint: 'The school the child is on roll at, or was last known to attend',
    noun: 'the school',
    required: true,
  },
  {
    kind: 'radios',
    name: 'reporterKind',
    label: 'Who reported it?',
    noun: 'who reported it',
    required: true,
    items: REPORTER_KINDS.map((k) => ({ value: k, text: REPORTER_KIND_LABELS[k] })),
  },
  {
    kind: 'text',
    name: 'reportedBy',
    label: 'Name and role of the person who reported it',
    hint: 'For example, the school’s designated safeguarding lead',
    noun: 'the name and role of the person who reported it',
    required: true,
  },
  {
    kind: 'date',
    name: 'reportedOn',
    label: 'When was it reported?',
    noun: 'when it was reported',
    required: true,
  },
  {
    kind: 'date',
    name: 'firstAbsentOn',
    label: 'First day of absence',
    hint: 'School day 1: the clocks count school days from it. For example, 27 3 2026',
    noun: 'the first day of absence',
    required: true,
  },
  {
    kind: 'radios',
    name: 'reason',
    label: 'Why is the child thought to be missing education?',
    noun: 'the reason',
    required: true,
    items: CME_REASONS.map((r) => ({ value: r, text: CME_REASON_LABELS[r] })),
  },
  { kind: 'textarea', name: 'reasonDetails', label: 'Details (optional)', required: false, rows: 3 },
];

export const progressFields: Field[] = [
  {
    kind: 'heading',
    name: 'checksHeading',
    label: 'The day-by-day checks',
    hint: 'Leave a date blank until it is done.',
  },
  optionalDate('parentsContactedOn', 'Parents contacted (day 1)', 'the date parents were contacted'),
  optionalDate('recontactOn', 'Parents contacted again (day 2)', 'the date parents were contacted again'),
  optionalDate(
    'dslToldOn',
    'Designated safeguarding lead told (day 2)',
    'the date the designated safeguarding lead was told',
  ),
  optionalDate('homeVisitOn', 'Home visit (day 3)', 'the date of the home visit'),
  optionalDate(
    'cmeOfficerToldOn',
    'The authority’s CME officer told (day 3)',
    'the date the CME officer was told',
  ),
  optionalDate(
    'policeWelfareCheckOn',
    'Police welfare check (if unresolved at day 3)',
    'the date of the police welfare check',
  ),
  { kind: 'heading', name: 'outcomeHeading', label: 'Outcome' },
  {
    kind: 'radios',
    name: 'outcome',
    label: 'Outcome (leave blank while enquiries go on)',
    noun: 'the outcome',
    required: false,
    items: CME_OUTCOMES.map((o) => ({ value: o, text: CME_OUTCOME_LABELS[o] })),
  },
  optionalDate('locatedOn', 'Located and confirmed', 'the date the child was located'),
  optionalDate(
    'offRollOn',
    'Taken off roll',
    'the date the child was taken off roll',
    'Not before 4 weeks of enquiries from the first day of absence',
  ),
  optionalDate(
    'recordsTransferredOn',
    'Records transferred',
    'the date the records were transferred',
    'Within 15 school days of coming off roll',
  ),
  optionalDate(
    'closedOn',
    'Case closed',
    'the date the case was closed',
    'Closing the case needs an outcome',
  ),
];

export const editFields: Field[] = [...referralFields, ...progressFields];

export const enquiryFields: Field[] = [
  {
    kind: 'date',
    name: 'madeOn',
    label: 'When was the enquiry made?',
    noun: 'when the enquiry was made',
    required: true,
  },
  {
    kind: 'text',
    name: 'contacted',
    label: 'Who was contacted?',
    hint: 'For example, the admissions team of a neighbouring authority, the GP, the housing office',
    noun: 'who was contacted',
    required: true,
  },
  { kind: 'textarea', name: 'result', label: 'Result', noun: 'the result', required: true, rows: 3 },
];

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

export function referralInput(d: Record<string, unknown>): CmeReferralInput {
  return {
    school: d.school as string,
    reportedOn: d.reportedOn as string,
    reporterKind: d.reporterKind as ReporterKind,
    reportedBy: d.reportedBy as string,
    firstAbsentOn: d.firstAbsentOn as string,
    reason: d.reason as CmeReason,
    reasonDetails: str(d.reasonDetails),
  };
}

export function progressInput(d: Record<string, unknown>): CmeProgressInput {
  return {
    parentsContactedOn: str(d.parentsContactedOn),
    recontactOn: str(d.recontactOn),
    dslToldOn: str(d.dslToldOn),
    homeVisitOn: str(d.homeVisitOn),
    cmeOfficerToldOn: str(d.cmeOfficerToldOn),
    policeWelfareCheckOn: str(d.policeWelfareCheckOn),
    outcome: str(d.outcome) as CmeOutcome | null,
    locatedOn: str(d.locatedOn),
    offRollOn: str(d.offRollOn),
    recordsTransferredOn: str(d.recordsTransferredOn),
    closedOn: str(d.closedOn),
  };
}

export function enquiryInput(d: Record<string, unknown>): EnquiryInput {
  return { madeOn: d.madeOn as string, contacted: d.contacted as string, result: d.result as string };
}

const DATE_FIELDS = editFields.filter((f) => f.kind === 'date').map((f) => f.name);

/** The edit form as the case stands. */
export function editValues(row: CmeRow): FormValues {
  const values: FormValues = {
    school: row.school,
    reporterKind: row.reporterKind,
    reportedBy: row.reportedBy,
    reason: row.reason,
    reasonDetails: row.reasonDetails ?? '',
    outcome: row.outcome ?? '',
  };
  for (const name of DATE_FIELDS) values[name] = datePartsOf(row[name as keyof CmeRow] as string | null);
  return values;
}
