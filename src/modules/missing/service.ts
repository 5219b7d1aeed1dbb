/**
 * Recording missing episodes and what happens during and after them. Each
 * change checks the actor may see the child, is one transaction with its
 * access-audit event, and keeps history (type changes, attempts, meetings
 * and interview saves are rows added).
 *
 * Reads: see overview.ts (merged episodes with clocks) and episode.ts (one
 * episode's page).
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { together } from '../../platform/db/together';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { importedMissingEpisodes, mayViewChild } from '../cases/service';
import { keyDataCme } from './cme-service';
import { type Breakdown, keyDataBreakdowns } from './key-data-breakdowns';
import { type Audience, type KeyDataTable, keyDataTable } from './key-data-table';
import { londonDateOf } from './london-time';
import { breakdownEpisodes, keyDataEpisodes } from './overview';
import * as repo from './repository';
import type { EpisodeType, PoliceRisk, RecordedHighRisk } from './vocab';

export interface EpisodeDetails {
  startAt: Date;
  type: EpisodeType;
  reportedBy: string;
  reportedAt: Date;
  policeReference: string | null;
  policeRisk: PoliceRisk | null;
  highRiskCircumstances: RecordedHighRisk[];
  withWhom: string | null;
}

function checkTimes(now: Date, fields: Record<string, Date | null | undefined>, startAt?: Date) {
  const errors: Record<string, string> = {};
  for (const [field, at] of Object.entries(fields)) {
    if (!at) continue;
    if (at.getTime() > now.getTime()) errors[field] = 'The date and time must be now or in the past';
    else if (startAt && at.getTime() < startAt.getTime() && field !== 'startAt')
      errors[field] = 'The date and time must be on or after the episode started';
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

async function requireChildOf(db: Db, actor: Actor, personId: string, at: Date) {
  if (!(await mayViewChild(db, actor, personId, at))) throw new NotFoundError('child');
}

/** The episode, if the actor may see its child (another organisation's, or a child out of scope: not found). */
export async function requireEpisode(
  db: Db,
  actor: Actor,
  episodeId: string,
  at: Date,
): Promise<repo.EpisodeRow> {
  const row = /^[0-9a-f-]{36}$/i.test(episodeId)
    ? await repo.episodeById(db, actor.organisationId, episodeId)
    : null;
  if (!row) throw new NotFoundError('missing episode');
  await requireChildOf(db, actor, row.personId, at);
  return row;
}

/**
 * Record a new episode. `ssdSourceId` names the imported episode it is, when
 * recorded from one (it must be this child's, and not already taken).
 */
export async function recordEpisode(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  personId: string,
  input: EpisodeDetails & { ssdSourceId?: string | null },
): Promise<string> {
  await requireChildOf(db, actor, personId, ctx.at);
  checkTimes(ctx.at, { startAt: input.startAt, reportedAt: input.reportedAt });
  if (input.ssdSourceId) {
    const imported = await importedMissingEpisodes(db, actor.organisationId, { personIds: [personId] });
    if (!imported.some((i) => i.sourceId === input.ssdSourceId)) throw new NotFoundError('imported episode');
    const taken = (await repo.episodesOf(db, actor.organisationId, [personId])).some(
      (e) => e.ssdSourceId === input.ssdSourceId,
    );
    if (taken)
      throw new ValidationError({
        startAt: 'This imported episode has already been recorded. Open it from the child’s record.',
      });
  }
  return db.transaction(async (tx) => {
    const id = await repo.insertEpisode(tx, {
      organisationId: actor.organisationId,
      personId,
      ssdSourceId: input.ssdSourceId ?? null,
      startAt: input.startAt,
      type: input.type,
      reportedBy: input.reportedBy,
      reportedAt: input.reportedAt,
      policeReference: input.policeReference,
      policeRisk: input.policeRisk,
      highRiskCircumstances: input.highRiskCircumstances,
      withWhom: input.withWhom,
      recordedBy: actor.userId,
      createdAt: ctx.at,
      updatedAt: ctx.at,
    });
    await repo.insertType(tx, {
      organisationId: actor.organisationId,
      episodeId: id,
      type: input.type,
      fromAt: input.startAt,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'missing.episode.record',
      recordType: 'child',
      recordId: personId,
      detail: `episode ${id}${input.ssdSourceId ? ` (SSD ${input.ssdSourceId})` : ''}`,
    });
    return id;
  });
}

/** Change what was recorded about the episode (not its type: that is a change with a date, kept as history). */
export async function updateEpisodeDetails(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  episodeId: string,
  input: Omit<EpisodeDetails, 'type'>,
): Promise<void> {
  const row = await requireEpisode(db, actor, episodeId, ctx.at);
  checkTimes(ctx.at, { startAt: input.startAt, reportedAt: input.reportedAt });
  if (row.endAt && input.startAt.getTime() > row.endAt.getTime())
    throw new ValidationError({ startAt: 'The start must be before the child came back' });
  await db.transaction(async (tx) => {
    await repo.updateEpisode(tx, actor.organisationId, row.id, { ...input, updatedAt: ctx.at });
    await recordAudit(tx, ctx, {
      action: 'missing.episode.update',
      recordType: 'child',
      recordId: row.personId,
      detail: `episode ${row.id}`,
    });
  });
}

/** The police classify the episode again: the new type from a moment, the old kept. */
export async function changeType(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  episodeId: string,
  input: { type: EpisodeType; fromAt: Date },
): Promise<void> {
  const row = await requireEpisode(db, actor, episodeId, ctx.at);
  checkTimes(ctx.at, { fromAt: input.fromAt }, row.startAt);
  if (input.type === row.type)
    throw new ValidationError({ type: 'Choose a type different from the current one' });
  await db.transaction(async (tx) => {
    await repo.insertType(tx, {
      organisationId: actor.organisationId,
      episodeId: row.id,
      type: input.type,
      fromAt: input.fromAt,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    await repo.updateEpisode(tx, actor.organisationId, row.id, { type: input.type, updatedAt: ctx.at });
    await recordAudit(tx, ctx, {
      action: 'missing.episode.type',
      recordType: 'child',
      recordId: row.personId,
      detail: `episode ${row.id}: ${row.type} -> ${input.type}`,
    });
  });
}

/** The child is back: when, and where they were found. */
export async function recordReturn(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  episodeId: string,
  input: { endAt: Date; whereFound: string },
): Promise<void> {
  const row = await requireEpisode(db, actor, episodeId, ctx.at);
  checkTimes(ctx.at, { endAt: input.endAt }, row.startAt);
  await db.transaction(async (tx) => {
    await repo.updateEpisode(tx, actor.organisationId, row.id, { ...input, updatedAt: ctx.at });
    await recordAudit(tx, ctx, {
      action: 'missing.episode.return',
      recordType: 'child',
      recordId: row.personId,
      detail: `episode ${row.id}: returned ${londonDateOf(input.endAt)}`,
    });
  });
}

export async function addLocateAttempt(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  episodeId: string,
  input: { at: Date; contacted: string; result: string },
): Promise<void> {
  const row = await requireEpisode(db, actor, episodeId, ctx.at);
  checkTimes(ctx.at, { at: input.at }, row.startAt);
  await db.transaction(async (tx) => {
    await repo.insertAttempt(tx, {
      organisationId: actor.organisationId,
      episodeId: row.id,
      ...input,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'missing.episode.attempt',
      recordType: 'child',
      recordId: row.personId,
      detail: `episode ${row.id}`,
    });
  });
}

export interface Notifications {
  policeToldAt: Date | null;
  adToldAt: Date | null;
  leadMemberToldAt: Date | null;
  socialWorkerContactAt: Date | null;
}

/** Who was told, and the social worker's contact after the return: done or not, and when. */
export async function recordNotifications(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  episodeId: string,
  input: Notifications,
): Promise<void> {
  const row = await requireEpisode(db, actor, episodeId, ctx.at);
  checkTimes(ctx.at, { ...input }, row.startAt);
  if (input.socialWorkerContactAt && (!row.endAt || input.socialWorkerContactAt < row.endAt))
    throw new ValidationError({
      socialWorkerContactAt:
        'The social worker’s contact after the return must be on or after the child came back',
    });
  await db.transaction(async (tx) => {
    await repo.updateEpisode(tx, actor.organisationId, row.id, { ...input, updatedAt: ctx.at });
    await recordAudit(tx, ctx, {
      action: 'missing.episode.notifications',
      recordType: 'child',
      recordId: row.personId,
      detail: `episode ${row.id}`,
    });
  });
}

export async function addStrategyMeeting(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  episodeId: string,
  input: {
    heldOn: string;
    chair: string;
    attendees: string | null;
    decisions: string;
    nextDate: string | null;
  },
): Promise<void> {
  const row = await requireEpisode(db, actor, episodeId, ctx.at);
  if (input.heldOn > londonDateOf(ctx.at))
    throw new ValidationError({ heldOn: 'The date of the meeting must be today or in the past' });
  if (input.heldOn < londonDateOf(row.startAt))
    throw new ValidationError({ heldOn: 'The date of the meeting must be on or after the episode started' });
  if (input.nextDate && input.nextDate <= input.heldOn)
    throw new ValidationError({ nextDate: 'The next meeting must be after this one' });
  await db.transaction(async (tx) => {
    await repo.insertMeeting(tx, {
      organisationId: actor.organisationId,
      episodeId: row.id,
      ...input,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'missing.episode.meeting',
      recordType: 'child',
      recordId: row.personId,
      detail: `episode ${row.id}: meeting ${input.heldOn}`,
    });
  });
}

export type { Breakdown as KeyDataBreakdown } from './key-data-breakdowns';
export type { Audience as KeyDataAudience, KeyDataTable } from './key-data-table';

/**
 * For a committee report: the quarterly key data of the financial year
 * starting in April of `startYear`, as of `now`. Counts only (no child can be
 * identified from it), with the year's breakdowns; 'public' suppresses small
 * numbers and leaves out where children were found. The report stores
 * the document as returned: that copy is the frozen one, and later episodes
 * change only a new version of the report.
 */
export async function keyDataTableForReport(
  db: Db,
  organisationId: string,
  options: { startYear: number; audience: Audience; now: Date },
): Promise<KeyDataTable & { breakdowns: Breakdown[] }> {
  const [episodes, forBreakdowns, cme] = await together(
    db,
    () => keyDataEpisodes(db, organisationId, options.now),
    () => breakdownEpisodes(db, organisationId, options.now),
    () => keyDataCme(db, organisationId),
  );
  return {
    ...keyDataTable(episodes, options.startYear, options.audience, londonDateOf(options.now), cme),
    breakdowns: keyDataBreakdowns(forBreakdowns, options.startYear, options.audience),
  };
}
