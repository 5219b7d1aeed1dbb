import { z } from 'zod';
import { limitOffset, type PageRequest } from '../admin/pagination';
import { type AuditContext, recordAudit } from '../audit/service';
import { LOCKOUT_WINDOW_MINUTES, MAX_FAILURES_PER_ACCOUNT } from '../auth/lockout';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords';
import { destroyUserSessions, sessionIdHash } from '../auth/sessions';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import type { Actor } from '../permissions';
import { checkPasswordLink, type PasswordLinkCheck } from './password-links';
import {
  accountDetails,
  auditEventsSince,
  destroyOtherSessions,
  expireUnusedTokens,
  messagesTo,
  messageTo,
  passwordHashOf,
  setPasswordHash,
  useToken,
} from './repository';

export interface AccountDeps {
  db: Db;
  clock: Clock;
  /** The service's secret: keys the hashes of links and session ids. */
  secret: string;
}

export const newPasswordForm = z.object({
  password: z
    .string({ error: 'Enter a new password' })
    .min(1, 'Enter a new password')
    .max(1024, 'Password must be 256 characters or fewer'),
  confirm: z
    .string({ error: 'Enter the new password again' })
    .min(1, 'Enter the new password again')
    .max(1024, 'Password must be 256 characters or fewer'),
});

/** Current password first: the error summary lists problems in the order the fields are on the page. */
export const changePasswordForm = z.object({
  current: z
    .string({ error: 'Enter your current password' })
    .min(1, 'Enter your current password')
    .max(1024, 'Password must be 256 characters or fewer'),
  ...newPasswordForm.shape,
});

/** What is wrong with a new password and its confirmation, as field messages; null when it is fine. */
export function newPasswordProblems(
  input: { password: string; confirm: string },
  person: { email: string },
): Record<string, string> | null {
  const problem = passwordProblem(input.password, { email: person.email });
  if (problem) return { password: problem };
  if (input.password !== input.confirm) {
    return { confirm: 'The passwords do not match. Enter the same new password in both boxes' };
  }
  return null;
}

export function checkLink(deps: AccountDeps, token: string): Promise<PasswordLinkCheck> {
  return checkPasswordLink(deps.db, deps, token);
}

/**
 * Set a password from an invitation or reset link. The link is used up, any
 * other unused link and every session of the account end, and the change is
 * audited, all in one transaction. Returns "invalid" when the link cannot be
 * used (it may have been used a moment ago by another request).
 */
export async function setPasswordFromLink(
  deps: AccountDeps,
  ctx: AuditContext,
  token: string,
  input: { password: string; confirm: string },
): Promise<{ status: 'done'; email: string } | { status: 'invalid' }> {
  const link = await checkPasswordLink(deps.db, deps, token);
  if (link.status === 'invalid') return link;
  const problems = newPasswordProblems(input, link.user);
  if (problems) throw new ValidationError(problems);
  const hash = await hashPassword(input.password);
  const { user } = link;
  const done = await deps.db.transaction(async (tx) => {
    if (!(await useToken(tx, link.tokenHash, deps.clock.now()))) return false;
    await setPasswordHash(tx, user.organisationId, user.id, hash);
    await expireUnusedTokens(tx, user.id, deps.clock.now());
    await destroyUserSessions(tx, user.id);
    await recordAudit(
      tx,
      { ...ctx, organisationId: user.organisationId, userId: user.id },
      {
        action: 'user.set-password',
        recordType: 'user',
        recordId: user.id,
        detail: link.purpose === 'invitation' ? 'from an invitation link' : 'from a reset link',
      },
    );
    return true;
  });
  return done ? { status: 'done', email: user.email } : { status: 'invalid' };
}

export async function myAccount(db: Db, actor: Actor) {
  const row = await accountDetails(db, actor.organisationId, actor.userId);
  if (!row) throw new NotFoundError('account');
  return row;
}

const FAILED_CHANGE = 'user.change-password.failed';

/**
 * Change one's own password. The current password is required, wrong guesses
 * are audited and limited like sign-in, and every other session of the
 * account ends (the one making the change stays signed in).
 */
export async function changePassword(
  deps: AccountDeps,
  actor: Actor,
  ctx: AuditContext,
  sessionId: string,
  input: { current: string; password: string; confirm: string },
): Promise<void> {
  const { db, clock } = deps;
  const since = new Date(clock.now().getTime() - LOCKOUT_WINDOW_MINUTES * 60_000);
  const failures = await auditEventsSince(db, actor.organisationId, actor.userId, FAILED_CHANGE, since);
  if (failures >= MAX_FAILURES_PER_ACCOUNT) {
    throw new ValidationError({
      current: `There have been too many wrong attempts at your current password. Wait ${LOCKOUT_WINDOW_MINUTES} minutes and try again`,
    });
  }
  const hash = await passwordHashOf(db, actor.organisationId, actor.userId);
  if (!(await verifyPassword(hash, input.current))) {
    await recordAudit(db, ctx, { action: FAILED_CHANGE, recordType: 'user', recordId: actor.userId });
    throw new ValidationError({
      current:
        'Your current password is not right. Enter it again, or ask your administrator for a link to set a new one',
    });
  }
  const problems = newPasswordProblems(input, actor);
  if (problems) throw new ValidationError(problems);
  if (input.password === input.current) {
    throw new ValidationError({ password: 'Your new password must be different from your current password' });
  }
  const newHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, actor.organisationId, actor.userId, newHash);
    await expireUnusedTokens(tx, actor.userId, clock.now());
    // The same keyed hash the session store keeps (src/platform/auth/sessions.ts).
    await destroyOtherSessions(tx, actor.userId, sessionIdHash({ secret: deps.secret }, sessionId));
    await recordAudit(tx, ctx, {
      action: 'user.change-password',
      recordType: 'user',
      recordId: actor.userId,
    });
  });
}

export async function myMessages(db: Db, actor: Actor, page: PageRequest) {
  return messagesTo(db, actor.organisationId, actor.userId, limitOffset(page));
}

export async function myMessage(db: Db, actor: Actor, id: string) {
  const row = await messageTo(db, actor.organisationId, actor.userId, id);
  if (!row) throw new NotFoundError('message');
  return row;
}
