/**
 * A reader's private notes on the papers of a meeting, one per agenda item:
 * only their author reads them (no one else, the clerk included); writing
 * one is in the access audit, its text is not.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { COMMITTEE, mayReadNonPublic, need, readableCommittees, todayOf } from './access';
import { numbered } from './agenda';
import * as mrepo from './minutes-repository';
import * as repo from './repository';

export const MAX_NOTE = 5000;

async function readable(db: Db, actor: Actor, ctx: AuditContext, meetingId: string) {
  need(actor, COMMITTEE.read);
  const meeting = await repo.meetingById(db, actor.organisationId, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  const committees = await readableCommittees(db, actor, todayOf(ctx));
  if (committees !== 'all' && !committees.has(meeting.committeeId)) throw new NotFoundError('meeting');
  const items = numbered(await repo.itemsOf(db, actor.organisationId, meetingId)).filter(
    // Notes on Part 2 papers only for those who read them.
    (i) => i.part === 1 || mayReadNonPublic(actor, committees, meeting.committeeId),
  );
  return { meeting, items };
}

/** The items of the meeting with the actor's own note on each. */
export async function myNotes(db: Db, actor: Actor, ctx: AuditContext, meetingId: string) {
  const { meeting, items } = await readable(db, actor, ctx, meetingId);
  const notes = await mrepo.notesOf(
    db,
    actor.organisationId,
    actor.userId,
    items.map((i) => i.id),
  );
  const byItem = new Map(notes.map((n) => [n.agendaItemId, n]));
  const committee = (await repo.committeeById(db, actor.organisationId, meeting.committeeId))!;
  return {
    meeting,
    committee,
    items: items.map((i) => ({
      id: i.id,
      number: i.number,
      title: i.title,
      part: i.part,
      note: byItem.get(i.id)?.note ?? null,
      updatedAt: byItem.get(i.id)?.updatedAt ?? null,
    })),
  };
}

/** Write (or, with an empty text, clear) the actor's note on an item. */
export async function saveNote(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  itemId: string,
  note: string,
) {
  const { items } = await readable(db, actor, ctx, meetingId);
  if (!items.some((i) => i.id === itemId)) throw new NotFoundError('agenda item');
  if (note.length > MAX_NOTE)
    throw new ValidationError({ note: `The note must be ${MAX_NOTE} characters or fewer` });
  await db.transaction(async (tx) => {
    if (!note.trim()) await mrepo.deleteNote(tx, actor.organisationId, actor.userId, itemId);
    else
      await mrepo.upsertNote(tx, {
        organisationId: actor.organisationId,
        userId: actor.userId,
        agendaItemId: itemId,
        note,
        updatedAt: ctx.at,
      });
    await recordAudit(tx, ctx, {
      action: note.trim() ? 'committee.note.save' : 'committee.note.clear',
      recordType: 'committee_agenda_item',
      recordId: itemId,
    });
  });
}
