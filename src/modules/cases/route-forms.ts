/**
 * What the case register's form routes share: reading bodies and queries,
 * text fields with limits, GOV.UK date inputs (optional and required), and
 * error summaries in the order the fields appear on the page.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { blankToUndefined, dateFromParts, type FormErrors, formErrors } from '../../platform/http/forms';

export const idParams = z.object({ id: z.string().uuid() });
export const actionParams = z.object({ id: z.string().uuid(), actionId: z.string().uuid() });
export const MAX_TEXT = 5000;

export const text = (empty: string, label: string, max = MAX_TEXT) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: empty })
      .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`),
  );

export type Body = Record<string, unknown>;
export const bodyOf = (req: FastifyRequest): Body => (req.body as Body | undefined) ?? {};
export const queryOf = (req: FastifyRequest): Record<string, unknown> =>
  (req.query as Record<string, unknown>) ?? {};

/** A query value that may come once or many times, as a list of strings. */
export function many(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** An optional GOV.UK date input: all blank is "no date", anything else must be a real date. */
export function optionalDate(
  source: Body,
  name: string,
  label: string,
  errors: Record<string, string>,
): string | undefined {
  const parts = ['day', 'month', 'year'].map((p) => String(source[`${name}-${p}`] ?? '').trim());
  if (parts.every((p) => p === '')) return undefined;
  const parsed = dateFromParts(source, name, label);
  if (!parsed.ok) {
    errors[name] = parsed.message;
    return undefined;
  }
  return parsed.date;
}

export function requiredDate(source: Body, name: string, label: string, errors: Record<string, string>) {
  const parsed = dateFromParts(source, name, label);
  if (!parsed.ok) {
    errors[name] = parsed.message;
    return undefined;
  }
  return parsed.date;
}

/** The submitted parts of a date input, to show back. */
export function submittedDate(source: Body, name: string) {
  return {
    day: String(source[`${name}-day`] ?? ''),
    month: String(source[`${name}-month`] ?? ''),
    year: String(source[`${name}-year`] ?? ''),
  };
}

export function childName(child: { forename: string | null; name: string }): string {
  return child.forename ?? child.name;
}

/** Error summary in the order the fields appear on the page. */
export function orderedErrors(fields: Record<string, string>, order: readonly string[]): FormErrors {
  const sorted: Record<string, string> = {};
  for (const key of order) if (fields[key]) sorted[key] = fields[key];
  for (const [key, message] of Object.entries(fields)) sorted[key] ??= message;
  return formErrors(sorted);
}
