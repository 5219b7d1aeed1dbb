/**
 * Recording statutory events with Oversight's own forms (for authorities,
 * or moments, without an extract). Records carry an OVS- source id, so an
 * imported extract never closes them.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { formatDate } from '../../platform/http/views';
import type { Actor } from '../../platform/permissions';
import { notifyRegisterChanged } from './importer';
import { insertVisit, openVisitEpisodes, type VisitKind } from './recording-repository';
import { mayViewChild } from './service';

export type { VisitKind } from './recording-repository';

export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  looked_after: 'Visit to a child looked after (regulation 28)',
  child_protection: 'Child protection visit',
  child_in_need: 'Child in need visit',
};

/** Which kinds of visit can be recorded for this child now (their open episodes). */
export async function visitKindsFor(db: Db, actor: Actor, personId: string, at: Date) {
  if (!(await mayViewChild(db, actor, personId, at))) throw new NotFoundError('child');
  return openVisitEpisodes(db, actor.organisationId, personId);
}

/** The visit form for a child: the kinds of visit open to record, and the read in the access audit. */
export async function openVisitForm(db: Db, actor: Actor, personId: string, ctx: AuditContext) {
  const episodes = await visitKindsFor(db, actor, personId, ctx.at);
  await recordAudit(db, ctx, { action: 'child.visit.form', recordType: 'child', recordId: personId });
  return episodes;
}

export interface VisitInput {
  kind: VisitKind;
  date: string;
  childSeen: boolean;
  seenAlone: boolean;
}

/**
 * Record a visit and bring the child's statutory tasks up to date before
 * returning, so the task shows as done at once.
 */
export async function recordVisit(
  db: Db,
  actor: Actor,
  ctx: AuditContext & { today: string },
  personId: string,
  input: VisitInput,
): Promise<void> {
  const episodes = await visitKindsFor(db, actor, personId, ctx.at);
  const episode = episodes.find((e) => e.kind === input.kind);
  if (!episode) {
    throw new ValidationError({
      kind: 'This child has no open episode of that kind. Choose another kind of visit.',
    });
  }
  if (input.date > ctx.today)
    throw new ValidationError({ date: 'The date of the visit must be today or in the past' });
  if (input.date < episode.start) {
    throw new ValidationError({
      date: `The date of the visit must be on or after the episode started (${formatDate(episode.start)})`,
    });
  }
  if (!input.childSeen && input.seenAlone) {
    throw new ValidationError({
      seenAlone: 'A child who was not seen cannot have been seen alone. Check both answers.',
    });
  }
  await db.transaction(async (tx) => {
    const sourceId = await insertVisit(tx, {
      organisationId: actor.organisationId,
      personId,
      kind: input.kind,
      episodeSourceId: episode.sourceId,
      date: input.date,
      childSeen: input.childSeen,
      seenAlone: input.seenAlone,
    });
    await recordAudit(tx, ctx, {
      action: 'child.visit.record',
      recordType: 'child',
      recordId: personId,
      detail: `${input.kind} visit on ${input.date} (${sourceId})`,
    });
  });
  await notifyRegisterChanged({ organisationId: actor.organisationId, personIds: [personId] });
}
