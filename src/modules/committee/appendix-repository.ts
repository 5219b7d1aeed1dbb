/**
 * Queries for uploaded appendices and for searching published packs. Every
 * one is scoped by organisation.
 */
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import {
  appendixFiles,
  committeeMeetings,
  committeePublications,
  committees,
  reportAppendices,
} from './schema';

/** Add an appendix (and, for an uploaded one, its file) at the end of the report's list. */
export async function insertAppendixWithFile(
  db: Db,
  values: Omit<typeof reportAppendices.$inferInsert, 'position'>,
  file?: Omit<typeof appendixFiles.$inferInsert, 'appendixId' | 'organisationId'>,
): Promise<string> {
  const existing = await db
    .select({ id: reportAppendices.id })
    .from(reportAppendices)
    .where(
      and(
        eq(reportAppendices.organisationId, values.organisationId),
        eq(reportAppendices.reportId, values.reportId),
      ),
    );
  const [row] = await db
    .insert(reportAppendices)
    .values({ ...values, position: existing.length + 1 })
    .returning({ id: reportAppendices.id });
  if (file)
    await db
      .insert(appendixFiles)
      .values({ ...file, appendixId: row!.id, organisationId: values.organisationId });
  return row!.id;
}

/** What a pack needs of uploaded files (no content): by appendix. */
export async function fileFacts(db: Db, organisationId: string, appendixIds: string[]) {
  if (!appendixIds.length) return new Map<string, FileFacts>();
  const rows = await db
    .select({
      appendixId: appendixFiles.appendixId,
      contentType: appendixFiles.contentType,
      sizeBytes: appendixFiles.sizeBytes,
      pages: appendixFiles.pages,
      text: appendixFiles.text,
    })
    .from(appendixFiles)
    .where(
      and(eq(appendixFiles.organisationId, organisationId), inArray(appendixFiles.appendixId, appendixIds)),
    );
  return new Map(rows.map((r) => [r.appendixId, r]));
}
export interface FileFacts {
  appendixId: string;
  contentType: string;
  sizeBytes: number;
  pages: number;
  text: string | null;
}

/** An uploaded appendix's content, with its name and report. */
export async function appendixFile(db: Db, organisationId: string, appendixId: string) {
  const [row] = await db
    .select({
      appendixId: appendixFiles.appendixId,
      reportId: reportAppendices.reportId,
      filename: reportAppendices.fileName,
      public: reportAppendices.public,
      contentType: appendixFiles.contentType,
      content: appendixFiles.content,
    })
    .from(appendixFiles)
    .innerJoin(reportAppendices, eq(reportAppendices.id, appendixFiles.appendixId))
    .where(and(eq(appendixFiles.organisationId, organisationId), eq(appendixFiles.appendixId, appendixId)));
  return row;
}

/** The contents of several uploaded appendices (for a PDF pack), by appendix. */
export async function appendixContents(db: Db, organisationId: string, appendixIds: string[]) {
  if (!appendixIds.length) return new Map<string, Buffer>();
  const rows = await db
    .select({ appendixId: appendixFiles.appendixId, content: appendixFiles.content })
    .from(appendixFiles)
    .where(
      and(eq(appendixFiles.organisationId, organisationId), inArray(appendixFiles.appendixId, appendixIds)),
    );
  return new Map(rows.map((r) => [r.appendixId, r.content]));
}

/**
 * What the public search reads of a public pack: its Part 1 items with a
 * report or none, their titles, report subjects, sections and appendix
 * titles; not the appendices' renderings or the data frozen with them.
 */
export interface SearchablePack {
  items: Array<{
    number: number;
    title: string;
    part: number;
    standard: string | null;
    fromOfficer: string | null;
    report: {
      cover: { subject: string };
      sections: Array<{ heading: string; html: string }>;
      appendices: Array<{ title: string; public: boolean }>;
    } | null;
  }>;
}

/** The searchable part of a public pack, made by PostgreSQL so the rest is never read out. */
const searchablePack = sql<SearchablePack>`jsonb_build_object('items', (
  select coalesce(jsonb_agg(jsonb_build_object(
    'number', i->'number', 'title', i->'title', 'part', i->'part', 'standard', i->'standard',
    'fromOfficer', i->'fromOfficer',
    'report', case when jsonb_typeof(i->'report') = 'object' then jsonb_build_object(
      'cover', jsonb_build_object('subject', i->'report'->'cover'->'subject'),
      'sections', coalesce(i->'report'->'sections', '[]'::jsonb),
      'appendices', (
        select coalesce(jsonb_agg(jsonb_build_object('title', a->'title', 'public', a->'public') order by n), '[]'::jsonb)
        from jsonb_array_elements(coalesce(i->'report'->'appendices', '[]'::jsonb)) with ordinality as ap(a, n))
    ) end
  ) order by k), '[]'::jsonb)
  from jsonb_array_elements(${committeePublications.publicPack}->'items') with ordinality as it(i, k)
  where i->>'part' = '1' and jsonb_typeof(i->'standard') is distinct from 'string'
))`;

/**
 * The latest publication of every meeting with one, with the meeting's date
 * and committee, newest meeting first, within the dates given (inclusive):
 * the searchable part of its public pack only.
 */
export async function latestPublications(
  db: Db,
  organisationId: string,
  range: { from?: string; to?: string },
) {
  const rows = await db
    .select({
      meetingId: committeePublications.meetingId,
      version: committeePublications.version,
      publicPack: searchablePack,
      date: committeeMeetings.date,
      committeeName: committees.name,
    })
    .from(committeePublications)
    .innerJoin(committeeMeetings, eq(committeeMeetings.id, committeePublications.meetingId))
    .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
    .where(
      and(
        eq(committeePublications.organisationId, organisationId),
        eq(committeeMeetings.organisationId, organisationId),
        eq(
          committeePublications.version,
          sql`(select max(p.version) from committee_publications p
               where p.organisation_id = ${organisationId} and p.meeting_id = ${committeePublications.meetingId})`,
        ),
        range.from ? gte(committeeMeetings.date, range.from) : undefined,
        range.to ? lte(committeeMeetings.date, range.to) : undefined,
      ),
    );
  return rows.sort((a, b) => b.date.localeCompare(a.date) || a.committeeName.localeCompare(b.committeeName));
}
