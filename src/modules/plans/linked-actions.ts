/**
 * Actions raised by another module (a thematic recommendation from a case
 * file audit round): made through the same rules as any action, with their
 * source naming where they came from, and their current RAG read back so the
 * other module can show it beside the recommendation.
 */

import type { AuditContext } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { together } from '../../platform/db/together';
import type { Actor } from '../../platform/permissions';
import { need, PERMISSIONS } from './access';
import { createAction } from './actions-service';
import { getRagKey } from './rag-key-service';
import { normaliseReference } from './reference';
import * as repo from './repository';
import { RAG_TAG_CLASS, type RagCode, ragLabel, type SourceKind } from './vocab';

export interface LinkedActionInput {
  planId: string;
  priorityId: string;
  reference: string;
  action: string;
  endDate: string | null;
  leadOfficerId: string | null;
  /** Where the action came from ("case_audit"), and which ("Autumn 2026 case file audit, thematic recommendation"). */
  source: { kind: SourceKind; detail: string };
}

/** Add an action to a plan for another module; answers its id. Needs the right to manage that plan. */
export async function createLinkedAction(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: LinkedActionInput,
): Promise<string> {
  return createAction(
    db,
    actor,
    ctx,
    input.planId,
    {
      priorityId: input.priorityId,
      reference: input.reference,
      aim: null,
      source: { kind: input.source.kind, detail: input.source.detail.slice(0, 300) },
      action: input.action,
      startDate: null,
      endDate: input.endDate,
      measure: null,
      outcomeForChildren: null,
      leadOfficerId: input.leadOfficerId,
      seniorLeadId: null,
      areaLeadId: null,
      dateAdded: null,
      agendaItem: null,
    },
    'not_rated',
  );
}

export interface LinkedActionStatus {
  actionId: string;
  planId: string;
  planName: string;
  reference: string;
  rag: RagCode;
  ragLabel: string;
  ragTag: string;
  completedOn: string | null;
}

/** The current RAG of actions by id (those still in a plan of this organisation). */
export async function linkedActionStatuses(
  db: Db,
  actor: Actor,
  actionIds: readonly string[],
): Promise<Map<string, LinkedActionStatus>> {
  need(actor, PERMISSIONS.read);
  const ids = [...new Set(actionIds)];
  if (!ids.length) return new Map();
  const [actions, plans, key] = await together(
    db,
    () => repo.actionsByIds(db, actor.organisationId, ids),
    () => repo.listPlans(db, actor.organisationId),
    () => getRagKey(db, actor.organisationId),
  );
  const planNames = new Map(plans.map((p) => [p.id, p.name]));
  return new Map(
    actions.map((a) => [
      a.id,
      {
        actionId: a.id,
        planId: a.homePlanId,
        planName: planNames.get(a.homePlanId) ?? 'Plan',
        reference: a.reference,
        rag: a.rag as RagCode,
        ragLabel: ragLabel(key, a.rag as RagCode),
        ragTag: RAG_TAG_CLASS[a.rag as RagCode],
        completedOn: a.completedOn,
      },
    ]),
  );
}

/** A reference not yet used in the plan, with the given prefix ("QA1", "QA2"...). */
export async function freeReference(db: Db, organisationId: string, planId: string, prefix = 'QA') {
  const taken = new Set(
    (await repo.referencesInPlan(db, organisationId, planId)).map((r) => normaliseReference(r.reference)),
  );
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}
