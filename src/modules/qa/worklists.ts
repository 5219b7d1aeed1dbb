/**
 * What waits for whom: audits assigned to an auditor, audits waiting for
 * moderation, audits of a worker's or team's children waiting for a
 * response, and the audits of one child (the record panel).
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { type Actor, can, ROLE_CASE_SCOPE } from '../../platform/permissions';
import { childNames, mayViewChild } from '../cases/service';
import { rightsOver, withinRound } from './audit-access';
import { QA } from './permissions';
import * as repo from './repository';

const ACTIVE = ['assigned', 'in_progress'] as const;

async function named(db: Db, actor: Actor, audits: repo.AuditRow[]) {
  const [names, rounds] = await Promise.all([
    childNames(
      db,
      actor.organisationId,
      audits.map((a) => a.personId),
    ),
    repo.roundsById(
      db,
      actor.organisationId,
      audits.map((a) => a.roundId),
    ),
  ]);
  return audits.map((a) => ({
    ...a,
    childName: names.get(a.personId) ?? 'Unknown child',
    round: rounds.get(a.roundId)!,
  }));
}

/**
 * Audits assigned to the actor and not yet submitted, in rounds under way today (an
 * independent auditor can open no other; for everyone, a round that has ended is the QA
 * officer's to follow up from the round's page, not a to-do).
 */
async function assignedTo(db: Db, actor: Actor, at: Date) {
  if (!can(actor, QA.conduct)) return [];
  const audits = await repo.auditsWhere(db, actor.organisationId, {
    auditorId: actor.userId,
    statuses: ACTIVE,
  });
  const rounds = await repo.roundsById(
    db,
    actor.organisationId,
    audits.map((a) => a.roundId),
  );
  return audits.filter((a) => withinRound(rounds.get(a.roundId)!, at));
}

/** Shared audits of children the actor works with: their own (by worker) or, for a team manager, their team's. */
async function waitingForResponse(db: Db, actor: Actor, at: Date) {
  if (!can(actor, QA.respond)) return [];
  if (ROLE_CASE_SCOPE[actor.role] === 'own')
    return repo.auditsWhere(db, actor.organisationId, { statuses: ['shared'], workerUserId: actor.userId });
  const shared = await repo.auditsWhere(db, actor.organisationId, { statuses: ['shared'] });
  const mine: repo.AuditRow[] = [];
  for (const a of shared) if (await mayViewChild(db, actor, a.personId, at)) mine.push(a);
  return mine;
}

export async function myAuditWork(db: Db, actor: Actor, ctx: AuditContext) {
  const [assigned, moderation, responses] = await Promise.all([
    assignedTo(db, actor, ctx.at),
    can(actor, QA.moderate) ? repo.auditsWhere(db, actor.organisationId, { statuses: ['submitted'] }) : [],
    waitingForResponse(db, actor, ctx.at),
  ]);
  const result = {
    assigned: await named(db, actor, assigned),
    moderation: await named(db, actor, moderation),
    responses: await named(db, actor, responses),
  };
  await recordAudit(db, ctx, {
    action: 'qa.audits.list',
    recordType: 'child',
    detail: `${assigned.length} assigned, ${moderation.length} to moderate, ${responses.length} to respond to`,
  });
  return result;
}

/** Counts for the home page: set-based for auditors and workers. */
export async function auditCountsFor(db: Db, actor: Actor, at: Date) {
  const assigned = (await assignedTo(db, actor, at)).length;
  const moderation = can(actor, QA.moderate)
    ? ((await repo.auditCounts(db, actor.organisationId, {})).get('submitted') ?? 0)
    : 0;
  const responses = (await waitingForResponse(db, actor, at)).length;
  return { assigned, moderation, responses };
}

/** The audits of one child the actor may see, for the child's record (the page has checked the child). */
export async function childAudits(db: Db, actor: Actor, personId: string, at: Date) {
  const audits = await repo.auditsWhere(db, actor.organisationId, { personId });
  const rounds = await repo.roundsById(
    db,
    actor.organisationId,
    audits.map((a) => a.roundId),
  );
  const visible = [];
  for (const a of audits) {
    const round = rounds.get(a.roundId)!;
    if ((await rightsOver(db, actor, a, round, at)).read) visible.push({ ...a, round });
  }
  return visible;
}
