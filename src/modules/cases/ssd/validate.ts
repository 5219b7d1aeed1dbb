/**
 * Pure parsing and validation of SSD extract rows: no database, no I/O.
 * Every problem becomes an ImportError a data officer can act on: which
 * file, which row (as a spreadsheet numbers it, the header being row 1),
 * which field, the value found and what was expected, in words.
 */
import { createHash } from 'node:crypto';
import { hasControlCharacters, visibleControlCharacters } from '../../../platform/errors';
import { canonicalCode, describeCodes } from './codes';
import { allFields, type FieldSpec, SSD_TABLES_NOT_READ, TABLES_BY_NAME, type TableSpec } from './spec';

export interface ImportError {
  file: string;
  /** Spreadsheet row number (header = 1); 0 for a problem with the whole file. */
  row: number;
  field: string;
  value: string;
  expected: string;
}

export type Value = string | number | boolean | null;

/** Which SSD table a file holds, from its name: "ssd_cin_episodes.csv", "extract/ssd_person_2026-11-01.csv". */
export function tableForFile(fileName: string): { table: TableSpec } | { notRead: string } | undefined {
  const base = fileName.split(/[\\/]/).pop()!.toLowerCase();
  if (!base.endsWith('.csv')) return undefined;
  const stem = base.slice(0, -4);
  const candidates = [...TABLES_BY_NAME.keys(), ...SSD_TABLES_NOT_READ].sort((a, b) => b.length - a.length);
  for (const name of candidates) {
    if (stem === name || (stem.startsWith(name) && /^[^a-z0-9]/.test(stem.slice(name.length)))) {
      const table = TABLES_BY_NAME.get(name);
      return table ? { table } : { notRead: name };
    }
  }
  return undefined;
}

/** YYYY-MM-DD from the date forms SSD extracts use; undefined when it is not a real date. */
export function parseSsdDate(raw: string): string | undefined {
  const value = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value,
    );
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{2}:\d{2}(?::\d{2})?)?$/.exec(value);
    if (!match) return undefined;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const YES = new Set(['Y', 'YES', 'TRUE', '1']);
const NO = new Set(['N', 'NO', 'FALSE', '0']);

export type Parsed = { ok: true; value: Value } | { ok: false; expected: string };

/** One field's raw text -> its stored value, or what was expected. Blank is null (required is checked apart). */
export function parseField(field: FieldSpec, raw: string, today: string): Parsed {
  const value = raw.trim();
  if (value === '' || value.toUpperCase() === 'NULL') return { ok: true, value: null };
  if (hasControlCharacters(value))
    return {
      ok: false,
      expected:
        'Text without control characters (a NUL byte shows as \\0): remove them in the case management system or the file, then export again',
    };
  const type = field.type;
  switch (type.kind) {
    case 'id':
      if (value.length > 48) return { ok: false, expected: `An identifier of 48 characters or fewer` };
      return { ok: true, value };
    case 'text':
      if (value.length > type.max) return { ok: false, expected: `Text of ${type.max} characters or fewer` };
      return { ok: true, value };
    case 'json':
      try {
        JSON.parse(value);
      } catch {
        return { ok: false, expected: 'JSON text, like {"outcome": "NFA"}, or leave it blank' };
      }
      return { ok: true, value };
    case 'date': {
      const date = parseSsdDate(value);
      if (!date) {
        return {
          ok: false,
          expected: `A real date in the form year-month-day, like 2025-03-27 (or 27/03/2025), for the ${field.label}`,
        };
      }
      if (field.notFuture && date > today) {
        return {
          ok: false,
          expected: `A date on or before today (${today}): the ${field.label} cannot be in the future`,
        };
      }
      return { ok: true, value: date };
    }
    case 'yn': {
      const upper = value.toUpperCase();
      if (YES.has(upper)) return { ok: true, value: true };
      if (NO.has(upper)) return { ok: true, value: false };
      return { ok: false, expected: 'Y or N' };
    }
    case 'int': {
      if (!/^-?\d+$/.test(value)) return { ok: false, expected: 'A whole number, like 12' };
      const n = Number(value);
      if (n < type.min || n > type.max) {
        return { ok: false, expected: `A whole number from ${type.min} to ${type.max}` };
      }
      return { ok: true, value: n };
    }
    case 'decimal': {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return { ok: false, expected: 'A number, like 12.5' };
      const n = Number(value);
      if (n < type.min || n > type.max)
        return { ok: false, expected: `A number from ${type.min} to ${type.max}` };
      return { ok: true, value: n };
    }
    case 'code': {
      const code = canonicalCode(type.list, value);
      if (code === undefined) {
        return { ok: false, expected: `One of the ${type.list.name} codes: ${describeCodes(type.list)}` };
      }
      return { ok: true, value: code };
    }
  }
}

export interface HeaderMap {
  /** Column position of each field (by SSD name), or -1 when the file does not have it. */
  positions: number[];
  unknownColumns: string[];
  errors: ImportError[];
}

/** Match a file's header to the table's fields (case-insensitive, older names accepted). */
export function mapHeader(spec: TableSpec, file: string, header: readonly string[]): HeaderMap {
  const normalised = header.map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const fields = allFields(spec);
  const used = new Set<number>();
  const positions = fields.map((field) => {
    for (const name of [field.ssd, ...(field.aliases ?? [])]) {
      const at = normalised.indexOf(name.toLowerCase());
      if (at >= 0) {
        used.add(at);
        return at;
      }
    }
    return -1;
  });
  const errors: ImportError[] = [];
  fields.forEach((field, i) => {
    if (field.required && positions[i] === -1) {
      errors.push({
        file,
        row: 1,
        field: field.ssd,
        value: '',
        expected: `A column named ${field.ssd} (the ${field.label}): every row needs it`,
      });
    }
  });
  const unknownColumns = normalised.filter((h, i) => h !== '' && !used.has(i));
  return { positions, unknownColumns, errors };
}

export interface RowResult {
  /** Values in the order of allFields(spec); null where blank. */
  values: Value[];
  errors: ImportError[];
}

/** Validate one data row: types, required fields, code lists, dates in order. References are checked by the caller. */
export function validateRow(
  spec: TableSpec,
  fields: readonly FieldSpec[],
  positions: readonly number[],
  cells: readonly string[],
  file: string,
  row: number,
  today: string,
): RowResult {
  const values: Value[] = new Array(fields.length);
  const errors: ImportError[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const at = positions[i]!;
    const raw = at >= 0 ? (cells[at] ?? '') : '';
    const parsed = parseField(field, raw, today);
    if (!parsed.ok) {
      errors.push({
        file,
        row,
        field: field.ssd,
        value: visibleControlCharacters(raw),
        expected: parsed.expected,
      });
      values[i] = null;
      continue;
    }
    if (parsed.value === null && field.required) {
      errors.push({
        file,
        row,
        field: field.ssd,
        value: '',
        expected: `A value: the ${field.label} must be given`,
      });
    }
    values[i] = parsed.value;
  }
  for (const order of spec.dateOrder ?? []) {
    const fromAt = fields.findIndex((f) => f.ssd === order.from);
    const toAt = fields.findIndex((f) => f.ssd === order.to);
    const from = values[fromAt];
    const to = values[toAt];
    if (typeof from === 'string' && typeof to === 'string' && (order.strict ? to <= from : to < from)) {
      const fromLabel = fields[fromAt]!.label;
      errors.push({
        file,
        row,
        field: order.to,
        value: cells[positions[toAt]!] ?? to,
        expected: `A date ${order.strict ? 'after' : 'on or after'} the ${fromLabel} (${from})`,
      });
    }
  }
  return { values, errors };
}

/** A short digest of a row's values: an unchanged row is not written again. */
export function rowHash(values: readonly Value[]): string {
  return createHash('sha1').update(JSON.stringify(values)).digest('base64').slice(0, 16);
}

/** The sentence for a reference to a record the extract and Oversight do not hold. */
export function missingReference(kindLabel: string, table: string, id: string): string {
  return `The ${kindLabel} of a record in ${table}: no record with ID ${id} is in ${table} in this extract or already in Oversight`;
}
