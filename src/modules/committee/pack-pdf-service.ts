/**
 * Published packs as PDFs: the public pack, and the full pack (public and
 * non-public together) for those who may read Part 2 (its reading audited by
 * readPack). Printed on request from the frozen pack, so a PDF always shows
 * what was published; uploaded PDF appendices are merged in.
 */
import type { AuditContext } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { printingSession } from '../../platform/documents/pdf';
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

/**
 * The pack printed by the printer given, or by one Chromium session for all
 * its printing (its parts, then its front sheet): launching Chromium costs
 * seconds each time.
 */
async function print(
  db: Db,
  organisationId: string,
  pack: Pack,
  which: 'public' | 'full',
  printer: Printer | undefined,
) {
  const files = await appendixContents(db, organisationId, pdfAppendixIds(pack));
  return printer
    ? packPdf(pack, which, files, printer)
    : printingSession((session) => packPdf(pack, which, files, session));
}

/** A published version's public or full pack as a PDF, for a signed-in reader. */
export async function signedInPackPdf(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  version: number,
  which: 'public' | 'full',
  printer?: Printer,
) {
  const open = await readPack(db, actor, ctx, meetingId, version, 'public');
  const pack =
    which === 'public'
      ? open.pack
      : fullPack(open.pack, (await readPack(db, actor, ctx, meetingId, version, 'non-public')).pack);
  return print(db, actor.organisationId, pack, which, printer);
}

/** The latest public pack of a meeting as a PDF, for anyone. */
export async function publicPackPdf(db: Db, organisationId: string, meetingId: string, printer?: Printer) {
  const row = await repo.publication(db, organisationId, meetingId);
  if (!row) throw new NotFoundError('pack');
  return print(db, organisationId, row.publicPack as Pack, 'public', printer);
}
