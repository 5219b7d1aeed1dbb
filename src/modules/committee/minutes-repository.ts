/** Queries for minutes and elections: every one scoped by organisation. */
import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { users } from '../../platform/schema';
import {
  committeeApprovedMinutes,
  committeeElections,
  committeeMinutes,
  committeePaperNotes,
} from './minutes-schema';
import { committeeMeetings, committeeMembers } from './schema';

export type MinutesRow = typeof committeeMinutes.$inferSelect;
export type ApprovedMinutesRow = typeof committeeApprovedMinutes.$inferSelect;
export type ElectionRow = typeof committeeElections.$inferSelect;

export async function minutesOf(db: Db, organisationId: string, meetingId: string) {
  const [row] = await db
    .select()
    .from(committeeMinutes)
    .where(
      and(eq(committeeMinutes.organisationId, organisationId), eq(committeeMinutes.meetingId, meetingId)),
    );
  return row;
}

export async function upsertMinutes(db: Db, values: typeof committeeMinutes.$inferInsert) {
  await db
    .insert(committeeMinutes)
    .values(values)
    .onConflictDoUpdate({
      target: committeeMinutes.meetingId,
      set: { content: values.content, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    });
}

export async function setMinutesStatus(db: Db, organisationId: string, meetingId: string, status: string) {
  await db
    .update(committeeMinutes)
    .set({ status })
    .where(
      and(eq(committeeMinutes.organisationId, organisationId), eq(committeeMinutes.meetingId, meetingId)),
    );
}

export async function approvedMinutesOf(db: Db, organisationId: string, meetingId: string) {
  const [row] = await db
    .select()
    .from(committeeApprovedMinutes)
    .where(
      and(
        eq(committeeApprovedMinutes.organisationId, organisationId),
        eq(committeeApprovedMinutes.meetingId, meetingId),
      ),
    );
  return row;
}

export async function insertApprovedMinutes(db: Db, values: typeof committeeApprovedMinutes.$inferInsert) {
  const [row] = await db
    .insert(committeeApprovedMinutes)
    .values(values)
    .returning({ id: committeeApprovedMinutes.id });
  return row!;
}

/** The committee's next meeting after a date, held by the day given. */
export async function nextMeetingAfter(
  db: Db,
  organisationId: string,
  committeeId: string,
  after: string,
  heldBy: string,
) {
  const [row] = await db
    .select()
    .from(committeeMeetings)
    .where(
      and(
        eq(committeeMeetings.organisationId, organisationId),
        eq(committeeMeetings.committeeId, committeeId),
        gt(committeeMeetings.date, after),
        lte(committeeMeetings.date, heldBy),
      ),
    )
    .orderBy(asc(committeeMeetings.date))
    .limit(1);
  return row;
}

// ---------------------------------------------------------------- elections

export const electionsOfItems = (db: Db, organisationId: string, itemIds: string[]) =>
  itemIds.length
    ? db
        .select({ election: committeeElections, name: users.name })
        .from(committeeElections)
        .innerJoin(users, eq(users.id, committeeElections.userId))
        .where(
          and(
            eq(committeeElections.organisationId, organisationId),
            inArray(committeeElections.agendaItemId, itemIds),
          ),
        )
    : Promise.resolve([]);

export async function insertElection(db: Db, values: typeof committeeElections.$inferInsert) {
  await db.insert(committeeElections).values(values);
}

export async function updateSeat(
  db: Db,
  organisationId: string,
  seatId: string,
  values: Partial<typeof committeeMembers.$inferInsert>,
) {
  await db
    .update(committeeMembers)
    .set(values)
    .where(and(eq(committeeMembers.organisationId, organisationId), eq(committeeMembers.id, seatId)));
}

export async function insertSeat(db: Db, values: typeof committeeMembers.$inferInsert) {
  await db.insert(committeeMembers).values(values);
}

// ---------------------------------------------------------------- private notes

export const notesOf = (db: Db, organisationId: string, userId: string, itemIds: string[]) =>
  itemIds.length
    ? db
        .select()
        .from(committeePaperNotes)
        .where(
          and(
            eq(committeePaperNotes.organisationId, organisationId),
            eq(committeePaperNotes.userId, userId),
            inArray(committeePaperNotes.agendaItemId, itemIds),
          ),
        )
    : Promise.resolve([]);

export async function upsertNote(db: Db, values: typeof committeePaperNotes.$inferInsert) {
  await db
    .insert(committeePaperNotes)
    .values(values)
    .onConflictDoUpdate({
      target: [committeePaperNotes.userId, committeePaperNotes.agendaItemId],
      set: { note: values.note, updatedAt: values.updatedAt },
    });
}

export async function deleteNote(db: Db, organisationId: string, userId: string, itemId: string) {
  await db
    .delete(committeePaperNotes)
    .where(
      and(
        eq(committeePaperNotes.organisationId, organisationId),
        eq(committeePaperNotes.userId, userId),
        eq(committeePaperNotes.agendaItemId, itemId),
      ),
    );
}
