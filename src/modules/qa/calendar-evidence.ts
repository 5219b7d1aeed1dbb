/**
 * Evidence files of QA calendar activities: the minutes, report or note that
 * shows an activity was done, uploaded by the activity's owner or a QA
 * officer (before or after it is marked complete), within the platform's
 * upload limits and the same kinds and size as other evidence. Files are never
 * changed; each upload and download is access-audited.
 */
import { and, asc, eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import { MAX_EVIDENCE_BYTES } from '../plans/service';
import { calendarItem } from './calendar';
import { QA } from './permissions';
import { qaCalendarEvidence } from './practice-schema';
import { storedEvidenceFile } from './recommendation-evidence';

export const CALENDAR_EVIDENCE_FIELD = 'evidenceFile';
export const CALENDAR_EVIDENCE_UPLOAD = {
  field: CALENDAR_EVIDENCE_FIELD,
  maxFileBytes: MAX_EVIDENCE_BYTES,
  maxFiles: 1,
};

/** The owner of an activity and QA officers add evidence to its items. */
export function mayAddEvidence(actor: Actor, item: { ownerId: string }): boolean {
  return item.ownerId === actor.userId || can(actor, QA.calendarManage);
}

export async function addCalendarEvidence(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  itemId: string,
  file: { filename: string; contentType: string; data: Buffer } | null,
  today: string,
) {
  const item = await calendarItem(db, actor, itemId, today);
  if (!mayAddEvidence(actor, item))
    throw new ForbiddenError('Only the owner of this activity or quality assurance can add evidence to it.');
  const stored = storedEvidenceFile(file, CALENDAR_EVIDENCE_FIELD);
  await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(qaCalendarEvidence)
      .values({
        organisationId: actor.organisationId,
        itemId: item.id,
        ...stored,
        uploadedAt: ctx.at,
        uploadedBy: actor.userId,
      })
      .returning({ id: qaCalendarEvidence.id });
    await recordAudit(tx, ctx, {
      action: 'qa-calendar.item.evidence',
      recordType: 'qa_calendar_item',
      recordId: item.id,
      detail: `file ${made!.id}`,
    });
  });
}

/** An item's evidence files (names and sizes, not content), oldest first. */
export async function calendarEvidenceFiles(db: Db, organisationId: string, itemId: string) {
  return db
    .select({
      id: qaCalendarEvidence.id,
      filename: qaCalendarEvidence.filename,
      sizeBytes: qaCalendarEvidence.sizeBytes,
      uploadedAt: qaCalendarEvidence.uploadedAt,
    })
    .from(qaCalendarEvidence)
    .where(and(eq(qaCalendarEvidence.organisationId, organisationId), eq(qaCalendarEvidence.itemId, itemId)))
    .orderBy(asc(qaCalendarEvidence.uploadedAt));
}

/** One evidence file to download, for anyone who reads the calendar in its organisation; audited. */
export async function calendarEvidenceContent(db: Db, actor: Actor, ctx: AuditContext, fileId: string) {
  if (!can(actor, QA.calendarRead)) throw new ForbiddenError();
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw new NotFoundError('file');
  const [file] = await db
    .select()
    .from(qaCalendarEvidence)
    .where(
      and(eq(qaCalendarEvidence.organisationId, actor.organisationId), eq(qaCalendarEvidence.id, fileId)),
    );
  if (!file) throw new NotFoundError('file');
  await recordAudit(db, ctx, {
    action: 'qa-calendar.item.evidence_download',
    recordType: 'qa_calendar_item',
    recordId: file.itemId,
    detail: `file ${file.id}`,
  });
  return file;
}
