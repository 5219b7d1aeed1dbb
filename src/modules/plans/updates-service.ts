/**
 * Updates on actions: progress, the RAG reviewed, completion, corrections,
 * and linking an action into another plan. Who may update: the action's
 * leads and the plan's managers.
 */

import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import { canManagePlan, needManage, PERMISSIONS, todayOf } from './access';
import {
  COMPLETION_NEEDS_EVIDENCE,
  checkEvidence,
  checkReferenceFree,
  type Evidence,
  hasEvidence,
  writeRag,
} from './actions-service';
import { loadPlan } from './plans-service';
import { getRagScale } from './rag-key-service';
import * as repo from './repository';
import { COMPLETE, type RagCode, ragFromScore } from './vocab';

export async function heldLeadIds(db: Db, actor: Actor): Promise<Set<string>> {
  return new Set(await repo.leadIdsHeldBy(db, actor.organisationId, actor.userId));
}

export function ledBy(action: repo.ActionRowDb, held: ReadonlySet<string>): boolean {
  return [action.leadOfficerId, action.seniorLeadId, action.areaLeadId, ...(action.otherLeadIds ?? [])].some(
    (id) => id && held.has(id),
  );
}

/** May this person add updates and set the RAG of this action? Managers of the plan may; so may the action's leads. */
export function mayUpdate(
  actor: Actor,
  action: repo.ActionRowDb,
  homePlan: { type: string },
  held: ReadonlySet<string>,
): boolean {
  if (canManagePlan(actor, homePlan)) return true;
  return can(actor, PERMISSIONS.update) && ledBy(action, held);
}

export async function loadActionForUpdate(tx: Db, actor: Actor, actionId: string) {
  const action = await repo.getAction(tx, actor.organisationId, actionId);
  if (!action) throw new NotFoundError('action');
  const plan = await loadPlan(tx, actor.organisationId, action.homePlanId);
  if (!mayUpdate(actor, action, plan, await heldLeadIds(tx, actor))) {
    throw new ForbiddenError(
      'Only the leads for this action and the managers of its plan can update it. Ask the lead officer or the plan owner',
    );
  }
  return { action, plan };
}

export interface UpdateInput {
  date: string;
  progress: string;
  focus: string | null;
  rag: RagCode;
  /** A score (0 to 10) where the organisation scores its actions: its band sets the RAG. */
  score?: number | null;
  reason: string | null;
  evidence: Evidence;
}

/**
 * The RAG an update gives: where the organisation scores its actions and a
 * score is given, the score's band; otherwise the status chosen. A complete
 * or not rated action has no score.
 */
async function scoredRag(
  db: Db,
  organisationId: string,
  input: UpdateInput,
  fields: Record<string, string>,
): Promise<{ rag: RagCode; score: number | null }> {
  if (input.score === undefined || input.score === null) return { rag: input.rag, score: null };
  const scale = await getRagScale(db, organisationId);
  if (!scale) {
    fields.score = 'Actions are not scored here. Leave the score empty and choose the RAG status';
    return { rag: input.rag, score: null };
  }
  if (input.rag === COMPLETE || input.rag === 'not_rated') {
    fields.score = 'Leave the score empty for an action that is complete or not rated';
    return { rag: input.rag, score: null };
  }
  return { rag: ragFromScore(scale, input.score), score: input.score };
}

/**
 * A dated, attributed update: progress and impact, focus for the next period,
 * and the RAG reviewed (changed with a reason, or confirmed). Completion needs
 * evidence.
 */
export async function addUpdate(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  actionId: string,
  input: UpdateInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    const { action } = await loadActionForUpdate(tx, actor, actionId);
    const fields: Record<string, string> = { ...checkEvidence(input.evidence) };
    const today = todayOf(ctx);
    if (input.date > today) fields.date = 'The date of the update must be today or in the past';
    const [latest] = await repo.updatesOf(tx, actor.organisationId, [actionId]);
    if (latest && input.date < latest.update.updateDate) {
      fields.date = `The date of the update must be the same as or after the last update, ${latest.update.updateDate}`;
    }
    const scored = await scoredRag(tx, actor.organisationId, input, fields);
    const rag = scored.rag;
    const changing = rag !== action.rag;
    if (changing && rag !== COMPLETE && !input.reason?.trim()) {
      fields.reason = 'Enter why the RAG status is changing';
    }
    if (rag === COMPLETE && action.rag !== COMPLETE && !hasEvidence(input.evidence)) {
      fields.evidenceText = COMPLETION_NEEDS_EVIDENCE;
    }
    if (Object.keys(fields).length) throw new ValidationError(fields);
    const { id } = await repo.insertUpdate(tx, {
      organisationId: actor.organisationId,
      actionId,
      updateDate: input.date,
      progress: input.progress.trim(),
      focus: input.focus?.trim() || null,
      authorId: actor.userId,
      createdAt: ctx.at,
    });
    await writeRag(tx, actor, ctx, action, {
      rag: rag,
      reviewedOn: input.date,
      reason: input.reason?.trim() || (changing ? null : 'Reviewed with the update; no change'),
      evidence: input.evidence,
      score: scored.score,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.action.progress',
      recordType: 'plan_action',
      recordId: actionId,
      detail: changing ? `RAG ${action.rag} to ${rag}` : `RAG ${rag} confirmed`,
    });
    return id;
  });
}

/** Mark an action complete on a date, with evidence (the committee's outstanding actions, or any action). */
export async function completeAction(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  actionId: string,
  input: { completedOn: string; evidence: Evidence; note: string | null },
) {
  await db.transaction(async (tx) => {
    const { action } = await loadActionForUpdate(tx, actor, actionId);
    const fields: Record<string, string> = { ...checkEvidence(input.evidence) };
    if (action.rag === COMPLETE) fields.completedOn = 'This action is already complete';
    if (input.completedOn > todayOf(ctx))
      fields.completedOn = 'The date of completion must be today or in the past';
    if (!hasEvidence(input.evidence)) fields.evidenceText = COMPLETION_NEEDS_EVIDENCE;
    if (Object.keys(fields).length) throw new ValidationError(fields);
    await writeRag(tx, actor, ctx, action, {
      rag: COMPLETE,
      reviewedOn: input.completedOn,
      reason: input.note?.trim() || 'Marked complete',
      evidence: input.evidence,
      completedOn: input.completedOn,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.action.complete',
      recordType: 'plan_action',
      recordId: actionId,
    });
  });
}

/** An update may be corrected by its author or a manager of the plan, only while no later update exists. */
export async function editUpdate(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  updateId: string,
  input: { date: string; progress: string; focus: string | null },
) {
  await db.transaction(async (tx) => {
    const update = await repo.getUpdate(tx, actor.organisationId, updateId);
    if (!update) throw new NotFoundError('update');
    const { plan } = await loadActionForUpdate(tx, actor, update.actionId);
    if (update.authorId !== actor.userId && !canManagePlan(actor, plan)) {
      throw new ForbiddenError(
        'Only the person who wrote this update, or a manager of the plan, can correct it',
      );
    }
    const all = await repo.updatesOf(tx, actor.organisationId, [update.actionId]);
    if (all[0]?.update.id !== updateId) {
      throw new ValidationError({
        progress:
          'This update cannot be changed because a later update has been added. Add a new update instead',
      });
    }
    const previous = all[1]?.update;
    if (input.date > todayOf(ctx))
      throw new ValidationError({ date: 'The date of the update must be today or in the past' });
    if (previous && input.date < previous.updateDate) {
      throw new ValidationError({
        date: `The date of the update must be the same as or after the update before it, ${previous.updateDate}`,
      });
    }
    await repo.editUpdate(tx, actor.organisationId, updateId, {
      updateDate: input.date,
      progress: input.progress.trim(),
      focus: input.focus?.trim() || null,
      editedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.update.edit',
      recordType: 'plan_action',
      recordId: update.actionId,
    });
  });
}

export async function linkAction(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  actionId: string,
  input: { planId: string; priorityId: string; reference: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const action = await repo.getAction(tx, actor.organisationId, actionId);
    if (!action) throw new NotFoundError('action');
    const target = await repo.getPlan(tx, actor.organisationId, input.planId);
    if (!target) throw new ValidationError({ planId: 'Select the plan to link this action into' });
    needManage(actor, target);
    if (target.id === action.homePlanId) {
      throw new ValidationError({
        planId: 'This action already belongs to that plan. Select a different plan',
      });
    }
    const links = await repo.linksOfAction(tx, actor.organisationId, actionId);
    if (links.some((l) => l.planId === target.id)) {
      throw new ValidationError({ planId: `This action is already linked into ${target.name}` });
    }
    const priority = await repo.getPriority(tx, actor.organisationId, input.priorityId);
    if (!priority || priority.planId !== target.id) {
      throw new ValidationError({ priorityId: `Select a priority in ${target.name}` });
    }
    const reference = await checkReferenceFree(tx, actor.organisationId, target.id, input.reference);
    await repo.insertLink(tx, {
      organisationId: actor.organisationId,
      planId: target.id,
      actionId,
      priorityId: priority.id,
      reference,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.action.link',
      recordType: 'plan_action',
      recordId: actionId,
      detail: `linked into plan ${target.id}`,
    });
  });
}
