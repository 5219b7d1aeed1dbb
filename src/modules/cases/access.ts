/**
 * Who may see which child: the actor's case scope, and the guard every page of one child
 * passes (a child outside scope, or of another organisation, is NotFoundError).
 */
import type { AuditContext } from '../../platform/audit/service';
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { NotFoundError } from '../../platform/errors';
import { type Actor, decide, ROLE_CASE_SCOPE } from '../../platform/permissions';
import * as repo from './repository';

export const CASE_PERMISSIONS = {
  read: 'cases.read',
  import: 'cases.import',
  importSettings: 'cases.import.settings',
} as const;

export const SERVICE_LEVEL_NAMES: Record<string, string> = {
  looked_after: 'Looked after',
  child_protection: 'Child protection',
  child_in_need: 'Child in need',
  care_leaver: 'Care leaver',
  early_help: 'Early help',
  private_fostering: 'Private fostering',
  none: 'No open case',
};

export const todayAt = (ctx: { at: Date }) => londonDateOf(ctx.at);

export function scopeFor(actor: Actor, at: Date): repo.ScopeFilter {
  if (!actor.permissions.has(CASE_PERMISSIONS.read)) return { kind: 'none' };
  switch (ROLE_CASE_SCOPE[actor.role]) {
    case 'organisation':
      return { kind: 'organisation' };
    case 'own':
      return { kind: 'own', userId: actor.userId };
    case 'team':
      return actor.teamId ? { kind: 'team', teamId: actor.teamId } : { kind: 'none' };
    case 'assigned':
      return { kind: 'assigned', userId: actor.userId, at };
    case 'none':
      return { kind: 'none' };
  }
}

/** May the actor see this child now? For pages of other modules that show something about one child. */
export async function mayViewChild(db: Db, actor: Actor, personId: string, at: Date): Promise<boolean> {
  return (await access(db, actor, personId, at)) === 'allow';
}

export async function access(db: Db, actor: Actor, personId: string, at: Date) {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return 'not-found' as const;
  const owner = await repo.ownership(db, actor.organisationId, personId, londonDateOf(at), at);
  if (!owner.exists) return 'not-found' as const;
  return decide(actor, CASE_PERMISSIONS.read, {
    organisationId: actor.organisationId,
    workerIds: owner.workerUserIds,
    teamIds: owner.teamIds,
    assignedUserIds: owner.assignedUserIds,
  });
}

export async function requireChild(db: Db, actor: Actor, personId: string, ctx: AuditContext): Promise<void> {
  if ((await access(db, actor, personId, ctx.at)) !== 'allow') throw new NotFoundError('child');
}
