/**
 * The organisation's glossary of acronyms, kept by the committee clerk or an
 * administrator: every change access-audited, a duplicate acronym refused;
 * and the clerk's choice of glossary for a meeting's public pack.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { databaseErrorCode, NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { COMMITTEE, need } from './access';
import { acronymKey, duplicateMessage, type GlossaryChoice, type GlossaryEntry } from './glossary';
import * as grepo from './glossary-repository';
import * as repo from './repository';

export async function listGlossary(db: Db, actor: Actor) {
  need(actor, COMMITTEE.glossary);
  return grepo.glossaryOf(db, actor.organisationId);
}

export async function getGlossaryEntry(db: Db, actor: Actor, id: string) {
  need(actor, COMMITTEE.glossary);
  const row = await grepo.glossaryEntry(db, actor.organisationId, id);
  if (!row) throw new NotFoundError('glossary entry');
  return row;
}

/** Two people adding the same acronym at the same moment: the unique index stops the second, who is told. */
async function once<T>(acronym: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (databaseErrorCode(error) === '23505')
      throw new ValidationError({
        acronym: `The glossary already has ${acronym}: change its meaning instead of adding it again`,
      });
    throw error;
  }
}

async function refuseDuplicate(db: Db, organisationId: string, acronym: string, exceptId: string | null) {
  const message = duplicateMessage(await grepo.glossaryOf(db, organisationId), acronym, exceptId);
  if (message) throw new ValidationError({ acronym: message });
}

export async function addGlossaryEntry(db: Db, actor: Actor, ctx: AuditContext, input: GlossaryEntry) {
  need(actor, COMMITTEE.glossary);
  return once(input.acronym, () =>
    db.transaction(async (tx) => {
      await refuseDuplicate(tx, actor.organisationId, input.acronym, null);
      const id = await grepo.insertGlossaryEntry(tx, {
        organisationId: actor.organisationId,
        acronym: input.acronym,
        acronymKey: acronymKey(input.acronym),
        meaning: input.meaning,
        updatedBy: actor.userId,
        updatedAt: ctx.at,
      });
      await recordAudit(tx, ctx, {
        action: 'committee.glossary.add',
        recordType: 'committee_glossary',
        recordId: id,
        detail: input.acronym,
      });
      return id;
    }),
  );
}

export async function changeGlossaryEntry(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  input: GlossaryEntry,
) {
  await getGlossaryEntry(db, actor, id);
  await once(input.acronym, () =>
    db.transaction(async (tx) => {
      await refuseDuplicate(tx, actor.organisationId, input.acronym, id);
      await grepo.updateGlossaryEntry(tx, actor.organisationId, id, {
        acronym: input.acronym,
        acronymKey: acronymKey(input.acronym),
        meaning: input.meaning,
        updatedBy: actor.userId,
        updatedAt: ctx.at,
      });
      await recordAudit(tx, ctx, {
        action: 'committee.glossary.change',
        recordType: 'committee_glossary',
        recordId: id,
        detail: input.acronym,
      });
    }),
  );
}

/** Remove an entry; packs already published keep the glossary they printed. */
export async function removeGlossaryEntry(db: Db, actor: Actor, ctx: AuditContext, id: string) {
  const row = await getGlossaryEntry(db, actor, id);
  await db.transaction(async (tx) => {
    await grepo.deleteGlossaryEntry(tx, actor.organisationId, id);
    await recordAudit(tx, ctx, {
      action: 'committee.glossary.remove',
      recordType: 'committee_glossary',
      recordId: id,
      detail: row.acronym,
    });
  });
}

/** The clerk's choice of glossary for a meeting's public pack (used at its next publication). */
export async function chooseMeetingGlossary(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  choice: GlossaryChoice,
) {
  need(actor, COMMITTEE.manage);
  const meeting = await repo.meetingById(db, actor.organisationId, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  await db.transaction(async (tx) => {
    await repo.updateMeeting(tx, actor.organisationId, meetingId, { glossary: choice });
    await recordAudit(tx, ctx, {
      action: 'committee.meeting.glossary',
      recordType: 'committee_meeting',
      recordId: meetingId,
      detail: choice,
    });
  });
}

/** The entries publication prints from (no permission of its own: publication checks the clerk's). */
export const glossaryForPublication = (db: Db, organisationId: string) =>
  grepo.glossaryOf(db, organisationId);
