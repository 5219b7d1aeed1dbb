/**
 * The missing module's forms, described as fields: one template renders them
 * with GOV.UK components, and one reader turns a submission into values for
 * the service or into an error summary. Text and choices are checked with
 * zod; dates (GOV.UK date input) and times (24-hour "HH:MM") here.
 */
import { z } from 'zod';
import { hasControlCharacters } from '../../platform/errors';
import { dateFromParts, dateParts, type FormErrors, formErrors } from '../../platform/http/forms';
import { londonDateOf, londonInstant, londonTimeOf } from './london-time';

/** `noun`: how error messages name the field ("Enter when it was reported"); the label otherwise. */
export type Field =
  | {
      kind: 'datetime' | 'date';
      name: string;
      label: string;
      hint?: string;
      required: boolean;
      noun?: string;
    }
  | {
      kind: 'text' | 'textarea';
      name: string;
      label: string;
      hint?: string;
      required: boolean;
      width?: string;
      noun?: string;
      /** Textarea height in lines (GOV.UK default 5). */
      rows?: number;
    }
  | {
      kind: 'radios' | 'checkboxes';
      name: string;
      label: string;
      hint?: string;
      required: boolean;
      items: ReadonlyArray<{ value: string; text: string; hint?: string }>;
      inline?: boolean;
      /** How the error names the choice ("Select ..."); the label otherwise. */
      noun?: string;
    }
  | { kind: 'heading'; name: string; label: string; hint?: string };

export type FormValues = Record<string, unknown>;

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** A date and time as the form shows it back. */
export function dateTimeParts(at: Date | null | undefined) {
  if (!at) return { day: '', month: '', year: '', time: '' };
  return { ...dateParts(londonDateOf(at)), time: londonTimeOf(at) };
}

export function datePartsOf(iso: string | null | undefined) {
  return dateParts(iso ?? null);
}

const text = (max: number) =>
  z
    .string()
    .max(max, `Enter ${max.toLocaleString('en-GB')} characters or fewer`)
    // Control characters other than line breaks and tabs are refused at the boundary.
    .refine((s) => !hasControlCharacters(s), 'Remove the control characters');

/** The zod schema of a form's text and choice fields. */
function schemaOf(fields: readonly Field[]) {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const f of fields) {
    if (f.kind === 'text' || f.kind === 'textarea') {
      const base = text(f.kind === 'text' ? 200 : 10_000);
      shape[f.name] = f.required
        ? z.preprocess(
            (v) => (typeof v === 'string' ? v.trim() : v === undefined ? '' : v),
            base.min(1, `Enter ${f.noun ?? lower(f.label)}`),
          )
        : z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined), base.optional());
    } else if (f.kind === 'radios') {
      const values = f.items.map((i) => i.value) as [string, ...string[]];
      const choice = z.enum(values, { message: `Select ${f.noun ?? lower(f.label)}` });
      shape[f.name] = f.required
        ? choice
        : z.preprocess((v) => (v === '' ? undefined : v), choice.optional());
    } else if (f.kind === 'checkboxes') {
      const values = f.items.map((i) => i.value) as [string, ...string[]];
      shape[f.name] = z.preprocess(
        (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
        z.array(z.enum(values, { message: `Select ${lower(f.label)} from the list` })),
      );
    }
  }
  return z.object(shape);
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1).replace(/\?$/, '');

export type FormRead =
  | { ok: true; data: Record<string, unknown>; values: FormValues }
  | { ok: false; errors: FormErrors; values: FormValues };

/** Read a submission against its fields: dates become instants (London time) or ISO dates. */
export function readForm(fields: readonly Field[], body: Record<string, unknown>): FormRead {
  const values: FormValues = { ...body };
  const errors: Record<string, string> = {};
  const parsed = schemaOf(fields).safeParse(body);
  if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
  const data: Record<string, unknown> = parsed.success ? { ...parsed.data } : {};
  for (const f of fields) {
    if (f.kind !== 'date' && f.kind !== 'datetime') continue;
    const part = (p: string) => String(body[`${f.name}-${p}`] ?? '').trim();
    values[f.name] = { day: part('day'), month: part('month'), year: part('year'), time: part('time') };
    const blank = !part('day') && !part('month') && !part('year') && (f.kind === 'date' || !part('time'));
    if (blank) {
      if (f.required) errors[f.name] = `Enter ${f.noun ?? lower(f.label)}`;
      else data[f.name] = null;
      continue;
    }
    const date = dateFromParts(body, f.name, f.noun ?? lower(f.label));
    if (!date.ok) {
      errors[f.name] = date.message;
      continue;
    }
    if (f.kind === 'date') {
      data[f.name] = date.date;
      continue;
    }
    const time = TIME.exec(part('time'));
    if (!time) {
      errors[f.name] = part('time')
        ? 'Enter the time in 24-hour form, like 14:30'
        : `${(f.noun ?? lower(f.label)).replace(/^./, (c) => c.toUpperCase())} must include a time`;
      continue;
    }
    data[f.name] = londonInstant(date.date, `${time[1]!.padStart(2, '0')}:${time[2]}`);
  }
  if (Object.keys(errors).length) {
    const ordered = Object.fromEntries(
      fields.filter((f) => errors[f.name]).map((f) => [f.name, errors[f.name]!] as const),
    );
    return { ok: false, errors: formErrors(ordered), values };
  }
  return { ok: true, data, values };
}

/** Service errors (by service field name) shown against the form's fields. */
export function errorsFor(fields: readonly Field[], serviceErrors: Record<string, string>): FormErrors {
  const names = new Set(fields.map((f) => f.name));
  const mapped: Record<string, string> = {};
  for (const [k, v] of Object.entries(serviceErrors)) mapped[names.has(k) ? k : (fields[0]?.name ?? k)] ??= v;
  return formErrors(mapped);
}
