import { and, count, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessAudit, mailMessages, organisations, passwordTokens, sessions, teams, users } from '../schema';

/** The only place the account pages' queries live. */

export async function insertPasswordToken(
  db: Db,
  row: { tokenHash: string; organisationId: string; userId: string; purpose: string; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordTokens).values(row);
}

/** End every link of a user that is still usable, by making it expire now. */
export async function expireUnusedTokens(db: Db, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(passwordTokens)
    .set({ expiresAt: now })
    .where(
      and(
        eq(passwordTokens.userId, userId),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now),
      ),
    )
    .returning({ tokenHash: passwordTokens.tokenHash });
  return rows.length;
}

export async function findPasswordToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      tokenHash: passwordTokens.tokenHash,
      purpose: passwordTokens.purpose,
      expiresAt: passwordTokens.expiresAt,
      usedAt: passwordTokens.usedAt,
      userId: users.id,
      organisationId: users.organisationId,
      email: users.email,
      name: users.name,
      active: users.active,
    })
    .from(passwordTokens)
    .innerJoin(
      users,
      and(eq(users.id, passwordTokens.userId), eq(users.organisationId, passwordTokens.organisationId)),
    )
    .where(eq(passwordTokens.tokenHash, tokenHash));
  return row;
}

/** Mark a link used, only if it is still usable; false when another request got there first. */
export async function useToken(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordTokens.tokenHash, tokenHash),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now),
      ),
    )
    .returning({ tokenHash: passwordTokens.tokenHash });
  return rows.length === 1;
}

/** The most recent link made for a user, for the administrator's view of the account. */
export async function latestPasswordToken(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select({
      purpose: passwordTokens.purpose,
      createdAt: passwordTokens.createdAt,
      expiresAt: passwordTokens.expiresAt,
      usedAt: passwordTokens.usedAt,
    })
    .from(passwordTokens)
    .where(and(eq(passwordTokens.userId, userId), eq(passwordTokens.organisationId, organisationId)))
    .orderBy(desc(passwordTokens.createdAt))
    .limit(1);
  return row;
}

export async function setPasswordHash(db: Db, organisationId: string, userId: string, hash: string | null) {
  await db
    .update(users)
    .set({ passwordHash: hash })
    .where(and(eq(users.id, userId), eq(users.organisationId, organisationId)));
}

export async function passwordHashOf(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organisationId, organisationId)));
  return row?.passwordHash ?? null;
}

export async function accountDetails(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      jobTitle: users.jobTitle,
      role: users.role,
      teamName: teams.name,
      organisationName: organisations.name,
      createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.id, userId), eq(users.organisationId, organisationId)));
  return row;
}

/** End a user's sessions except the one given (the session making the change). */
export async function destroyOtherSessions(db: Db, userId: string, keepIdHash: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, keepIdHash)));
}

const messageColumns = {
  id: mailMessages.id,
  toAddress: mailMessages.toAddress,
  subject: mailMessages.subject,
  body: mailMessages.body,
  status: mailMessages.status,
  createdAt: mailMessages.createdAt,
  sentAt: mailMessages.sentAt,
};

export async function messagesTo(
  db: Db,
  organisationId: string,
  userId: string,
  page: { limit: number; offset: number },
) {
  const where = and(eq(mailMessages.organisationId, organisationId), eq(mailMessages.toUserId, userId));
  const [rows, [total]] = await Promise.all([
    db
      .select(messageColumns)
      .from(mailMessages)
      .where(where)
      .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(mailMessages).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function messageTo(db: Db, organisationId: string, userId: string, id: string) {
  const [row] = await db
    .select(messageColumns)
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.id, id),
        eq(mailMessages.organisationId, organisationId),
        eq(mailMessages.toUserId, userId),
      ),
    );
  return row;
}

/** How many events of one action a user has caused since a moment (for limiting repeated failures). */
export async function auditEventsSince(
  db: Db,
  organisationId: string,
  userId: string,
  action: string,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(accessAudit)
    .where(
      and(
        eq(accessAudit.organisationId, organisationId),
        eq(accessAudit.userId, userId),
        eq(accessAudit.action, action),
        gt(accessAudit.at, since),
      ),
    );
  return Number(row?.n ?? 0);
}
