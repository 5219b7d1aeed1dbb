/**
 * The check pass of the SSD import (see importer.ts): every row of a file
 * parsed and graded, identifiers checked for repeats, and references looked
 * up in the extract and then in what Oversight already holds. Errors reject
 * the extract; notices are listed (or, for an organisation that asks,
 * counted as errors).
 */
import type { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { type Options, parse } from 'csv-parse';
import { inBatches } from '../../platform/batches';
import type { Db } from '../../platform/db/client';
import { decodeTextStream, EncodingError } from '../../platform/text-encoding';
import { copyLine } from './import-copy';
import { type CellDigest, cellDigest } from './import-digest';
import { orderedUuid } from './import-repository';
import { type RowReader, readRow, rowReader } from './import-rows';
import type { SpoolWriter } from './import-spool';
import { type ExistingRow, lookupReferences } from './repository';
import type { ExtractFile } from './ssd/extract';
import { allFields, type FieldSpec, REF_TARGETS, type RefKind, SSD_TABLES, type TableSpec } from './ssd/spec';
import {
  type ImportError,
  mapHeader,
  missingReference,
  type RowResult,
  rowHashOfJson,
  tableForFile,
  type Value,
} from './ssd/validate';

/**
 * Rows checked between turns given to the rest of the process: the check is work for the CPU
 * alone, and without turns an unchanged re-import (nothing to write, so nothing to wait for)
 * slowed every page of the process to about a tenth of a second a query.
 */
const YIELD_EVERY = 500;

/** How many errors (and notices) are kept on the import row (all of them are counted). */
export const ERRORS_KEPT = 5000;

export interface PlannedFile {
  file: ExtractFile;
  spec: TableSpec;
  rows: number;
  /**
   * Where the check pass keeps the rows to write, for the apply pass (import-spool.ts): as the COPY
   * lines staging takes (import-copy.ts), so staging sends them on as they are.
   */
  spool?: SpoolWriter;
  /**
   * Rows whose child is found through a record the extract does not hold (one already in
   * Oversight, looked up after the check): as JSON, completed and digested when staged.
   */
  later?: SpoolWriter;
  /** The import and the file's part of it, which each staged line carries. */
  staging?: { importId: string; part: number };
  /** How the file's columns are read (set by the check pass from its header). */
  reader?: RowReader;
  /**
   * The table's records already in Oversight (source id -> digest), read before
   * the check: rows whose digest is unchanged are counted, not kept to write.
   */
  existing?: Map<string, ExistingRow>;
  /**
   * Oversight held none of the organisation's records of the table when the check read them: its
   * rows are merged by plain insert (import-staging.ts).
   */
  fresh?: boolean;
  /** The digest of the file's bytes (import-same-files.ts). */
  digest?: string;
  /**
   * The file was applied cleanly (no notices, every child found in the extract): its digest is
   * logged, so the next import can leave the same file unread.
   */
  clean?: boolean;
  /** Rows unchanged since the last import (not kept for the apply pass). */
  unchanged: number;
  /** For a full extract: records of the table the extract no longer holds, to close. */
  absent: string[];
}

/** What a pass needs of the import's progress. */
export interface ProgressSink {
  readonly state: { rowsDone: number };
  set(patch: object, force?: boolean): Promise<void>;
}

/** How csv-parse reads an extract's files (the bench's ceiling reads them the same way). */
export const CSV_OPTIONS: Options = {
  bom: true,
  relax_column_count: true,
  skip_empty_lines: true,
  relax_quotes: false,
  // Lines may end either way, mixed in one file (a script's CRLF rows, then a bare LF at the end).
  record_delimiter: ['\r\n', '\n', '\r'],
};

/**
 * A file's rows, a batch at a time (what the parser holds at each turn): UTF-8, or Windows-1252 with
 * a notice; anything else ends in an EncodingError.
 */
export function csvRowBatches(
  stream: Readable,
  label: string,
  onNotice: (notice: string) => void = () => {},
): AsyncIterable<string[][]> {
  const text = decodeTextStream(label, onNotice);
  stream.on('error', (e) => text.destroy(e));
  const rows = parse(CSV_OPTIONS);
  text.on('error', (e) => rows.destroy(e));
  return inBatches<string[]>(stream.pipe(text).pipe(rows));
}

interface Occurrence {
  file: string;
  row: number;
  field: FieldSpec;
  table: string;
  person: string | null;
}

/** What the check pass learns about the extract. */
export interface CheckState {
  errors: ImportError[];
  errorCount: number;
  notices: ImportError[];
  noticeCount: number;
  /** The organisation treats notices as errors. */
  strict: boolean;
  /** For each kind of record: id -> the person it is about (null when not about a person). */
  provided: Map<RefKind, Map<string, string | null>>;
  /** References not (yet) found in the extract: kind -> id -> first few places. */
  pending: Map<RefKind, Map<string, Occurrence[]>>;
}

/** A check that has found nothing yet; `strict`: the organisation treats notices as errors. */
export function newCheckState(strict: boolean): CheckState {
  return {
    errors: [],
    errorCount: 0,
    notices: [],
    noticeCount: 0,
    strict,
    provided: new Map(),
    pending: new Map(),
  };
}

export function addError(state: CheckState, error: ImportError): void {
  state.errorCount += 1;
  if (state.errors.length < ERRORS_KEPT) state.errors.push(error);
}

/** A notice; an error instead when the organisation treats notices as errors. */
export function addNotice(state: CheckState, notice: ImportError): void {
  if (state.strict) {
    addError(state, notice);
    return;
  }
  state.noticeCount += 1;
  if (state.notices.length < ERRORS_KEPT) state.notices.push(notice);
}

export async function checkFile(
  plan: PlannedFile,
  state: CheckState,
  today: string,
  progress: ProgressSink,
  full: boolean,
): Promise<number> {
  const { spec, file } = plan;
  const fields = allFields(spec);
  const width = fields.length;
  const ids = new Map<string, number>();
  const existing = plan.existing;
  const personAt = fields.findIndex((f) => f.resolve === 'person');
  const providesAt = spec.provides ? fields.findIndex((f) => f.ssd === spec.provides!.field) : -1;
  let provided: Map<string, string | null> | undefined;
  if (spec.provides) {
    provided = state.provided.get(spec.provides.kind) ?? new Map();
    state.provided.set(spec.provides.kind, provided);
  }
  const refFields = fields.flatMap((field, index) =>
    field.ref && field.ref !== spec.provides?.kind
      ? [{ field, index, kind: field.ref, table: REF_TARGETS[field.ref].ssd }]
      : [],
  );
  let reader: RowReader | undefined;
  let digest: CellDigest | undefined;
  let row = 0;
  const encodingNotice = (expected: string) =>
    addNotice(state, { file: file.name, row: 0, field: '', value: '', expected });
  try {
    for await (const batch of csvRowBatches(file.open(), file.name, encodingNotice)) {
      for (const cells of batch) {
        row += 1;
        if (!reader) {
          const header = mapHeader(spec, file.name, cells);
          for (const error of header.errors) addError(state, error);
          for (const notice of header.notices) addNotice(state, notice);
          if (header.errors.length > 0) return 0;
          reader = rowReader(spec, header);
          plan.reader = reader;
          digest = cellDigest(reader);
          continue;
        }
        // A row the register holds as the file gives it is not read again: only its identifiers are taken.
        const cellHash = digest?.of(cells);
        const same = cellHash === undefined ? undefined : existing?.get(digest!.id(cells) ?? '');
        const unread = same !== undefined && !same.closed && same.hash === cellHash;
        const result = unread
          ? identified(digest!.identifiers(cells))
          : readRow(reader, cells, file.name, row, today, state.provided);
        if (unread) {
          plan.unchanged += 1;
        } else if (plan.spool && plan.staging && state.errorCount === 0) {
          // Kept for the apply pass while the extract can still be applied (one error rejects it whole),
          // unless Oversight holds the row as it is. A row whose child comes from a record not yet
          // looked up is kept, and compared when it is written.
          let full: Promise<void> | undefined;
          if (reader.derivePerson && result.values[reader.personAt] === null) {
            full = plan.later?.push(JSON.stringify(result.values));
          } else {
            // Rows with notices keep the digest of their values, so that they are read (and listed) again.
            const hash =
              cellHash !== undefined && result.notices.length === 0 ? cellHash : valuesDigest(result.values);
            const had = existing?.get(result.values[0] as string);
            // A record held with the digest of its values (imported before cells were digested) is compared by them.
            if (
              had &&
              !had.closed &&
              (had.hash === hash || (hash === cellHash && had.hash === valuesDigest(result.values)))
            ) {
              plan.unchanged += 1;
            } else {
              const { importId, part } = plan.staging;
              const seq = plan.spool.rows + 1;
              full = plan.spool.push(
                copyLine(importId, part, seq, orderedUuid(), hash, result.values, width),
              );
            }
          }
          if (full) await full;
        }
        for (const error of result.errors) addError(state, error);
        for (const notice of result.notices) addNotice(state, notice);
        if (reader.derivePerson && result.values[reader.fromAt] === null) {
          addError(state, {
            file: file.name,
            row,
            field: spec.personFrom!.field,
            value: '',
            expected: `The ${fields[reader.fromAt]!.label}: the file has no ${fields[personAt]!.ssd} column (the ${spec.personFrom!.script} script does not write it), so the child is found from the ${fields[reader.fromAt]!.label}, which is blank on this row`,
          });
        }
        const id = result.values[0];
        if (typeof id === 'string') {
          const first = ids.get(id);
          if (first !== undefined) {
            addError(state, {
              file: file.name,
              row,
              field: spec.naturalKey ? spec.naturalKey.fields.join(', ') : spec.id.ssd,
              value: id,
              expected: spec.naturalKey
                ? `One row per ${spec.naturalKey.fields.join(' and ')} in ${spec.ssd}: row ${first} has the same. Rows of this table are matched on ${spec.naturalKey.fields.join(' and ')} because ${spec.naturalKey.why}`
                : `A ${spec.id.label} used once in the file: row ${first} has it too`,
            });
          } else {
            ids.set(id, row);
          }
        }
        const person = personAt >= 0 ? (result.values[personAt] as string | null) : null;
        if (provided && providesAt >= 0) {
          const key = result.values[providesAt];
          if (typeof key === 'string') provided.set(key, spec.provides!.kind === 'person' ? key : person);
        }
        for (const { field, index, kind, table } of refFields) {
          const value = result.values[index];
          if (typeof value !== 'string') continue;
          const theirs = state.provided.get(kind)?.get(value);
          if (theirs !== undefined) {
            if (theirs !== null && person !== null && theirs !== person) {
              checkSamePerson(state, kind, theirs, { file: file.name, row, field, table, person }, value);
            }
            continue;
          }
          // Not seen yet: its table comes later in the extract, or the record is already in Oversight.
          let byId = state.pending.get(kind);
          if (!byId) {
            byId = new Map();
            state.pending.set(kind, byId);
          }
          const place = { file: file.name, row, field, table, person };
          const places = byId.get(value);
          if (!places) byId.set(value, [place]);
          else if (places.length < 3) places.push(place);
        }
        progress.state.rowsDone += 1;
        if (row % YIELD_EVERY === 0) {
          await progress.set({});
          // Let other requests of this process through (their queries' answers wait for a turn of the event loop).
          await setImmediate();
        }
      }
    }
  } catch (e) {
    if (!(e instanceof EncodingError)) throw e;
    addError(state, { file: file.name, row: 0, field: '', value: '', expected: e.message });
    return 0;
  }
  if (full && existing) {
    for (const [id, had] of existing) if (!had.closed && !ids.has(id)) plan.absent.push(id);
  }
  if (!reader) {
    addError(state, {
      file: file.name,
      row: 1,
      field: '',
      value: '',
      expected: `A header row naming the columns (${spec.id.ssd}, ...), then one row per record`,
    });
    return 0;
  }
  return Math.max(0, row - 1);
}

/** The digest of a row's values (a function, not a closure made for each row). */
function valuesDigest(values: readonly Value[]): string {
  return rowHashOfJson(JSON.stringify(values));
}

/** An unchanged row as the check sees it: its identifiers, and nothing to report. */
function identified(values: Value[]): RowResult {
  return { values, errors: [], notices: [] };
}

function checkSamePerson(
  state: CheckState,
  kind: RefKind,
  theirs: string | null,
  place: Occurrence,
  value: string,
): void {
  if (!REF_TARGETS[kind].personal || !place.person || !theirs || theirs === place.person) return;
  addError(state, {
    file: place.file,
    row: place.row,
    field: place.field.ssd,
    value,
    expected: `The ${place.field.label} of a record about this child (${place.person}): ${value} in ${place.table} is about ${theirs}`,
  });
}

export async function resolvePending(db: Db, organisationId: string, state: CheckState): Promise<void> {
  for (const [kind, byId] of state.pending) {
    const known = state.provided.get(kind);
    const lookup: string[] = [];
    for (const [id, places] of byId) {
      if (known?.has(id)) {
        for (const place of places) checkSamePerson(state, kind, known.get(id) ?? null, place, id);
      } else {
        lookup.push(id);
      }
    }
    if (lookup.length === 0) continue;
    const found = await lookupReferences(db, organisationId, kind, lookup);
    let remembered = state.provided.get(kind);
    if (!remembered) {
      remembered = new Map();
      state.provided.set(kind, remembered);
    }
    // Kept so that a row whose person is taken from its plan or period of care finds it while applying.
    for (const [id, person] of found) remembered.set(id, person);
    for (const id of lookup) {
      const places = byId.get(id)!;
      if (found.has(id)) {
        for (const place of places) checkSamePerson(state, kind, found.get(id) ?? null, place, id);
        continue;
      }
      for (const place of places) {
        addError(state, {
          file: place.file,
          row: place.row,
          field: place.field.ssd,
          value: id,
          expected:
            kind === 'person'
              ? `A person ID that is in ssd_person: no child with ID ${id} is in ssd_person in this extract or already in Oversight`
              : missingReference(place.field.label, place.table, id),
        });
      }
    }
  }
}

/**
 * Which table each file holds, in the order the tables are merged (people
 * first): a file named after no SSD table, or a second file of one, is an
 * error; a table Oversight does not read is a notice.
 */
export function planFiles(files: readonly ExtractFile[], state: CheckState): PlannedFile[] {
  const planned: PlannedFile[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const match = tableForFile(file.name);
    if (!match) {
      addError(state, {
        file: file.name,
        row: 0,
        field: '',
        value: '',
        expected:
          'A CSV file named after an SSD table, like ssd_person.csv or ssd_cin_episodes.csv (see docs/ssd-mapping.md)',
      });
    } else if ('notRead' in match) {
      // Never an error, even for an organisation that treats notices as errors: the table is simply not used.
      state.noticeCount += 1;
      state.notices.push({
        file: file.name,
        row: 0,
        field: '',
        value: match.notRead,
        expected: `Nothing: Oversight does not use ${match.notRead}, so the file was not read`,
      });
    } else if (seen.has(match.table.ssd)) {
      addError(state, {
        file: file.name,
        row: 0,
        field: '',
        value: '',
        expected: `One file for ${match.table.ssd}: ${seen.get(match.table.ssd)} holds it too. Remove one of them.`,
      });
    } else {
      seen.set(match.table.ssd, file.name);
      planned.push({ file, spec: match.table, rows: 0, unchanged: 0, absent: [] });
    }
  }
  const order = SSD_TABLES.map((t) => t.ssd);
  planned.sort((a, b) => order.indexOf(a.spec.ssd) - order.indexOf(b.spec.ssd));
  if (planned.length === 0 && state.errorCount === 0) {
    addError(state, {
      file: '',
      row: 0,
      field: '',
      value: '',
      expected: 'At least one SSD table as a CSV file (for example ssd_person.csv)',
    });
  }
  return planned;
}
