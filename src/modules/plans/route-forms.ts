/**
 * The plan forms: their zod schemas and how a submitted form becomes
 * service input, and the upload limits of the evidence and import forms.
 */

import { z } from 'zod';
import { type FormErrors, formErrors, validateForm } from '../../platform/http/forms';
import {
  type Body,
  list,
  optionalText,
  partsOf,
  readDate,
  readPlanDateField,
  requiredText,
  type UploadedFile,
} from './form-helpers';
import { asStart, storedPrecision } from './plan-dates';
import * as plans from './service';
import { FREQUENCIES, PLAN_TYPES, RAG_CODES, SOURCE_KINDS } from './vocab';

// ------------------------------------------------------------------ forms

export const planForm = z.object({
  type: z.enum(PLAN_TYPES, { error: 'Select the type of plan' }),
  name: requiredText('Enter the name of the plan', 'Name', 200),
  relevantStrategies: optionalText('Relevant strategies', 2000),
  previousVersions: optionalText('Previous versions', 2000),
  monitoringBoard: optionalText('Board responsible for monitoring', 300),
  owner: optionalText('Owner', 300),
  monitoringFrequency: z.enum(FREQUENCIES, { error: 'Select how often the plan is monitored' }),
  aims: optionalText('Aims', 4000),
  committeeName: optionalText('Committee', 200),
});

export function readPlanForm(body: Body): { input?: plans.PlanInput; errors?: FormErrors } {
  const form = validateForm(planForm, body);
  const fields: Record<string, string> = form.ok
    ? {}
    : Object.fromEntries(form.errors.list.map((e) => [e.href.slice(1), e.text]));
  const dates: Record<string, string | null> = {};
  for (const [name, label] of [
    ['durationFrom', 'the start of the plan'],
    ['durationTo', 'the end of the plan'],
    ['implementationDate', 'the implementation date'],
    ['reviewDate', 'the review date'],
  ] as const) {
    const d = readDate(body, name, label, false);
    if (d.error) fields[name] ??= d.error;
    dates[name] = d.value;
  }
  if (!form.ok || Object.keys(fields).length) return { errors: formErrors(fields) };
  return {
    input: {
      ...form.data,
      durationFrom: dates.durationFrom ?? null,
      durationTo: dates.durationTo ?? null,
      implementationDate: dates.implementationDate ?? null,
      reviewDate: dates.reviewDate ?? null,
    },
  };
}

export function planValues(plan: Awaited<ReturnType<typeof plans.getPlan>>): Body {
  const v: Body = { ...plan };
  for (const name of ['durationFrom', 'durationTo', 'implementationDate', 'reviewDate'] as const) {
    const p = partsOf(plan[name]);
    v[`${name}-day`] = p.day;
    v[`${name}-month`] = p.month;
    v[`${name}-year`] = p.year;
  }
  return v;
}

export const actionForm = z.object({
  priorityId: z
    .string({ error: 'Select the priority this action belongs to' })
    .uuid('Select the priority this action belongs to'),
  reference: z.string().trim().default(''),
  aim: optionalText('Specific aim or recommendation'),
  sourceKind: z.enum(SOURCE_KINDS, { error: 'Select where this action came from' }),
  sourceDetail: optionalText('Source detail', 200),
  action: requiredText('Enter the action', 'Action'),
  measure: optionalText('Measure or outcome'),
  outcomeForChildren: optionalText('Outcome for children'),
  leadOfficerId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().uuid('Select a post from the leads roster').optional(),
  ),
  seniorLeadId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().uuid('Select a post from the leads roster').optional(),
  ),
  areaLeadId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().uuid('Select a post from the leads roster').optional(),
  ),
  subHeading: optionalText('Sub-heading', 300),
  initialRag: z.enum(['red', 'amber', 'green', 'not_rated']).optional(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function fieldsOf(errors: FormErrors): Record<string, string> {
  return Object.fromEntries(errors.list.map((e) => [e.href.slice(1), e.text]));
}

export function readActionForm(body: Body) {
  const form = validateForm(actionForm, body);
  const fields = form.ok ? {} : fieldsOf(form.errors);
  const start = readPlanDateField(body, 'startDate', 'the start date');
  const end = readPlanDateField(body, 'endDate', 'the end date');
  if (start.error) fields.startDate ??= start.error;
  if (end.error) fields.endDate ??= end.error;
  const otherLeadIds = list(body, 'otherLeadIds').filter(Boolean);
  if (otherLeadIds.some((x) => !UUID.test(x))) fields.otherLeadIds = 'Select posts from the leads roster';
  else if (otherLeadIds.length > 0 && form.ok && !form.data.leadOfficerId)
    fields.leadOfficerId = 'Select the lead officer first, then any other leads';
  if (form.ok && form.data.sourceKind === 'other' && !form.data.sourceDetail) {
    fields.sourceDetail = 'Describe where this action came from';
  }
  if (!form.ok || Object.keys(fields).length) return { errors: formErrors(fields) };
  const d = form.data;
  const startAt = asStart(start.value);
  // The lead officer is the first lead; the others follow in roster order, each once.
  const others = [...new Set(otherLeadIds)].filter((x) => x !== d.leadOfficerId);
  const input: plans.ActionInput = {
    priorityId: d.priorityId,
    reference: d.reference,
    aim: d.aim,
    source: { kind: d.sourceKind, detail: d.sourceDetail },
    action: d.action,
    startDate: startAt?.date ?? null,
    startDatePrecision: storedPrecision(startAt),
    startDateText: startAt?.text ?? null,
    endDate: end.value?.date ?? null,
    endDatePrecision: storedPrecision(end.value),
    endDateText: end.value?.text ?? null,
    measure: d.measure,
    outcomeForChildren: d.outcomeForChildren,
    leadOfficerId: d.leadOfficerId ?? null,
    seniorLeadId: d.seniorLeadId ?? null,
    areaLeadId: d.areaLeadId ?? null,
    otherLeadIds: others,
    subHeading: d.subHeading,
    dateAdded: null,
    agendaItem: null,
  };
  return { input, initialRag: d.initialRag ?? 'green' };
}

const SCORE_MESSAGE = 'Enter the score as a whole number from 0 to 10, like 7';
/** An optional score from 0 to 10 (where the organisation scores its actions). */
export const scoreField = z
  .preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .regex(/^\d{1,2}$/, SCORE_MESSAGE)
      .transform(Number)
      .pipe(z.number().max(10, SCORE_MESSAGE))
      .optional(),
  )
  .transform((v) => v ?? null);

export const updateForm = z.object({
  progress: requiredText('Enter the progress and impact since the last update', 'Progress and impact', 8000),
  focus: optionalText('Focus for the next period', 4000),
  rag: z.enum(RAG_CODES, { error: 'Select the RAG status' }),
  score: scoreField,
  reason: optionalText('Reason', 2000),
  evidenceText: optionalText('Evidence', 4000),
  evidenceLink: optionalText('Link', 2000),
});

export const completeForm = z.object({
  note: optionalText('Note', 2000),
  evidenceText: optionalText('Evidence', 4000),
  evidenceLink: optionalText('Link', 2000),
});

export const leadForm = z.object({
  jobTitle: requiredText('Enter the job title of the post', 'Job title', 200),
  initials: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z.'-]{0,7}$/, 'Initials must be letters only, 8 or fewer, like SM')
      .optional(),
  ),
  holderUserId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().uuid('Select a person from the list').optional(),
  ),
  holderName: optionalText('Name of the holder', 200),
});

export function evidenceOf(
  data: { evidenceText: string | null; evidenceLink: string | null },
  file: UploadedFile | null,
): plans.Evidence {
  return { text: data.evidenceText, link: data.evidenceLink, file };
}

// ------------------------------------------------------------------ routes

/** Evidence files and plan imports: one file each, smaller than the service's own limit. */
export const EVIDENCE_UPLOAD = { field: 'evidenceFile', maxFileBytes: plans.MAX_EVIDENCE_BYTES, maxFiles: 1 };
export const IMPORT_UPLOAD = { field: 'file', maxFileBytes: 10 * 1024 * 1024, maxFiles: 1 };
