/**
 * Separation of duties: an administrator manages accounts but must not be
 * able to give anyone (themselves under another name included) access to
 * children's records alone. Asking for a role that sees children records a
 * request; a senior leader approves or rejects it; both are in the access
 * audit. Until approved, an existing user keeps their old role and an
 * invited one holds PENDING_ROLE, with which no one can sign in.
 */
import { type AuditContext, recordAudit } from '../audit/service';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import { type Actor, isRole, ROLE_CASE_SCOPE, ROLE_NAMES, type Role } from '../permissions';
import { updateUser, userById, usersAwaitingApproval } from './repository';

/** The role an invited user holds while their role waits for approval: not a role, so no sign-in. */
export const PENDING_ROLE = 'pending_approval';

export const APPROVE_PERMISSION = 'admin.approve-roles';

/** Whether giving this role needs a second person's approval: it sees children's records. */
export function needsApproval(role: Role): boolean {
  return ROLE_CASE_SCOPE[role] !== 'none';
}

/** Record a request for a role that sees children (inside the caller's transaction). */
export async function requestRole(
  db: Db,
  clock: Clock,
  actor: Actor,
  ctx: AuditContext,
  userId: string,
  role: Role,
): Promise<void> {
  await updateUser(db, actor.organisationId, userId, {
    pendingRole: role,
    pendingRoleRequestedBy: actor.userId,
    pendingRoleRequestedAt: clock.now(),
  });
  await recordAudit(
    db,
    { ...ctx, organisationId: actor.organisationId, userId: actor.userId },
    {
      action: 'user.role.request',
      recordType: 'user',
      recordId: userId,
      detail: `role ${role} asked for; waits for a senior leader's approval`,
    },
  );
}

export async function rolesAwaitingApproval(db: Db, actor: Actor) {
  const rows = await usersAwaitingApproval(db, actor.organisationId);
  return rows.map((r) => ({
    ...r,
    currentRoleName: isRole(r.role) ? ROLE_NAMES[r.role] : 'None yet (invited)',
    pendingRoleName: isRole(r.pendingRole ?? '') ? ROLE_NAMES[r.pendingRole as Role] : r.pendingRole,
  }));
}

/** Approve or reject a requested role. The approver can be neither the requester nor the user. */
export async function decideRole(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  userId: string,
  decision: 'approve' | 'reject',
): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await userById(tx, actor.organisationId, userId);
    if (!user?.pendingRole) throw new NotFoundError('role request');
    if (user.id === actor.userId)
      throw new ValidationError({ decision: 'You cannot decide a request about your own role' });
    if (user.pendingRoleRequestedBy === actor.userId)
      throw new ValidationError({
        decision: 'Someone other than the person who asked must decide this request',
      });
    const role = user.pendingRole;
    await updateUser(tx, actor.organisationId, userId, {
      ...(decision === 'approve' ? { role } : {}),
      pendingRole: null,
      pendingRoleRequestedBy: null,
      pendingRoleRequestedAt: null,
    });
    await recordAudit(
      tx,
      { ...ctx, organisationId: actor.organisationId, userId: actor.userId },
      {
        action: decision === 'approve' ? 'user.role.approve' : 'user.role.reject',
        recordType: 'user',
        recordId: userId,
        detail: `role ${role} ${decision === 'approve' ? 'approved' : 'rejected'}`,
      },
    );
  });
}
