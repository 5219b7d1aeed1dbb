/**
 * Pure parsing and validation of SSD extract rows: no database, no I/O.
 * Every problem becomes an ImportError a data officer can act on: which
 * file, which row (as a spreadsheet numbers it, the header being row 1),
 * which field, the value found and what was expected, in words.
 */
import { hash } from 'node:crypto';
import { hasControlCharacters, visibleControlCharacters } from '../../../platform/errors';
import { canonicalCode, describeCodes } from './codes';
import { allFields, type FieldSpec, SSD_TABLES_NOT_READ, TABLES_BY_NAME, type TableSpec } from './spec';

/** A problem found in an extract: an error rejects it, a notice is listed and the value kept or left empty. */
export interface ImportError {
  file: string;
  /** Spreadsheet row number (header = 1); 0 for a problem with the whole file. */
  row: number;
  field: string;
  value: string;
  expected: string;
}

export type Value = string | number | boolean | null;

/**
 * Which SSD table a file holds, from its name: "ssd_cin_episodes.csv",
 * "extract/ssd_person_2026-11-01.csv", or with the database schema in front
 * as the scripts' tables are named: "ssd_development.ssd_cin_episodes.csv".
 */
export function tableForFile(fileName: string): { table: TableSpec } | { notRead: string } | undefined {
  const base = fileName.split(/[\\/]/).pop()!.toLowerCase();
  if (!base.endsWith('.csv')) return undefined;
  let stem = base.slice(0, -4);
  const schema = /^[a-z0-9_]+\.((?:ssd|ext)_.*)$/.exec(stem);
  if (schema) stem = schema[1]!;
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
  return parseSsdDateTime(raw)?.slice(0, 10);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as London wall-clock time: "YYYY-MM-DD HH:MM:SS". */
function londonWallClock(instant: Date): string {
  const p = Object.fromEntries(londonParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** The number in value[from, to) when it is all digits, else -1. */
function digitsAt(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The forms nearly every extract writes, read without a regular expression or a Date (the import
 * reads millions): "YYYY-MM-DD", and "YYYY-MM-DD HH:MM[:SS][.fff]" with no offset. The wall-clock
 * time; undefined when such a value is not a real date and time; null for any other form (read by
 * the general rule).
 */
function plainDateTime(value: string): string | undefined | null {
  const length = value.length;
  if (length < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const y = digitsAt(value, 0, 4);
  const m = digitsAt(value, 5, 7);
  const d = digitsAt(value, 8, 10);
  if (y < 0 || m < 0 || d < 0) return null;
  let time = ' 00:00:00';
  if (length > 10) {
    const separator = value[10];
    if ((separator !== ' ' && separator !== 'T') || length < 16 || value.charCodeAt(13) !== 58) return null;
    const hh = digitsAt(value, 11, 13);
    const mm = digitsAt(value, 14, 16);
    let ss = 0;
    let at = 16;
    if (length > 16 && value.charCodeAt(16) === 58) {
      ss = digitsAt(value, 17, 19);
      at = 19;
      if (length < 19) return null;
    }
    if (at < length) {
      // Fractions of a second (SQL Server writes .000), and nothing after them.
      if (value.charCodeAt(at) !== 46 || length - at - 1 < 1 || length - at - 1 > 7) return null;
      if (digitsAt(value, at + 1, length) < 0) return null;
    }
    if (hh < 0 || mm < 0 || ss < 0) return null;
    if (hh > 23 || mm > 59 || ss > 59) return undefined;
    time = ` ${value.slice(11, 13)}:${value.slice(14, 16)}:${at === 19 ? value.slice(17, 19) : '00'}`;
  }
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0)) return undefined;
  return `${value.slice(0, 10)}${time}`;
}

/**
 * "YYYY-MM-DD HH:MM:SS" (London wall-clock time) from the date and time forms
 * SSD extracts use (SQL Server DATETIME "2025-03-27 22:15:00.000", ISO with
 * or without an offset, "27/03/2025 22:15"); a date alone is midnight.
 * Undefined when it is not a real date and time.
 */
export function parseSsdDateTime(raw: string): string | undefined {
  const value = raw.trim();
  const plain = plainDateTime(value);
  if (plain !== null) return plain;
  let y: number;
  let m: number;
  let d: number;
  let time: string | undefined;
  let offset: string | undefined;
  let match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d{1,7})?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value,
    );
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    [time, offset] = [match[4], match[5]];
  } else {
    match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{2}:\d{2}(?::\d{2})?))?$/.exec(value);
    if (!match) return undefined;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    time = match[4];
  }
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return undefined;
  const [hh, mm, ss] = (time ?? '00:00:00').split(':').map(Number) as [number, number, number?];
  if (hh > 23 || mm > 59 || (ss ?? 0) > 59) return undefined;
  const wall = `${pad(y, 4)}-${pad(m)}-${pad(d)} ${pad(hh)}:${pad(mm)}:${pad(ss ?? 0)}`;
  if (!offset) return wall;
  const instant = new Date(
    `${wall.replace(' ', 'T')}${offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
  );
  return Number.isNaN(instant.getTime()) ? undefined : londonWallClock(instant);
}

/** Dates the scripts write for "unknown" (ISNULL(..., '1900-01-01')): read as empty, with a notice. */
export const PLACEHOLDER_DATES: ReadonlySet<string> = new Set(['1900-01-01']);

const YES = new Set(['Y', 'YES', 'TRUE', '1']);
const NO = new Set(['N', 'NO', 'FALSE', '0']);

export type Parsed = { ok: true; value: Value; notice?: string } | { ok: false; expected: string };

/**
 * How bad a value that does not parse is. An identifier, a reference or a
 * date (timescales are counted from dates) makes the record unusable: the
 * extract is rejected. Anything else is descriptive: the value is kept as
 * given (codes, text, JSON) or left empty (flags, numbers) and listed as a
 * notice.
 */
export function gradeOf(field: FieldSpec): 'error' | 'notice' {
  const kind = field.type.kind;
  return kind === 'id' || kind === 'date' || kind === 'datetime' || field.ref ? 'error' : 'notice';
}

/** What happens to a descriptive value that does not parse. */
export function keptAs(field: FieldSpec): 'kept as given' | 'left empty' {
  const kind = field.type.kind;
  return kind === 'code' || kind === 'text' || kind === 'json' ? 'kept as given' : 'left empty';
}

/** One field's raw text -> its stored value, or what was expected. Blank is null (required is checked apart). */
/** A cell as every field is first read: trimmed, and null when blank or the word NULL. */
export function trimmedCell(raw: string): string | null {
  const value = raw.trim();
  return value === '' || (value.length === 4 && value.toUpperCase() === 'NULL') ? null : value;
}

const EMPTY: Parsed = Object.freeze({ ok: true, value: null });

export function parseField(field: FieldSpec, raw: string, today: string): Parsed {
  const value = trimmedCell(raw);
  if (value === null) return EMPTY;
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
      if (value.length > type.max)
        return { ok: false, expected: `Text of ${type.max} characters or fewer (the SSD's length)` };
      return { ok: true, value };
    case 'json':
      try {
        JSON.parse(value);
      } catch {
        return { ok: false, expected: 'JSON text, like {"outcome": "NFA"}, or leave it blank' };
      }
      return { ok: true, value };
    case 'date':
    case 'datetime': {
      const at = parseSsdDateTime(value);
      if (!at) {
        return {
          ok: false,
          expected: `A real date in the form year-month-day, like 2025-03-27 (or 27/03/2025)${type.kind === 'datetime' ? ', with the time if known (2025-03-27 22:15)' : ''}, for the ${field.label}`,
        };
      }
      const date = at.slice(0, 10);
      if (PLACEHOLDER_DATES.has(date)) {
        return {
          ok: true,
          value: null,
          notice: `A real date or blank: ${date} is the script's placeholder for an unknown ${field.label}, read as unknown (left empty)`,
        };
      }
      if (field.notFuture && date > today) {
        return {
          ok: false,
          expected: `A date on or before today (${today}): the ${field.label} cannot be in the future`,
        };
      }
      return { ok: true, value: type.kind === 'datetime' ? at : date };
    }
    case 'yn': {
      const upper = value.toUpperCase();
      if (YES.has(upper)) return { ok: true, value: true };
      if (NO.has(upper)) return { ok: true, value: false };
      if (type.na && upper === 'NA') return { ok: true, value: null };
      return { ok: false, expected: type.na ? 'Y, N or NA' : 'Y or N' };
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
        if (type.list.open) return { ok: true, value };
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
  /** Extra and repeated columns: read past, listed. */
  notices: ImportError[];
  /** The file has no person column: each row's person is taken from spec.personFrom's record. */
  derivePerson: boolean;
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
  const notices: ImportError[] = [];
  let derivePerson = false;
  fields.forEach((field, i) => {
    if (!field.required || positions[i] !== -1) return;
    const from = spec.personFrom;
    if (field.resolve === 'person' && from) {
      const fromAt = fields.findIndex((f) => f.ssd === from.field);
      if (positions[fromAt]! >= 0) {
        derivePerson = true;
        return;
      }
      errors.push({
        file,
        row: 1,
        field: field.ssd,
        value: '',
        expected: `A column named ${field.ssd} (the ${field.label}), or ${from.field} to find the person from the ${fields[fromAt]!.label}: the file has neither, so no row can be linked to a child`,
      });
      return;
    }
    errors.push({
      file,
      row: 1,
      field: field.ssd,
      value: '',
      expected: `A column named ${field.ssd} (the ${field.label}): every row needs it`,
    });
  });
  const unknownColumns: string[] = [];
  normalised.forEach((h, i) => {
    if (h === '' || used.has(i)) return;
    unknownColumns.push(h);
    const repeated = normalised.indexOf(h) < i;
    notices.push({
      file,
      row: 1,
      field: h,
      value: '',
      expected: repeated
        ? `Each column once: ${h} is repeated, so only its first column was read`
        : `Only the SSD's columns for ${spec.ssd}: ${h} is not one of them, so it was not read`,
    });
  });
  return { positions, unknownColumns, errors, notices, derivePerson };
}

export interface RowResult {
  /** Values in the order of allFields(spec); null where blank. */
  values: Value[];
  errors: ImportError[];
  notices: ImportError[];
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
  derivePerson = false,
): RowResult {
  const values: Value[] = new Array(fields.length);
  const errors: ImportError[] = [];
  const notices: ImportError[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const at = positions[i]!;
    const raw = at >= 0 ? (cells[at] ?? '') : '';
    const parsed = parseField(field, raw, today);
    if (!parsed.ok) {
      if (gradeOf(field) === 'error' || hasControlCharacters(raw)) {
        errors.push({
          file,
          row,
          field: field.ssd,
          value: visibleControlCharacters(raw),
          expected: parsed.expected,
        });
        values[i] = null;
      } else {
        const kept = keptAs(field);
        notices.push({
          file,
          row,
          field: field.ssd,
          value: visibleControlCharacters(raw),
          expected: `${parsed.expected} (${kept})`,
        });
        values[i] = kept === 'kept as given' ? raw.trim() : null;
      }
      continue;
    }
    if (parsed.notice) notices.push({ file, row, field: field.ssd, value: raw, expected: parsed.notice });
    if (parsed.value === null && field.required && !(derivePerson && field.resolve === 'person')) {
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
    let from = values[fromAt];
    let to = values[toAt];
    // A date and a date-time are compared by day.
    if (typeof from === 'string' && typeof to === 'string' && (from.length === 10 || to.length === 10)) {
      [from, to] = [from.slice(0, 10), to.slice(0, 10)];
    }
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
  return { values, errors, notices };
}

/** A short digest of a row's values: an unchanged row is not written again. */
export function rowHash(values: readonly Value[]): string {
  return rowHashOfJson(JSON.stringify(values));
}

/** rowHash of values already written as JSON (the import keeps rows so between its passes). */
export function rowHashOfJson(json: string): string {
  return hash('sha1', json, 'base64').slice(0, 16);
}

/** The sentence for a reference to a record the extract and Oversight do not hold. */
export function missingReference(kindLabel: string, table: string, id: string): string {
  return `The ${kindLabel} of a record in ${table}: no record with ID ${id} is in ${table} in this extract or already in Oversight`;
}
