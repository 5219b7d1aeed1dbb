/**
 * One extract row as the import reads it, the same in the check and the
 * apply pass: fields parsed and graded (validate.ts), the person filled in
 * from the row's plan or period of care when the script does not write a
 * person column, and the identifier replaced by the natural key for tables
 * whose script regenerates its ids at every run.
 */
import { allFields, type FieldSpec, type RefKind, type TableSpec } from './ssd/spec';
import { type HeaderMap, type RowResult, type Value, validateRow } from './ssd/validate';

export interface RowReader {
  spec: TableSpec;
  fields: readonly FieldSpec[];
  positions: readonly number[];
  derivePerson: boolean;
  /** The person field's index. */
  personAt: number;
  /** The index of the field whose record gives the person (spec.personFrom), or -1. */
  fromAt: number;
  /** The indexes of the natural key's fields, when the table has one. */
  keyAt: readonly number[] | undefined;
}

export function rowReader(spec: TableSpec, header: HeaderMap): RowReader {
  const fields = allFields(spec);
  const at = (ssd: string) => fields.findIndex((f) => f.ssd === ssd);
  return {
    spec,
    fields,
    positions: header.positions,
    derivePerson: header.derivePerson,
    personAt: fields.findIndex((f) => f.resolve === 'person'),
    fromAt: spec.personFrom ? at(spec.personFrom.field) : -1,
    keyAt: spec.naturalKey?.fields.map(at),
  };
}

/** The key a record of a table with unstable ids is matched on: its natural key's values. */
export function naturalKeyOf(values: readonly unknown[], keyAt: readonly number[]): string | null {
  const parts = keyAt.map((i) => values[i]);
  if (parts.some((p) => p === null || p === undefined || p === '')) return null;
  return parts.map(String).join('|');
}

/**
 * Parse and grade one row. `provided` holds, for each kind of record, the
 * person each record is about (from the extract and from Oversight).
 */
export function readRow(
  reader: RowReader,
  cells: readonly string[],
  file: string,
  row: number,
  today: string,
  provided: ReadonlyMap<RefKind, ReadonlyMap<string, string | null>>,
): RowResult {
  const { spec, fields } = reader;
  const result = validateRow(spec, fields, reader.positions, cells, file, row, today, reader.derivePerson);
  completeRow(reader, result.values, provided);
  return result;
}

/**
 * Fill in the person of a row whose script writes none (from the row's plan
 * or period of care) and, for tables matched on a natural key, the key.
 * Changes `values` and returns it.
 */
export function completeRow(
  reader: RowReader,
  values: Value[],
  provided: ReadonlyMap<RefKind, ReadonlyMap<string, string | null>>,
): Value[] {
  if (reader.derivePerson) {
    const from = values[reader.fromAt];
    const kind = reader.fields[reader.fromAt]!.ref!;
    values[reader.personAt] = typeof from === 'string' ? (provided.get(kind)?.get(from) ?? null) : null;
  }
  if (reader.keyAt) values[0] = naturalKeyOf(values, reader.keyAt);
  return values;
}
