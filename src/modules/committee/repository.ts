/** Committee queries: the only place they live. Every one is scoped by organisation. */
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { organisations, users } from '../../platform/schema';
import {
  agendaItems,
  committeeMeetings,
  committeeMembers,
  committeePublications,
  committeeReports,
  committees,
  disclosureOverrides,
  reportAppendices,
} from './schema';

export type CommitteeRow = typeof committees.$inferSelect;
export type MeetingRow = typeof committeeMeetings.$inferSelect;
export type ItemRow = typeof agendaItems.$inferSelect;
export type ReportRow = typeof committeeReports.$inferSelect;
export type AppendixRow = typeof reportAppendices.$inferSelect;
export type PublicationRow = typeof committeePublications.$inferSelect;

// ---------------------------------------------------------------- committees

export const listCommittees = (db: Db, organisationId: string) =>
  db
    .select()
    .from(committees)
    .where(eq(committees.organisationId, organisationId))
    .orderBy(asc(committees.name));

export async function committeeById(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(committees)
    .where(and(eq(committees.organisationId, organisationId), eq(committees.id, id)));
  return row;
}

export async function insertCommittee(db: Db, values: typeof committees.$inferInsert) {
  const [row] = await db.insert(committees).values(values).returning({ id: committees.id });
  return row!;
}

export const membersOf = (db: Db, organisationId: string, committeeId: string) =>
  db
    .select({
      id: committeeMembers.id,
      userId: committeeMembers.userId,
      name: users.name,
      email: users.email,
      active: users.active,
      role: committeeMembers.role,
      termStart: committeeMembers.termStart,
      termEnd: committeeMembers.termEnd,
    })
    .from(committeeMembers)
    .innerJoin(users, eq(users.id, committeeMembers.userId))
    .where(
      and(eq(committeeMembers.organisationId, organisationId), eq(committeeMembers.committeeId, committeeId)),
    )
    .orderBy(asc(committeeMembers.termStart), asc(users.name));

export async function insertMember(db: Db, values: typeof committeeMembers.$inferInsert) {
  await db.insert(committeeMembers).values(values);
}

/** Committees where the user holds a seat whose term covers the day. */
export async function committeeIdsOfUser(db: Db, organisationId: string, userId: string, today: string) {
  const rows = await db
    .selectDistinct({ id: committeeMembers.committeeId })
    .from(committeeMembers)
    .where(
      and(
        eq(committeeMembers.organisationId, organisationId),
        eq(committeeMembers.userId, userId),
        sql`${committeeMembers.termStart} <= ${today}`,
        sql`(${committeeMembers.termEnd} is null or ${committeeMembers.termEnd} >= ${today})`,
      ),
    );
  return rows.map((r) => r.id);
}

/** Active users of the organisation with this role, for choosing members, clerks and signatories. */
export const usersWithRole = (db: Db, organisationId: string, role: string) =>
  db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, role), eq(users.active, true)))
    .orderBy(asc(users.name));

export async function userById(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
  return row;
}

// ---------------------------------------------------------------- meetings

export const meetingsOf = (db: Db, organisationId: string, committeeId: string) =>
  db
    .select()
    .from(committeeMeetings)
    .where(
      and(
        eq(committeeMeetings.organisationId, organisationId),
        eq(committeeMeetings.committeeId, committeeId),
      ),
    )
    .orderBy(asc(committeeMeetings.date));

export async function meetingById(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(committeeMeetings)
    .where(and(eq(committeeMeetings.organisationId, organisationId), eq(committeeMeetings.id, id)));
  return row;
}

export async function insertMeeting(db: Db, values: typeof committeeMeetings.$inferInsert) {
  const [row] = await db.insert(committeeMeetings).values(values).returning({ id: committeeMeetings.id });
  return row!;
}

export async function updateMeeting(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<typeof committeeMeetings.$inferInsert>,
) {
  await db
    .update(committeeMeetings)
    .set(values)
    .where(and(eq(committeeMeetings.organisationId, organisationId), eq(committeeMeetings.id, id)));
}

// ---------------------------------------------------------------- agenda

export const itemsOf = (db: Db, organisationId: string, meetingId: string) =>
  db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.organisationId, organisationId), eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItems.position));

export async function itemById(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.organisationId, organisationId), eq(agendaItems.id, id)));
  return row;
}

export async function insertItems(db: Db, values: Array<typeof agendaItems.$inferInsert>) {
  if (values.length) await db.insert(agendaItems).values(values);
}

export async function setItemPosition(db: Db, organisationId: string, id: string, position: number) {
  await db
    .update(agendaItems)
    .set({ position })
    .where(and(eq(agendaItems.organisationId, organisationId), eq(agendaItems.id, id)));
}

/** Make room: every item at or after the position moves down one. */
export async function shiftItems(db: Db, organisationId: string, meetingId: string, from: number) {
  await db
    .update(agendaItems)
    .set({ position: sql`${agendaItems.position} + 1` })
    .where(
      and(
        eq(agendaItems.organisationId, organisationId),
        eq(agendaItems.meetingId, meetingId),
        gte(agendaItems.position, from),
      ),
    );
}

// ---------------------------------------------------------------- reports

export async function reportByItem(db: Db, organisationId: string, itemId: string) {
  const [row] = await db
    .select()
    .from(committeeReports)
    .where(
      and(eq(committeeReports.organisationId, organisationId), eq(committeeReports.agendaItemId, itemId)),
    );
  return row;
}

export async function reportById(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(committeeReports)
    .where(and(eq(committeeReports.organisationId, organisationId), eq(committeeReports.id, id)));
  return row;
}

export const reportsOfItems = (db: Db, organisationId: string, itemIds: string[]) =>
  itemIds.length
    ? db
        .select()
        .from(committeeReports)
        .where(
          and(
            eq(committeeReports.organisationId, organisationId),
            inArray(committeeReports.agendaItemId, itemIds),
          ),
        )
    : Promise.resolve([] as ReportRow[]);

export async function insertReport(db: Db, values: typeof committeeReports.$inferInsert) {
  const [row] = await db.insert(committeeReports).values(values).returning({ id: committeeReports.id });
  return row!;
}

export async function updateReport(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<typeof committeeReports.$inferInsert>,
) {
  await db
    .update(committeeReports)
    .set(values)
    .where(and(eq(committeeReports.organisationId, organisationId), eq(committeeReports.id, id)));
}

/** Reports waiting for this senior leader's sign-off. */
export const reportsAwaitingSignOff = (db: Db, organisationId: string, userId: string) =>
  db
    .select({ id: committeeReports.id, cover: committeeReports.cover, itemId: committeeReports.agendaItemId })
    .from(committeeReports)
    .where(
      and(
        eq(committeeReports.organisationId, organisationId),
        eq(committeeReports.signOffBy, userId),
        eq(committeeReports.status, 'awaiting_sign_off'),
      ),
    );

/** Reports signed off and waiting for the clerk to accept them. */
export const reportsAwaitingAcceptance = (db: Db, organisationId: string) =>
  db
    .select({ id: committeeReports.id, cover: committeeReports.cover, itemId: committeeReports.agendaItemId })
    .from(committeeReports)
    .where(
      and(eq(committeeReports.organisationId, organisationId), eq(committeeReports.status, 'signed_off')),
    );

export const appendicesOf = (db: Db, organisationId: string, reportIds: string[]) =>
  reportIds.length
    ? db
        .select()
        .from(reportAppendices)
        .where(
          and(
            eq(reportAppendices.organisationId, organisationId),
            inArray(reportAppendices.reportId, reportIds),
          ),
        )
        .orderBy(asc(reportAppendices.position))
    : Promise.resolve([] as AppendixRow[]);

export async function insertAppendix(db: Db, values: typeof reportAppendices.$inferInsert) {
  await db.insert(reportAppendices).values(values);
}

// ---------------------------------------------------------------- publication

export const overridesOf = (db: Db, organisationId: string, meetingId: string) =>
  db
    .select()
    .from(disclosureOverrides)
    .where(
      and(
        eq(disclosureOverrides.organisationId, organisationId),
        eq(disclosureOverrides.meetingId, meetingId),
      ),
    );

export async function insertOverride(db: Db, values: typeof disclosureOverrides.$inferInsert) {
  await db.insert(disclosureOverrides).values(values).onConflictDoNothing();
}

export const publicationsOf = (db: Db, organisationId: string, meetingId: string) =>
  db
    .select({
      id: committeePublications.id,
      version: committeePublications.version,
      publishedAt: committeePublications.publishedAt,
      publishedByName: users.name,
    })
    .from(committeePublications)
    .innerJoin(users, eq(users.id, committeePublications.publishedBy))
    .where(
      and(
        eq(committeePublications.organisationId, organisationId),
        eq(committeePublications.meetingId, meetingId),
      ),
    )
    .orderBy(desc(committeePublications.version));

export async function publication(db: Db, organisationId: string, meetingId: string, version?: number) {
  const [row] = await db
    .select()
    .from(committeePublications)
    .where(
      and(
        eq(committeePublications.organisationId, organisationId),
        eq(committeePublications.meetingId, meetingId),
        version === undefined ? undefined : eq(committeePublications.version, version),
      ),
    )
    .orderBy(desc(committeePublications.version))
    .limit(1);
  return row;
}

/**
 * When the committee's previous list of outstanding actions was published:
 * the latest publication of a pack of one of its meetings before `beforeDate`.
 */
export async function previousListPublishedAt(
  db: Db,
  organisationId: string,
  committeeId: string,
  beforeDate: string,
): Promise<Date | null> {
  const [row] = await db
    .select({ at: committeePublications.publishedAt })
    .from(committeePublications)
    .innerJoin(committeeMeetings, eq(committeeMeetings.id, committeePublications.meetingId))
    .where(
      and(
        eq(committeePublications.organisationId, organisationId),
        eq(committeeMeetings.organisationId, organisationId),
        eq(committeeMeetings.committeeId, committeeId),
        sql`${committeeMeetings.date} < ${beforeDate}`,
      ),
    )
    .orderBy(desc(committeePublications.publishedAt))
    .limit(1);
  return row?.at ?? null;
}

export async function insertPublication(db: Db, values: typeof committeePublications.$inferInsert) {
  const [row] = await db
    .insert(committeePublications)
    .values(values)
    .returning({ id: committeePublications.id });
  return row!;
}

/** Meetings of the committee with a published pack: the public site lists only these. */
export async function publishedMeetingIds(db: Db, organisationId: string, meetingIds: string[]) {
  if (!meetingIds.length) return new Set<string>();
  const rows = await db
    .selectDistinct({ id: committeePublications.meetingId })
    .from(committeePublications)
    .where(
      and(
        eq(committeePublications.organisationId, organisationId),
        inArray(committeePublications.meetingId, meetingIds),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

export async function organisationByCode(db: Db, code: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, code: organisations.code })
    .from(organisations)
    .where(sql`lower(${organisations.code}) = lower(${code})`);
  return row;
}

export const allOrganisations = (db: Db) =>
  db
    .select({ id: organisations.id, name: organisations.name, code: organisations.code })
    .from(organisations)
    .orderBy(asc(organisations.name));
