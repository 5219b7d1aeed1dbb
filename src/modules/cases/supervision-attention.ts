/**
 * What supervision puts in front of people: which workers' monthly
 * supervision is due or overdue (for the manager who supervises them), the
 * open actions a worker was given at their own supervisions, and actions
 * repeated without follow-up in the manager's scope. Each is one query; the
 * rules are the pure functions of supervision-rules.ts.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { type Actor, ROLE_CASE_SCOPE } from '../../platform/permissions';
import * as repo from './practice-repository';
import {
  type AssessedAction,
  assessActions,
  nextSupervision,
  repeatedWithoutFollowUp,
  type SupervisionDueStatus,
  supervisionNeeded,
} from './supervision-rules';
import { superviseesFor } from './supervision-service';
import { workerIdsForUser } from './workers';

export type SuperviseeDue = repo.SuperviseeRow & { dueOn: string | null; status: SupervisionDueStatus };

/** The workers this person supervises, each with when their next supervision is due. */
export async function superviseesWithDue(db: Db, actor: Actor, ctx: { at: Date }): Promise<SuperviseeDue[]> {
  const today = londonDateOf(ctx.at);
  return (await superviseesFor(db, actor, ctx)).map((w) => ({
    ...w,
    ...nextSupervision(w.lastSupervisedOn, today),
  }));
}

export type DueFilter = 'overdue' | 'due-soon';

/** The filter the home page's counts link to: "overdue" takes in workers with no supervision recorded. */
export function matchesDue(status: SupervisionDueStatus, filter: DueFilter | undefined): boolean {
  if (!filter) return true;
  return filter === 'overdue' ? supervisionNeeded(status) : status === 'due-soon';
}

/** Supervisions in the person's team: a team manager's own workers. Service-wide roles are not counted here. */
export async function supervisionDueCounts(
  db: Db,
  actor: Actor,
  at: Date,
): Promise<{ overdue: number; dueSoon: number } | null> {
  if (ROLE_CASE_SCOPE[actor.role] !== 'team') return null;
  const workers = await superviseesWithDue(db, actor, { at });
  return {
    overdue: workers.filter((w) => matchesDue(w.status, 'overdue')).length,
    dueSoon: workers.filter((w) => matchesDue(w.status, 'due-soon')).length,
  };
}

/** Worker ids whose supervision actions this person may see as a manager: their team's, or everyone's (null). */
async function scopeWorkerIds(db: Db, actor: Actor, at: Date): Promise<readonly string[] | null | 'none'> {
  const scope = ROLE_CASE_SCOPE[actor.role];
  if (scope === 'organisation') return null;
  if (scope !== 'team' || !actor.teamId) return 'none';
  return (await superviseesFor(db, actor, { at })).map((w) => w.id);
}

/** Actions on the agenda at three or more supervisions and still not done: a team's, or the service's. */
export async function repeatedInScope(
  db: Db,
  actor: Actor,
  at: Date,
): Promise<AssessedAction<repo.ActionRow>[]> {
  const workerIds = await scopeWorkerIds(db, actor, at);
  if (workerIds === 'none') return [];
  if (workerIds !== null && workerIds.length === 0) return [];
  const rows = await repo.listActions(db, actor.organisationId, workerIds === null ? {} : { workerIds });
  return repeatedWithoutFollowUp(rows, londonDateOf(at));
}

/** The list behind the repeated-actions count, audited (it names workers and may name children). */
export async function repeatedActions(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
): Promise<AssessedAction<repo.ActionRow>[]> {
  const listed = await repeatedInScope(db, actor, ctx.at);
  await recordAudit(db, ctx, {
    action: 'supervision.repeated',
    recordType: 'supervision',
    detail: `${listed.length} actions repeated at 3 or more supervisions`,
  });
  return listed;
}

/**
 * Actions agreed at this person's own supervisions, owned by them (not the
 * supervisor), and not yet done or carried to a later supervision. Most
 * overdue first.
 */
export async function myOpenActions(
  db: Db,
  actor: Actor,
  at: Date,
): Promise<AssessedAction<repo.ActionRow>[]> {
  const workerIds = await workerIdsForUser(db, actor.organisationId, actor.userId);
  if (!workerIds.length) return [];
  const rows = await repo.listActions(db, actor.organisationId, { workerIds });
  return assessActions(rows, londonDateOf(at))
    .filter((a) => a.status === 'open' && a.action.ownerKind === 'worker')
    .sort((a, b) => a.action.dueOn.localeCompare(b.action.dueOn) || a.action.id.localeCompare(b.action.id));
}

/** The same list as a page, audited. */
export async function myActionsPage(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
): Promise<AssessedAction<repo.ActionRow>[]> {
  const actions = await myOpenActions(db, actor, ctx.at);
  await recordAudit(db, ctx, {
    action: 'supervision.my-actions',
    recordType: 'supervision',
    detail: `${actions.length} open actions`,
  });
  return actions;
}
