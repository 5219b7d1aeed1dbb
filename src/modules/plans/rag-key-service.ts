/**
 * The organisation's RAG key: the label and meaning of each status.
 */

import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { need, PERMISSIONS } from './access';
import * as repo from './repository';
import { DEFAULT_RAG_KEY, type RagCode, type RagKeyEntry } from './vocab';

// ---------------------------------------------------------------- RAG key

export async function getRagKey(db: Db, organisationId: string): Promise<RagKeyEntry[]> {
  const rows = await repo.ragKeyRows(db, organisationId);
  return DEFAULT_RAG_KEY.map((d) => {
    const r = rows.find((x) => x.code === d.code);
    return r ? { code: d.code, label: r.label, meaning: r.meaning } : { ...d };
  });
}

export async function updateRagKey(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  entries: ReadonlyArray<{ code: RagCode; label: string; meaning: string }>,
): Promise<void> {
  need(actor, PERMISSIONS.configure);
  const fields: Record<string, string> = {};
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
    await recordAudit(tx, ctx, { action: 'plan.rag-key.update', recordType: 'plan_rag_key' });
  });
}
