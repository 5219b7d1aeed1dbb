/** The fields of each missing form, and the values a form starts with. */
import type { Field } from './form-kit';
import { datePartsOf, dateTimeParts } from './form-kit';
import type { EpisodeRow, InterviewRow } from './repository';
import {
  EPISODE_TYPE_LABELS,
  EPISODE_TYPES,
  HIGH_RISK_LABELS,
  POLICE_RISK_LABELS,
  RECORDED_HIGH_RISK,
} from './vocab';

const typeItems = EPISODE_TYPES.map((t) => ({ value: t, text: EPISODE_TYPE_LABELS[t] }));

export function episodeFields(withType: boolean): Field[] {
  return [
    {
      kind: 'datetime',
      name: 'startAt',
      label: 'When did the child go missing?',
      noun: 'when the child went missing',
      hint: 'When the carer or parent knew the child was missing. For example, 27 3 2026',
      required: true,
    },
    ...(withType
      ? [
          {
            kind: 'radios',
            name: 'type',
            label: 'How is the episode classified?',
            hint: 'The police classify it; if that changes later, record the change on the episode.',
            required: true,
            items: typeItems,
          } satisfies Field,
        ]
      : []),
    {
      kind: 'text',
      name: 'reportedBy',
      label: 'Who reported it?',
      hint: 'Name and role, for example the foster carer',
      required: true,
    },
    {
      kind: 'datetime',
      name: 'reportedAt',
      label: 'When was it reported?',
      noun: 'when it was reported',
      required: true,
    },
    {
      kind: 'text',
      name: 'policeReference',
      label: 'Police reference (optional)',
      required: false,
      width: 'govuk-input--width-20',
    },
    {
      kind: 'radios',
      name: 'policeRisk',
      label: 'Police risk level',
      hint: 'Leave blank until the police classify it',
      required: false,
      inline: true,
      items: [
        { value: 'high', text: POLICE_RISK_LABELS.high },
        { value: 'medium', text: POLICE_RISK_LABELS.medium },
      ],
    },
    {
      kind: 'checkboxes',
      name: 'highRiskCircumstances',
      label: 'Does any of these apply?',
      hint: 'Any of them makes the episode high risk at once under the local rule. Age (12 or younger) and a child protection plan are read from the child’s record.',
      required: false,
      items: RECORDED_HIGH_RISK.map((r) => ({ value: r, text: HIGH_RISK_LABELS[r]! })),
    },
    {
      kind: 'textarea',
      name: 'withWhom',
      label: 'Who is the child thought to be with? (optional)',
      required: false,
    },
  ];
}

export function episodeValues(row: EpisodeRow | null, prefill?: { startAt?: Date | null; type?: string }) {
  if (!row)
    return {
      startAt: dateTimeParts(prefill?.startAt ?? null),
      reportedAt: dateTimeParts(null),
      type: prefill?.type,
    };
  return {
    startAt: dateTimeParts(row.startAt),
    type: row.type,
    reportedBy: row.reportedBy,
    reportedAt: dateTimeParts(row.reportedAt),
    policeReference: row.policeReference ?? '',
    policeRisk: row.policeRisk ?? '',
    highRiskCircumstances: row.highRiskCircumstances,
    withWhom: row.withWhom ?? '',
  };
}

export const returnFields: Field[] = [
  {
    kind: 'datetime',
    name: 'endAt',
    label: 'When did the child come back, or was found?',
    noun: 'when the child came back',
    required: true,
  },
  {
    kind: 'textarea',
    name: 'whereFound',
    label: 'Where was the child found?',
    noun: 'where the child was found',
    required: true,
  },
];

export const typeFields: Field[] = [
  {
    kind: 'radios',
    name: 'type',
    label: 'What do the police now classify it as?',
    required: true,
    items: typeItems,
  },
  {
    kind: 'datetime',
    name: 'fromAt',
    label: 'From when?',
    noun: 'when the new type applies from',
    required: true,
  },
];

export const attemptFields: Field[] = [
  {
    kind: 'datetime',
    name: 'at',
    label: 'When was the attempt made?',
    noun: 'when the attempt was made',
    required: true,
  },
  {
    kind: 'text',
    name: 'contacted',
    label: 'Who was contacted?',
    hint: 'For example, mother by phone; school; friend’s address',
    required: true,
  },
  { kind: 'textarea', name: 'result', label: 'What was the result?', noun: 'the result', required: true },
];

export const notificationFields: Field[] = [
  {
    kind: 'heading',
    name: 'told',
    label: 'Who was told, and when',
    hint: 'Leave a date blank while it is not done.',
  },
  { kind: 'datetime', name: 'policeToldAt', label: 'Police told', required: false },
  { kind: 'datetime', name: 'adToldAt', label: 'Assistant director told', required: false },
  { kind: 'datetime', name: 'leadMemberToldAt', label: 'Lead member told', required: false },
  {
    kind: 'datetime',
    name: 'socialWorkerContactAt',
    label: 'Social worker in touch with the child after the return',
    required: false,
  },
];

export function notificationValues(row: EpisodeRow) {
  return {
    policeToldAt: dateTimeParts(row.policeToldAt),
    adToldAt: dateTimeParts(row.adToldAt),
    leadMemberToldAt: dateTimeParts(row.leadMemberToldAt),
    socialWorkerContactAt: dateTimeParts(row.socialWorkerContactAt),
  };
}

export const meetingFields: Field[] = [
  {
    kind: 'date',
    name: 'heldOn',
    label: 'Date of the meeting',
    noun: 'the date of the meeting',
    required: true,
  },
  { kind: 'text', name: 'chair', label: 'Who chaired it?', noun: 'who chaired the meeting', required: true },
  { kind: 'textarea', name: 'attendees', label: 'Who attended? (optional)', required: false },
  { kind: 'textarea', name: 'decisions', label: 'Decisions', noun: 'the decisions', required: true },
  { kind: 'date', name: 'nextDate', label: 'Date of the next meeting (optional)', required: false },
];

const yesNo = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

export const interviewFields: Field[] = [
  { kind: 'heading', name: 'offer', label: 'The offer' },
  { kind: 'datetime', name: 'offeredAt', label: 'When was the interview offered?', required: false },
  { kind: 'text', name: 'offeredBy', label: 'Who offered it?', required: false },
  {
    kind: 'radios',
    name: 'independent',
    label: 'Was it offered by someone independent of the child’s care?',
    required: false,
    inline: true,
    items: yesNo,
  },
  {
    kind: 'radios',
    name: 'response',
    label: 'Did the child accept?',
    required: false,
    items: [
      { value: 'accepted', text: 'Accepted' },
      { value: 'declined', text: 'Declined' },
    ],
  },
  { kind: 'date', name: 'respondedOn', label: 'When did the child answer?', required: false },
  {
    kind: 'radios',
    name: 'socialWorkerOffered',
    label: 'If declined: did the social worker offer to do it instead?',
    required: false,
    inline: true,
    items: yesNo,
  },
  { kind: 'heading', name: 'done', label: 'The interview' },
  { kind: 'date', name: 'completedOn', label: 'When was the interview done?', required: false },
  { kind: 'text', name: 'completedBy', label: 'Who did it?', required: false },
  {
    kind: 'textarea',
    name: 'childAccount',
    label: 'The child’s account, in their own words',
    hint: 'What the child said, as they said it. This is kept as the child’s voice, apart from your analysis below.',
    required: false,
  },
  {
    kind: 'textarea',
    name: 'pushFactors',
    label: 'Push factors (what made the child leave)',
    required: false,
  },
  {
    kind: 'textarea',
    name: 'pullFactors',
    label: 'Pull factors (what drew the child away)',
    required: false,
  },
  { kind: 'textarea', name: 'whereWent', label: 'Where did the child go?', required: false },
  { kind: 'textarea', name: 'withWhom', label: 'Who were they with?', required: false },
  {
    kind: 'textarea',
    name: 'exploitationConcerns',
    label: 'Exploitation concerns and risks',
    required: false,
  },
  { kind: 'textarea', name: 'actions', label: 'Actions and follow-up', required: false },
];

const yn = (b: boolean | null) => (b === null ? '' : b ? 'yes' : 'no');

export function interviewValues(i: InterviewRow | null) {
  return {
    offeredAt: dateTimeParts(i?.offeredAt),
    offeredBy: i?.offeredBy ?? '',
    independent: yn(i?.independent ?? null),
    response: i?.response ?? '',
    respondedOn: datePartsOf(i?.respondedOn),
    socialWorkerOffered: yn(i?.socialWorkerOffered ?? null),
    completedOn: datePartsOf(i?.completedOn),
    completedBy: i?.completedBy ?? '',
    childAccount: i?.childAccount ?? '',
    pushFactors: i?.pushFactors ?? '',
    pullFactors: i?.pullFactors ?? '',
    whereWent: i?.whereWent ?? '',
    withWhom: i?.withWhom ?? '',
    exploitationConcerns: i?.exploitationConcerns ?? '',
    actions: i?.actions ?? '',
  };
}
