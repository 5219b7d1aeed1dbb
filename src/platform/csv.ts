import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet could take for a formula (=, +, -, @, tab, return at
 * the start) is prefixed with an apostrophe: names, typed text and uploaded
 * values reach exports, and opening an export must never run anything.
 */
export function csvSafe(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** A CSV document (header first) with every cell made safe to open in a spreadsheet. */
export function safeCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
): string {
  return stringify([[...header], ...rows.map((r) => r.map(csvSafe))], { record_delimiter: '\r\n' });
}
