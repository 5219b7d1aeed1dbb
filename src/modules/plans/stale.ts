/**
 * Stale actions across the service: every action, in every plan the person
 * may read, whose RAG status was not reviewed within its plan's monitoring
 * period. The home page's count and the list it links to both come from
 * here, so they always agree. The rule is isStale (rules.ts).
 */
import type { Db } from '../../platform/db/client';
import type { Actor } from '../../platform/permissions';
import { need, PERMISSIONS } from './access';
import { incompleteActions } from './attention-repository';
import { listPlans } from './repository';
import { isOverdue, isStale, reviewDueBy } from './rules';
import type { Frequency, RagCode } from './vocab';

export interface StaleAction {
  actionId: string;
  reference: string;
  action: string;
  planId: string;
  planName: string;
  rag: RagCode;
  endDate: string | null;
  /** When the status should have been reviewed by. */
  reviewDueBy: string;
  overdue: boolean;
  stale: true;
}

/** Longest unreviewed first. */
export async function staleActions(db: Db, actor: Actor, today: string): Promise<StaleAction[]> {
  need(actor, PERMISSIONS.read);
  // The plans' names only (every plan of the organisation is readable): not their counts and snapshots.
  const [visible, rows] = await Promise.all([
    listPlans(db, actor.organisationId),
    incompleteActions(db, actor.organisationId),
  ]);
  const planName = new Map(visible.map((p) => [p.id, p.name]));
  return rows
    .filter((r) => planName.has(r.planId))
    .flatMap((r): StaleAction[] => {
      const flags = {
        rag: r.rag as RagCode,
        endDate: r.endDate,
        ragReviewedOn: r.ragReviewedOn,
        addedOn: r.addedOn,
      };
      const frequency = r.monitoringFrequency as Frequency;
      if (!isStale(flags, frequency, today)) return [];
      return [
        {
          actionId: r.id,
          reference: r.reference,
          action: r.action,
          planId: r.planId,
          planName: planName.get(r.planId)!,
          rag: flags.rag,
          endDate: r.endDate,
          reviewDueBy: reviewDueBy(flags, frequency),
          overdue: isOverdue(flags, today),
          stale: true,
        },
      ];
    })
    .sort((a, b) => a.reviewDueBy.localeCompare(b.reviewDueBy) || a.reference.localeCompare(b.reference));
}
