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

/** Trimmed text; empty becomes undefined so optional fields behave. */
export function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return t === '' ? undefined : t;
}
