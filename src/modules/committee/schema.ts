/**
 * Committee business: committees with their constitution and members,
 * meetings with attendance, agenda items in Part 1 (public) or Part 2
 * (non-public), officers' reports with their appendices, and publications.
 *
 * Published packs are frozen: a publication row holds the pack as it was
 * published (text, embedded components and all) and is never changed; a later
 * correction is a new publication with the next version number.
 */
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
const moment = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const orgId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);

export const committees = pgTable(
  'committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text('name').notNull(),
    /** The committee this one reports to, if any. */
    parentId: uuid('parent_id'),
    /** Constitution: number of members and the quorum. */
    memberCount: integer('member_count').notNull(),
    quorum: integer('quorum').notNull(),
    /** Terms of reference: the numbered duties, in order. */
    duties: jsonb('duties').$type<string[]>().notNull(),
    /** Suggested frequency of meetings, e.g. "Quarterly". */
    frequency: text('frequency').notNull(),
    clerkUserId: uuid('clerk_user_id').references(() => users.id),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [uniqueIndex('committees_org_name').on(t.organisationId, t.name)],
);

/** A member's seat: a user with the committee_member role, their role on the committee and their term. */
export const committeeMembers = pgTable(
  'committee_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** chairman, deputy_chairman, member or co_opted. */
    role: text('role').notNull(),
    termStart: day('term_start').notNull(),
    termEnd: day('term_end'),
  },
  (t) => [index('committee_members_user').on(t.organisationId, t.userId)],
);

export interface Attendance {
  members: Array<{ userId: string; name: string; status: 'present' | 'apologies' | 'absent' }>;
  officers: Array<{ name: string; department: string }>;
}

export const committeeMeetings = pgTable(
  'committee_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id),
    date: day('date').notNull(),
    /** HH:MM, London time. */
    startTime: text('start_time').notNull(),
    venue: text('venue'),
    virtualLink: text('virtual_link'),
    recordingLink: text('recording_link'),
    /** scheduled, agenda_published, held, minutes_draft, minutes_approved. */
    status: text('status').notNull(),
    attendance: jsonb('attendance').$type<Attendance>().notNull(),
    /** The glossary in the public pack: none, the acronyms used in the pack, or all. */
    glossary: text('glossary').notNull().default('none'),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [index('committee_meetings_committee').on(t.organisationId, t.committeeId, t.date)],
);

export const agendaItems = pgTable(
  'committee_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => committeeMeetings.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** 1 public, 2 non-public. */
    part: integer('part').notNull(),
    /** Schedule 12A paragraphs (1-7) of a Part 2 item. */
    paragraphs: jsonb('paragraphs').$type<number[]>().notNull(),
    /** information or decision; null for procedural items. */
    purpose: text('purpose'),
    fromOfficer: text('from_officer'),
    /** The standard item this is (apologies, declarations...), or null for a report or other item. */
    standard: text('standard'),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [index('committee_agenda_items_meeting').on(t.organisationId, t.meetingId, t.position)],
);

/** Cover sheet fields (vocabularies.md, "Report cover sheet"). */
export interface ReportCover {
  subject: string;
  corporateOutcomes: string | null;
  spending: string | null;
  reportOf: string;
  author: string;
  authorContact: string | null;
}

/** Body sections, each in the report's small structured text (see markup.ts). */
export interface ReportBody {
  summary: string;
  recommendations: string;
  mainReport: string;
  implications: string | null;
  conclusion: string | null;
  backgroundPapers: string | null;
}

export const committeeReports = pgTable(
  'committee_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    cover: jsonb('cover').$type<ReportCover>().notNull(),
    body: jsonb('body').$type<ReportBody>().notNull(),
    /** draft, awaiting_sign_off, signed_off, accepted. */
    status: text('status').notNull(),
    draftedBy: uuid('drafted_by').references(() => users.id),
    signOffBy: uuid('sign_off_by').references(() => users.id),
    signedOffAt: moment('signed_off_at'),
    acceptedAt: moment('accepted_at'),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [uniqueIndex('committee_reports_item').on(t.agendaItemId)],
);

/**
 * An appendix: an embedded component (frozen when the pack is published) or
 * an uploaded file (committee_appendix_files), public or not.
 */
export const reportAppendices = pgTable(
  'committee_report_appendices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => committeeReports.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    public: boolean('public').notNull(),
    /** The component embedded; both null for an uploaded file. */
    componentKind: text('component_kind'),
    componentRef: text('component_ref'),
    /** The uploaded file's name, for an uploaded file. */
    fileName: text('file_name'),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [index('committee_report_appendices_report').on(t.organisationId, t.reportId)],
);

/**
 * An uploaded appendix's content. Never changed or removed: a published pack
 * refers to it by its appendix, so what was published stays readable.
 */
export const appendixFiles = pgTable('committee_appendix_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: orgId(),
  appendixId: uuid('appendix_id')
    .notNull()
    .unique()
    .references(() => reportAppendices.id),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  content: bytea('content').notNull(),
  /** Pages: a PDF's own count, otherwise the pages its text fills. */
  pages: integer('pages').notNull(),
  /** The text read from the file for disclosure control; null when it cannot be read (a PDF). */
  text: text('text'),
});

/** A flagged disclosure match the clerk let through, with the reason (also in the access audit). */
export const disclosureOverrides = pgTable(
  'committee_disclosure_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => committeeMeetings.id),
    /** Where and what was matched, as the check names it. */
    matchKey: text('match_key').notNull(),
    reason: text('reason').notNull(),
    overriddenBy: uuid('overridden_by')
      .notNull()
      .references(() => users.id),
    overriddenAt: moment('overridden_at').notNull(),
  },
  (t) => [uniqueIndex('committee_disclosure_overrides_key').on(t.meetingId, t.matchKey)],
);

/** A published pack: frozen, append-only. The public part is what the public site shows. */
export const committeePublications = pgTable(
  'committee_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => committeeMeetings.id),
    version: integer('version').notNull(),
    publicPack: jsonb('public_pack').notNull(),
    nonPublicPack: jsonb('non_public_pack').notNull(),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: moment('published_at').notNull(),
  },
  (t) => [uniqueIndex('committee_publications_version').on(t.meetingId, t.version)],
);

/** The organisation's glossary of acronyms, which the clerk may add to a meeting's public pack. */
export const glossaryEntries = pgTable(
  'committee_glossary',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    acronym: text('acronym').notNull(),
    /** The acronym upper-cased, for refusing a duplicate. */
    acronymKey: text('acronym_key').notNull(),
    meaning: text('meaning').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [uniqueIndex('committee_glossary_acronym').on(t.organisationId, t.acronymKey)],
);
