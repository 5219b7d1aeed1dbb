/** The committee forms: their fields (for views/form.njk) and zod schemas, and reading them. */
import { z } from 'zod';
import { hasControlCharacters } from '../../platform/errors';
import {
  blankToUndefined,
  dateFromParts,
  dateParts,
  type FormErrors,
  formErrors,
} from '../../platform/http/forms';
import { MEMBER_ROLE_NAMES, MEMBER_ROLES, PARAGRAPHS, PURPOSE_NAMES, PURPOSES, SCHEDULE_12A } from './vocab';

export interface FieldSpec {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'select' | 'radios' | 'checkboxes' | 'date';
  hint?: string;
  rows?: number;
  classes?: string;
  items?: Array<{ value: string; text: string }>;
}

export type Body = Record<string, unknown>;

const text = (label: string, max = 200) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `Enter ${label}` })
      .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`)
      .refine((v) => !hasControlCharacters(v), 'Remove the control characters (copied from another program)'),
  );
const optionalText = (label: string, max = 200) => text(label, max).optional();
const count = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Enter ${label} as a number, like 7` })
      .int(`Enter ${label} as a whole number, like 7`)
      .min(1, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least 1`)
      .max(100, `${label[0]!.toUpperCase()}${label.slice(1)} must be 100 or fewer`),
  );
const link = z.preprocess(
  blankToUndefined,
  z.url('Enter a full web address, starting https://').max(500).optional(),
);
const uuidOrNone = (message: string) =>
  z.preprocess(blankToUndefined, z.string().uuid(message).optional()).transform((v) => v ?? null);
const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

// ------------------------------------------------------------------ committee

export const committeeSchema = z.object({
  name: text('the committee’s name'),
  parentId: uuidOrNone('Choose a parent committee from the list'),
  memberCount: count('the number of members'),
  quorum: count('the quorum'),
  duties: text('the terms of reference', 5000).transform((v) =>
    v
      .split(/\r?\n/)
      .map((d) => d.replace(/^\s*\d+[.)]?\s*/, '').trim())
      .filter(Boolean),
  ),
  frequency: text('how often the committee meets', 100),
  clerkUserId: uuidOrNone('Choose the clerk from the list'),
});

export function committeeFields(
  parents: Array<{ id: string; name: string }>,
  clerks: Array<{ id: string; name: string }>,
): FieldSpec[] {
  return [
    { name: 'name', label: 'Name' },
    {
      name: 'parentId',
      label: 'Parent committee (optional)',
      kind: 'select',
      items: [{ value: '', text: 'None' }, ...parents.map((p) => ({ value: p.id, text: p.name }))],
    },
    { name: 'memberCount', label: 'Number of members', classes: 'govuk-input--width-3' },
    { name: 'quorum', label: 'Quorum', classes: 'govuk-input--width-3' },
    {
      name: 'duties',
      label: 'Terms of reference',
      kind: 'textarea',
      hint: 'One duty a line; they are numbered in this order',
      rows: 8,
    },
    { name: 'frequency', label: 'Suggested frequency of meetings', hint: 'For example, Quarterly' },
    {
      name: 'clerkUserId',
      label: 'Clerk',
      kind: 'select',
      items: [{ value: '', text: 'Not yet chosen' }, ...clerks.map((c) => ({ value: c.id, text: c.name }))],
    },
  ];
}

// ------------------------------------------------------------------ member

export const memberSchema = z.object({
  userId: z.string({ error: 'Choose the member' }).uuid('Choose the member from the list'),
  role: z.enum(MEMBER_ROLES, { error: 'Choose the member’s role on the committee' }),
});

export function memberFields(members: Array<{ id: string; name: string }>): FieldSpec[] {
  return [
    {
      name: 'userId',
      label: 'Member',
      kind: 'select',
      hint: 'People with the committee member role',
      items: [{ value: '', text: 'Choose a member' }, ...members.map((m) => ({ value: m.id, text: m.name }))],
    },
    {
      name: 'role',
      label: 'Role',
      kind: 'radios',
      items: MEMBER_ROLES.map((r) => ({ value: r, text: MEMBER_ROLE_NAMES[r] })),
    },
    { name: 'termStart', label: 'Start of term', kind: 'date', hint: 'For example, 21 5 2026' },
    { name: 'termEnd', label: 'End of term (optional)', kind: 'date' },
  ];
}

// ------------------------------------------------------------------ meeting

export const meetingSchema = z.object({
  startTime: z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'Enter the time the meeting starts' })
      .regex(
        /^([01]?\d|2[0-3]):[0-5]\d$/,
        'Enter the time as hours and minutes on the 24-hour clock, like 14:00',
      )
      .transform((t) => t.padStart(5, '0')),
  ),
  venue: optionalText('the venue'),
  virtualLink: link,
  recordingLink: link,
});

export const meetingFields: FieldSpec[] = [
  { name: 'date', label: 'Date', kind: 'date', hint: 'For example, 10 3 2027' },
  {
    name: 'startTime',
    label: 'Start time',
    hint: 'On the 24-hour clock, for example 14:00',
    classes: 'govuk-input--width-5',
  },
  { name: 'venue', label: 'Venue (optional if the meeting is online)' },
  { name: 'virtualLink', label: 'Link to join online (optional)' },
  { name: 'recordingLink', label: 'Link to the recording (optional)' },
];

// ------------------------------------------------------------------ agenda item

export const itemSchema = z.object({
  title: text('the item’s title'),
  part: z
    .enum(['1', '2'], { error: 'Choose whether the item is public or non-public' })
    .transform(Number) as unknown as z.ZodType<1 | 2>,
  paragraphs: z.preprocess(
    list,
    z.array(z.enum(PARAGRAPHS.map(String) as [string, ...string[]])).transform((p) => p.map(Number)),
  ),
  purpose: z.enum(PURPOSES, { error: 'Choose For Information or For Decision' }),
  fromOfficer: text('who the report is from'),
});

export const itemFields: FieldSpec[] = [
  { name: 'title', label: 'Title' },
  {
    name: 'fromOfficer',
    label: 'From',
    hint: 'The officer presenting it, for example Director of Children’s Services',
  },
  {
    name: 'purpose',
    label: 'Purpose',
    kind: 'radios',
    items: PURPOSES.map((p) => ({ value: p, text: PURPOSE_NAMES[p] })),
  },
  {
    name: 'part',
    label: 'Part',
    kind: 'radios',
    items: [
      { value: '1', text: 'Part 1 (public)' },
      { value: '2', text: 'Part 2 (non-public)' },
    ],
  },
  {
    name: 'paragraphs',
    label: 'Schedule 12A paragraphs (non-public items only)',
    kind: 'checkboxes',
    items: PARAGRAPHS.map((p) => ({ value: String(p), text: `${p}: ${SCHEDULE_12A[p]}` })),
  },
];

/** Read a form: the schema's fields and the named dates. */
export function readForm<S extends z.ZodType>(
  schema: S,
  body: Body,
  dates: Array<{ name: string; label: string; optional?: boolean }> = [],
):
  | { ok: true; data: z.infer<S>; dates: Record<string, string | null> }
  | { ok: false; errors: FormErrors; values: Body } {
  const fields: Record<string, string> = {};
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      fields[issue.path.map(String).join('.') || 'form'] ??= issue.message;
  const read: Record<string, string | null> = {};
  for (const d of dates) {
    const empty = ['day', 'month', 'year'].every((p) => !String(body[`${d.name}-${p}`] ?? '').trim());
    if (d.optional && empty) {
      read[d.name] = null;
      continue;
    }
    const r = dateFromParts(body, d.name, d.label);
    if (r.ok) read[d.name] = r.date;
    else fields[d.name] = r.message;
  }
  if (Object.keys(fields).length || !parsed.success)
    return { ok: false, errors: formErrors(fields), values: valuesOf(body, dates) };
  return { ok: true, data: parsed.data, dates: read };
}

/** What a form shows back: the submitted values, dates as their parts. */
export function valuesOf(body: Body, dates: Array<{ name: string }> = []): Body {
  const values: Body = { ...body };
  for (const d of dates)
    values[d.name] = {
      day: body[`${d.name}-day`] ?? '',
      month: body[`${d.name}-month`] ?? '',
      year: body[`${d.name}-year`] ?? '',
    };
  return values;
}

export { dateParts };
