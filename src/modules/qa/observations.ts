/**
 * Practice observations: recorded centrally by quality assurance, counted by
 * tier and month, and read in the observed person's learning record by that
 * person, the manager of their team, and quality assurance. Each recording
 * and each reading of a learning record is access-audited.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { activeUsers } from '../../platform/directory';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import { countByTierAndMonth, lastMonths } from './observation-counts';
import { QA, qaPermissions } from './permissions';
import * as repo from './practice-repository';
import type { ObservationSetting, ObservationTier } from './practice-vocab';

export interface ObservationInput {
  observerId: string;
  observedId: string;
  tier: ObservationTier;
  observedRole: string;
  observedOn: string;
  setting: ObservationSetting;
  wentWell: string;
  evenBetterIf: string;
  agreedLearning: string;
}

/** Staff who can be observed or observe: everyone whose role may hold a learning record. */
export async function staffList(db: Db, organisationId: string) {
  return activeUsers(db, organisationId, { roles: qaPermissions[QA.learning]!.roles });
}

export async function recordObservation(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: ObservationInput,
  today: string,
) {
  if (!can(actor, QA.observations)) throw new ForbiddenError();
  const staff = new Map((await staffList(db, actor.organisationId)).map((s) => [s.id, s]));
  const fields: Record<string, string> = {};
  if (!staff.has(input.observedId)) fields.observedId = 'Select the person observed';
  if (!staff.has(input.observerId)) fields.observerId = 'Select who observed';
  else if (input.observerId === input.observedId)
    fields.observerId = 'The observer must be someone other than the person observed';
  if (input.observedOn > today)
    fields.observedOn = 'The date of the observation must be today or in the past';
  if (Object.keys(fields).length) throw new ValidationError(fields);
  return db.transaction(async (tx) => {
    const row = await repo.insertObservation(tx, {
      ...input,
      organisationId: actor.organisationId,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'observation.create',
      recordType: 'staff',
      recordId: input.observedId,
      detail: `observation ${row.id}`,
    });
    return row;
  });
}

const withNames = async (db: Db, organisationId: string, rows: repo.ObservationRow[]) => {
  const names = await repo.staffNames(db, organisationId);
  return rows.map((o) => ({
    ...o,
    observerName: names.get(o.observerId) ?? 'Unknown',
    observedName: names.get(o.observedId) ?? 'Unknown',
  }));
};

/** The last twelve months of observations, newest first, and their counts by tier and month. */
export async function observationOverview(db: Db, actor: Actor, today: string) {
  if (!can(actor, QA.observations)) throw new ForbiddenError();
  const months = lastMonths(today, 12);
  const rows = await repo.observations(db, actor.organisationId, { from: `${months[0]}-01`, to: today });
  return {
    counts: countByTierAndMonth(rows, months),
    observations: await withNames(db, actor.organisationId, rows),
  };
}

/**
 * Whether the actor may read this person's learning record: their own; any,
 * for quality assurance; a team manager's for the people of their team.
 */
export function mayReadLearning(actor: Actor, person: { id: string; teamId: string | null }): boolean {
  if (!can(actor, QA.learning)) return false;
  if (actor.userId === person.id || can(actor, QA.observations)) return true;
  return actor.role === 'team_manager' && actor.teamId != null && actor.teamId === person.teamId;
}

/** A member of staff's learning record: their observations, newest first. Another organisation's person is not found. */
export async function learningRecord(db: Db, actor: Actor, ctx: AuditContext, personId: string) {
  const person = await repo.staffMember(db, actor.organisationId, personId);
  if (!person) throw new NotFoundError();
  if (!mayReadLearning(actor, person))
    throw new ForbiddenError(
      'Only the person, the manager of their team and quality assurance can read a learning record.',
    );
  const rows = await repo.observations(db, actor.organisationId, { observedId: personId });
  await recordAudit(db, ctx, { action: 'learning-record.view', recordType: 'staff', recordId: personId });
  return { person, observations: await withNames(db, actor.organisationId, rows) };
}

/** The learning records this actor may open, for the list page: their own, their team's, or everyone's. */
export async function readableLearningRecords(db: Db, actor: Actor) {
  const staff = await staffList(db, actor.organisationId);
  const readable = staff.filter((s) => mayReadLearning(actor, s));
  // Their own first, then the others by name.
  return [...readable.filter((s) => s.id === actor.userId), ...readable.filter((s) => s.id !== actor.userId)];
}
