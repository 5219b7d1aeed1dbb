/**
 * Knowing a row is unchanged without reading it (the check pass,
 * import-check.ts).
 *
 * The register keeps a digest of each imported row (row_hash). For most
 * tables it is the digest of the row's cells as the file gave them, in the
 * order of the table's fields, so a file whose columns move or gain columns
 * Oversight does not read digests the same. It is salted with the table's
 * description and DIGEST_VERSION. When a re-import finds a row whose cells
 * digest to what the register holds, that row was read and accepted before
 * and cannot read differently now. The check then takes from it only what
 * other rows need (its id, the child it is about, the records it refers to,
 * all plain identifiers) and leaves the rest unread.
 *
 * Some rows keep the digest of their values instead, and are read at every
 * import:
 * - rows that had notices, so each import lists them again;
 * - tables whose child is found through another record (Mosaic's visits),
 *   because the child changes when that record does;
 * - tables matched on a natural key (the script gives new ids every run);
 * - records imported before cell digests existed, compared by their values
 *   until they next change.
 */
import { hash } from 'node:crypto';
import type { RowReader } from './import-rows';
import { allFields, type TableSpec } from './ssd/spec';
import { trimmedCell, type Value } from './ssd/validate';

/**
 * Change when the way a cell is read changes (a code list is not enough:
 * the salt has the table's description). Every row is then read again once.
 */
const DIGEST_VERSION = 1;

/** Cells are joined with NUL, which no cell holds (the import refuses it). */
const SEPARATOR = '\u0000';

const salts = new WeakMap<TableSpec, string>();

/** What every digest of a table's rows and files starts from: its description and DIGEST_VERSION. */
export function digestSalt(spec: TableSpec): string {
  let salt = salts.get(spec);
  if (!salt) {
    const description = JSON.stringify({ version: DIGEST_VERSION, table: spec, fields: allFields(spec) });
    salt = hash('sha1', description, 'base64');
    salts.set(spec, salt);
  }
  return salt;
}

export interface CellDigest {
  /** The digest of a row's cells (as row_hash holds it). */
  of(cells: readonly string[]): string;
  /** The row's id, read as the check reads it (field 0). */
  id(cells: readonly string[]): string | null;
  /** A row's values as far as the check needs them of an unchanged row: its identifiers, nothing else. */
  identifiers(cells: readonly string[]): Value[];
}

/**
 * How a file's rows are digested by their cells, or undefined for a file
 * whose rows are always read (see above).
 */
export function cellDigest(reader: RowReader): CellDigest | undefined {
  if (reader.derivePerson || reader.keyAt) return undefined;
  const { spec, fields, positions } = reader;
  const wanted: number[] = [];
  for (const [i, field] of fields.entries()) {
    const identifying =
      i === 0 || field.ref !== undefined || field.resolve === 'person' || field.ssd === spec.provides?.field;
    if (!identifying) continue;
    // An identifier read otherwise than trimmed (a code, a date) cannot be taken from the cell as it is.
    if (field.type.kind !== 'id') return undefined;
    wanted.push(i);
  }
  const salt = digestSalt(spec);
  const cell = (cells: readonly string[], i: number) => {
    const at = positions[i]!;
    return at >= 0 ? (cells[at] ?? '') : '';
  };
  return {
    of(cells) {
      let text = salt;
      for (let i = 0; i < fields.length; i++) text += SEPARATOR + cell(cells, i);
      return hash('sha1', text, 'base64').slice(0, 16);
    },
    id: (cells) => trimmedCell(cell(cells, 0)),
    identifiers(cells) {
      const values: Value[] = new Array(fields.length).fill(null);
      for (const i of wanted) values[i] = trimmedCell(cell(cells, i));
      return values;
    },
  };
}
