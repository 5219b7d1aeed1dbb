/**
 * Published snapshots of a plan: publishing, listing, reading and
 * comparing versions, and embedding them in committee papers.
 */

import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { need, PERMISSIONS, todayOf } from './access';
import { compareDocuments, type SnapshotComparison } from './compare';
import type { PlanDocument } from './document';
import { documentOf } from './document-service';
import { loadPlan } from './plans-service';
import * as repo from './repository';
import type { PlanType } from './vocab';

// ---------------------------------------------------------------- Snapshots

export interface SnapshotSummary {
  id: string;
  planId: string;
  planName: string;
  planType: PlanType;
  number: number;
  asAt: string;
  publishedAt: Date;
  publishedByName: string | null;
}

export function summary(row: Awaited<ReturnType<typeof repo.snapshotsOf>>[number]): SnapshotSummary {
  return { ...row, planType: row.planType as PlanType };
}

/**
 * Publish the plan as it stands: one transaction writes a frozen document
 * numbered after the plan's last snapshot. Never updated afterwards (the
 * service has no function to change one; the database refuses too).
 */
export async function publishSnapshot(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  input: { asAt: string },
): Promise<{ id: string; number: number }> {
  need(actor, PERMISSIONS.publish);
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor.organisationId, planId);
    if (input.asAt > todayOf(ctx))
      throw new ValidationError({ asAt: 'The "as at" date must be today or in the past' });
    const [previous] = await repo.snapshotsOf(tx, actor.organisationId, planId);
    if (previous && input.asAt < previous.asAt) {
      throw new ValidationError({
        asAt: `The "as at" date must be the same as or after the last snapshot's, ${previous.asAt}`,
      });
    }
    const document = await documentOf(tx, actor.organisationId, plan, input.asAt);
    const number = await repo.nextSnapshotNumber(tx, actor.organisationId, planId);
    const { id } = await repo.insertSnapshot(tx, {
      organisationId: actor.organisationId,
      planId,
      number,
      asAt: input.asAt,
      document,
      publishedAt: ctx.at,
      publishedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.snapshot.publish',
      recordType: 'plan_snapshot',
      recordId: id,
      detail: `plan ${planId} snapshot ${number}`,
    });
    return { id, number };
  });
}

export async function listSnapshots(db: Db, actor: Actor, planId: string): Promise<SnapshotSummary[]> {
  need(actor, PERMISSIONS.published);
  await loadPlan(db, actor.organisationId, planId);
  return (await repo.snapshotsOf(db, actor.organisationId, planId)).map(summary);
}

export interface Snapshot extends SnapshotSummary {
  document: PlanDocument;
}

export async function getSnapshot(db: Db, actor: Actor, planId: string, number: number): Promise<Snapshot> {
  need(actor, PERMISSIONS.published);
  const plan = await loadPlan(db, actor.organisationId, planId);
  const row = await repo.snapshotByNumber(db, actor.organisationId, planId, number);
  if (!row) throw new NotFoundError('snapshot');
  return {
    id: row.snapshot.id,
    planId,
    planName: plan.name,
    planType: plan.type as PlanType,
    number: row.snapshot.number,
    asAt: row.snapshot.asAt,
    publishedAt: row.snapshot.publishedAt,
    publishedByName: row.publishedByName,
    document: row.snapshot.document,
  };
}

export async function compareSnapshots(
  db: Db,
  actor: Actor,
  planId: string,
  from: number,
  to: number,
): Promise<{ from: Snapshot; to: Snapshot; comparison: SnapshotComparison }> {
  const a = await getSnapshot(db, actor, planId, from);
  const b = await getSnapshot(db, actor, planId, to);
  const [earlier, later] = a.number <= b.number ? [a, b] : [b, a];
  return { from: earlier, to: later, comparison: compareDocuments(earlier.document, later.document) };
}

/**
 * For the committee module: the published snapshots of this organisation's
 * plans, newest first within each plan. Snapshots hold no child-level data.
 */
export async function listPublishedSnapshots(
  db: Db,
  organisationId: string,
  options: { planId?: string } = {},
): Promise<SnapshotSummary[]> {
  const rows = options.planId
    ? await repo.snapshotsOf(db, organisationId, options.planId)
    : await repo.allSnapshots(db, organisationId);
  return rows.map(summary);
}

/**
 * For the committee module: a published snapshot's frozen document, to embed
 * in a report exactly as it was published. Another organisation's snapshot
 * is not found.
 */
export async function getSnapshotForEmbedding(
  db: Db,
  organisationId: string,
  snapshotId: string,
): Promise<Snapshot> {
  const row = await repo.snapshotById(db, organisationId, snapshotId);
  if (!row) throw new NotFoundError('snapshot');
  const plan = await loadPlan(db, organisationId, row.snapshot.planId);
  return {
    id: row.snapshot.id,
    planId: plan.id,
    planName: plan.name,
    planType: plan.type as PlanType,
    number: row.snapshot.number,
    asAt: row.snapshot.asAt,
    publishedAt: row.snapshot.publishedAt,
    publishedByName: row.publishedByName,
    document: row.snapshot.document,
  };
}
