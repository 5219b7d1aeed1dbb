/** Meetings and their agendas. */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { COMMITTEE, mayReadNonPublic, need, readableCommittees, todayOf } from './access';
import { exclusionMotion, numbered, reportPosition, STANDARD_ITEMS } from './agenda';
import * as repo from './repository';
import { type MeetingStatus, nextStatus, type Purpose } from './vocab';

export interface MeetingInput {
  date: string;
  startTime: string;
  venue: string | null;
  virtualLink: string | null;
  recordingLink: string | null;
}

export async function createMeeting(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  committeeId: string,
  input: MeetingInput,
) {
  need(actor, COMMITTEE.manage);
  if (!(await repo.committeeById(db, actor.organisationId, committeeId)))
    throw new NotFoundError('committee');
  if (!input.venue && !input.virtualLink)
    throw new ValidationError({ venue: 'Enter the venue or a link to join the meeting online' });
  return db.transaction(async (tx) => {
    const { id } = await repo.insertMeeting(tx, {
      organisationId: actor.organisationId,
      committeeId,
      ...input,
      status: 'scheduled',
      attendance: { members: [], officers: [] },
      createdAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'committee.meeting.create',
      recordType: 'committee_meeting',
      recordId: id,
    });
    return id;
  });
}

/** A meeting with its committee and numbered agenda, for someone who may read the committee. */
export async function getMeeting(db: Db, actor: Actor, ctx: AuditContext, meetingId: string) {
  need(actor, COMMITTEE.read);
  const meeting = await repo.meetingById(db, actor.organisationId, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  const readable = await readableCommittees(db, actor, todayOf(ctx));
  if (readable !== 'all' && !readable.has(meeting.committeeId)) throw new NotFoundError('meeting');
  const committee = (await repo.committeeById(db, actor.organisationId, meeting.committeeId))!;
  const items = await repo.itemsOf(db, actor.organisationId, meetingId);
  const reports = await repo.reportsOfItems(
    db,
    actor.organisationId,
    items.map((i) => i.id),
  );
  const publications = await repo.publicationsOf(db, actor.organisationId, meetingId);
  return {
    meeting,
    committee,
    items: numbered(items),
    reports: new Map(reports.map((r) => [r.agendaItemId, r])),
    exclusion: exclusionMotion(items),
    publications,
    nonPublic: mayReadNonPublic(actor, readable, meeting.committeeId),
  };
}

async function editableMeeting(db: Db, actor: Actor, meetingId: string) {
  need(actor, COMMITTEE.manage);
  const meeting = await repo.meetingById(db, actor.organisationId, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  return meeting;
}

/** Add the standard items the agenda does not have yet, in their places. */
export async function addStandardItems(db: Db, actor: Actor, ctx: AuditContext, meetingId: string) {
  await editableMeeting(db, actor, meetingId);
  await db.transaction(async (tx) => {
    const items = await repo.itemsOf(tx, actor.organisationId, meetingId);
    const have = new Set(items.map((i) => i.standard));
    const reports = items.filter((i) => i.standard === null);
    // Standard items in their order, with the existing reports where reports belong.
    const order: Array<{ existing?: (typeof items)[number]; standard?: (typeof STANDARD_ITEMS)[number] }> =
      [];
    for (const s of STANDARD_ITEMS) {
      const existing = items.find((i) => i.standard === s.standard);
      if (s.standard === 'questions')
        for (const r of reports.filter((r) => r.part === 1)) order.push({ existing: r });
      order.push(existing ? { existing } : { standard: s });
      // Elections of the chairman and deputy (elections-service) stand after the apologies.
      if (s.standard === 'apologies')
        for (const e of items.filter((i) => i.standard?.startsWith('election-'))) order.push({ existing: e });
      if (s.standard === 'minutes-private')
        for (const r of reports.filter((r) => r.part === 2)) order.push({ existing: r });
    }
    const added = order.filter((o) => o.standard && !have.has(o.standard.standard));
    // Renumber everything: existing items keep their relative order.
    let position = 1;
    for (const o of order) {
      if (o.existing && o.existing.position !== position)
        await repo.setItemPosition(tx, actor.organisationId, o.existing.id, position);
      position++;
    }
    position = 1;
    const inserts = [];
    for (const o of order) {
      if (o.standard)
        inserts.push({
          organisationId: actor.organisationId,
          meetingId,
          position,
          title: o.standard.title,
          part: o.standard.part,
          paragraphs: o.standard.paragraphs,
          purpose: o.standard.purpose,
          fromOfficer: null,
          standard: o.standard.standard,
          createdAt: ctx.at,
        });
      position++;
    }
    await repo.insertItems(tx, inserts);
    await recordAudit(tx, ctx, {
      action: 'committee.agenda.standard-items',
      recordType: 'committee_meeting',
      recordId: meetingId,
      detail: `${added.length} added`,
    });
  });
}

export interface ItemInput {
  title: string;
  part: 1 | 2;
  paragraphs: number[];
  purpose: Purpose;
  fromOfficer: string;
}

/** A report item, placed where reports go in its part. */
export async function addItem(db: Db, actor: Actor, ctx: AuditContext, meetingId: string, input: ItemInput) {
  const meeting = await editableMeeting(db, actor, meetingId);
  if (meeting.status !== 'scheduled' && meeting.status !== 'agenda_published')
    throw new ValidationError({ title: 'The meeting has been held: its agenda can no longer change' });
  if (input.part === 2 && input.paragraphs.length === 0)
    throw new ValidationError({
      paragraphs: 'Choose the Schedule 12A paragraph or paragraphs that make the item non-public',
    });
  return db.transaction(async (tx) => {
    const items = await repo.itemsOf(tx, actor.organisationId, meetingId);
    const position = reportPosition(items, input.part);
    await repo.shiftItems(tx, actor.organisationId, meetingId, position);
    await repo.insertItems(tx, [
      {
        organisationId: actor.organisationId,
        meetingId,
        position,
        title: input.title,
        part: input.part,
        paragraphs: input.part === 2 ? input.paragraphs : [],
        purpose: input.purpose,
        fromOfficer: input.fromOfficer,
        standard: null,
        createdAt: ctx.at,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'committee.agenda.item.add',
      recordType: 'committee_meeting',
      recordId: meetingId,
      detail: `part ${input.part}`,
    });
  });
}

/** Move the meeting on to its next status (publishing the agenda is done by publishing the pack). */
export async function advanceStatus(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  to: MeetingStatus,
) {
  const meeting = await editableMeeting(db, actor, meetingId);
  const next = nextStatus(meeting.status as MeetingStatus);
  if (next !== to || to === 'agenda_published')
    throw new ValidationError({ status: 'The meeting cannot move to that status from where it is' });
  await db.transaction(async (tx) => {
    await repo.updateMeeting(tx, actor.organisationId, meetingId, { status: to });
    await recordAudit(tx, ctx, {
      action: 'committee.meeting.status',
      recordType: 'committee_meeting',
      recordId: meetingId,
      detail: `${meeting.status} -> ${to}`,
    });
  });
}

export interface AttendanceInput {
  members: Array<{ userId: string; status: 'present' | 'apologies' | 'absent' }>;
  officers: Array<{ name: string; department: string }>;
}

/** The members of the committee on the meeting's day, for recording attendance. */
export async function membersOnTheDay(db: Db, actor: Actor, meetingId: string) {
  const meeting = await editableMeeting(db, actor, meetingId);
  const members = await repo.membersOf(db, actor.organisationId, meeting.committeeId);
  return {
    meeting,
    members: members.filter((m) => m.termStart <= meeting.date && (!m.termEnd || m.termEnd >= meeting.date)),
  };
}

/** Record who was present, who sent apologies, and the officers in attendance. */
export async function recordAttendance(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  input: AttendanceInput,
) {
  const { members } = await membersOnTheDay(db, actor, meetingId);
  const byId = new Map(members.map((m) => [m.userId, m.name]));
  const unknown = input.members.find((m) => !byId.has(m.userId));
  if (unknown) throw new ValidationError({ members: 'Record attendance only for the committee’s members' });
  await db.transaction(async (tx) => {
    await repo.updateMeeting(tx, actor.organisationId, meetingId, {
      attendance: {
        members: input.members.map((m) => ({ ...m, name: byId.get(m.userId)! })),
        officers: input.officers,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'committee.meeting.attendance',
      recordType: 'committee_meeting',
      recordId: meetingId,
    });
  });
}
