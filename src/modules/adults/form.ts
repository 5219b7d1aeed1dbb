/**
 * The concern form: reading a submission (zod for text and choices, GOV.UK
 * date inputs for dates) into a concern or into messages per field, and the
 * values a stored concern shows back. Pure.
 */
import { z } from 'zod';
import { hasControlCharacters } from '../../platform/errors';
import { dateFromParts, dateParts, listOf } from '../../platform/http/forms';
import type { ConcernField, ConcernInput } from './concern';
import type { StoredConcern } from './repository';
import {
  ABUSE_TYPES,
  CONCERN_SOURCES,
  DECISIONS,
  ENQUIRY_TYPES,
  LOCATIONS,
  OUTCOMES_ACHIEVED,
  OUTCOMES_ASKED,
  RISK_OUTCOMES,
  RISK_SOURCES,
  valuesOf,
} from './vocab';

/** The form's fields in page order (the error summary follows it). */
export const FORM_ORDER: readonly ConcernField[] = [
  'reference',
  'personRef',
  'receivedOn',
  'source',
  's42Decision',
  'decisionOn',
  'enquiryType',
  'enquiryStartedOn',
  'enquiryConcludedOn',
  'abuseTypes',
  'location',
  'riskSource',
  'outcomesAsked',
  'outcomesAchieved',
  'riskOutcome',
];

const reference = (what: string) =>
  z
    .string({ message: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(50, `The ${what} must be 50 characters or fewer`)
    .refine((s) => !hasControlCharacters(s), 'Remove the control characters');
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable());

const schema = z.object({
  reference: reference('concern ID'),
  personRef: reference('person ID'),
  source: z.enum(valuesOf(CONCERN_SOURCES), { message: 'Select who raised the concern' }),
  s42Decision: optional(
    z.enum(valuesOf(DECISIONS), { message: 'Select the section 42 decision from the list' }),
  ),
  enquiryType: optional(
    z.enum(valuesOf(ENQUIRY_TYPES), { message: 'Select the type of enquiry from the list' }),
  ),
  abuseTypes: z.preprocess(
    listOf,
    z.array(z.enum(valuesOf(ABUSE_TYPES), { message: 'Select types of abuse from the list' })),
  ),
  location: optional(z.enum(valuesOf(LOCATIONS), { message: 'Select the location of abuse from the list' })),
  riskSource: optional(
    z.enum(valuesOf(RISK_SOURCES), { message: 'Select the source of risk from the list' }),
  ),
  outcomesAsked: optional(
    z.enum(valuesOf(OUTCOMES_ASKED), { message: 'Select whether the adult was asked about outcomes' }),
  ),
  outcomesAchieved: optional(
    z.enum(valuesOf(OUTCOMES_ACHIEVED), { message: 'Select whether outcomes were achieved' }),
  ),
  riskOutcome: optional(
    z.enum(valuesOf(RISK_OUTCOMES), { message: 'Select the risk outcome from the list' }),
  ),
});

const DATES = {
  receivedOn: { label: 'the date the concern was received', required: true },
  decisionOn: { label: 'the date of the section 42 decision', required: false },
  enquiryStartedOn: { label: 'the date the enquiry started', required: false },
  enquiryConcludedOn: { label: 'the date the enquiry concluded', required: false },
} as const;

export type FormRead =
  | { ok: true; concern: ConcernInput }
  | { ok: false; errors: Partial<Record<ConcernField, string>> };

export function readConcernForm(body: Record<string, unknown>): FormRead {
  const errors: Partial<Record<ConcernField, string>> = {};
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    for (const i of parsed.error.issues) errors[String(i.path[0]) as ConcernField] ??= i.message;
  const dates: Record<string, string | null> = {};
  for (const [name, d] of Object.entries(DATES)) {
    const part = (p: string) => String(body[`${name}-${p}`] ?? '').trim();
    if (!part('day') && !part('month') && !part('year') && !d.required) {
      dates[name] = null;
      continue;
    }
    const read = dateFromParts(body, name, d.label);
    if (read.ok) dates[name] = read.date;
    else errors[name as ConcernField] = read.message;
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, concern: { ...parsed.data, ...dates } as ConcernInput };
}

/** Messages in the order of the form's fields. */
export function ordered(errors: Partial<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FORM_ORDER) if (errors[f]) out[f] = errors[f]!;
  for (const [k, v] of Object.entries(errors)) if (v && !(k in out)) out[k] = v;
  return out;
}

/** What the form shows: a submission as it came, or a stored concern. */
export function formValues(source: Record<string, unknown> | StoredConcern | null): Record<string, unknown> {
  if (!source) return { abuseTypes: [] };
  if ('organisationId' in source) {
    const c = source as StoredConcern;
    return {
      ...c,
      receivedOn: dateParts(c.receivedOn),
      decisionOn: dateParts(c.decisionOn),
      enquiryStartedOn: dateParts(c.enquiryStartedOn),
      enquiryConcludedOn: dateParts(c.enquiryConcludedOn),
    };
  }
  const body = source as Record<string, unknown>;
  const parts = (name: string) => ({
    day: String(body[`${name}-day`] ?? ''),
    month: String(body[`${name}-month`] ?? ''),
    year: String(body[`${name}-year`] ?? ''),
  });
  return {
    ...body,
    abuseTypes: listOf(body.abuseTypes),
    ...Object.fromEntries(Object.keys(DATES).map((n) => [n, parts(n)])),
  };
}
