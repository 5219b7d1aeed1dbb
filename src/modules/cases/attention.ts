/**
 * What the case register puts on the home page: children whose views are
 * older than three months, supervision actions repeated without follow-up,
 * and SSD imports that failed or were rejected since the last good one.
 * Counts only (no child is named), so reading them writes no audit event;
 * the lists they link to audit their own reads.
 */
import type { Db } from '../../platform/db/client';
import { type Actor, ROLE_CASE_SCOPE } from '../../platform/permissions';
import * as attentionRepo from './attention-repository';
import * as repo from './practice-repository';
import { viewsAreDue, voiceWindowStart } from './voice-rules';

/** Whether an open case sits in this person's scope: their own caseload, their team, or the organisation. */
export function inActorScope(
  actor: Actor,
  row: { teamId: string | null; workerUserId: string | null },
): boolean {
  const scope = ROLE_CASE_SCOPE[actor.role];
  if (scope === 'organisation') return true;
  if (scope === 'team') return actor.teamId !== null && row.teamId === actor.teamId;
  if (scope === 'own') return row.workerUserId === actor.userId;
  return false;
}

/**
 * Open cases in this person's scope (or, with `own`, allocated to them) whose
 * views were last recorded before the three-month window, or never.
 */
export async function childrenWithViewsDue(
  db: Db,
  actor: Actor,
  today: string,
  options: { own?: boolean } = {},
): Promise<string[]> {
  const rows = await repo.openCasesWithVoice(db, actor.organisationId, today);
  return rows
    .filter((r) => (options.own ? r.workerUserId === actor.userId : inActorScope(actor, r)))
    .filter((r) => viewsAreDue(r.lastVoiceOn, today))
    .map((r) => r.personId);
}

/**
 * How many children childrenWithViewsDue would list: one count query, for the
 * home page, which shows the number and links to the list.
 */
export async function countChildrenWithViewsDue(
  db: Db,
  actor: Actor,
  today: string,
  options: { own?: boolean } = {},
): Promise<number> {
  const since = voiceWindowStart(today);
  const scope = options.own ? 'own' : ROLE_CASE_SCOPE[actor.role];
  if (scope === 'organisation')
    return attentionRepo.countViewsDue(db, actor.organisationId, today, since, { kind: scope });
  if (scope === 'own') {
    return attentionRepo.countViewsDue(db, actor.organisationId, today, since, {
      kind: scope,
      userId: actor.userId,
    });
  }
  if (scope === 'team' && actor.teamId) {
    return attentionRepo.countViewsDue(db, actor.organisationId, today, since, {
      kind: scope,
      teamId: actor.teamId,
    });
  }
  return 0;
}

import { PROBLEM_STATUSES } from './attention-repository';

export const importProblemCount = attentionRepo.importProblemCount;

/** The import history filtered the same way: failed or rejected since the latest applied one (newest first). */
export function problemsSinceLastApplied<T extends { status: string }>(rowsNewestFirst: readonly T[]): T[] {
  const applied = rowsNewestFirst.findIndex((r) => r.status === 'applied');
  const recent = applied === -1 ? rowsNewestFirst : rowsNewestFirst.slice(0, applied);
  return recent.filter((r) => (PROBLEM_STATUSES as readonly string[]).includes(r.status));
}
