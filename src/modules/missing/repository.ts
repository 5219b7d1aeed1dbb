/** The only place the missing module's queries live. Every query is scoped by organisation. */
import { and, asc, desc, eq, gte, isNull, or } from 'drizzle-orm';
import { anyId, type IdSet, noIds } from '../../platform/db/any-id';
import type { Db } from '../../platform/db/client';
import {
  missingEpisodes,
  missingEpisodeTypes,
  missingGrabPackPhotos,
  missingGrabPacks,
  missingLocateAttempts,
  missingReturnInterviews,
  missingStrategyMeetings,
} from './schema';

export type EpisodeRow = typeof missingEpisodes.$inferSelect;
export type InterviewRow = typeof missingReturnInterviews.$inferSelect;
export type MeetingRow = typeof missingStrategyMeetings.$inferSelect;

export async function episodeById(db: Db, organisationId: string, id: string): Promise<EpisodeRow | null> {
  const [row] = await db
    .select()
    .from(missingEpisodes)
    .where(and(eq(missingEpisodes.organisationId, organisationId), eq(missingEpisodes.id, id)));
  return row ?? null;
}

/** Episodes of some children, or all of the organisation's ('all'); open ones and those started since a moment. */
export async function episodesOf(
  db: Db,
  organisationId: string,
  people: 'all' | IdSet,
  since?: Date,
): Promise<EpisodeRow[]> {
  if (people !== 'all' && noIds(people)) return [];
  const conditions = [eq(missingEpisodes.organisationId, organisationId)];
  if (people !== 'all') conditions.push(anyId(missingEpisodes.personId, people));
  if (since) conditions.push(or(isNull(missingEpisodes.endAt), gte(missingEpisodes.startAt, since))!);
  return db
    .select()
    .from(missingEpisodes)
    .where(and(...conditions))
    .orderBy(desc(missingEpisodes.startAt));
}

export async function insertEpisode(db: Db, values: typeof missingEpisodes.$inferInsert): Promise<string> {
  const [row] = await db.insert(missingEpisodes).values(values).returning({ id: missingEpisodes.id });
  return row!.id;
}

export async function updateEpisode(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<typeof missingEpisodes.$inferInsert>,
): Promise<void> {
  await db
    .update(missingEpisodes)
    .set(values)
    .where(and(eq(missingEpisodes.organisationId, organisationId), eq(missingEpisodes.id, id)));
}

export async function insertType(db: Db, values: typeof missingEpisodeTypes.$inferInsert): Promise<void> {
  await db.insert(missingEpisodeTypes).values(values);
}

export async function typesOf(db: Db, organisationId: string, episodeId: string) {
  return db
    .select()
    .from(missingEpisodeTypes)
    .where(
      and(
        eq(missingEpisodeTypes.organisationId, organisationId),
        eq(missingEpisodeTypes.episodeId, episodeId),
      ),
    )
    .orderBy(asc(missingEpisodeTypes.fromAt), asc(missingEpisodeTypes.id));
}

export async function insertAttempt(
  db: Db,
  values: typeof missingLocateAttempts.$inferInsert,
): Promise<void> {
  await db.insert(missingLocateAttempts).values(values);
}

export async function attemptsOf(db: Db, organisationId: string, episodeId: string) {
  return db
    .select()
    .from(missingLocateAttempts)
    .where(
      and(
        eq(missingLocateAttempts.organisationId, organisationId),
        eq(missingLocateAttempts.episodeId, episodeId),
      ),
    )
    .orderBy(asc(missingLocateAttempts.at), asc(missingLocateAttempts.id));
}

export async function insertMeeting(
  db: Db,
  values: typeof missingStrategyMeetings.$inferInsert,
): Promise<void> {
  await db.insert(missingStrategyMeetings).values(values);
}

/** Strategy meetings of some episodes, in date order. */
export async function meetingsOf(
  db: Db,
  organisationId: string,
  episodeIds: readonly string[],
): Promise<MeetingRow[]> {
  if (episodeIds.length === 0) return [];
  return db
    .select()
    .from(missingStrategyMeetings)
    .where(
      and(
        eq(missingStrategyMeetings.organisationId, organisationId),
        anyId(missingStrategyMeetings.episodeId, episodeIds),
      ),
    )
    .orderBy(asc(missingStrategyMeetings.heldOn), asc(missingStrategyMeetings.id));
}

export async function insertInterview(
  db: Db,
  values: typeof missingReturnInterviews.$inferInsert,
): Promise<void> {
  await db.insert(missingReturnInterviews).values(values);
}

/** The return interview as it stands (the latest save) for each of some episodes. */
export async function latestInterviews(
  db: Db,
  organisationId: string,
  episodeIds: readonly string[],
): Promise<Map<string, InterviewRow>> {
  if (episodeIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(missingReturnInterviews)
    .where(
      and(
        eq(missingReturnInterviews.organisationId, organisationId),
        anyId(missingReturnInterviews.episodeId, episodeIds),
      ),
    )
    .orderBy(asc(missingReturnInterviews.id));
  return new Map(rows.map((r) => [r.episodeId, r]));
}

/** Every save of one episode's interview, oldest first. */
export async function interviewHistory(
  db: Db,
  organisationId: string,
  episodeId: string,
): Promise<InterviewRow[]> {
  return db
    .select()
    .from(missingReturnInterviews)
    .where(
      and(
        eq(missingReturnInterviews.organisationId, organisationId),
        eq(missingReturnInterviews.episodeId, episodeId),
      ),
    )
    .orderBy(asc(missingReturnInterviews.id));
}

export async function insertGrabPack(db: Db, values: typeof missingGrabPacks.$inferInsert): Promise<void> {
  await db.insert(missingGrabPacks).values(values);
}

/** Every save of a child's grab pack, oldest first. */
export async function grabPacksOf(db: Db, organisationId: string, personId: string) {
  return db
    .select()
    .from(missingGrabPacks)
    .where(and(eq(missingGrabPacks.organisationId, organisationId), eq(missingGrabPacks.personId, personId)))
    .orderBy(asc(missingGrabPacks.id));
}

export async function insertGrabPackPhoto(
  db: Db,
  values: typeof missingGrabPackPhotos.$inferInsert,
): Promise<void> {
  await db.insert(missingGrabPackPhotos).values(values);
}

/** The child's latest photograph, if any. */
export async function latestGrabPackPhoto(db: Db, organisationId: string, personId: string) {
  const [row] = await db
    .select()
    .from(missingGrabPackPhotos)
    .where(
      and(
        eq(missingGrabPackPhotos.organisationId, organisationId),
        eq(missingGrabPackPhotos.personId, personId),
      ),
    )
    .orderBy(desc(missingGrabPackPhotos.id))
    .limit(1);
  return row ?? null;
}
