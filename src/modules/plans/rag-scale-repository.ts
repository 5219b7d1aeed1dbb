/** The organisation's score bands (a scored RAG key). Scoped by organisation. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { planRagScale } from './schema';

export async function ragScaleRow(db: Db, organisationId: string) {
  const [row] = await db
    .select({ redTo: planRagScale.redTo, amberTo: planRagScale.amberTo })
    .from(planRagScale)
    .where(eq(planRagScale.organisationId, organisationId));
  return row;
}

export async function saveRagScale(
  db: Db,
  row: { organisationId: string; redTo: number; amberTo: number; updatedAt: Date; updatedBy: string | null },
) {
  await db
    .insert(planRagScale)
    .values(row)
    .onConflictDoUpdate({
      target: planRagScale.organisationId,
      set: { redTo: row.redTo, amberTo: row.amberTo, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
    });
}

export async function removeRagScale(db: Db, organisationId: string) {
  await db.delete(planRagScale).where(eq(planRagScale.organisationId, organisationId));
}
