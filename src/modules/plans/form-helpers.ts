/**
 * Reading GOV.UK forms: date inputs (day, month, year), optional text and
 * multipart bodies (for evidence and import files). Messages follow GOV.UK's
 * style: say what is wrong and how to put it right.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors';
import { blankToUndefined } from '../../platform/http/forms';
import {
  type RouteUpload,
  readFormWithFile,
  type SubmittedFile,
  UploadRefused,
} from '../../platform/http/uploads';
import { formatPlanDate, type PlanDate, parsePeriod, parsePlanDate } from './plan-dates';
import { parseDateCell } from './table-io';

export type Body = Record<string, unknown>;

export function str(body: Body, name: string): string {
  const v = body[name];
  if (Array.isArray(v)) return String(v[0] ?? '').trim();
  return typeof v === 'string' ? v.trim() : '';
}

export function list(body: Body, name: string): string[] {
  const v = body[name];
  if (Array.isArray(v)) return v.map(String);
  return typeof v === 'string' && v !== '' ? [v] : [];
}

/** Optional text up to a length: blank becomes null. */
export const optionalText = (label: string, max = 4000) =>
  z
    .preprocess(
      blankToUndefined,
      z.string().max(max, `${label} must be ${max} characters or fewer`).optional(),
    )
    .transform((v) => v ?? null);

export const requiredText = (message: string, label: string, max = 4000) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ error: message }).min(1, message).max(max, `${label} must be ${max} characters or fewer`),
  );

export const uuidOrNull = z
  .preprocess(blankToUndefined, z.string().uuid().optional())
  .transform((v) => v ?? null);

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function dateParts(body: Body, name: string): DateParts {
  return {
    day: str(body, `${name}-day`),
    month: str(body, `${name}-month`),
    year: str(body, `${name}-year`),
  };
}

export function partsOf(iso: string | null | undefined): DateParts {
  if (!iso) return { day: '', month: '', year: '' };
  const [y, m, d] = iso.split('-');
  return { day: String(Number(d)), month: String(Number(m)), year: y ?? '' };
}

/**
 * A date from a GOV.UK date input. Returns the ISO date, null when left
 * blank and optional, or an error message naming the field.
 */
export function readDate(
  body: Body,
  name: string,
  label: string,
  required: boolean,
): { value: string | null; error?: string } {
  const p = dateParts(body, name);
  const example = 'like 27 3 2026';
  if (!p.day && !p.month && !p.year) {
    return required ? { value: null, error: `Enter ${label}, ${example}` } : { value: null };
  }
  const missing = (['day', 'month', 'year'] as const).filter((k) => !p[k]);
  if (missing.length)
    return { value: null, error: `${capitalise(label)} must include a ${missing.join(' and ')}` };
  if (![p.day, p.month, p.year].every((x) => /^\d+$/.test(x)) || p.year.length !== 4) {
    return { value: null, error: `${capitalise(label)} must be a real date, ${example}` };
  }
  const y = Number(p.year);
  const m = Number(p.month);
  const d = Number(p.day);
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (
    dt.getUTCFullYear() !== y ||
    dt.getUTCMonth() !== m - 1 ||
    dt.getUTCDate() !== d ||
    y < 1990 ||
    y > 2100
  ) {
    return { value: null, error: `${capitalise(label)} must be a real date, ${example}` };
  }
  return { value: dt.toISOString().slice(0, 10) };
}

/**
 * A plan's date from a GOV.UK date input where the day may be left out (a
 * month), or from the "as written" text beside it (a quarter, a season, a
 * year, or a duration such as "ongoing"). Null when all is blank.
 */
export function readPlanDateField(
  body: Body,
  name: string,
  label: string,
): { value: PlanDate | null; error?: string } {
  const p = dateParts(body, name);
  const text = str(body, `${name}-text`);
  if (text && (p.day || p.month || p.year))
    return { value: null, error: `Enter ${label} as a date or as written, not both` };
  if (text) {
    if (text.length > 200)
      return { value: null, error: `${capitalise(label)} must be 200 characters or fewer` };
    return { value: parsePlanDate(text, parseDateCell(text)) };
  }
  if (!p.day && p.month && p.year) {
    const period =
      /^\d{1,2}$/.test(p.month) && /^\d{4}$/.test(p.year) ? parsePeriod(`${p.month}/${p.year}`) : undefined;
    if (!period) return { value: null, error: `${capitalise(label)} must be a real month, like 3 2026` };
    return { value: period };
  }
  const d = readDate(body, name, label, false);
  if (d.error) return { value: null, error: d.error };
  return { value: d.value ? { date: d.value, precision: 'day', text: null } : null };
}

/** The form fields of a plan's date: the day left blank for a month, the text for any other precision. */
export function planDateValues(
  name: string,
  date: string | null,
  precision: string | null,
  text: string | null,
): Record<string, string> {
  if (precision === 'month') {
    const p = partsOf(date);
    return { [`${name}-month`]: p.month, [`${name}-year`]: p.year };
  }
  if (precision) return { [`${name}-text`]: formatPlanDate(date, precision, text) };
  const p = partsOf(date);
  return { [`${name}-day`]: p.day, [`${name}-month`]: p.month, [`${name}-year`]: p.year };
}

function capitalise(s: string): string {
  const t = s.replace(/^the /, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export type UploadedFile = SubmittedFile;

/**
 * The fields and (at most one) file of a form. Multipart forms are read part
 * by part by the platform (the file onto disk within the limits, an Excel or
 * Word file checked before it is read); an ordinary form body is passed
 * through, so the same handler serves both. A refused file becomes a
 * ValidationError on the file's field.
 */
export async function readForm(
  req: FastifyRequest,
  upload: RouteUpload,
): Promise<{ fields: Body; file: UploadedFile | null }> {
  try {
    return await readFormWithFile(req, upload);
  } catch (e) {
    if (e instanceof UploadRefused) throw new ValidationError({ [e.field]: e.message });
    throw e;
  }
}
