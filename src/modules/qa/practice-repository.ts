/** The only place the queries of practice observations and the QA calendar live. Every query is scoped by organisation. */
import { and, asc, count, desc, eq, gte, isNull, lt, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { users } from '../../platform/schema';
import { qaCalendarActivities, qaCalendarItems, qaObservations } from './practice-schema';

export type ObservationRow = typeof qaObservations.$inferSelect;
export type ActivityRow = typeof qaCalendarActivities.$inferSelect;
export type CalendarItemRow = typeof qaCalendarItems.$inferSelect;

// ---- observations ------------------------------------------------------------------

export async function insertObservation(
  db: Db,
  row: typeof qaObservations.$inferInsert,
): Promise<ObservationRow> {
  const [inserted] = await db.insert(qaObservations).values(row).returning();
  return inserted!;
}

/** Observations between two dates (inclusive), newest first, optionally of one person. */
export async function observations(
  db: Db,
  organisationId: string,
  filter: { from?: string; to?: string; observedId?: string } = {},
): Promise<ObservationRow[]> {
  return db
    .select()
    .from(qaObservations)
    .where(
      and(
        eq(qaObservations.organisationId, organisationId),
        filter.from ? gte(qaObservations.observedOn, filter.from) : undefined,
        filter.to ? lte(qaObservations.observedOn, filter.to) : undefined,
        filter.observedId ? eq(qaObservations.observedId, filter.observedId) : undefined,
      ),
    )
    .orderBy(desc(qaObservations.observedOn), desc(qaObservations.createdAt));
}

export async function observation(
  db: Db,
  organisationId: string,
  id: string,
): Promise<ObservationRow | undefined> {
  const [row] = await db
    .select()
    .from(qaObservations)
    .where(and(eq(qaObservations.organisationId, organisationId), eq(qaObservations.id, id)));
  return row;
}

/** A member of staff of the organisation (active or not: a learning record outlives the account). */
export async function staffMember(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      jobTitle: users.jobTitle,
      role: users.role,
      teamId: users.teamId,
    })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.id, id)));
  return row;
}

/** Names of the organisation's staff, by id. */
export async function staffNames(db: Db, organisationId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.organisationId, organisationId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- calendar --------------------------------------------------------------------

export async function insertActivity(
  db: Db,
  row: typeof qaCalendarActivities.$inferInsert,
): Promise<ActivityRow> {
  const [inserted] = await db.insert(qaCalendarActivities).values(row).returning();
  return inserted!;
}

export async function activities(db: Db, organisationId: string): Promise<ActivityRow[]> {
  return db
    .select()
    .from(qaCalendarActivities)
    .where(eq(qaCalendarActivities.organisationId, organisationId))
    .orderBy(asc(qaCalendarActivities.name));
}

/** Add the items not already there (the same activity and due date is one item). */
export async function insertItems(db: Db, rows: Array<typeof qaCalendarItems.$inferInsert>): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await db
    .insert(qaCalendarItems)
    .values(rows)
    .onConflictDoNothing({ target: [qaCalendarItems.activityId, qaCalendarItems.dueDate] })
    .returning({ id: qaCalendarItems.id });
  return inserted.length;
}

/** A year's items with their activity, in due-date order. */
export async function itemsBetween(db: Db, organisationId: string, from: string, to: string) {
  return db
    .select({ item: qaCalendarItems, activity: qaCalendarActivities })
    .from(qaCalendarItems)
    .innerJoin(qaCalendarActivities, eq(qaCalendarActivities.id, qaCalendarItems.activityId))
    .where(
      and(
        eq(qaCalendarItems.organisationId, organisationId),
        gte(qaCalendarItems.dueDate, from),
        lte(qaCalendarItems.dueDate, to),
      ),
    )
    .orderBy(asc(qaCalendarItems.dueDate), asc(qaCalendarActivities.name));
}

export async function calendarItem(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ item: qaCalendarItems, activity: qaCalendarActivities })
    .from(qaCalendarItems)
    .innerJoin(qaCalendarActivities, eq(qaCalendarActivities.id, qaCalendarItems.activityId))
    .where(and(eq(qaCalendarItems.organisationId, organisationId), eq(qaCalendarItems.id, id)));
  return row;
}

/** Mark an item done, only if it is not done already; false when it was. */
export async function completeItem(
  db: Db,
  organisationId: string,
  id: string,
  done: { completedOn: string; completedBy: string; evidence: string },
): Promise<boolean> {
  const updated = await db
    .update(qaCalendarItems)
    .set(done)
    .where(
      and(
        eq(qaCalendarItems.organisationId, organisationId),
        eq(qaCalendarItems.id, id),
        isNull(qaCalendarItems.completedOn),
      ),
    )
    .returning({ id: qaCalendarItems.id });
  return updated.length > 0;
}

/** How many items are past their due date and not done: one grouped count for the home page. */
export async function overdueCount(db: Db, organisationId: string, today: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(qaCalendarItems)
    .where(
      and(
        eq(qaCalendarItems.organisationId, organisationId),
        isNull(qaCalendarItems.completedOn),
        lt(qaCalendarItems.dueDate, today),
      ),
    );
  return Number(row?.n ?? 0);
}
