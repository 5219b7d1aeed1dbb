/**
 * The grab pack (looked-after child information sharing form): restricted.
 * Reading it asks for a reason each time ("break glass"); the reason and the
 * read go into the access audit together. Saves add versions.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { mayViewChild } from '../cases/service';
import * as repo from './repository';

export interface GrabPackInput {
  description: string;
  contacts: string | null;
  places: string | null;
  associates: string | null;
  otherDetails: string | null;
}

async function requireChild(db: Db, actor: Actor, personId: string, at: Date) {
  if (!(await mayViewChild(db, actor, personId, at))) throw new NotFoundError('child');
}

/** Whether the child has a pack, without reading it (for the page that asks for a reason). */
export async function hasGrabPack(db: Db, actor: Actor, personId: string, at: Date): Promise<boolean> {
  await requireChild(db, actor, personId, at);
  return (await repo.grabPacksOf(db, actor.organisationId, personId)).length > 0;
}

/** Open the pack for a stated reason: the reason is kept with the read. */
export async function openGrabPack(
  db: Db,
  actor: Actor,
  personId: string,
  reason: string,
  ctx: AuditContext,
) {
  await requireChild(db, actor, personId, ctx.at);
  const [versions, photo] = await Promise.all([
    repo.grabPacksOf(db, actor.organisationId, personId),
    repo.latestGrabPackPhoto(db, actor.organisationId, personId),
  ]);
  await recordAudit(db, ctx, {
    action: 'missing.grab-pack.view',
    recordType: 'child',
    recordId: personId,
    reason,
    detail: `${versions.length ? `version ${versions.length}` : 'none recorded'}${photo ? ', with photograph' : ''}`,
  });
  return {
    current: versions.at(-1) ?? null,
    versions: versions.length,
    /** Shown inline in the pack only (a data address): there is no link to the photograph that skips the reason. */
    photo: photo
      ? {
          src: `data:${photo.contentType};base64,${photo.data.toString('base64')}`,
          recordedAt: photo.recordedAt,
        }
      : null,
  };
}

export async function saveGrabPack(
  db: Db,
  actor: Actor,
  personId: string,
  input: GrabPackInput,
  ctx: AuditContext,
) {
  await requireChild(db, actor, personId, ctx.at);
  await db.transaction(async (tx) => {
    await repo.insertGrabPack(tx, {
      organisationId: actor.organisationId,
      personId,
      ...input,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'missing.grab-pack.record',
      recordType: 'child',
      recordId: personId,
    });
  });
}

/** A new photograph for the pack (checked by checkPhoto); earlier ones are kept. */
export async function saveGrabPackPhoto(
  db: Db,
  actor: Actor,
  personId: string,
  photo: { type: string; data: Buffer },
  ctx: AuditContext,
) {
  await requireChild(db, actor, personId, ctx.at);
  await db.transaction(async (tx) => {
    await repo.insertGrabPackPhoto(tx, {
      organisationId: actor.organisationId,
      personId,
      contentType: photo.type,
      data: photo.data,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'missing.grab-pack.photo',
      recordType: 'child',
      recordId: personId,
      detail: `${photo.type}, ${photo.data.length} bytes`,
    });
  });
}
