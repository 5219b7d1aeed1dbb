import { and, count, eq, gt } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/service';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { isRole } from '../permissions';
import { signInAttempts, users } from '../schema';
import { LOCKOUT_WINDOW_MINUTES, type ThrottleDecision, throttle } from './lockout';
import { verifyPassword } from './passwords';
import { createSession, type SessionSettings } from './sessions';

export type SignInResult =
  | { outcome: 'signed-in'; sessionId: string; userId: string }
  | { outcome: 'wrong' }
  | { outcome: Exclude<ThrottleDecision, 'allow'> };

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
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const since = new Date(clock.now().getTime() - LOCKOUT_WINDOW_MINUTES * 60_000);
  const [[forAccount], [forAddress]] = await Promise.all([
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.email, email),
          eq(signInAttempts.succeeded, false),
          gt(signInAttempts.at, since),
        ),
      ),
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.ip, input.ip),
          eq(signInAttempts.succeeded, false),
          gt(signInAttempts.at, since),
        ),
      ),
  ]);
  const decision = throttle({
    forAccount: Number(forAccount?.n ?? 0),
    forAddress: Number(forAddress?.n ?? 0),
  });
  if (decision !== 'allow') {
    await recordAudit(db, ctx, { action: `sign-in.${decision}`, detail: email });
    return { outcome: decision };
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
