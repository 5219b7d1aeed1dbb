/**
 * Recording, with Oversight's own form, the statutory events no SSD extract
 * holds yet (care plan, placement plan, IRO appointed...). The compliance
 * engine reads them through the case facts; a timescale rule that needs one
 * starts working for the organisation once one is recorded.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { formatDate } from '../../platform/http/views';
import type { Actor } from '../../platform/permissions';
import { notifyRegisterChanged } from './importer';
import { RECORDABLE_EVENTS, recordableFor } from './recordable-events';
import { insertRecordedEvent, openEventEpisodes, recordedEventTypes } from './recording-repository';
import { mayViewChild } from './service';

const EPISODE_NAMES = {
  looked_after: 'period of care',
  placement: 'placement',
  private_fostering: 'private fostering arrangement was notified or',
} as const;

/** What can be recorded for this child now (404 when the user may not see the child). */
export async function eventsRecordableFor(db: Db, actor: Actor, personId: string, at: Date) {
  if (!(await mayViewChild(db, actor, personId, at))) throw new NotFoundError('child');
  return recordableFor(await openEventEpisodes(db, actor.organisationId, personId));
}

/** The event form for a child: what can be recorded, and the read in the access audit. */
export async function openEventForm(db: Db, actor: Actor, personId: string, ctx: AuditContext) {
  const choices = await eventsRecordableFor(db, actor, personId, ctx.at);
  await recordAudit(db, ctx, { action: 'child.event.form', recordType: 'child', recordId: personId });
  return choices;
}

/**
 * Record an event and bring the child's statutory tasks up to date before
 * returning, so the task shows as done at once.
 */
export async function recordEvent(
  db: Db,
  actor: Actor,
  ctx: AuditContext & { today: string },
  personId: string,
  input: { type: string; date: string },
): Promise<void> {
  const choices = await eventsRecordableFor(db, actor, personId, ctx.at);
  const choice = choices.find((c) => c.type === input.type);
  if (!choice) {
    throw new ValidationError({
      type: 'That event cannot be recorded for this child (it needs an open period of care, placement or private fostering arrangement). Choose another event.',
    });
  }
  if (input.date > ctx.today) throw new ValidationError({ date: 'The date must be today or in the past' });
  if (input.date < choice.episodeStart) {
    const what = EPISODE_NAMES[RECORDABLE_EVENTS[choice.type].episode];
    throw new ValidationError({
      date: `The date must be on or after the ${what} started (${formatDate(choice.episodeStart)})`,
    });
  }
  const firstOfItsKind = !(await recordedEventTypes(db, actor.organisationId)).has(choice.type);
  await db.transaction(async (tx) => {
    const sourceId = await insertRecordedEvent(tx, {
      organisationId: actor.organisationId,
      personId,
      type: choice.type,
      episodeSourceId: choice.episodeSourceId,
      date: input.date,
      recordedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'child.event.record',
      recordType: 'child',
      recordId: personId,
      detail: `${choice.type} on ${input.date} (${sourceId})`,
    });
  });
  await notifyRegisterChanged({ organisationId: actor.organisationId, personIds: [personId] });
  // The first of its kind switches its rule on for every child: the rest are recomputed in the background.
  if (firstOfItsKind) await notifyRegisterChanged({ organisationId: actor.organisationId });
}
