/**
 * Plans and their priorities: creating, changing and reading them, with
 * their permission and scope checks and the audit trail.
 */

import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { need, needManage, PERMISSIONS } from './access';
import type { PlanHeader } from './document';
import * as repo from './repository';
import { type Frequency, isRagCode, PLAN_TYPE_NAMES, type PlanType, RAG_CODES, type RagCode } from './vocab';

// ---------------------------------------------------------------- Plans

/** A plan's header fields as a form or an import gives them (the document's header without its id and columns). */
export type PlanInput = Omit<PlanHeader, 'planId' | 'tableColumns'>;

export interface PlanSummary {
  id: string;
  type: PlanType;
  typeName: string;
  name: string;
  committeeName: string | null;
  counts: Record<RagCode, number>;
  total: number;
  latestSnapshot: { number: number; asAt: string } | null;
}

export function committeeKeyOf(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export async function listPlans(db: Db, actor: Actor): Promise<PlanSummary[]> {
  need(actor, PERMISSIONS.read);
  const rows = await repo.listPlans(db, actor.organisationId);
  const counts = await repo.actionCountsByPlan(db, actor.organisationId);
  const snapshots = await repo.allSnapshots(db, actor.organisationId);
  return rows.map((p) => {
    const c = Object.fromEntries(RAG_CODES.map((code) => [code, 0])) as Record<RagCode, number>;
    for (const r of counts.filter((x) => x.planId === p.id)) if (isRagCode(r.rag)) c[r.rag] += r.n;
    const latest = snapshots.find((s) => s.planId === p.id);
    return {
      id: p.id,
      type: p.type as PlanType,
      typeName: PLAN_TYPE_NAMES[p.type as PlanType],
      name: p.name,
      committeeName: p.committeeName,
      counts: c,
      total: Object.values(c).reduce((a, b) => a + b, 0),
      latestSnapshot: latest ? { number: latest.number, asAt: latest.asAt } : null,
    };
  });
}

export async function loadPlan(db: Db, organisationId: string, planId: string) {
  const plan = await repo.getPlan(db, organisationId, planId);
  if (!plan) throw new NotFoundError('plan');
  return plan;
}

export async function getPlan(db: Db, actor: Actor, planId: string) {
  need(actor, PERMISSIONS.read);
  const plan = await loadPlan(db, actor.organisationId, planId);
  return { ...plan, type: plan.type as PlanType, monitoringFrequency: plan.monitoringFrequency as Frequency };
}

export function checkPlanInput(input: PlanInput) {
  const fields: Record<string, string> = {};
  if (input.durationFrom && input.durationTo && input.durationTo < input.durationFrom) {
    fields.durationTo = 'The end of the plan must be the same as or after its start';
  }
  if (input.type === 'committee_outstanding' && !input.committeeName) {
    fields.committeeName = 'Enter the name of the committee, like Safeguarding Committee';
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
}

export function planValues(input: PlanInput) {
  return {
    type: input.type,
    name: input.name.trim(),
    durationFrom: input.durationFrom,
    durationTo: input.durationTo,
    relevantStrategies: input.relevantStrategies,
    previousVersions: input.previousVersions,
    monitoringBoard: input.monitoringBoard,
    owner: input.owner,
    implementationDate: input.implementationDate,
    reviewDate: input.reviewDate,
    monitoringFrequency: input.monitoringFrequency,
    aims: input.aims,
    committeeName: input.type === 'committee_outstanding' ? input.committeeName : null,
    committeeKey:
      input.type === 'committee_outstanding' && input.committeeName
        ? committeeKeyOf(input.committeeName)
        : null,
  };
}

export async function insertPlanTx(
  tx: Db,
  actor: Actor,
  ctx: AuditContext,
  input: PlanInput,
  detail?: string,
) {
  checkPlanInput(input);
  const values = planValues(input);
  if (values.committeeKey && (await repo.committeePlan(tx, actor.organisationId, values.committeeKey))) {
    throw new ValidationError({
      committeeName: `${input.committeeName} already has an outstanding actions list. Add actions to that list instead`,
    });
  }
  const { id } = await repo.insertPlan(tx, {
    organisationId: actor.organisationId,
    ...values,
    createdAt: ctx.at,
    createdBy: actor.userId,
    updatedAt: ctx.at,
  });
  if (input.type === 'committee_outstanding') {
    await repo.insertPriority(tx, {
      organisationId: actor.organisationId,
      planId: id,
      number: 1,
      title: 'Outstanding actions',
      createdAt: ctx.at,
    });
  }
  await recordAudit(tx, ctx, { action: 'plan.create', recordType: 'plan', recordId: id, detail });
  return id;
}

export async function createPlan(db: Db, actor: Actor, ctx: AuditContext, input: PlanInput): Promise<string> {
  needManage(actor, input);
  return db.transaction((tx) => insertPlanTx(tx, actor, ctx, input));
}

export async function updatePlan(db: Db, actor: Actor, ctx: AuditContext, planId: string, input: PlanInput) {
  await db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor.organisationId, planId);
    needManage(actor, plan);
    if (input.type !== plan.type) {
      if (plan.type === 'committee_outstanding' || input.type === 'committee_outstanding') {
        throw new ValidationError({
          type: 'A committee outstanding actions list cannot become another kind of plan, or the other way round. Make a new plan instead',
        });
      }
    }
    checkPlanInput(input);
    const values = planValues(input);
    if (values.committeeKey && values.committeeKey !== plan.committeeKey) {
      const clash = await repo.committeePlan(tx, actor.organisationId, values.committeeKey);
      if (clash && clash.id !== planId) {
        throw new ValidationError({
          committeeName: `${input.committeeName} already has an outstanding actions list`,
        });
      }
    }
    await repo.updatePlan(tx, actor.organisationId, planId, { ...values, updatedAt: ctx.at });
    await recordAudit(tx, ctx, { action: 'plan.update', recordType: 'plan', recordId: planId });
  });
}

// ---------------------------------------------------------------- Priorities

export async function listPriorities(db: Db, actor: Actor, planId: string) {
  need(actor, PERMISSIONS.read);
  await loadPlan(db, actor.organisationId, planId);
  return repo.listPriorities(db, actor.organisationId, planId);
}

export async function getPriority(db: Db, actor: Actor, planId: string, priorityId: string) {
  need(actor, PERMISSIONS.read);
  const p = await repo.getPriority(db, actor.organisationId, priorityId);
  if (!p || p.planId !== planId) throw new NotFoundError('priority');
  return p;
}

export async function checkPriorityNumber(
  db: Db,
  organisationId: string,
  planId: string,
  number: number,
  exceptId?: string,
) {
  const existing = await repo.listPriorities(db, organisationId, planId);
  if (existing.some((p) => p.number === number && p.id !== exceptId)) {
    throw new ValidationError({
      number: `Priority ${number} already exists in this plan. Enter a different number`,
    });
  }
}

export async function createPriority(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  input: { number: number; title: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor.organisationId, planId);
    needManage(actor, plan);
    await checkPriorityNumber(tx, actor.organisationId, planId, input.number);
    const { id } = await repo.insertPriority(tx, {
      organisationId: actor.organisationId,
      planId,
      number: input.number,
      title: input.title.trim(),
      createdAt: ctx.at,
    });
    await recordAudit(tx, ctx, { action: 'plan.priority.create', recordType: 'plan', recordId: planId });
    return id;
  });
}

export async function updatePriority(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  priorityId: string,
  input: { number: number; title: string },
) {
  await db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor.organisationId, planId);
    needManage(actor, plan);
    const p = await repo.getPriority(tx, actor.organisationId, priorityId);
    if (!p || p.planId !== planId) throw new NotFoundError('priority');
    await checkPriorityNumber(tx, actor.organisationId, planId, input.number, priorityId);
    await repo.updatePriority(tx, actor.organisationId, priorityId, {
      number: input.number,
      title: input.title.trim(),
    });
    await recordAudit(tx, ctx, { action: 'plan.priority.update', recordType: 'plan', recordId: planId });
  });
}
