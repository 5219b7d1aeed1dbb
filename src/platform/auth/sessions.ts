import { eq, lt, or } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { type Actor, isRole, type Role } from '../permissions';
import { organisations, sessions, signInAttempts, users } from '../schema';
import { keyedHash, newToken } from './tokens';

export interface SessionSettings {
  secret: string;
  idleMinutes: number;
  absoluteHours: number;
}

export type Grants = ReadonlyMap<Role, ReadonlySet<string>>;

/** Write last-seen at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** What the sessions table stores for a session id: its keyed hash. */
export function sessionIdHash(settings: Pick<SessionSettings, 'secret'>, id: string): string {
  return keyedHash(settings.secret, 'session', id);
}

export async function createSession(
  db: Db,
  settings: SessionSettings,
  clock: Clock,
  user: { id: string; organisationId: string },
  meta: { ip: string; userAgent?: string },
): Promise<string> {
  const id = newToken();
  const now = clock.now();
  await db.insert(sessions).values({
    idHash: sessionIdHash(settings, id),
    userId: user.id,
    organisationId: user.organisationId,
    createdAt: now,
    lastSeenAt: now,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
  });
  return id;
}

export async function destroySession(db: Db, settings: SessionSettings, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sessionIdHash(settings, id)));
}

export async function destroyUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export type SessionLookup =
  | { status: 'active'; actor: Actor }
  /** Whose session it was: a form they posted as it expired can be kept for them (platform/kept-forms). */
  | { status: 'expired'; userId?: string; organisationId?: string }
  | { status: 'none' };

/**
 * Find the session for a cookie value and the person behind it. Enforces the
 * idle and absolute timeouts and refuses deactivated accounts.
 */
export async function loadSession(
  db: Db,
  settings: SessionSettings,
  clock: Clock,
  grants: Grants,
  id: string,
): Promise<SessionLookup> {
  const idHash = sessionIdHash(settings, id);
  const [row] = await db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      organisationId: users.organisationId,
      organisationName: organisations.name,
      name: users.name,
      email: users.email,
      role: users.role,
      teamId: users.teamId,
      active: users.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.idHash, idHash));
  if (!row) return { status: 'none' };
  const now = clock.now().getTime();
  const idleExpired = now - row.lastSeenAt.getTime() > settings.idleMinutes * 60_000;
  const absoluteExpired = now - row.createdAt.getTime() > settings.absoluteHours * 3_600_000;
  if (idleExpired || absoluteExpired || !row.active || !isRole(row.role)) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return row.active
      ? { status: 'expired', userId: row.userId, organisationId: row.organisationId }
      : { status: 'expired' };
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: clock.now() }).where(eq(sessions.idHash, idHash));
  }
  return {
    status: 'active',
    actor: {
      userId: row.userId,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      name: row.name,
      email: row.email,
      role: row.role,
      teamId: row.teamId,
      permissions: grants.get(row.role) ?? new Set(),
    },
  };
}

/** Remove sessions past either timeout (run by the daily housekeeping job). */
export async function purgeExpiredSessions(db: Db, settings: SessionSettings, clock: Clock): Promise<void> {
  const now = clock.now().getTime();
  await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.lastSeenAt, new Date(now - settings.idleMinutes * 60_000)),
        lt(sessions.createdAt, new Date(now - settings.absoluteHours * 3_600_000)),
      ),
    );
}

/** Sign-in attempts are kept for investigation this long by default (RETAIN_SIGN_IN_ATTEMPTS_DAYS), then removed. */
export const SIGN_IN_ATTEMPTS_KEPT_DAYS = 90;

export async function purgeOldSignInAttempts(
  db: Db,
  clock: Clock,
  keptDays = SIGN_IN_ATTEMPTS_KEPT_DAYS,
): Promise<void> {
  await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.at, new Date(clock.now().getTime() - keptDays * 86_400_000)));
}
