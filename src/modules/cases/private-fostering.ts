/**
 * The private fostering arrangements' register: arrangements notified to the
 * authority (Children Act 1989 s.66), recorded on the child's record. The
 * visits (regulation 8 of the Children (Private Arrangements for Fostering)
 * Regulations 2005) are recorded events whose episode is the arrangement;
 * the compliance engine reads both through the case facts. No SSD table
 * holds arrangements (the SSD has only an assessment outcome flag).
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { requireChild } from './access';
import { notifyRegisterChanged } from './importer';
import {
  type ArrangementFields,
  type ArrangementRow,
  arrangementsOf,
  insertArrangement,
  updateArrangement,
} from './private-fostering-repository';
import { recordedEventTypes } from './recording-repository';
import { refreshPeopleSummaries } from './repository';

export type { ArrangementFields, ArrangementRow } from './private-fostering-repository';

/** The child's arrangements (audited "child.private-fostering"). */
export async function arrangementsFor(
  db: Db,
  actor: Actor,
  personId: string,
  ctx: AuditContext,
): Promise<ArrangementRow[]> {
  await requireChild(db, actor, personId, ctx);
  const rows = await arrangementsOf(db, actor.organisationId, personId);
  await recordAudit(db, ctx, { action: 'child.private-fostering', recordType: 'child', recordId: personId });
  return rows;
}

/** Business rules on the dates, in words a person can act on. Pure. */
export function checkArrangement(fields: ArrangementFields, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (fields.notificationDate > today)
    errors.notificationDate = 'The date the council was told must be today or in the past';
  if (fields.endDate && fields.endDate > today)
    errors.endDate = 'The date it ended must be today or in the past';
  if (fields.endDate && fields.endDate < fields.startDate)
    errors.endDate = 'The date it ended must be the same as or after the date it started';
  if (fields.assessmentDate && fields.assessmentDate > today)
    errors.assessmentDate = 'The date of the assessment must be today or in the past';
  return errors;
}

async function afterChange(db: Db, actor: Actor, personId: string, today: string, first: boolean) {
  // An open arrangement makes the child's case open (so the nightly recompute includes them).
  await refreshPeopleSummaries(db, actor.organisationId, today);
  await notifyRegisterChanged({ organisationId: actor.organisationId, personIds: [personId] });
  if (first) await notifyRegisterChanged({ organisationId: actor.organisationId });
}

/** Record a new arrangement, then bring the child's statutory tasks up to date. */
export async function recordArrangement(
  db: Db,
  actor: Actor,
  ctx: AuditContext & { today: string },
  personId: string,
  fields: ArrangementFields,
): Promise<void> {
  await requireChild(db, actor, personId, ctx);
  const errors = checkArrangement(fields, ctx.today);
  if (Object.keys(errors).length) throw new ValidationError(errors);
  // The first arrangement switches the private fostering visit rule on for the organisation.
  const first = !(await recordedEventTypes(db, actor.organisationId)).has('private_fostering_visit');
  await db.transaction(async (tx) => {
    const sourceId = await insertArrangement(tx, {
      ...fields,
      organisationId: actor.organisationId,
      personId,
      recordedBy: actor.userId,
      at: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'child.private-fostering.record',
      recordType: 'child',
      recordId: personId,
      detail: `arrangement notified ${fields.notificationDate} (${sourceId})`,
    });
  });
  await afterChange(db, actor, personId, ctx.today, first);
}

/** Change an arrangement (assessment done, ended, corrected). */
export async function changeArrangement(
  db: Db,
  actor: Actor,
  ctx: AuditContext & { today: string },
  personId: string,
  arrangementId: string,
  fields: ArrangementFields,
): Promise<void> {
  await requireChild(db, actor, personId, ctx);
  const errors = checkArrangement(fields, ctx.today);
  if (Object.keys(errors).length) throw new ValidationError(errors);
  await db.transaction(async (tx) => {
    const changed = await updateArrangement(tx, {
      ...fields,
      organisationId: actor.organisationId,
      personId,
      id: arrangementId,
      at: ctx.at,
    });
    if (!changed) throw new NotFoundError('arrangement');
    await recordAudit(tx, ctx, {
      action: 'child.private-fostering.change',
      recordType: 'child',
      recordId: personId,
      detail: `arrangement ${arrangementId}${fields.endDate ? ` ended ${fields.endDate}` : ''}`,
    });
  });
  await afterChange(db, actor, personId, ctx.today, false);
}
