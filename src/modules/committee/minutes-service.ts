/**
 * Minutes: the clerk drafts them item by item once the meeting is held;
 * actions agreed go to the committee's outstanding actions list (the plans
 * module's service); approval (at the next meeting's "minutes" item, or by
 * the chairman on a date) passes disclosure control like a pack and freezes
 * the public minutes and the non-public summary, append-only.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { registerCandidates } from '../cases/service';
import { addOutstandingAction } from '../plans/service';
import { COMMITTEE, mayReadNonPublic, need, readableCommittees, todayOf } from './access';
import { numbered } from './agenda';
import { checkPublicTexts, registerQuery } from './disclosure';
import { electionSentences } from './elections-service';
import { buildMinutes, discussionsByNumber, type MinutesDoc, publicMinutesTexts } from './minutes';
import * as mrepo from './minutes-repository';
import type { MinutesAction, MinutesContent, MinutesItemEntry } from './minutes-schema';
import { type CheckedFinding, letThrough, withOverrides } from './overrides';
import * as repo from './repository';

const EMPTY: MinutesContent = { items: [], endedAt: null };

/** Where minutes may be drafted: once the meeting is held, until they are approved. */
const DRAFTING = new Set(['held', 'minutes_draft']);

async function readableMeeting(db: Db, actor: Actor, ctx: AuditContext, meetingId: string) {
  need(actor, COMMITTEE.read);
  const meeting = await repo.meetingById(db, actor.organisationId, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  const readable = await readableCommittees(db, actor, todayOf(ctx));
  if (readable !== 'all' && !readable.has(meeting.committeeId)) throw new NotFoundError('meeting');
  return { meeting, readable };
}

/** The minutes of a meeting for a reader: approved minutes for all; the draft for the clerk. */
export async function getMinutes(db: Db, actor: Actor, ctx: AuditContext, meetingId: string) {
  const { meeting, readable } = await readableMeeting(db, actor, ctx, meetingId);
  const committee = (await repo.committeeById(db, actor.organisationId, meeting.committeeId))!;
  const mayManage = actor.permissions.has(COMMITTEE.manage);
  const nonPublic = mayReadNonPublic(actor, readable, meeting.committeeId);
  const approved = await mrepo.approvedMinutesOf(db, actor.organisationId, meetingId);
  const draft = mayManage ? await mrepo.minutesOf(db, actor.organisationId, meetingId) : undefined;
  const items = numbered(await repo.itemsOf(db, actor.organisationId, meetingId));
  if (approved && nonPublic)
    await recordAudit(db, ctx, {
      action: 'committee.minutes.non-public.read',
      recordType: 'committee_meeting',
      recordId: meetingId,
    });
  return {
    meeting,
    committee,
    items,
    mayManage,
    drafting: mayManage && !approved && DRAFTING.has(meeting.status),
    draft: draft?.content ?? null,
    preview: mayManage && !approved ? (await minutesDocs(db, actor.organisationId, meetingId)).docs : null,
    approved: approved
      ? {
          approvedOn: approved.approvedOn,
          approvedHow: approved.approvedHow,
          publicMinutes: approved.publicMinutes as MinutesDoc,
          nonPublicMinutes: nonPublic ? (approved.nonPublicMinutes as MinutesDoc) : null,
        }
      : null,
  };
}

/** The minutes as they would be approved now, from the draft. */
async function minutesDocs(db: Db, organisationId: string, meetingId: string) {
  const meeting = (await repo.meetingById(db, organisationId, meetingId))!;
  const committee = (await repo.committeeById(db, organisationId, meeting.committeeId))!;
  const items = await repo.itemsOf(db, organisationId, meetingId);
  const content = (await mrepo.minutesOf(db, organisationId, meetingId))?.content ?? EMPTY;
  const seats = await repo.membersOf(db, organisationId, meeting.committeeId);
  const roles = new Map(
    seats
      .filter((s) => s.termStart <= meeting.date && (!s.termEnd || s.termEnd >= meeting.date))
      .map((s) => [s.userId, s.role]),
  );
  const elections = await electionSentences(
    db,
    organisationId,
    items.map((i) => i.id),
  );
  const input = { committeeName: committee.name, meeting, roles, items, content, elections };
  return {
    meeting,
    committee,
    items,
    content,
    docs: buildMinutes(input),
    discussions: discussionsByNumber(input),
  };
}

export async function draftableMeeting(db: Db, actor: Actor, meetingId: string) {
  need(actor, COMMITTEE.manage);
  const meeting = await repo.meetingById(db, actor.organisationId, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  if (await mrepo.approvedMinutesOf(db, actor.organisationId, meetingId))
    throw new ValidationError({ form: 'The minutes are approved: they can no longer change' });
  if (!DRAFTING.has(meeting.status))
    throw new ValidationError({ form: 'Mark the meeting as held before drafting its minutes' });
  return meeting;
}

/** An agenda item of the meeting, with its number on the agenda. */
export async function agendaItemOf(db: Db, actor: Actor, meetingId: string, itemId: string) {
  const item = await repo.itemById(db, actor.organisationId, itemId);
  if (!item || item.meetingId !== meetingId) throw new NotFoundError('agenda item');
  const number = numbered(await repo.itemsOf(db, actor.organisationId, meetingId)).find(
    (i) => i.id === itemId,
  )!.number;
  return { item, number };
}

/**
 * Put one item's entry into the draft minutes, replacing the one it had (in
 * the caller's transaction); the first entry moves the meeting to minutes in draft.
 */
export async function writeItemEntry(
  tx: Db,
  actor: Actor,
  ctx: AuditContext,
  meeting: { id: string; status: string },
  content: MinutesContent,
  entry: MinutesItemEntry,
): Promise<void> {
  await mrepo.upsertMinutes(tx, {
    organisationId: actor.organisationId,
    meetingId: meeting.id,
    status: 'draft',
    content: { ...content, items: [...content.items.filter((e) => e.itemId !== entry.itemId), entry] },
    updatedBy: actor.userId,
    updatedAt: ctx.at,
  });
  if (meeting.status === 'held')
    await repo.updateMeeting(tx, actor.organisationId, meeting.id, { status: 'minutes_draft' });
}

export interface ItemMinutesInput {
  discussion: string;
  resolutions: string[];
  /** A new action agreed under the item, raised on the outstanding actions list as it is saved. */
  action: { description: string; officer: string; dueDate: string | null } | null;
}

/** The minutes of one agenda item (actions already raised are kept as they are). */
export async function saveItemMinutes(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  itemId: string,
  input: ItemMinutesInput,
) {
  const meeting = await draftableMeeting(db, actor, meetingId);
  const { item, number } = await agendaItemOf(db, actor, meetingId, itemId);
  if (input.action?.dueDate && input.action.dueDate < meeting.date)
    throw new ValidationError({ dueDate: 'The due date must be on or after the date of the meeting' });
  const committee = (await repo.committeeById(db, actor.organisationId, meeting.committeeId))!;
  await db.transaction(async (tx) => {
    const content = (await mrepo.minutesOf(tx, actor.organisationId, meetingId))?.content ?? EMPTY;
    const previous = content.items.find((e) => e.itemId === itemId);
    const actions: MinutesAction[] = [...(previous?.actions ?? [])];
    if (input.action) {
      const raised = await addOutstandingAction(tx, actor, ctx, {
        committeeName: committee.name,
        action: input.action.description,
        dateAdded: meeting.date,
        agendaItem: `Item ${number}: ${item.title}`,
        officer: input.action.officer,
        targetDate: input.action.dueDate,
      });
      actions.push({ ...input.action, reference: raised.reference, planActionId: raised.actionId });
    }
    // Questions are kept apart (minutes-questions-service.ts): saving the item keeps them.
    const entry = {
      itemId,
      discussion: input.discussion,
      resolutions: input.resolutions,
      actions,
      questions: previous?.questions ?? [],
    };
    await writeItemEntry(tx, actor, ctx, meeting, content, entry);
    await recordAudit(tx, ctx, {
      action: 'committee.minutes.item',
      recordType: 'committee_meeting',
      recordId: meetingId,
      detail: `item ${number}${input.action ? ', action raised' : ''}`,
    });
  });
}

/** The time the meeting ended, for the minutes. */
export async function saveEndedAt(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  endedAt: string,
) {
  const meeting = await draftableMeeting(db, actor, meetingId);
  if (endedAt <= meeting.startTime)
    throw new ValidationError({ endedAt: `Enter a time after the meeting started, ${meeting.startTime}` });
  await db.transaction(async (tx) => {
    const content = (await mrepo.minutesOf(tx, actor.organisationId, meetingId))?.content ?? EMPTY;
    await mrepo.upsertMinutes(tx, {
      organisationId: actor.organisationId,
      meetingId,
      status: 'draft',
      content: { ...content, endedAt },
      updatedBy: actor.userId,
      updatedAt: ctx.at,
    });
    if (meeting.status === 'held')
      await repo.updateMeeting(tx, actor.organisationId, meetingId, { status: 'minutes_draft' });
    await recordAudit(tx, ctx, {
      action: 'committee.minutes.ended',
      recordType: 'committee_meeting',
      recordId: meetingId,
    });
  });
}

export interface MinutesCheck {
  problems: string[];
  findings: CheckedFinding[];
  blocked: boolean;
}

async function prepare(db: Db, actor: Actor, meetingId: string) {
  const data = await minutesDocs(db, actor.organisationId, meetingId);
  const problems: string[] = [];
  if (!(await mrepo.minutesOf(db, actor.organisationId, meetingId)))
    problems.push('Nothing has been minuted yet: write the minutes of the items first');
  const texts = publicMinutesTexts(data.docs.publicMinutes, data.discussions);
  const people = await registerCandidates(db, actor.organisationId, registerQuery(texts));
  const findings = await withOverrides(db, actor.organisationId, meetingId, checkPublicTexts(texts, people));
  const check: MinutesCheck = {
    problems,
    findings,
    blocked: problems.length > 0 || findings.some((f) => f.overridden === null),
  };
  return { ...data, check };
}

/** The disclosure check of the public minutes, before approval. */
export async function checkMinutes(db: Db, actor: Actor, meetingId: string): Promise<MinutesCheck> {
  await draftableMeeting(db, actor, meetingId);
  return (await prepare(db, actor, meetingId)).check;
}

/** Let a flagged finding in the public minutes through, with the reason (access-audited). */
export async function overrideMinutesFinding(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  key: string,
  reason: string,
) {
  await draftableMeeting(db, actor, meetingId);
  const { check } = await prepare(db, actor, meetingId);
  await letThrough(
    db,
    actor,
    ctx,
    meetingId,
    check.findings,
    key,
    reason,
    'This finding cannot be let through: change the minutes instead',
  );
}

export type Approval = { how: 'at_meeting' } | { how: 'chairman'; date: string };

export class MinutesBlocked extends Error {
  readonly statusCode = 400;
  constructor(readonly check: MinutesCheck) {
    super('approval of the minutes blocked by disclosure control');
  }
}

/**
 * Approve the minutes: at the committee's next meeting (held, with a
 * "minutes" item on its agenda), or by the chairman on a date. Disclosure
 * control must pass; the minutes are then frozen and published.
 */
export async function approveMinutes(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  approval: Approval,
) {
  const meeting = await draftableMeeting(db, actor, meetingId);
  const today = todayOf(ctx);
  let approvedOn: string;
  let approvedAtMeetingId: string | null = null;
  if (approval.how === 'at_meeting') {
    const next = await mrepo.nextMeetingAfter(
      db,
      actor.organisationId,
      meeting.committeeId,
      meeting.date,
      today,
    );
    const hasItem =
      next && (await repo.itemsOf(db, actor.organisationId, next.id)).some((i) => i.standard === 'minutes');
    if (!next || !hasItem)
      throw new ValidationError({
        how: 'No later meeting of the committee has been held with the minutes on its agenda: choose approval by the chairman instead',
      });
    approvedOn = next.date;
    approvedAtMeetingId = next.id;
  } else {
    if (approval.date < meeting.date || approval.date > today)
      throw new ValidationError({
        date: 'The date of approval must be between the date of the meeting and today',
      });
    approvedOn = approval.date;
  }
  return db.transaction(async (tx) => {
    const { docs, check } = await prepare(tx, actor, meetingId);
    if (check.blocked) throw new MinutesBlocked(check);
    const { id } = await mrepo.insertApprovedMinutes(tx, {
      organisationId: actor.organisationId,
      meetingId,
      approvedHow: approval.how,
      approvedOn,
      approvedAtMeetingId,
      publicMinutes: docs.publicMinutes,
      nonPublicMinutes: docs.nonPublicMinutes,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    await mrepo.setMinutesStatus(tx, actor.organisationId, meetingId, 'approved');
    await repo.updateMeeting(tx, actor.organisationId, meetingId, { status: 'minutes_approved' });
    await recordAudit(tx, ctx, {
      action: 'committee.minutes.approve',
      recordType: 'committee_meeting',
      recordId: meetingId,
      detail: `${approval.how} on ${approvedOn}; record ${id}`,
    });
  });
}

/** Approved public minutes for the public site; null when not approved. */
export async function publicMinutes(db: Db, organisationId: string, meetingId: string) {
  const row = await mrepo.approvedMinutesOf(db, organisationId, meetingId);
  return row ? { minutes: row.publicMinutes as MinutesDoc, approvedOn: row.approvedOn } : null;
}
