/**
 * Reassigning an audit to another auditor: the audit keeps what has been
 * saved; an auditor who sees assigned cases only loses the child with it, and
 * one who gains it may see the child from the round's first day (or now) to
 * its end. One transaction, access-audited.
 */

import { and, eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { addDays } from '../../platform/calendar/working-days';
import { londonMidnight } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, can, ROLE_CASE_SCOPE } from '../../platform/permissions';
import { grantCaseAccessToMany, revokeCaseAccess } from '../cases/service';
import { QA } from './permissions';
import * as repo from './repository';
import { possibleAuditors } from './rounds';
import { qaRounds } from './schema';

const REASSIGNABLE = new Set(['assigned', 'in_progress']);

/** Whether an audit can still move to another auditor: not yet submitted. */
export const mayReassign = (status: string) => REASSIGNABLE.has(status);

export async function reassignAudit(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  auditId: string,
  auditorId: string,
): Promise<{ auditorName: string }> {
  if (!can(actor, QA.roundsManage)) throw new ForbiddenError();
  const org = actor.organisationId;
  const audit = /^[0-9a-f-]{36}$/i.test(auditId) ? await repo.audit(db, org, auditId) : undefined;
  if (!audit) throw new NotFoundError('audit');
  const round = await repo.round(db, org, audit.roundId);
  if (!round) throw new NotFoundError('audit');
  if (!mayReassign(audit.status))
    throw new ValidationError({
      auditorId: 'This audit has been submitted: it can no longer move to another auditor',
    });
  const auditors = await possibleAuditors(db, org);
  const to = auditors.find((a) => a.id === auditorId);
  if (!to) throw new ValidationError({ auditorId: 'Select the auditor from the list' });
  if (to.id === audit.auditorId)
    throw new ValidationError({ auditorId: `${to.name} already has this audit` });
  const from = auditors.find((a) => a.id === audit.auditorId);
  const scoped = { ...ctx, organisationId: org };
  await db.transaction(async (tx) => {
    await repo.updateAudit(tx, org, audit.id, { auditorId: to.id, updatedAt: ctx.at });
    if (!round.auditorIds.includes(to.id))
      await tx
        .update(qaRounds)
        .set({ auditorIds: [...round.auditorIds, to.id] })
        .where(and(eq(qaRounds.organisationId, org), eq(qaRounds.id, round.id)));
    if (audit.auditorId && (!from || ROLE_CASE_SCOPE[from.role] === 'assigned'))
      await revokeCaseAccess(tx, scoped, { personId: audit.personId, userId: audit.auditorId });
    if (ROLE_CASE_SCOPE[to.role] === 'assigned') {
      const start = londonMidnight(round.startDate);
      await grantCaseAccessToMany(tx, scoped, {
        personIds: [audit.personId],
        userId: to.id,
        reason: `Case file audit in ${round.name} (reassigned)`,
        startsAt: new Date(Math.max(start.getTime(), ctx.at.getTime())),
        expiresAt: londonMidnight(addDays(round.endDate, 1)),
      });
    }
    await recordAudit(tx, ctx, {
      action: 'qa.audit.reassign',
      recordType: 'child',
      recordId: audit.personId,
      detail: `audit ${audit.id} from ${audit.auditorId ?? 'nobody'} to ${to.id}`,
    });
  });
  return { auditorName: to.name };
}
