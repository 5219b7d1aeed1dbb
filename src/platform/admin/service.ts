import { issuePasswordLink, passwordLinkPath, revokePasswordLinks } from '../account/password-links';
import { latestPasswordToken, setPasswordHash } from '../account/repository';
import { type AuditContext, recordAudit } from '../audit/service';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { normaliseEmail } from '../auth/service';
import { destroyUserSessions } from '../auth/sessions';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import { formatDateTime } from '../http/views';
import type { Mailer, MailStatus } from '../mail/service';
import type { Actor, Role } from '../permissions';
import { needsApproval, PENDING_ROLE, requestRole } from './approvals';
import { limitOffset, type PageRequest } from './pagination';
import {
  insertOrganisation,
  insertTeam,
  insertUser,
  peopleOf,
  teamInOrganisation,
  teamsOf,
  type UserFilter,
  type UserRow,
  updateUser,
  userById,
  userIdByEmail,
  usersOf,
} from './repository';

/** What the administration services need from the running service. */
export interface AdminDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  /** The service's secret: keys the hashes of password links. */
  secret: string;
  /** Where people reach the service, for links in messages. */
  publicUrl: string;
}

type OrgContext = AuditContext & { organisationId: string };

// Organisations, teams and users (also used by the demo generator)

export interface NewOrganisation {
  name: string;
  code: string;
}

export async function createOrganisation(db: Db, input: NewOrganisation): Promise<{ id: string }> {
  return insertOrganisation(db, input);
}

export async function createTeam(
  db: Db,
  organisationId: string,
  input: { name: string; service: string; sourceId?: string },
): Promise<{ id: string }> {
  return insertTeam(db, { organisationId, ...input });
}

export interface NewUser {
  email: string;
  name: string;
  /** A role, or PENDING_ROLE for an invited user whose role waits for approval. */
  role: Role | typeof PENDING_ROLE;
  teamId?: string | null;
  jobTitle?: string | null;
  /** Set directly (demo and tests); real users set their own from an invitation. */
  password?: string;
  /** A ready-made hash, so a generator can reuse one hash for many demo accounts. */
  passwordHash?: string;
}

/** Create a user in the actor's organisation. The email must be unused across the service. */
export async function createUser(db: Db, ctx: OrgContext, input: NewUser): Promise<{ id: string }> {
  const email = normaliseEmail(input.email);
  if (await userIdByEmail(db, email)) {
    throw new ValidationError({ email: 'A user with this email address already exists' });
  }
  if (input.teamId && !(await teamInOrganisation(db, ctx.organisationId, input.teamId))) {
    throw new ValidationError({ teamId: 'Select a team from the list' });
  }
  let passwordHash = input.passwordHash ?? null;
  if (input.password) {
    const problem = passwordProblem(input.password, { email });
    if (problem) throw new ValidationError({ password: problem });
    passwordHash = await hashPassword(input.password);
  }
  const row = await insertUser(db, {
    organisationId: ctx.organisationId,
    email,
    name: input.name,
    role: input.role,
    teamId: input.teamId ?? null,
    jobTitle: input.jobTitle ?? null,
    passwordHash,
  });
  await recordAudit(db, ctx, {
    action: 'user.create',
    recordType: 'user',
    recordId: row.id,
    detail: `role ${input.role}`,
  });
  return row;
}

/** Who acts, in their organisation: the audit context of an administrator's change or read. */
export function orgContext(actor: Actor, ctx: AuditContext): OrgContext {
  return { ...ctx, organisationId: actor.organisationId, userId: actor.userId };
}

async function userInOrganisation(db: Db, actor: Actor, id: string): Promise<UserRow> {
  const user = await userById(db, actor.organisationId, id);
  if (!user) throw new NotFoundError('user');
  return user;
}

export function teams(db: Db, actor: Actor) {
  return teamsOf(db, actor.organisationId);
}

export function people(db: Db, actor: Actor) {
  return peopleOf(db, actor.organisationId);
}

export async function listUsers(db: Db, actor: Actor, filter: UserFilter, page: PageRequest) {
  return usersOf(db, actor.organisationId, filter, limitOffset(page));
}

/** A user of the organisation, for an administrator. Reading it is audited. */
export async function viewUser(db: Db, actor: Actor, ctx: AuditContext, id: string) {
  const user = await userInOrganisation(db, actor, id);
  await recordAudit(db, orgContext(actor, ctx), { action: 'user.view', recordType: 'user', recordId: id });
  const link = await latestPasswordToken(db, actor.organisationId, id);
  return { user, link };
}

/** A user of the organisation without auditing a read: for forms that lead to a change, which is audited. */
export async function userForChange(db: Db, actor: Actor, id: string): Promise<UserRow> {
  return userInOrganisation(db, actor, id);
}

/** The message holding a set-password link (also sent by the first-run setup command). */
export function passwordLinkMessage(
  deps: Pick<AdminDeps, 'publicUrl'>,
  actor: Pick<Actor, 'organisationId' | 'organisationName'>,
  user: { id: string; name: string; email: string },
  kind: 'invitation' | 'reset',
  token: string,
  expiresAt: Date,
) {
  const link = `${deps.publicUrl.replace(/\/+$/, '')}${passwordLinkPath(token)}`;
  const opening =
    kind === 'invitation'
      ? `${actor.organisationName} has given you an account on Oversight, its safeguarding assurance service.`
      : `An administrator at ${actor.organisationName} has reset the password of your Oversight account. Your old password no longer works.`;
  const body = (linkLine: string) =>
    [
      `Dear ${user.name},`,
      '',
      opening,
      '',
      'To set your password, open this link:',
      linkLine,
      '',
      `The link works once, until ${formatDateTime(expiresAt)}. If it has expired, ask your Oversight administrator to send you a new one.`,
      '',
      `Sign in with your email address, ${user.email}, and the password you set.`,
      '',
      'If you were not expecting this message, tell your Oversight administrator.',
    ].join('\n');
  return {
    organisationId: actor.organisationId,
    to: user.email,
    toUserId: user.id,
    subject:
      kind === 'invitation'
        ? 'Your Oversight account: set your password'
        : 'Set a new password for Oversight',
    body: body(link),
    recordBody: body('(The single-use link is not kept on record.)'),
  };
}

export interface Invitation {
  name: string;
  email: string;
  jobTitle?: string;
  role: Role;
  teamId?: string;
}

/**
 * Create an account with no password and send an invitation holding a
 * single-use link. The account, the link and the audit land together; the
 * message is sent after, so a mail failure never undoes the account (the
 * administrator sees the failure and can send a new link).
 */
export async function inviteUser(
  deps: AdminDeps,
  actor: Actor,
  ctx: AuditContext,
  input: Invitation,
): Promise<{ id: string; mail: MailStatus }> {
  const octx = orgContext(actor, ctx);
  const { id, email, token, expiresAt } = await deps.db.transaction(async (tx) => {
    // A role that sees children waits for a senior leader's approval (separation of duties).
    const approval = needsApproval(input.role);
    const { id } = await createUser(tx, octx, {
      name: input.name,
      email: input.email,
      jobTitle: input.jobTitle ?? null,
      role: approval ? PENDING_ROLE : input.role,
      teamId: input.teamId ?? null,
    });
    if (approval) await requestRole(tx, deps.clock, actor, ctx, id, input.role);
    const link = await issuePasswordLink(
      tx,
      deps,
      { id, organisationId: actor.organisationId },
      'invitation',
    );
    await recordAudit(tx, octx, {
      action: 'user.invite',
      recordType: 'user',
      recordId: id,
      detail: `link valid until ${link.expiresAt.toISOString()}`,
    });
    return { id, email: normaliseEmail(input.email), ...link };
  });
  const mail = await deps.mailer.send(
    deps.db,
    passwordLinkMessage(deps, actor, { id, name: input.name, email }, 'invitation', token, expiresAt),
  );
  return { id, mail };
}

function teamLabel(name: string | null | undefined): string {
  return name ?? 'no team';
}

/** Change a user's role and team. An administrator cannot change their own role. */
export async function changeRoleAndTeam(
  deps: AdminDeps,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  input: { role: Role; teamId?: string },
): Promise<{ changed: boolean }> {
  return deps.db.transaction(async (tx) => {
    const user = await userInOrganisation(tx, actor, id);
    const teamId = input.teamId ?? null;
    if (user.id === actor.userId && input.role !== user.role) {
      throw new ValidationError({
        role: 'You cannot change your own role. Ask another administrator to change it',
      });
    }
    const team = teamId ? await teamInOrganisation(tx, actor.organisationId, teamId) : undefined;
    if (teamId && !team) throw new ValidationError({ teamId: 'Select a team from the list' });
    const changes: string[] = [];
    // A role that sees children waits for a senior leader's approval; the user keeps their role until then.
    const approval = input.role !== user.role && needsApproval(input.role);
    if (approval) {
      if (user.pendingRole !== input.role) await requestRole(tx, deps.clock, actor, ctx, id, input.role);
    } else if (input.role !== user.role) changes.push(`role ${user.role} to ${input.role}`);
    if (teamId !== user.teamId) changes.push(`team ${teamLabel(user.teamName)} to ${teamLabel(team?.name)}`);
    if (changes.length === 0) return { changed: approval };
    await updateUser(tx, actor.organisationId, id, { role: approval ? user.role : input.role, teamId });
    await recordAudit(tx, orgContext(actor, ctx), {
      action: 'user.update',
      recordType: 'user',
      recordId: id,
      detail: changes.join('; '),
    });
    return { changed: true };
  });
}

/**
 * Deactivate (never delete) a user: they are signed out everywhere at once,
 * cannot sign in, and any unused password link stops working.
 */
export async function deactivateUser(
  deps: AdminDeps,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  reason?: string,
): Promise<{ changed: boolean }> {
  if (id === actor.userId) {
    throw new ValidationError({
      reason: 'You cannot deactivate your own account. Ask another administrator to do it',
    });
  }
  return deps.db.transaction(async (tx) => {
    const user = await userInOrganisation(tx, actor, id);
    if (!user.active) return { changed: false };
    await updateUser(tx, actor.organisationId, id, { active: false, deactivatedAt: deps.clock.now() });
    await destroyUserSessions(tx, id);
    await revokePasswordLinks(tx, deps.clock, id);
    await recordAudit(tx, orgContext(actor, ctx), {
      action: 'user.deactivate',
      recordType: 'user',
      recordId: id,
      reason,
    });
    return { changed: true };
  });
}

export async function reactivateUser(
  deps: AdminDeps,
  actor: Actor,
  ctx: AuditContext,
  id: string,
): Promise<{ changed: boolean }> {
  return deps.db.transaction(async (tx) => {
    const user = await userInOrganisation(tx, actor, id);
    if (user.active) return { changed: false };
    await updateUser(tx, actor.organisationId, id, { active: true, deactivatedAt: null });
    await recordAudit(tx, orgContext(actor, ctx), {
      action: 'user.reactivate',
      recordType: 'user',
      recordId: id,
    });
    return { changed: true };
  });
}

/**
 * Send a fresh single-use link; earlier unused links stop working. For an
 * account with a password this is a reset: the old password stops working
 * and the person is signed out everywhere. For one still waiting to set a
 * password it is a new invitation.
 */
export async function resetPassword(
  deps: AdminDeps,
  actor: Actor,
  ctx: AuditContext,
  id: string,
): Promise<{ kind: 'invitation' | 'reset'; mail: MailStatus }> {
  if (id === actor.userId) {
    throw new ValidationError({
      confirm:
        'To change your own password, use Your account. Another administrator can reset it if you need',
    });
  }
  const { user, token, expiresAt, kind } = await deps.db.transaction(async (tx) => {
    const user = await userInOrganisation(tx, actor, id);
    if (!user.active) {
      throw new ValidationError({
        confirm: 'This account is deactivated. Reactivate it before sending a link to set a password',
      });
    }
    const kind = user.hasPassword ? ('reset' as const) : ('invitation' as const);
    if (kind === 'reset') {
      await setPasswordHash(tx, actor.organisationId, id, null);
      await destroyUserSessions(tx, id);
    }
    const link = await issuePasswordLink(tx, deps, { id, organisationId: actor.organisationId }, kind);
    await recordAudit(tx, orgContext(actor, ctx), {
      action: kind === 'reset' ? 'user.reset-password' : 'user.invite',
      recordType: 'user',
      recordId: id,
      detail: `new link valid until ${link.expiresAt.toISOString()}`,
    });
    return { user, kind, ...link };
  });
  const mail = await deps.mailer.send(
    deps.db,
    passwordLinkMessage(deps, actor, user, kind, token, expiresAt),
  );
  return { kind, mail };
}
