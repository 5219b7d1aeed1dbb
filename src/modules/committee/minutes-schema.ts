/**
 * Minutes of a committee meeting and the elections recorded at it.
 *
 * The clerk drafts the minutes item by item (committee_minutes, changed in
 * place while a draft). Approval freezes them: the approved public minutes
 * and the non-public summary are stored once in committee_approved_minutes,
 * which is append-only (database trigger), like the published packs. A
 * member's private notes on the papers sit here too.
 */
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';
import { agendaItems, committeeMeetings, committees } from './schema';

const moment = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const orgId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);

/** An action agreed under an item; once raised it is on the committee's outstanding actions list (plans). */
export interface MinutesAction {
  description: string;
  /** The officer (job title) who owns it. */
  officer: string;
  dueDate: string | null;
  /** Its reference on the outstanding actions list and the plans action, once raised. */
  reference: string | null;
  planActionId: string | null;
}

/** A member's question under an item, with its answer as minuted. */
export interface MinutesQuestion {
  /** Who asked, as minuted: "Councillor A. Example". */
  askedBy: string;
  question: string;
  /** Null until answered: the answer may be given after the meeting, before the minutes are approved. */
  answer: string | null;
  /** Who answered: an officer's job title or a member. */
  answeredBy: string | null;
  /** The answer was given after the meeting (in writing), and the minutes say so. */
  afterMeeting: boolean;
}

/** What the clerk wrote under one agenda item. */
export interface MinutesItemEntry {
  itemId: string;
  /** A summary of the discussion, in the reports' structured text (markup.ts). */
  discussion: string;
  /** Each resolution, "That ..."; numbered in the minutes item by item. */
  resolutions: string[];
  actions: MinutesAction[];
  /** Members' questions and their answers, in the order asked (absent in minutes drafted before questions were kept apart). */
  questions?: MinutesQuestion[];
}

export interface MinutesContent {
  items: MinutesItemEntry[];
  /** HH:MM the meeting ended, London time. */
  endedAt: string | null;
}

export const committeeMinutes = pgTable(
  'committee_minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => committeeMeetings.id),
    /** draft or approved; an approved draft is never changed again. */
    status: text('status').notNull(),
    content: jsonb('content').$type<MinutesContent>().notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [uniqueIndex('committee_minutes_meeting').on(t.meetingId)],
);

/** Approved minutes, frozen: append-only. */
export const committeeApprovedMinutes = pgTable(
  'committee_approved_minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => committeeMeetings.id),
    /** at_meeting (the next meeting's minutes item) or chairman. */
    approvedHow: text('approved_how').notNull(),
    approvedOn: day('approved_on').notNull(),
    /** The meeting whose "minutes" item approved them, when approved at a meeting. */
    approvedAtMeetingId: uuid('approved_at_meeting_id').references(() => committeeMeetings.id),
    publicMinutes: jsonb('public_minutes').notNull(),
    nonPublicMinutes: jsonb('non_public_minutes').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: moment('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('committee_approved_minutes_meeting').on(t.meetingId)],
);

/** The result of an election of the chairman or deputy chairman, recorded under its agenda item. */
export const committeeElections = pgTable(
  'committee_elections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    /** chairman or deputy_chairman. */
    role: text('role').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    electedOn: day('elected_on').notNull(),
    termEnd: day('term_end'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: moment('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('committee_elections_item').on(t.agendaItemId),
    index('committee_elections_committee').on(t.organisationId, t.committeeId),
  ],
);

/** A member's private note on an agenda item's papers: only its author ever reads it. */
export const committeePaperNotes = pgTable(
  'committee_paper_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    note: text('note').notNull(),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [uniqueIndex('committee_paper_notes_user_item').on(t.userId, t.agendaItemId)],
);
