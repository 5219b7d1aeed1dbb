/**
 * The SSD import as people and commands start it: the upload page, the command and the demo,
 * the import's page and its problems as CSV.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Clock } from '../../platform/clock';
import { safeCsv } from '../../platform/csv';
import type { Db } from '../../platform/db/client';
import { NotFoundError } from '../../platform/errors';
import { type Actor, ROLE_CASE_SCOPE } from '../../platform/permissions';
import {
  type ImportMode,
  type ImportOutcome,
  importAndWait,
  liveImportProgress,
  type StartImport,
  startImport,
} from './importer';
import * as repo from './repository';
import { type ExtractFile, filesFromFolder } from './ssd/extract';

// ---- the SSD import --------------------------------------------------------------------

export interface ImportRequest {
  files: ExtractFile[];
  mode: ImportMode;
  /** True on a PostgreSQL server: progress is written while the import's transaction runs. */
  concurrentProgress: boolean;
  /** The instance running it (app.deps.instance). */
  instance?: StartImport['instance'];
}

/** Start an import from the upload page; it runs on after this returns. */
export async function startSsdImport(
  db: Db,
  actor: Actor,
  request: ImportRequest & { clock: Clock },
  ctx: AuditContext,
): Promise<string> {
  return startImport(db, {
    organisationId: actor.organisationId,
    userId: actor.userId,
    origin: 'upload',
    mode: request.mode,
    files: request.files,
    clock: request.clock,
    audit: ctx,
    concurrentProgress: request.concurrentProgress,
    instance: request.instance,
  });
}

/** Import every CSV file in a folder (the scheduled command and the demo generator). Waits for the end. */
export async function importSsdFolder(
  db: Db,
  input: {
    organisationId: string;
    folder: string;
    mode: ImportMode;
    origin: 'command' | 'demo';
    clock: { now(): Date };
    concurrentProgress: boolean;
    instance?: StartImport['instance'];
  },
): Promise<ImportOutcome> {
  const files = await filesFromFolder(input.folder);
  return importAndWait(db, {
    organisationId: input.organisationId,
    userId: null,
    origin: input.origin,
    mode: input.mode,
    files,
    clock: input.clock,
    audit: {
      organisationId: input.organisationId,
      userId: null,
      ip: null,
      userAgent: input.origin === 'demo' ? 'demo generator' : 'import:ssd command',
      requestId: null,
      at: input.clock.now(),
    },
    concurrentProgress: input.concurrentProgress,
    instance: input.instance,
  });
}

export interface ImportView extends repo.ImportRow {
  live: ReturnType<typeof liveImportProgress>;
}

/** One import of the actor's organisation (404 for another's). */
export async function getImportForActor(db: Db, actor: Actor, importId: string): Promise<ImportView> {
  if (!/^[0-9a-f-]{36}$/i.test(importId)) throw new NotFoundError('import');
  const row = await repo.findImport(db, actor.organisationId, importId);
  if (!row) throw new NotFoundError('import');
  return { ...row, live: liveImportProgress(importId) };
}

export async function listImportHistory(db: Db, actor: Actor, limit = 50) {
  return repo.listImports(db, actor.organisationId, limit);
}

/** The errors of a rejected import as CSV: file, row, field, value, what is expected. */
export async function importErrorsCsv(
  db: Db,
  actor: Actor,
  importId: string,
  ctx: AuditContext,
): Promise<string> {
  const row = await getImportForActor(db, actor, importId);
  const errors = row.errors as Array<{
    file: string;
    row: number;
    field: string;
    value: string;
    expected: string;
  }>;
  await recordAudit(db, ctx, {
    action: 'cases.import.errors-download',
    recordType: 'case_import',
    recordId: importId,
  });
  // Values come from the uploaded files: made safe, so opening the download never runs a formula.
  // Notices (values kept as given or left empty, columns and tables not read) follow the errors.
  const notices = (row.notices as Array<(typeof errors)[number] | string>).map((n) =>
    typeof n === 'string' ? { file: '', row: 0, field: '', value: '', expected: n } : n,
  );
  const problems = [
    ...errors.map((e) => ({ kind: 'error', ...e })),
    ...notices.map((e) => ({ kind: 'notice', ...e })),
  ];
  if (!seesImportedValues(actor))
    return safeCsv(
      ['kind', 'file', 'row', 'field', 'expected'],
      problems.map((e) => [e.kind, e.file, e.row === 0 ? '' : String(e.row), e.field, e.expected]),
    );
  return safeCsv(
    ['kind', 'file', 'row', 'field', 'value', 'expected'],
    problems.map((e) => [e.kind, e.file, e.row === 0 ? '' : String(e.row), e.field, e.value, e.expected]),
  );
}

/**
 * Whether the values in an import's problems (children's names, dates of
 * birth) may be shown: only to roles that see every child of the
 * organisation. Others (an administrator) see file, row, field and what
 * was expected.
 */
export function seesImportedValues(actor: Actor): boolean {
  return ROLE_CASE_SCOPE[actor.role] === 'organisation';
}

/** The organisation a scheduled import is for: the one with this code, or the only one there is. */
export async function organisationForImport(
  db: Db,
  code?: string,
): Promise<{ id: string; code: string; name: string }> {
  const found = await repo.organisationsByCode(db, code);
  if (code && found.length === 0) throw new Error(`No organisation has the code ${code}.`);
  if (found.length === 0) {
    throw new Error(
      'There is no organisation yet: create the first with the setup command (see docs/operations.md, "First run").',
    );
  }
  if (found.length !== 1) {
    throw new Error(
      `Say which organisation the extract is for with --organisation CODE (one of: ${found.map((o) => o.code).join(', ')}).`,
    );
  }
  return found[0]!;
}
