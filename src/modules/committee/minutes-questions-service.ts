/**
 * Members' questions in the minutes: the clerk records each question under
 * its agenda item with the answer given, or later the answer given after the
 * meeting (marked so in the minutes), while the minutes are a draft.
 * Approval freezes them with the rest of the minutes.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import * as mrepo from './minutes-repository';
import type { MinutesContent, MinutesItemEntry, MinutesQuestion } from './minutes-schema';
import { agendaItemOf, draftableMeeting, writeItemEntry } from './minutes-service';

const EMPTY: MinutesContent = { items: [], endedAt: null };

async function itemOfMeeting(db: Db, actor: Actor, meetingId: string, itemId: string) {
  const meeting = await draftableMeeting(db, actor, meetingId);
  return { meeting, ...(await agendaItemOf(db, actor, meetingId, itemId)) };
}

/** The questions recorded under an item, for the clerk (the meeting must still be in drafting). */
export async function itemQuestions(db: Db, actor: Actor, meetingId: string, itemId: string) {
  const { item, number } = await itemOfMeeting(db, actor, meetingId, itemId);
  const content = (await mrepo.minutesOf(db, actor.organisationId, meetingId))?.content ?? EMPTY;
  const entry = content.items.find((e) => e.itemId === itemId);
  return {
    item: { id: item.id, title: item.title, part: item.part, number },
    questions: entry?.questions ?? [],
  };
}

/**
 * Change the item's questions in one transaction: `change` gets the list as
 * it stands and returns it as it should be (or throws NotFoundError for a
 * question that is not there).
 */
async function changeQuestions(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  itemId: string,
  detail: (number: number) => string,
  change: (questions: MinutesQuestion[]) => MinutesQuestion[],
): Promise<void> {
  const { meeting, number } = await itemOfMeeting(db, actor, meetingId, itemId);
  await db.transaction(async (tx) => {
    const content = (await mrepo.minutesOf(tx, actor.organisationId, meetingId))?.content ?? EMPTY;
    const previous: MinutesItemEntry = content.items.find((e) => e.itemId === itemId) ?? {
      itemId,
      discussion: '',
      resolutions: [],
      actions: [],
    };
    const entry = { ...previous, questions: change([...(previous.questions ?? [])]) };
    await writeItemEntry(tx, actor, ctx, meeting, content, entry);
    await recordAudit(tx, ctx, {
      action: 'committee.minutes.question',
      recordType: 'committee_meeting',
      recordId: meetingId,
      detail: detail(number),
    });
  });
}

/** Add a question (position null) or change the question at a position (1 for the first). */
export async function saveQuestion(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  itemId: string,
  position: number | null,
  question: MinutesQuestion,
): Promise<void> {
  await changeQuestions(
    db,
    actor,
    ctx,
    meetingId,
    itemId,
    (n) => (position === null ? `item ${n}, question added` : `item ${n}, question Q${position} changed`),
    (questions) => {
      if (position === null) return [...questions, question];
      if (!questions[position - 1]) throw new NotFoundError('question');
      questions[position - 1] = question;
      return questions;
    },
  );
}

/** Remove the question at a position (1 for the first); those after it move up. */
export async function removeQuestion(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  itemId: string,
  position: number,
): Promise<void> {
  await changeQuestions(
    db,
    actor,
    ctx,
    meetingId,
    itemId,
    (n) => `item ${n}, question Q${position} removed`,
    (questions) => {
      if (!questions[position - 1]) throw new NotFoundError('question');
      return questions.filter((_, i) => i !== position - 1);
    },
  );
}
