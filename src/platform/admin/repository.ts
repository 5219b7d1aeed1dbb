import { and, asc, count, desc, eq, gte, isNull, like, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessAudit, mailMessages, nonWorkingDays, organisations, teams, users } from '../schema';

/** The only place the administration pages' queries live. Every query is scoped by organisation. */

type Page = { limit: number; offset: number };

// Organisations and teams

export async function insertOrganisation(db: Db, values: { name: string; code: string }) {
  const [row] = await db.insert(organisations).values(values).returning({ id: organisations.id });
  return row!;
}

export async function insertTeam(
  db: Db,
  values: { organisationId: string; name: string; service: string; sourceId?: string },
) {
  const [row] = await db.insert(teams).values(values).returning({ id: teams.id });
  return row!;
}

export async function teamsOf(db: Db, organisationId: string) {
  return db
    .select({ id: teams.id, name: teams.name, service: teams.service, active: teams.active })
    .from(teams)
    .where(eq(teams.organisationId, organisationId))
    .orderBy(asc(teams.name));
}

export async function teamInOrganisation(db: Db, organisationId: string, teamId: string) {
  const [row] = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.organisationId, organisationId)));
  return row;
}

// Users

export async function userIdByEmail(db: Db, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!;
}

export type UserStatus = 'active' | 'invited' | 'deactivated';

export interface UserFilter {
  role?: string;
  teamId?: string;
  /** "invited": active but no password set yet; "active": active with a password. */
  status?: UserStatus;
}

function userWhere(organisationId: string, f: UserFilter): SQL | undefined {
  const c: Array<SQL | undefined> = [eq(users.organisationId, organisationId)];
  if (f.role) c.push(eq(users.role, f.role));
  if (f.teamId) c.push(eq(users.teamId, f.teamId));
  if (f.status === 'deactivated') c.push(eq(users.active, false));
  if (f.status === 'active') c.push(and(eq(users.active, true), sql`${users.passwordHash} is not null`));
  if (f.status === 'invited') c.push(and(eq(users.active, true), isNull(users.passwordHash)));
  return and(...c);
}

const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  jobTitle: users.jobTitle,
  role: users.role,
  teamId: users.teamId,
  teamName: teams.name,
  active: users.active,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  createdAt: users.createdAt,
  deactivatedAt: users.deactivatedAt,
  pendingRole: users.pendingRole,
  pendingRoleRequestedBy: users.pendingRoleRequestedBy,
  pendingRoleRequestedAt: users.pendingRoleRequestedAt,
};

export async function usersOf(db: Db, organisationId: string, filter: UserFilter, page: Page) {
  const where = userWhere(organisationId, filter);
  const rows = await db
    .select(userColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(where)
    .orderBy(asc(users.name), asc(users.email))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** How many people match a filter (the home page's count of people invited who have not signed in). */
export async function countUsers(db: Db, organisationId: string, filter: UserFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(userWhere(organisationId, filter));
  return Number(row?.n ?? 0);
}

/** Messages the mail server refused, for the home page. */
export async function countFailedMail(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(mailMessages)
    .where(and(eq(mailMessages.organisationId, organisationId), eq(mailMessages.status, 'failed')));
  return Number(row?.n ?? 0);
}

/** Everyone in the organisation, for choosing a person in a filter. */
export async function peopleOf(db: Db, organisationId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.organisationId, organisationId))
    .orderBy(asc(users.name), asc(users.email));
}

export async function userById(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.id, id), eq(users.organisationId, organisationId)));
  return row;
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof userById>>>;

export async function updateUser(
  db: Db,
  organisationId: string,
  id: string,
  set: Partial<
    Pick<
      typeof users.$inferInsert,
      | 'role'
      | 'teamId'
      | 'active'
      | 'deactivatedAt'
      | 'passwordHash'
      | 'pendingRole'
      | 'pendingRoleRequestedBy'
      | 'pendingRoleRequestedAt'
    >
  >,
) {
  await db
    .update(users)
    .set(set)
    .where(and(eq(users.id, id), eq(users.organisationId, organisationId)));
}

// Access audit

export interface AuditQuery {
  /** Inclusive start and exclusive end, as moments. */
  fromAt?: Date;
  toAt?: Date;
  userId?: string;
  /** An action, or a family of actions: "user" matches "user.view" and "user.invite". */
  action?: string;
  recordType?: string;
  recordId?: string;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function auditWhere(organisationId: string, f: AuditQuery): SQL | undefined {
  const c: Array<SQL | undefined> = [eq(accessAudit.organisationId, organisationId)];
  if (f.fromAt) c.push(gte(accessAudit.at, f.fromAt));
  if (f.toAt) c.push(lt(accessAudit.at, f.toAt));
  if (f.userId) c.push(eq(accessAudit.userId, f.userId));
  if (f.action) {
    c.push(or(eq(accessAudit.action, f.action), like(accessAudit.action, `${escapeLike(f.action)}.%`)));
  }
  if (f.recordType) c.push(eq(accessAudit.recordType, f.recordType));
  if (f.recordId) c.push(eq(accessAudit.recordId, f.recordId));
  return and(...c);
}

const auditColumns = {
  id: accessAudit.id,
  at: accessAudit.at,
  userId: accessAudit.userId,
  userName: users.name,
  userEmail: users.email,
  action: accessAudit.action,
  recordType: accessAudit.recordType,
  recordId: accessAudit.recordId,
  reason: accessAudit.reason,
  detail: accessAudit.detail,
  ip: accessAudit.ip,
  userAgent: accessAudit.userAgent,
  requestId: accessAudit.requestId,
};

export type AuditRow = {
  id: number;
  at: Date;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  reason: string | null;
  detail: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export async function auditPage(
  db: Db,
  organisationId: string,
  q: AuditQuery,
  page: Page,
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = auditWhere(organisationId, q);
  const rows = await db
    .select(auditColumns)
    .from(accessAudit)
    .leftJoin(users, eq(users.id, accessAudit.userId))
    .where(where)
    .orderBy(desc(accessAudit.at), desc(accessAudit.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(accessAudit).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The next batch of events after a position, newest first: for exports of any size. */
export async function auditBatch(
  db: Db,
  organisationId: string,
  q: AuditQuery,
  after: { at: Date; id: number } | undefined,
  limit: number,
): Promise<AuditRow[]> {
  const position = after
    ? or(lt(accessAudit.at, after.at), and(eq(accessAudit.at, after.at), lt(accessAudit.id, after.id)))
    : undefined;
  return db
    .select(auditColumns)
    .from(accessAudit)
    .leftJoin(users, eq(users.id, accessAudit.userId))
    .where(and(auditWhere(organisationId, q), position))
    .orderBy(desc(accessAudit.at), desc(accessAudit.id))
    .limit(limit);
}

// Outbox

const messageColumns = {
  id: mailMessages.id,
  toAddress: mailMessages.toAddress,
  toUserId: mailMessages.toUserId,
  toName: users.name,
  subject: mailMessages.subject,
  body: mailMessages.body,
  status: mailMessages.status,
  error: mailMessages.error,
  createdAt: mailMessages.createdAt,
  sentAt: mailMessages.sentAt,
};

export async function outboxPage(db: Db, organisationId: string, page: Page, status?: 'failed') {
  const where = and(
    eq(mailMessages.organisationId, organisationId),
    status ? eq(mailMessages.status, status) : undefined,
  );
  const rows = await db
    .select(messageColumns)
    .from(mailMessages)
    .leftJoin(users, eq(users.id, mailMessages.toUserId))
    .where(where)
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(mailMessages).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function outboxMessage(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select(messageColumns)
    .from(mailMessages)
    .leftJoin(users, eq(users.id, mailMessages.toUserId))
    .where(and(eq(mailMessages.id, id), eq(mailMessages.organisationId, organisationId)));
  return row;
}

// Calendar

/** Bank holidays (no organisation) and the organisation's own days in a year, by date. */
export async function nonWorkingDaysIn(db: Db, organisationId: string, year: number) {
  return db
    .select({
      id: nonWorkingDays.id,
      date: nonWorkingDays.date,
      name: nonWorkingDays.name,
      organisationId: nonWorkingDays.organisationId,
    })
    .from(nonWorkingDays)
    .where(
      and(
        or(isNull(nonWorkingDays.organisationId), eq(nonWorkingDays.organisationId, organisationId)),
        gte(nonWorkingDays.date, `${year}-01-01`),
        lte(nonWorkingDays.date, `${year}-12-31`),
      ),
    )
    .orderBy(asc(nonWorkingDays.date), asc(nonWorkingDays.name));
}

/** A bank holiday or the organisation's own day on a date, if there is one. */
export async function nonWorkingDayOn(db: Db, organisationId: string, date: string) {
  const [row] = await db
    .select({ id: nonWorkingDays.id, name: nonWorkingDays.name })
    .from(nonWorkingDays)
    .where(
      and(
        eq(nonWorkingDays.date, date),
        or(isNull(nonWorkingDays.organisationId), eq(nonWorkingDays.organisationId, organisationId)),
      ),
    );
  return row;
}

export async function insertNonWorkingDay(db: Db, organisationId: string, date: string, name: string) {
  const [row] = await db
    .insert(nonWorkingDays)
    .values({ organisationId, date, name })
    .returning({ id: nonWorkingDays.id });
  return row!;
}

/** One of the organisation's own days; never a shipped bank holiday. */
export async function organisationDay(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: nonWorkingDays.id, date: nonWorkingDays.date, name: nonWorkingDays.name })
    .from(nonWorkingDays)
    .where(and(eq(nonWorkingDays.id, id), eq(nonWorkingDays.organisationId, organisationId)));
  return row;
}

export async function deleteOrganisationDay(db: Db, organisationId: string, id: string) {
  await db
    .delete(nonWorkingDays)
    .where(and(eq(nonWorkingDays.id, id), eq(nonWorkingDays.organisationId, organisationId)));
}

/** Users of the organisation waiting for a role to be approved, oldest request first. */
export async function usersAwaitingApproval(db: Db, organisationId: string) {
  return db
    .select({
      ...userColumns,
      requestedByName: sql<
        string | null
      >`(select u2.name from users u2 where u2.id = ${users.pendingRoleRequestedBy})`,
    })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.organisationId, organisationId), sql`${users.pendingRole} is not null`))
    .orderBy(asc(users.pendingRoleRequestedAt));
}
