/**
 * Who may do what with one case file audit. An auditor works on the audits
 * assigned to them; one whose role sees assigned cases only (an independent
 * auditor) only between the round's dates and while they may see the child.
 * QA officers moderate every audit; those who read rounds read every audit;
 * the child's worker and team manager read and respond once it is shared.
 * Anyone else: not found.
 */
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { NotFoundError } from '../../platform/errors';
import { type Actor, can, ROLE_CASE_SCOPE } from '../../platform/permissions';
import { mayViewChild } from '../cases/service';
import { QA } from './permissions';
import type { AuditRow, RoundRow } from './repository';

export interface AuditRights {
  conduct: boolean;
  moderate: boolean;
  read: boolean;
  respond: boolean;
}

const SHARED = new Set(['shared', 'responded', 'closed']);

/** Whether today is within the round (London dates, both ends included). */
export function withinRound(round: Pick<RoundRow, 'startDate' | 'endDate'>, at: Date): boolean {
  const today = londonDateOf(at);
  return round.startDate <= today && today <= round.endDate;
}

export async function rightsOver(
  db: Db,
  actor: Actor,
  audit: AuditRow,
  round: RoundRow,
  at: Date,
): Promise<AuditRights> {
  const assignedOnly = ROLE_CASE_SCOPE[actor.role] === 'assigned';
  let conduct = can(actor, QA.conduct) && audit.auditorId === actor.userId;
  if (conduct && assignedOnly)
    conduct = withinRound(round, at) && (await mayViewChild(db, actor, audit.personId, at));
  const moderate = can(actor, QA.moderate);
  const oversee = can(actor, QA.roundsRead);
  const respond =
    can(actor, QA.respond) && SHARED.has(audit.status) && (await mayViewChild(db, actor, audit.personId, at));
  return { conduct, moderate, read: conduct || moderate || oversee || respond, respond };
}

/** The rights, or not found when the actor has none over this audit. */
export async function requireRights(db: Db, actor: Actor, audit: AuditRow, round: RoundRow, at: Date) {
  const rights = await rightsOver(db, actor, audit, round, at);
  if (!rights.read) throw new NotFoundError('audit');
  return rights;
}
