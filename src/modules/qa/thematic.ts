/**
 * Thematic recommendations: raised by a QA officer from a round's findings,
 * then made into an action in an improvement plan through the plans service,
 * in one transaction. The recommendation keeps the action's id and shows its
 * current RAG; the action's source names the round it came from.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import {
  createLinkedAction,
  freeReference,
  type LinkedActionStatus,
  linkedActionStatuses,
  listPlans,
  planChoices,
} from '../plans/service';
import { themeList } from './findings';
import * as repo from './findings-repository';
import { QA } from './permissions';
import { round as roundRow } from './repository';

/** Where a thematic recommendation stands: raised, or an action in a plan with its RAG. */
export function thematicStatus(
  row: { actionId: string | null },
  action: LinkedActionStatus | undefined,
): string {
  if (!row.actionId) return 'Raised, not yet in a plan';
  if (!action) return 'In a plan (action no longer found)';
  return `In ${action.planName} as ${action.reference}: ${action.ragLabel}`;
}

const mayReadPlans = (actor: Actor) => can(actor, 'plans.read');

/** Thematic recommendations of some rounds, each with its action's current state. */
export async function thematicOfRounds(db: Db, actor: Actor, roundIds: readonly string[]) {
  const rows = await repo.thematicOfRounds(db, actor.organisationId, roundIds);
  const actions = mayReadPlans(actor)
    ? await linkedActionStatuses(
        db,
        actor,
        rows.map((r) => r.actionId).filter((id): id is string => !!id),
      )
    : new Map<string, LinkedActionStatus>();
  return rows.map((r) => {
    const action = r.actionId ? actions.get(r.actionId) : undefined;
    return { ...r, action, status: thematicStatus(r, action) };
  });
}

export interface ThematicInput {
  text: string;
  themeIds: string[];
  dueDate: string | null;
}

export async function raiseThematic(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  roundId: string,
  input: ThematicInput,
) {
  if (!can(actor, QA.recsManage)) throw new ForbiddenError();
  const round = await roundRow(db, actor.organisationId, roundId);
  if (!round) throw new NotFoundError('round');
  const themes = (await themeList(db, actor.organisationId, ctx.at)).filter((t) => !t.retired);
  const fields: Record<string, string> = {};
  const text = input.text.trim();
  if (!text) fields.text = 'Enter the recommendation';
  else if (text.length > 2000) fields.text = 'The recommendation must be 2,000 characters or fewer';
  const ids = [...new Set(input.themeIds)];
  if (!ids.length) fields.themeIds = 'Select the themes the recommendation answers';
  else if (ids.some((id) => !themes.some((t) => t.id === id)))
    fields.themeIds = 'Select themes from the list';
  if (Object.keys(fields).length) throw new ValidationError(fields);
  return db.transaction(async (tx) => {
    const row = await repo.insertThematic(tx, {
      organisationId: actor.organisationId,
      roundId,
      text,
      themeIds: ids,
      dueDate: input.dueDate,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'qa.thematic.raise',
      recordType: 'qa_round',
      recordId: roundId,
      detail: `thematic recommendation ${row.id}`,
    });
    return row;
  });
}

/** One thematic recommendation, its round, themes, the action's state and (for QA) the plans it could go into. */
export async function thematicDetail(db: Db, actor: Actor, id: string, at: Date) {
  if (!can(actor, QA.roundsRead)) throw new ForbiddenError();
  const row = await repo.thematic(db, actor.organisationId, id);
  if (!row) throw new NotFoundError('recommendation');
  const round = await roundRow(db, actor.organisationId, row.roundId);
  if (!round) throw new NotFoundError('recommendation');
  const [[withStatus], themes] = await Promise.all([
    thematicOfRounds(db, actor, [round.id]).then((all) => all.filter((r) => r.id === id)),
    themeList(db, actor.organisationId, at),
  ]);
  const names = new Map(themes.map((t) => [t.id, t.name]));
  const mayMakeAction = !row.actionId && can(actor, QA.recsManage) && can(actor, 'plans.manage');
  const plans = mayMakeAction ? await improvementPlans(db, actor) : [];
  return {
    recommendation: withStatus!,
    round,
    themeNames: row.themeIds.map((t) => names.get(t) ?? 'Theme'),
    mayMakeAction,
    plans,
  };
}

/** The improvement plans (not committees' lists of outstanding actions) the actor may add actions to, with their priorities. */
async function improvementPlans(db: Db, actor: Actor) {
  const lists = new Set(
    (await listPlans(db, actor)).filter((p) => p.type === 'committee_outstanding').map((p) => p.id),
  );
  return (await planChoices(db, actor)).filter((p) => !lists.has(p.id));
}

export interface PlanActionInput {
  planId: string;
  priorityId: string;
  reference: string;
}

/** Make the recommendation an action in a plan, and link the two, in one transaction. */
export async function makePlanAction(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  input: PlanActionInput,
) {
  if (!can(actor, QA.recsManage)) throw new ForbiddenError();
  const row = await repo.thematic(db, actor.organisationId, id);
  if (!row) throw new NotFoundError('recommendation');
  if (row.actionId)
    throw new ValidationError({ planId: 'This recommendation is already an action in a plan' });
  const round = await roundRow(db, actor.organisationId, row.roundId);
  if (!round) throw new NotFoundError('recommendation');
  const plans = await improvementPlans(db, actor);
  const plan = plans.find((p) => p.id === input.planId);
  if (!plan) throw new ValidationError({ planId: 'Select the plan and priority the action goes into' });
  if (!plan.priorities.some((p) => p.id === input.priorityId))
    throw new ValidationError({ planId: `Select a priority in ${plan.name}` });
  const reference = input.reference.trim() || (await freeReference(db, actor.organisationId, plan.id));
  return db.transaction(async (tx) => {
    const actionId = await createLinkedAction(tx, actor, ctx, {
      planId: plan.id,
      priorityId: input.priorityId,
      reference,
      action: row.text,
      endDate: row.dueDate,
      leadOfficerId: null,
      source: { kind: 'case_audit', detail: `${round.name}, thematic recommendation` },
    });
    if (
      !(await repo.linkThematic(tx, actor.organisationId, id, {
        planId: plan.id,
        actionId,
        linkedAt: ctx.at,
        linkedBy: actor.userId,
      }))
    )
      throw new ValidationError({ planId: 'This recommendation is already an action in a plan' });
    await recordAudit(tx, ctx, {
      action: 'qa.thematic.plan_action',
      recordType: 'qa_round',
      recordId: round.id,
      detail: `thematic recommendation ${id} became action ${actionId} in ${plan.name}`,
    });
    return { actionId, planId: plan.id };
  });
}
