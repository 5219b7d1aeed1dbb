/** The minutes and election forms: their fields (for views/form.njk) and zod schemas. */
import { z } from 'zod';
import { hasControlCharacters } from '../../platform/errors';
import { blankToUndefined } from '../../platform/http/forms';
import type { FieldSpec } from './route-forms';

/** An optional text: blank is undefined (inside the preprocess, so that "" is accepted as blank). */
const text = (label: string, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`)
      .refine((v) => !hasControlCharacters(v), 'Remove the control characters (copied from another program)')
      .optional(),
  );

export const itemMinutesSchema = z
  .object({
    discussion: text('the summary of the discussion', 20000),
    resolutions: text('the resolutions', 5000).transform((v) =>
      (v ?? '')
        .split(/\r?\n/)
        .map((l) => l.replace(/^\s*(\d+[.)]|[-*])\s*/, '').trim())
        .filter(Boolean),
    ),
    actionDescription: text('the action', 1000),
    actionOfficer: text('the officer who owns the action', 200),
  })
  .superRefine((v, ctx) => {
    if (v.actionDescription && !v.actionOfficer)
      ctx.addIssue({
        code: 'custom',
        path: ['actionOfficer'],
        message: 'Enter the officer who owns the action, for example Head of Service, Children in Care',
      });
    if (v.actionOfficer && !v.actionDescription)
      ctx.addIssue({ code: 'custom', path: ['actionDescription'], message: 'Enter the action agreed' });
  });

export const itemMinutesDates = [{ name: 'dueDate', label: 'the due date of the action', optional: true }];

export const itemMinutesFields: FieldSpec[] = [
  {
    name: 'discussion',
    label: 'Summary of the discussion',
    kind: 'textarea',
    rows: 8,
    hint: 'Paragraphs, "- " for a list, "## " for a heading. Record members’ questions apart, under “Members’ questions”',
  },
  {
    name: 'resolutions',
    label: 'Resolutions',
    kind: 'textarea',
    rows: 4,
    hint: 'One a line, each starting "That", for example: That the report be noted. They are numbered in the minutes',
  },
  {
    name: 'actionDescription',
    label: 'New action agreed (optional)',
    kind: 'textarea',
    rows: 2,
    hint: 'It goes on the committee’s outstanding actions list when you save; add further actions one at a time',
  },
  {
    name: 'actionOfficer',
    label: 'Officer who owns the action',
    hint: 'A job title, for example Head of Service, Children in Care',
  },
  {
    name: 'dueDate',
    label: 'Due date of the action (optional)',
    kind: 'date',
    hint: 'For example, 30 6 2027',
  },
];

export const endedSchema = z.object({
  endedAt: z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'Enter the time the meeting ended' })
      .regex(
        /^([01]?\d|2[0-3]):[0-5]\d$/,
        'Enter the time as hours and minutes on the 24-hour clock, like 16:30',
      )
      .transform((t) => t.padStart(5, '0')),
  ),
});

export const endedFields: FieldSpec[] = [
  {
    name: 'endedAt',
    label: 'Time the meeting ended',
    hint: 'On the 24-hour clock, for example 16:30',
    classes: 'govuk-input--width-5',
  },
];

export const approvalSchema = z.object({
  how: z.enum(['at_meeting', 'chairman'], { error: 'Choose how the minutes were approved' }),
});

export const electionSchema = z.object({
  userId: z.string({ error: 'Choose the member elected' }).uuid('Choose the member elected from the list'),
});

export const electionDates = [{ name: 'termEnd', label: 'the end of the term', optional: true }];

export function electionFields(members: Array<{ userId: string; name: string }>): FieldSpec[] {
  return [
    {
      name: 'userId',
      label: 'Member elected',
      kind: 'select',
      items: [
        { value: '', text: 'Choose a member' },
        ...members.map((m) => ({ value: m.userId, text: m.name })),
      ],
    },
    {
      name: 'termEnd',
      label: 'End of the term (optional)',
      kind: 'date',
      hint: 'Usually the end of the municipal year, for example 30 4 2027',
    },
  ];
}

const required = (label: string, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `Enter ${label}` })
      .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`)
      .refine((v) => !hasControlCharacters(v), 'Remove the control characters (copied from another program)'),
  );

/** A member's question and its answer; the answer may be left for later. */
export const questionSchema = z
  .object({
    askedBy: required('who asked the question', 200),
    question: required('the question', 4000),
    answer: text('the answer', 8000),
    answeredBy: text('who answered', 200),
    afterMeeting: z.preprocess(
      (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]),
      z.array(z.literal('yes', { error: 'Choose whether the answer was given after the meeting' })).max(1),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.answer && !v.answeredBy)
      ctx.addIssue({
        code: 'custom',
        path: ['answeredBy'],
        message: 'Enter who answered, for example Director of Children’s Services',
      });
    if (v.answeredBy && !v.answer)
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: 'Enter the answer, or leave who answered blank',
      });
    if (v.afterMeeting.length && !v.answer)
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: 'Enter the answer given after the meeting, or untick that it was',
      });
  })
  .transform((v) => ({
    askedBy: v.askedBy,
    question: v.question,
    answer: v.answer ?? null,
    answeredBy: v.answeredBy ?? null,
    afterMeeting: v.afterMeeting.length > 0,
  }));

export const questionFields: FieldSpec[] = [
  { name: 'askedBy', label: 'Asked by', hint: 'As the minutes name them, for example Councillor Example' },
  { name: 'question', label: 'Question', kind: 'textarea', rows: 4 },
  {
    name: 'answer',
    label: 'Answer (optional)',
    kind: 'textarea',
    rows: 5,
    hint: 'Leave blank if the answer is to follow; add it before the minutes are approved',
  },
  {
    name: 'answeredBy',
    label: 'Answered by',
    hint: 'A job title or a member, for example Director of Children’s Services',
  },
  {
    name: 'afterMeeting',
    label: 'When the answer was given',
    kind: 'checkboxes',
    items: [{ value: 'yes', text: 'The answer was given after the meeting, in writing' }],
  },
];
