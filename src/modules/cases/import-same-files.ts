/**
 * Files an import need not read: those the last import applied byte for byte.
 *
 * A scheduled load often sends tables that have not changed since the night
 * before, and sometimes a whole extract that has not (a rerun, a weekend, a
 * data officer uploading the same files twice). Each file applied cleanly
 * (no notices, every child found in the extract) is logged with a digest of
 * its bytes, salted as its rows' digests are (import-digest.ts). A later
 * import leaves a file unread when all of these hold:
 *
 * - the organisation's last applied import was a full extract that holds the
 *   table's file with the same digest;
 * - the register holds as many open records of the table as that file had
 *   rows (nothing else has changed them);
 * - every table its rows refer to is left unread too, so every reference
 *   is as it was when checked. Tables referring to one that changed are
 *   read, and find its records through the usual look-up.
 *
 * The rows of a file left unread are counted as unchanged.
 */
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../platform/db/client';
import type { PlannedFile } from './import-check';
import { digestSalt } from './import-digest';
import { type LoggedFile, lastAppliedImport, openImportedRecords } from './import-repository';
import type { ExtractFile } from './ssd/extract';
import { allFields, REF_TARGETS, type TableSpec } from './ssd/spec';

/** The digest of a file's bytes, salted with its table's description. */
export async function fileDigest(file: ExtractFile, spec: TableSpec): Promise<string> {
  const digest = createHash('sha1').update(digestSalt(spec));
  await pipeline(file.open(), digest);
  return digest.digest('base64');
}

/** The tables whose records a table's rows refer to (other than its own). */
export function referredTables(spec: TableSpec): string[] {
  const own = spec.provides?.kind;
  return [
    ...new Set(
      allFields(spec)
        .filter((f) => f.ref && f.ref !== own)
        .map((f) => REF_TARGETS[f.ref!].ssd),
    ),
  ];
}

/**
 * Of the candidates (tables whose file is the same as the last import's, and
 * whose records are as it left them), those that can be left unread: every
 * table they refer to is one of them.
 */
export function tablesLeftUnread(candidates: ReadonlyArray<TableSpec>): Set<string> {
  const unread = new Set(candidates.map((s) => s.ssd));
  for (let changed = true; changed; ) {
    changed = false;
    for (const spec of candidates) {
      if (unread.has(spec.ssd) && referredTables(spec).some((t) => !unread.has(t))) {
        unread.delete(spec.ssd);
        changed = true;
      }
    }
  }
  return unread;
}

/**
 * The last import's file of a table, when the import can take this one as it
 * is (same digest; the last import a full extract).
 */
export function sameAsLast(
  last: { mode: string; files: readonly LoggedFile[] } | undefined,
  table: string,
  digest: string,
): LoggedFile | undefined {
  if (last?.mode !== 'full') return undefined;
  const logged = last.files.find((f) => f.table === table);
  return logged?.digest === digest ? logged : undefined;
}

/**
 * Digest each planned file (plan.digest, logged for the next import) and
 * say which the import leaves unread: plan index -> the last import's file.
 */
export async function filesLeftUnread(
  db: Db,
  organisationId: string,
  planned: PlannedFile[],
): Promise<Map<number, LoggedFile>> {
  const last = await lastAppliedImport(db, organisationId);
  const same = new Map<number, LoggedFile>();
  for (const [i, plan] of planned.entries()) {
    plan.digest = await fileDigest(plan.file, plan.spec);
    const logged = sameAsLast(last, plan.spec.ssd, plan.digest);
    if (logged && (await openImportedRecords(db, plan.spec.table, organisationId)) === logged.rows) {
      same.set(i, logged);
    }
  }
  const unread = tablesLeftUnread([...same.keys()].map((i) => planned[i]!.spec));
  return new Map([...same].filter(([i]) => unread.has(planned[i]!.spec.ssd)));
}
