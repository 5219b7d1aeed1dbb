/**
 * A committee's outstanding actions: an action added from a meeting to
 * the committee's own outstanding-actions plan.
 */

import type { AuditContext } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ForbiddenError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import { PERMISSIONS } from './access';
import { insertActionTx, NO_EVIDENCE } from './actions-service';
import { findOrCreateLead } from './leads-service';
import { committeeKeyOf, insertPlanTx } from './plans-service';
import { nextTopLevelReference } from './reference';
import * as repo from './repository';

// ---------------------------------------------------------------- Committee outstanding actions

export interface OutstandingActionInput {
  committeeName: string;
  /** Defaults to a key made from the name; the committee module passes its own. */
  committeeKey?: string;
  action: string;
  dateAdded: string;
  agendaItem: string | null;
  /** A post on the leads roster, or a job title (or initials) to find or add one. */
  officerLeadId?: string | null;
  officer?: string | null;
  targetDate: string | null;
}

/**
 * Add an action to a committee's outstanding actions list (made on first
 * use). The committee module calls this for actions arising from minutes;
 * clerks add them by hand through the same function.
 */
export async function addOutstandingAction(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: OutstandingActionInput,
): Promise<{ planId: string; actionId: string; reference: string }> {
  if (!can(actor, PERMISSIONS.committee) && !can(actor, PERMISSIONS.manage)) throw new ForbiddenError();
  return db.transaction(async (tx) => {
    const key = input.committeeKey ?? committeeKeyOf(input.committeeName);
    let plan = await repo.committeePlan(tx, actor.organisationId, key);
    if (!plan) {
      const id = await insertPlanTx(tx, actor, ctx, {
        type: 'committee_outstanding',
        name: `${input.committeeName.trim()}: outstanding actions`,
        durationFrom: null,
        durationTo: null,
        relevantStrategies: null,
        previousVersions: null,
        monitoringBoard: input.committeeName.trim(),
        owner: null,
        implementationDate: null,
        reviewDate: null,
        monitoringFrequency: 'quarterly',
        aims: null,
        committeeName: input.committeeName.trim(),
      });
      await repo.updatePlan(tx, actor.organisationId, id, { committeeKey: key });
      plan = (await repo.getPlan(tx, actor.organisationId, id))!;
    }
    const [priority] = await repo.listPriorities(tx, actor.organisationId, plan.id);
    const taken = await repo.referencesInPlan(tx, actor.organisationId, plan.id);
    const reference = nextTopLevelReference(taken.map((t) => t.reference));
    const officerLeadId =
      input.officerLeadId ??
      (input.officer?.trim() ? await findOrCreateLead(tx, ctx, actor.organisationId, input.officer) : null);
    const actionId = await insertActionTx(
      tx,
      actor,
      ctx,
      plan,
      {
        priorityId: priority!.id,
        reference,
        aim: null,
        source: { kind: 'committee', detail: input.agendaItem },
        action: input.action,
        startDate: input.dateAdded,
        endDate: input.targetDate,
        measure: null,
        outcomeForChildren: null,
        leadOfficerId: officerLeadId,
        seniorLeadId: null,
        areaLeadId: null,
        dateAdded: input.dateAdded,
        agendaItem: input.agendaItem,
      },
      {
        rag: 'green',
        reviewedOn: input.dateAdded,
        reason: 'Added to the outstanding actions list',
        evidence: NO_EVIDENCE,
      },
    );
    return { planId: plan.id, actionId, reference };
  });
}
