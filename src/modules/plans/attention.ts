/**
 * Which plans need attention: those holding a red action, or one past its end
 * date and not complete. The plans list's filter and the home page's counts
 * both read it, so a count always matches the list it links to.
 */
import type { Db } from '../../platform/db/client';
import type { Actor } from '../../platform/permissions';
import { need, PERMISSIONS } from './access';
import { planIdsWithRedOrOverdue } from './attention-repository';
import * as repo from './repository';
import { listPlans, type PlanSummary } from './service';
import type { PlanType } from './vocab';

export type PlanWithAttention = PlanSummary & { needsAttention: boolean };

export async function plansWithAttention(db: Db, actor: Actor, today: string): Promise<PlanWithAttention[]> {
  const [all, flagged] = await Promise.all([
    listPlans(db, actor),
    planIdsWithRedOrOverdue(db, actor.organisationId, today),
  ]);
  const ids = new Set(flagged);
  return all.map((p) => ({ ...p, needsAttention: ids.has(p.id) }));
}

/** The same flag for each plan without its counts and snapshots: for the home page's counts (two queries). */
export async function plansAttention(
  db: Db,
  actor: Actor,
  today: string,
): Promise<Array<{ id: string; type: PlanType; needsAttention: boolean }>> {
  need(actor, PERMISSIONS.read);
  const [all, flagged] = await Promise.all([
    repo.listPlans(db, actor.organisationId),
    planIdsWithRedOrOverdue(db, actor.organisationId, today),
  ]);
  const ids = new Set(flagged);
  return all.map((p) => ({ id: p.id, type: p.type as PlanType, needsAttention: ids.has(p.id) }));
}
