import type { z } from 'zod';

export interface ErrorSummaryItem {
  text: string;
  href: string;
}

/** What GOV.UK's error summary and inline field errors need. */
export interface FormErrors {
  list: ErrorSummaryItem[];
  fields: Record<string, { text: string }>;
}

export function formErrors(fields: Record<string, string>): FormErrors {
  return {
    list: Object.entries(fields).map(([field, text]) => ({ text, href: `#${field}` })),
    fields: Object.fromEntries(Object.entries(fields).map(([field, text]) => [field, { text }])),
  };
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FormErrors };

/**
 * Validate a submitted form with a zod schema. The first problem for each
 * field becomes its message; messages are written in the schema, in words a
 * person can act on.
 */
export function validateForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    fields[field] ??= issue.message;
  }
  return { ok: false, errors: formErrors(fields) };
}

/**
 * The first message for each field of a form's zod issues, keyed by the
 * top-level field (an issue about the whole form goes under "form").
 */
export function firstMessages(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  return fields;
}

/** A submitted value as text, untouched: anything but a string (missing, repeated) is empty. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A value a form may send once, many times or not at all, as a list (a checkbox group). */
export function listOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The submitted parts of a GOV.UK date input (name-day, name-month, name-year), trimmed, to show back. */
export function submittedDateParts(
  body: Record<string, unknown>,
  name: string,
): { day: string; month: string; year: string } {
  return {
    day: textOf(body[`${name}-day`]).trim(),
    month: textOf(body[`${name}-month`]).trim(),
    year: textOf(body[`${name}-year`]).trim(),
  };
}

/** Trimmed text; empty becomes undefined so optional fields behave. */
export function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return t === '' ? undefined : t;
}

/**
 * Read a GOV.UK date input (fields name-day, name-month, name-year) as an ISO
 * date, or say what is wrong in the Design System's words.
 */
export function dateFromParts(
  body: Record<string, unknown> | undefined,
  name: string,
  label: string,
): { ok: true; date: string } | { ok: false; message: string } {
  const part = (p: string) => String(body?.[`${name}-${p}`] ?? '').trim();
  const [d, m, y] = [part('day'), part('month'), part('year')];
  if (!d && !m && !y) return { ok: false, message: `Enter ${label}` };
  const missing = [!d && 'day', !m && 'month', !y && 'year'].filter(Boolean);
  if (missing.length)
    return { ok: false, message: `${capitalise(label)} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) {
    return { ok: false, message: `${capitalise(label)} must be a real date, like 27 3 2026` };
  }
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) {
    return { ok: false, message: `${capitalise(label)} must be a real date, like 27 3 2026` };
  }
  return { ok: true, date: iso };
}

/** The values a GOV.UK date input shows back, from an ISO date or the submitted parts. */
export function dateParts(iso: string | undefined | null): { day: string; month: string; year: string } {
  if (!iso) return { day: '', month: '', year: '' };
  return {
    day: String(Number(iso.slice(8, 10))),
    month: String(Number(iso.slice(5, 7))),
    year: iso.slice(0, 4),
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
