/**
 * The organisation's RAG key: the label and meaning of each status.
 */

import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { need, PERMISSIONS } from './access';
import * as scaleRepo from './rag-scale-repository';
import * as repo from './repository';
import { DEFAULT_RAG_KEY, type RagCode, type RagKeyEntry, type RagScale, SCORE_MAX } from './vocab';

// ---------------------------------------------------------------- RAG key

export async function getRagKey(db: Db, organisationId: string): Promise<RagKeyEntry[]> {
  const rows = await repo.ragKeyRows(db, organisationId);
  return DEFAULT_RAG_KEY.map((d) => {
    const r = rows.find((x) => x.code === d.code);
    return r ? { code: d.code, label: r.label, meaning: r.meaning } : { ...d };
  });
}

/** The score bands where the organisation scores its actions (0 to 10), or null. */
export async function getRagScale(db: Db, organisationId: string): Promise<RagScale | null> {
  return (await scaleRepo.ragScaleRow(db, organisationId)) ?? null;
}

/** What is wrong with score bands, by field; empty when they are sound. */
export function checkRagScale(scale: RagScale): Record<string, string> {
  const fields: Record<string, string> = {};
  const whole = (n: number) => Number.isInteger(n) && n >= 0 && n < SCORE_MAX;
  if (!whole(scale.redTo))
    fields.redTo = `The top score of red must be a whole number from 0 to ${SCORE_MAX - 1}`;
  if (!whole(scale.amberTo))
    fields.amberTo = `The top score of amber must be a whole number from 1 to ${SCORE_MAX - 1}`;
  else if (!fields.redTo && scale.amberTo <= scale.redTo)
    fields.amberTo = 'The top score of amber must be higher than the top score of red';
  return fields;
}

/**
 * Save the key. scale: the score bands when the organisation scores its
 * actions, null when it does not; undefined leaves the choice as it is.
 */
export async function updateRagKey(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  entries: ReadonlyArray<{ code: RagCode; label: string; meaning: string }>,
  scale?: RagScale | null,
): Promise<void> {
  need(actor, PERMISSIONS.configure);
  const fields: Record<string, string> = scale ? checkRagScale(scale) : {};
  const seen = new Map<string, RagCode>();
  for (const e of entries) {
    const lower = e.label.trim().toLowerCase();
    const other = seen.get(lower);
    if (other)
      fields[`${e.code}Label`] =
        `The ${e.code} label is the same as the ${other} label. Give each status its own label`;
    seen.set(lower, e.code);
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
  await db.transaction(async (tx) => {
    for (const e of entries) {
      await repo.saveRagKeyEntry(tx, {
        organisationId: actor.organisationId,
        code: e.code,
        label: e.label.trim(),
        meaning: e.meaning.trim(),
        updatedAt: ctx.at,
        updatedBy: actor.userId,
      });
    }
    if (scale)
      await scaleRepo.saveRagScale(tx, {
        organisationId: actor.organisationId,
        redTo: scale.redTo,
        amberTo: scale.amberTo,
        updatedAt: ctx.at,
        updatedBy: actor.userId,
      });
    else if (scale === null) await scaleRepo.removeRagScale(tx, actor.organisationId);
    await recordAudit(tx, ctx, {
      action: 'plan.rag-key.update',
      recordType: 'plan_rag_key',
      ...(scale !== undefined
        ? { detail: scale ? `scored: red to ${scale.redTo}, amber to ${scale.amberTo}` : 'not scored' }
        : {}),
    });
  });
}
