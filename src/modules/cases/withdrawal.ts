/**
 * Withdrawing an event recorded by form that was recorded wrongly (wrong
 * child, wrong date, never happened). The event row is never changed
 * (case_recorded_events is append-only): a withdrawal row says who withdrew
 * it, when and why; the compliance engine then ignores the event and the
 * chronology shows both. Who may: see withdrawal-rules.ts.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { notifyRegisterChanged } from './importer';
import { isRecordableEventType, RECORDABLE_EVENTS } from './recordable-events';
import { recordedEventTypes } from './recording-repository';
import { mayViewChild } from './service';
import {
  insertWithdrawal,
  type RecordedEventRow,
  recordedEventOf,
  recordedEventsOf,
} from './withdrawal-repository';
import { mayWithdraw, WITHDRAWAL_REASON_MAX } from './withdrawal-rules';

export const WITHDRAW_PERMISSION = 'cases.events.withdraw';

export interface RecordedEventView extends RecordedEventRow {
  label: string;
  /** Whether this person may withdraw it now (not yet withdrawn, and their role allows it). */
  mayWithdraw: boolean;
}

const labelOf = (type: string) => (isRecordableEventType(type) ? RECORDABLE_EVENTS[type].label : type);

function view(actor: Actor, row: RecordedEventRow): RecordedEventView {
  return {
    ...row,
    label: labelOf(row.type),
    mayWithdraw:
      !row.withdrawnAt &&
      actor.permissions.has(WITHDRAW_PERMISSION) &&
      mayWithdraw(actor, { userId: row.recordedBy, teamId: row.recorderTeamId }),
  };
}

/** The events recorded by form for a child (the caller has checked the child may be seen and audited the read). */
export async function recordedEventsFor(
  db: Db,
  actor: Actor,
  personId: string,
): Promise<RecordedEventView[]> {
  return (await recordedEventsOf(db, actor.organisationId, personId)).map((r) => view(actor, r));
}

async function withdrawable(db: Db, actor: Actor, personId: string, eventId: string, at: Date) {
  if (!/^[0-9a-f-]{36}$/i.test(eventId) || !(await mayViewChild(db, actor, personId, at)))
    throw new NotFoundError('event');
  const row = await recordedEventOf(db, actor.organisationId, personId, eventId);
  if (!row) throw new NotFoundError('event');
  const event = view(actor, row);
  if (row.withdrawnAt) throw new ValidationError({ reason: 'This event has already been withdrawn.' });
  if (!event.mayWithdraw) {
    throw new ForbiddenError(
      'Only a team manager of the person who recorded this event, a service manager or a senior leader can withdraw it.',
    );
  }
  return event;
}

/** The withdrawal form: the event, and the read in the access audit. */
export async function openWithdrawalForm(
  db: Db,
  actor: Actor,
  personId: string,
  eventId: string,
  ctx: AuditContext,
): Promise<RecordedEventView> {
  const event = await withdrawable(db, actor, personId, eventId, ctx.at);
  await recordAudit(db, ctx, {
    action: 'child.event.withdraw.form',
    recordType: 'child',
    recordId: personId,
    detail: event.sourceId,
  });
  return event;
}

/**
 * Withdraw an event, then bring the child's statutory tasks up to date (and
 * everyone's, when it was the organisation's last event of its kind: the rule
 * it switched on is "No data yet" again).
 */
export async function withdrawEvent(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  personId: string,
  eventId: string,
  reason: string,
): Promise<RecordedEventView> {
  const text = reason.trim();
  if (!text) throw new ValidationError({ reason: 'Enter why the event is being withdrawn' });
  if (text.length > WITHDRAWAL_REASON_MAX)
    throw new ValidationError({ reason: `The reason must be ${WITHDRAWAL_REASON_MAX} characters or fewer` });
  const event = await withdrawable(db, actor, personId, eventId, ctx.at);
  await db.transaction(async (tx) => {
    await insertWithdrawal(tx, {
      organisationId: actor.organisationId,
      personId,
      recordedEventId: event.id,
      withdrawnBy: actor.userId,
      at: ctx.at,
      reason: text,
    });
    await recordAudit(tx, ctx, {
      action: 'child.event.withdraw',
      recordType: 'child',
      recordId: personId,
      detail: `${event.type} on ${event.date} (${event.sourceId})`,
    });
  });
  await notifyRegisterChanged({ organisationId: actor.organisationId, personIds: [personId] });
  if (!(await recordedEventTypes(db, actor.organisationId)).has(event.type))
    await notifyRegisterChanged({ organisationId: actor.organisationId });
  return event;
}
