/**
 * Uploaded appendices: adding one to a draft report (read and checked first,
 * in one transaction with the access audit), and handing its file to those
 * who may read it: the report's drafters, readers of a published pack that
 * holds it (non-public ones only for those who may read Part 2, audited), and
 * the public for a public appendix of a published public pack.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { COMMITTEE, need } from './access';
import { readAppendix, UnreadableAppendixError } from './appendix-files';
import * as files from './appendix-repository';
import type { Pack } from './pack';
import { readPack } from './publish-service';
import * as repo from './repository';

export async function addAppendixFile(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  reportId: string,
  input: { title: string; public: boolean; filename: string; data: Buffer },
): Promise<string> {
  need(actor, COMMITTEE.draft);
  const report = await repo.reportById(db, actor.organisationId, reportId);
  if (!report) throw new NotFoundError('report');
  if (report.status !== 'draft')
    throw new ValidationError({
      appendixFile: 'The report has been sent for sign-off: it can no longer be changed',
    });
  let read: Awaited<ReturnType<typeof readAppendix>>;
  try {
    read = await readAppendix(input.filename, input.data);
  } catch (e) {
    if (e instanceof UnreadableAppendixError) throw new ValidationError({ appendixFile: e.message });
    throw e;
  }
  const filename = input.filename.replace(/[\\/]/g, '_').slice(-200);
  return db.transaction(async (tx) => {
    const id = await files.insertAppendixWithFile(
      tx,
      {
        organisationId: actor.organisationId,
        reportId,
        title: input.title,
        public: input.public,
        fileName: filename,
        createdAt: ctx.at,
      },
      {
        contentType: read.contentType,
        sizeBytes: input.data.length,
        content: input.data,
        pages: read.pages,
        text: read.text,
      },
    );
    await recordAudit(tx, ctx, {
      action: 'committee.report.appendix',
      recordType: 'committee_report',
      recordId: reportId,
      detail: `file ${read.type}, ${input.public ? 'public' : 'non-public'}`,
    });
    return id;
  });
}

export interface AppendixDownload {
  filename: string;
  contentType: string;
  content: Buffer;
}

async function download(db: Db, organisationId: string, appendixId: string): Promise<AppendixDownload> {
  const row = await files.appendixFile(db, organisationId, appendixId);
  if (!row) throw new NotFoundError('appendix');
  return { filename: row.filename ?? 'appendix', contentType: row.contentType, content: row.content };
}

const holds = (pack: Pack, appendixId: string) =>
  pack.items.some((i) => i.report?.appendices.some((a) => a.file?.appendixId === appendixId));

/** For those drafting reports: any uploaded appendix of their organisation (a non-public one audited). */
export async function draftAppendixFile(db: Db, actor: Actor, ctx: AuditContext, appendixId: string) {
  need(actor, COMMITTEE.draft);
  const row = await files.appendixFile(db, actor.organisationId, appendixId);
  if (!row) throw new NotFoundError('appendix');
  if (!row.public)
    await recordAudit(db, ctx, {
      action: 'committee.appendix.non-public.read',
      recordType: 'committee_report',
      recordId: row.reportId,
      detail: `appendix ${appendixId}`,
    });
  return download(db, actor.organisationId, appendixId);
}

/** An uploaded appendix of a published pack, for a signed-in reader of that pack. */
export async function packAppendixFile(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  version: number,
  appendixId: string,
) {
  const open = await readPack(db, actor, ctx, meetingId, version, 'public');
  if (holds(open.pack, appendixId)) return download(db, actor.organisationId, appendixId);
  // Throws NotFoundError for a reader who may not read Part 2; audits the reading otherwise.
  const closed = await readPack(db, actor, ctx, meetingId, version, 'non-public');
  if (!holds(closed.pack, appendixId)) throw new NotFoundError('appendix');
  return download(db, actor.organisationId, appendixId);
}

/** A public appendix of a meeting's latest public pack, for anyone. */
export async function publicAppendixFile(
  db: Db,
  organisationId: string,
  meetingId: string,
  appendixId: string,
) {
  const row = await repo.publication(db, organisationId, meetingId);
  if (!row || !holds(row.publicPack as Pack, appendixId)) throw new NotFoundError('appendix');
  return download(db, organisationId, appendixId);
}
