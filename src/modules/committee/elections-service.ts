/**
 * Elections of the chairman and deputy chairman: agenda items that record
 * who was elected and from when, and change the members' roles for the term
 * (the elected member's seat takes the role; whoever held it goes back to
 * member). The minutes of the item state the result.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { addDays } from '../../platform/calendar/working-days';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { formatDate } from '../../platform/http/views';
import type { Actor } from '../../platform/permissions';
import { COMMITTEE, need, todayOf } from './access';
import * as mrepo from './minutes-repository';
import * as repo from './repository';
import { MEMBER_ROLE_NAMES } from './vocab';

export const ELECTIONS = [
  { standard: 'election-chairman', role: 'chairman', title: 'Election of Chairman' },
  { standard: 'election-deputy', role: 'deputy_chairman', title: 'Election of Deputy Chairman' },
] as const;
export type ElectedRole = (typeof ELECTIONS)[number]['role'];

export const electionOf = (standard: string | null) => ELECTIONS.find((e) => e.standard === standard);

/** Add the two elections after the apologies (or first), unless the agenda has them. */
export async function addElectionItems(db: Db, actor: Actor, ctx: AuditContext, meetingId: string) {
  need(actor, COMMITTEE.manage);
  const meeting = await repo.meetingById(db, actor.organisationId, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  if (meeting.status !== 'scheduled' && meeting.status !== 'agenda_published')
    throw new ValidationError({ form: 'The meeting has been held: its agenda can no longer change' });
  await db.transaction(async (tx) => {
    const items = await repo.itemsOf(tx, actor.organisationId, meetingId);
    const missing = ELECTIONS.filter((e) => !items.some((i) => i.standard === e.standard));
    const apologies = items.find((i) => i.standard === 'apologies');
    let position = apologies ? apologies.position + 1 : 1;
    for (const e of missing) {
      await repo.shiftItems(tx, actor.organisationId, meetingId, position);
      await repo.insertItems(tx, [
        {
          organisationId: actor.organisationId,
          meetingId,
          position,
          title: e.title,
          part: 1,
          paragraphs: [],
          purpose: 'decision',
          fromOfficer: null,
          standard: e.standard,
          createdAt: ctx.at,
        },
      ]);
      position++;
    }
    await recordAudit(tx, ctx, {
      action: 'committee.agenda.elections',
      recordType: 'committee_meeting',
      recordId: meetingId,
      detail: `${missing.length} added`,
    });
  });
}

/** An election item with its meeting, the members who may be elected, and the result if recorded. */
export async function getElection(db: Db, actor: Actor, itemId: string) {
  need(actor, COMMITTEE.manage);
  const item = await repo.itemById(db, actor.organisationId, itemId);
  const election = item && electionOf(item.standard);
  if (!item || !election) throw new NotFoundError('election');
  const meeting = (await repo.meetingById(db, actor.organisationId, item.meetingId))!;
  const seats = (await repo.membersOf(db, actor.organisationId, meeting.committeeId)).filter(
    (s) => s.termStart <= meeting.date && (!s.termEnd || s.termEnd >= meeting.date),
  );
  const [result] = await mrepo.electionsOfItems(db, actor.organisationId, [itemId]);
  return { item, election, meeting, seats, result: result ?? null };
}

export interface ElectionInput {
  userId: string;
  termEnd: string | null;
}

/** Record the result and change the roles for the term, in one transaction. */
export async function recordElection(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  itemId: string,
  input: ElectionInput,
) {
  const { item, election, meeting, seats, result } = await getElection(db, actor, itemId);
  if (result) throw new ValidationError({ userId: 'The result of this election is already recorded' });
  if (meeting.date > todayOf(ctx))
    throw new ValidationError({ userId: 'Record the result on or after the day of the meeting' });
  const seat = seats.find((s) => s.userId === input.userId);
  if (!seat)
    throw new ValidationError({ userId: 'Choose a member of the committee on the day of the meeting' });
  if (input.termEnd && input.termEnd <= meeting.date)
    throw new ValidationError({ termEnd: 'The end of the term must be after the date of the meeting' });
  const from = meeting.date;
  const org = actor.organisationId;
  await db.transaction(async (tx) => {
    await mrepo.insertElection(tx, {
      organisationId: org,
      committeeId: meeting.committeeId,
      agendaItemId: item.id,
      role: election.role,
      userId: input.userId,
      electedOn: from,
      termEnd: input.termEnd,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    // A seat changes role from the day of the meeting: before it, the old role stands.
    const changeRole = async (s: (typeof seats)[number], role: string, termEnd: string | null) => {
      if (s.termStart < from) {
        await mrepo.updateSeat(tx, org, s.id, { termEnd: addDays(from, -1) });
        await mrepo.insertSeat(tx, {
          organisationId: org,
          committeeId: meeting.committeeId,
          userId: s.userId,
          role,
          termStart: from,
          termEnd,
        });
      } else await mrepo.updateSeat(tx, org, s.id, { role, termEnd });
    };
    for (const s of seats)
      if (s.userId !== input.userId && s.role === election.role) await changeRole(s, 'member', s.termEnd);
    if (seat.role !== election.role || input.termEnd)
      await changeRole(seat, election.role, input.termEnd ?? seat.termEnd);
    await recordAudit(tx, ctx, {
      action: 'committee.election.record',
      recordType: 'committee_meeting',
      recordId: meeting.id,
      detail: `${election.role}: user ${input.userId}`,
    });
  });
}

/** The result of each election among the items, as the minutes state it. */
export async function electionSentences(db: Db, organisationId: string, itemIds: string[]) {
  const rows = await mrepo.electionsOfItems(db, organisationId, itemIds);
  return new Map(
    rows.map((r) => [
      r.election.agendaItemId,
      `${r.name} was elected ${MEMBER_ROLE_NAMES[r.election.role as ElectedRole]} from ${formatDate(r.election.electedOn)}${
        r.election.termEnd ? ` to ${formatDate(r.election.termEnd)}` : ''
      }.`,
    ]),
  );
}
