import { and, count, eq, gt, max } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/service';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import type { Mailer } from '../mail/service';
import { isRole } from '../permissions';
import { signInAttempts, users } from '../schema';
import { NOTIFY_AT_FAILURES, THROTTLE_WINDOW_MINUTES, throttle } from './lockout';
import { verifyPassword } from './passwords';
import { createSession, type SessionSettings } from './sessions';

export type SignInResult =
  | { outcome: 'signed-in'; sessionId: string; userId: string }
  | { outcome: 'wrong' }
  | { outcome: 'account-wait' | 'address-wait'; until: Date };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Check a sign-in. Throttling counts failures by the email typed, whether or
 * not an account has it, so neither the lockout nor the message tells anyone
 * which accounts exist.
 */
export async function signIn(
  db: Db,
  clock: Clock,
  settings: SessionSettings,
  input: { email: string; password: string; ip: string; userAgent?: string },
  ctx: AuditContext,
  mailer?: Mailer,
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const since = new Date(clock.now().getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const failures = (where: ReturnType<typeof eq>) =>
    db
      .select({ n: count(), last: max(signInAttempts.at) })
      .from(signInAttempts)
      .where(and(where, eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
  const [[forAccount], [forAddress]] = await Promise.all([
    failures(eq(signInAttempts.email, email)),
    failures(eq(signInAttempts.ip, input.ip)),
  ]);
  const asDate = (v: unknown) => (v ? new Date(v as string | Date) : null);
  const accountFailures = Number(forAccount?.n ?? 0);
  const decision = throttle(
    {
      forAccount: accountFailures,
      lastForAccount: asDate(forAccount?.last),
      forAddress: Number(forAddress?.n ?? 0),
      lastForAddress: asDate(forAddress?.last),
    },
    clock.now(),
  );
  if (decision.outcome !== 'allow') {
    await recordAudit(db, ctx, { action: `sign-in.${decision.outcome}`, detail: email });
    return decision;
  }
  const [user] = await db
    .select({
      id: users.id,
      organisationId: users.organisationId,
      passwordHash: users.passwordHash,
      active: users.active,
      role: users.role,
    })
    .from(users)
    .where(eq(users.email, email));
  // A user whose role waits for approval holds no role, and so cannot sign in.
  const ok =
    (await verifyPassword(user?.passwordHash, input.password)) && user?.active === true && isRole(user.role);
  await db.insert(signInAttempts).values({ email, ip: input.ip, succeeded: ok, at: clock.now() });
  if (!ok || !user) {
    if (user && mailer && accountFailures + 1 === NOTIFY_AT_FAILURES)
      await mailer.send(db, {
        organisationId: user.organisationId,
        to: email,
        toUserId: user.id,
        subject: 'Failed attempts to sign in to your Oversight account',
        body: `There have been ${NOTIFY_AT_FAILURES} failed attempts to sign in to your Oversight account in the last hour. Each further attempt now has to wait longer.\n\nIf this was you, wait a few minutes and try again, or ask your administrator for a link to set a new password.\n\nIf it was not you, tell your administrator: someone may be trying to guess your password.`,
      });
    await recordAudit(
      db,
      { ...ctx, organisationId: user?.organisationId ?? null },
      {
        action: 'sign-in.failed',
        detail: email,
      },
    );
    return { outcome: 'wrong' };
  }
  const sessionId = await createSession(db, settings, clock, user, {
    ip: input.ip,
    userAgent: input.userAgent,
  });
  await recordAudit(
    db,
    { ...ctx, organisationId: user.organisationId, userId: user.id },
    {
      action: 'sign-in',
      recordType: 'user',
      recordId: user.id,
    },
  );
  return { outcome: 'signed-in', sessionId, userId: user.id };
}
