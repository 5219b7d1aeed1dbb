/**
 * What waits for whom: audits assigned to an auditor, audits waiting for
 * moderation, audits of a worker's or team's children waiting for a
 * response, and the audits of one child (the record panel).
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { type Actor, can, ROLE_CASE_SCOPE } from '../../platform/permissions';
import { childIdsInScope, childNames } from '../cases/service';
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

/** Audits the list of audits assigned to someone shows a page. */
export const ASSIGNED_PAGE_SIZE = 50;

/**
 * Audits assigned to the actor and not yet submitted, in rounds under way today (an
 * independent auditor can open no other; for everyone, a round that has ended is the QA
 * officer's to follow up from the round's page, not a to-do): how many, and one page of
 * them (past the end, the last).
 */
async function assignedTo(db: Db, actor: Actor, at: Date, page?: number) {
  if (!can(actor, QA.conduct)) return { total: 0, page: 1, audits: [] as repo.AuditRow[] };
  const current = (await repo.roundSummaries(db, actor.organisationId)).filter((r) => withinRound(r, at));
  const filter = { auditorId: actor.userId, statuses: ACTIVE, roundIds: current.map((r) => r.id) };
  const total = await repo.auditCountWhere(db, actor.organisationId, filter);
  if (page === undefined) return { total, page: 1, audits: [] as repo.AuditRow[] };
  const shown = Math.min(Math.max(1, page), Math.max(1, Math.ceil(total / ASSIGNED_PAGE_SIZE)));
  const audits = await repo.auditsWhere(db, actor.organisationId, filter, {
    limit: ASSIGNED_PAGE_SIZE,
    offset: (shown - 1) * ASSIGNED_PAGE_SIZE,
  });
  return { total, page: shown, audits };
}

/** Shared audits of children the actor works with: their own (by worker) or, for a team manager, their team's. */
async function waitingForResponse(db: Db, actor: Actor, at: Date) {
  if (!can(actor, QA.respond)) return [];
  if (ROLE_CASE_SCOPE[actor.role] === 'own')
    return repo.auditsWhere(db, actor.organisationId, { statuses: ['shared'], workerUserId: actor.userId });
  // The children in scope in one query, not a scope check per audit.
  const [shared, inScope] = await Promise.all([
    repo.auditsWhere(db, actor.organisationId, { statuses: ['shared'] }),
    childIdsInScope(db, actor, at),
  ]);
  if (inScope === 'all') return shared;
  const ids = new Set(inScope);
  return shared.filter((a) => ids.has(a.personId));
}

/** The actor's audit work: one page (`page`) of the audits assigned to them, and all that wait on them. */
export async function myAuditWork(db: Db, actor: Actor, ctx: AuditContext, page = 1) {
  const [assigned, moderation, responses] = await Promise.all([
    assignedTo(db, actor, ctx.at, page),
    can(actor, QA.moderate) ? repo.auditsWhere(db, actor.organisationId, { statuses: ['submitted'] }) : [],
    waitingForResponse(db, actor, ctx.at),
  ]);
  const result = {
    assigned: await named(db, actor, assigned.audits),
    assignedTotal: assigned.total,
    assignedPage: assigned.page,
    moderation: await named(db, actor, moderation),
    responses: await named(db, actor, responses),
  };
  await recordAudit(db, ctx, {
    action: 'qa.audits.list',
    recordType: 'child',
    detail: `${assigned.total} assigned (${assigned.audits.length} listed), ${moderation.length} to moderate, ${responses.length} to respond to`,
  });
  return result;
}

/** Counts for the home page: set-based for auditors and workers. */
export async function auditCountsFor(db: Db, actor: Actor, at: Date) {
  // Three independent counts, side by side; moderation counts the submitted audits alone (from their index).
  const [assigned, moderation, responses] = await Promise.all([
    assignedTo(db, actor, at).then((a) => a.total),
    can(actor, QA.moderate)
      ? repo.auditCountWhere(db, actor.organisationId, { statuses: ['submitted'] })
      : Promise.resolve(0),
    waitingForResponse(db, actor, at).then((r) => r.length),
  ]);
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
