/**
 * Evidence files of case-specific recommendations: the owner (or a QA
 * officer) uploads a file that shows the recommendation is done, within the
 * platform's upload limits and the same kinds and size as plan evidence; a
 * follow-up meeting may then sign it off. Each upload and download is
 * access-audited against the child.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import { EVIDENCE_EXTENSIONS, MAX_EVIDENCE_BYTES } from '../plans/service';
import { qaRecommendationEvidence } from './findings-schema';
import { QA } from './permissions';
import * as repo from './recommendations-repository';

export const EVIDENCE_FIELD = 'evidenceFile';
export const RECOMMENDATION_EVIDENCE_UPLOAD = {
  field: EVIDENCE_FIELD,
  maxFileBytes: MAX_EVIDENCE_BYTES,
  maxFiles: 1,
};

const overseer = (actor: Actor) => can(actor, QA.recsManage) || can(actor, QA.recsSignOff);

async function visible(db: Db, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError('recommendation');
  const row = await repo.recommendation(db, actor.organisationId, id);
  if (!row || (row.ownerId !== actor.userId && !overseer(actor))) throw new NotFoundError('recommendation');
  return row;
}

/** What is wrong with a file as evidence, or null. */
export function evidenceFileProblem(file: { filename: string; data: Buffer }): string | null {
  const ext = file.filename.split('.').pop()?.toLowerCase() ?? '';
  if (!EVIDENCE_EXTENSIONS.includes(ext))
    return `The evidence file must be a ${EVIDENCE_EXTENSIONS.slice(0, -1).join(', ')} or ${EVIDENCE_EXTENSIONS.at(-1)} file`;
  if (file.data.length === 0) return 'The selected file is empty. Choose a file with the evidence in it';
  if (file.data.length > MAX_EVIDENCE_BYTES) return 'The evidence file must be smaller than 5MB';
  return null;
}

/**
 * An uploaded evidence file as it is stored (a safe name, its type, size and
 * bytes), or a ValidationError on `field` saying what is wrong with it.
 */
export function storedEvidenceFile(
  file: { filename: string; contentType: string; data: Buffer } | null,
  field: string,
): { filename: string; contentType: string; sizeBytes: number; content: Buffer } {
  if (!file) throw new ValidationError({ [field]: 'Select the file with the evidence' });
  const problem = evidenceFileProblem(file);
  if (problem) throw new ValidationError({ [field]: problem });
  return {
    filename: file.filename.replace(/[/\\]/g, '_').slice(0, 200),
    contentType: file.contentType || 'application/octet-stream',
    sizeBytes: file.data.length,
    content: file.data,
  };
}

export async function addEvidenceFile(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  file: { filename: string; contentType: string; data: Buffer } | null,
) {
  const row = await visible(db, actor, id);
  if (!can(actor, QA.recsUpdate) || (row.ownerId !== actor.userId && !can(actor, QA.recsManage)))
    throw new ForbiddenError('Only the owner can add evidence to this recommendation');
  if (row.status === 'signed_off') throw new ForbiddenError('This recommendation has been signed off');
  const stored = storedEvidenceFile(file, EVIDENCE_FIELD);
  await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(qaRecommendationEvidence)
      .values({
        organisationId: actor.organisationId,
        recommendationId: row.id,
        ...stored,
        uploadedAt: ctx.at,
        uploadedBy: actor.userId,
      })
      .returning({ id: qaRecommendationEvidence.id });
    await recordAudit(tx, ctx, {
      action: 'qa.recommendation.evidence',
      recordType: 'child',
      recordId: row.personId,
      detail: `recommendation ${row.id}: file ${made!.id}`,
    });
  });
}

/** The evidence files of some recommendations (names and sizes, not content), by recommendation. */
export async function evidenceFilesOf(db: Db, organisationId: string, ids: readonly string[]) {
  const result = new Map<
    string,
    Array<{ id: string; filename: string; sizeBytes: number; uploadedAt: Date }>
  >();
  if (!ids.length) return result;
  const rows = await db
    .select({
      id: qaRecommendationEvidence.id,
      recommendationId: qaRecommendationEvidence.recommendationId,
      filename: qaRecommendationEvidence.filename,
      sizeBytes: qaRecommendationEvidence.sizeBytes,
      uploadedAt: qaRecommendationEvidence.uploadedAt,
    })
    .from(qaRecommendationEvidence)
    .where(
      and(
        eq(qaRecommendationEvidence.organisationId, organisationId),
        inArray(qaRecommendationEvidence.recommendationId, [...new Set(ids)]),
      ),
    )
    .orderBy(sql`${qaRecommendationEvidence.uploadedAt}`);
  for (const r of rows) {
    const list = result.get(r.recommendationId) ?? [];
    list.push(r);
    result.set(r.recommendationId, list);
  }
  return result;
}

/** One evidence file to download, for those who may see its recommendation; audited. */
export async function evidenceFileContent(db: Db, actor: Actor, ctx: AuditContext, fileId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw new NotFoundError('file');
  const [file] = await db
    .select()
    .from(qaRecommendationEvidence)
    .where(
      and(
        eq(qaRecommendationEvidence.organisationId, actor.organisationId),
        eq(qaRecommendationEvidence.id, fileId),
      ),
    );
  if (!file) throw new NotFoundError('file');
  const row = await visible(db, actor, file.recommendationId);
  await recordAudit(db, ctx, {
    action: 'qa.recommendation.evidence_download',
    recordType: 'child',
    recordId: row.personId,
    detail: `file ${file.id}`,
  });
  return file;
}
