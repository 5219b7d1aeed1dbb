/**
 * Staged rows as COPY text (PostgreSQL's text format, one line per row), the
 * shape both staging writers send: import-copy-server.ts streams it with
 * pg-copy-streams, import-copy-embedded.ts hands it to the embedded database
 * as a blob. The columns are those of case_import_staging, in COPY_COLUMNS
 * order; the values travel as one array literal.
 *
 * Text values may hold anything but NUL (refused when the extract is read):
 * tabs, newlines, backslashes and quotes are escaped twice, once as array
 * elements and once for COPY, so they arrive exactly as read.
 */
import type { Value } from './ssd/validate';

/** The staging table and its columns, as COPY names them. */
export const COPY_TARGET = 'case_import_staging (import_id, part, seq, new_id, row_hash, v)';

const SPECIAL = /[\\"\t\n\r]/;
const SPECIALS = /[\\"\t\n\r]/g;
const ESCAPED: Record<string, string> = {
  // A backslash: \\ in the array element, each of those doubled for COPY.
  '\\': '\\\\\\\\',
  // A quote: \" in the array element, its backslash doubled for COPY.
  '"': '\\\\"',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** A value as a quoted array element, escaped for COPY text. */
function element(value: Value | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return SPECIAL.test(value) ? `"${value.replace(SPECIALS, (c) => ESCAPED[c]!)}"` : `"${value}"`;
}

/** A row's values as an array literal escaped for COPY text: one column of the line. */
export function copyArray(values: readonly (Value | undefined)[], n: number): string {
  let out = '{';
  for (let i = 0; i < n; i++) {
    if (i > 0) out += ',';
    out += element(values[i]);
  }
  return `${out}}`;
}

/**
 * One staged row as a COPY text line, without its newline. The identifiers
 * and the digest are uuids, numbers and base64: nothing in them needs escaping.
 */
export function copyLine(
  importId: string,
  part: number,
  seq: number,
  newId: string,
  hash: string,
  values: readonly (Value | undefined)[],
  n: number,
): string {
  return `${importId}\t${part}\t${seq}\t${newId}\t${hash}\t${copyArray(values, n)}`;
}

/** Where staged rows go: one writer per file of the import, told each chunk of lines. */
export interface StagingWriter {
  /** Send a chunk of COPY lines (each ending with its newline); resolves when the writer can take the next. */
  write(lines: string | Uint8Array): Promise<void>;
  /** Everything sent is in staging once this resolves. */
  end(): Promise<void>;
  /** Stop after a failure, releasing what the writer holds (staged rows are cleared by the caller). */
  abort(error: Error): Promise<void>;
}
