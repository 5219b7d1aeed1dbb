/**
 * Published packs as PDFs: the public pack, and the full pack (public and
 * non-public together) for those who may read Part 2 (its reading audited by
 * readPack). Printed on request from the frozen pack, so a PDF always shows
 * what was published; uploaded PDF appendices are merged in.
 */
import type { AuditContext } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { printHtmlDocuments } from '../../platform/documents/pdf';
import { NotFoundError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { appendixContents } from './appendix-repository';
import { fullPack, type Pack } from './pack';
import { type Printer, packPdf } from './pack-pdf';
import { readPack } from './publish-service';
import * as repo from './repository';

const pdfAppendixIds = (pack: Pack) =>
  pack.items.flatMap((i) =>
    (i.report?.appendices ?? [])
      .filter((a) => a.file?.contentType === 'application/pdf')
      .map((a) => a.file!.appendixId),
  );

async function print(db: Db, organisationId: string, pack: Pack, which: 'public' | 'full', printer: Printer) {
  const files = await appendixContents(db, organisationId, pdfAppendixIds(pack));
  return packPdf(pack, which, files, printer);
}

/** A published version's public or full pack as a PDF, for a signed-in reader. */
export async function signedInPackPdf(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  version: number,
  which: 'public' | 'full',
  printer: Printer = printHtmlDocuments,
) {
  const open = await readPack(db, actor, ctx, meetingId, version, 'public');
  const pack =
    which === 'public'
      ? open.pack
      : fullPack(open.pack, (await readPack(db, actor, ctx, meetingId, version, 'non-public')).pack);
  return print(db, actor.organisationId, pack, which, printer);
}

/** The latest public pack of a meeting as a PDF, for anyone. */
export async function publicPackPdf(
  db: Db,
  organisationId: string,
  meetingId: string,
  printer: Printer = printHtmlDocuments,
) {
  const row = await repo.publication(db, organisationId, meetingId);
  if (!row) throw new NotFoundError('pack');
  return print(db, organisationId, row.publicPack as Pack, 'public', printer);
}
