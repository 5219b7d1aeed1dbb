/**
 * Case-specific recommendations: added to a moderated audit by a QA officer,
 * with an owner (usually the team manager) and a due date; the owner records
 * progress and the evidence that shows it is done, or why no evidence is
 * needed; a follow-up meeting decides on each, and signs one off only when it
 * has evidence or a rationale. The meeting is one transaction.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { activeUsers } from '../../platform/directory';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import { childNames } from '../cases/service';
import { QA } from './permissions';
import { evidenceFilesOf } from './recommendation-evidence';
import * as repo from './recommendations-repository';
import { audit as auditRow } from './repository';

export const RECOMMENDATION_STATUSES = ['open', 'in_progress', 'signed_off'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_NAMES: Record<RecommendationStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  signed_off: 'Signed off',
};
export const OWNER_ROLES = ['team_manager', 'practitioner', 'service_manager'] as const;
const MODERATED = new Set(['shared', 'responded', 'closed']);

/** Whether a recommendation can be signed off: evidence (written, or files), or a recorded reason why none is needed. */
export function readyForSignOff(
  r: { evidence: string | null; rationale: string | null },
  files = 0,
): boolean {
  return !!(r.evidence?.trim() || r.rationale?.trim() || files > 0);
}

/** Whether a recommendation is overdue on a date: not signed off and past its due date. */
export function overdue(r: { status: string; dueDate: string }, today: string): boolean {
  return r.status !== 'signed_off' && r.dueDate < today;
}

const overseer = (actor: Actor) => can(actor, QA.recsManage) || can(actor, QA.recsSignOff);

export async function possibleOwners(db: Db, organisationId: string) {
  return activeUsers(db, organisationId, { roles: OWNER_ROLES });
}

export async function addRecommendation(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  auditId: string,
  input: { text: string; ownerId: string; dueDate: string },
) {
  if (!can(actor, QA.recsManage)) throw new ForbiddenError();
  const audit = await auditRow(db, actor.organisationId, auditId);
  if (!audit) throw new NotFoundError('audit');
  if (!MODERATED.has(audit.status))
    throw new ForbiddenError('Recommendations are added once the audit is moderated');
  const owners = await possibleOwners(db, actor.organisationId);
  const fields: Record<string, string> = {};
  if (!input.text.trim()) fields.text = 'Enter the recommendation';
  if (!owners.some((o) => o.id === input.ownerId)) fields.ownerId = 'Select who owns the recommendation';
  if (Object.keys(fields).length) throw new ValidationError(fields);
  return db.transaction(async (tx) => {
    const row = await repo.insertRecommendation(tx, {
      organisationId: actor.organisationId,
      auditId,
      personId: audit.personId,
      text: input.text.trim(),
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      status: 'open',
      createdAt: ctx.at,
      createdBy: actor.userId,
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'qa.recommendation.add',
      recordType: 'child',
      recordId: audit.personId,
      detail: `recommendation ${row.id} on audit ${auditId}`,
    });
    return row;
  });
}

async function visible(db: Db, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError('recommendation');
  const row = await repo.recommendation(db, actor.organisationId, id);
  if (!row || (row.ownerId !== actor.userId && !overseer(actor))) throw new NotFoundError('recommendation');
  return row;
}

/** One recommendation with its meeting decisions; audited as a read of the child's record. */
export async function recommendationDetail(db: Db, actor: Actor, ctx: AuditContext, id: string) {
  const row = await visible(db, actor, id);
  const [decisions, names, owners] = await Promise.all([
    repo.decisionsOf(db, actor.organisationId, id),
    childNames(db, actor.organisationId, [row.personId]),
    possibleOwners(db, actor.organisationId),
  ]);
  await recordAudit(db, ctx, {
    action: 'qa.recommendation.view',
    recordType: 'child',
    recordId: row.personId,
    detail: `recommendation ${id}`,
  });
  return {
    recommendation: row,
    decisions,
    childName: names.get(row.personId) ?? 'Unknown child',
    ownerName: owners.find((o) => o.id === row.ownerId)?.name ?? 'Former user',
    mayUpdate:
      row.status !== 'signed_off' &&
      can(actor, QA.recsUpdate) &&
      (row.ownerId === actor.userId || can(actor, QA.recsManage)),
  };
}

/** The owner (or a QA officer) records progress, evidence, or why none is needed. */
export async function updateRecommendation(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  input: { status: 'open' | 'in_progress'; evidence: string; rationale: string },
) {
  const row = await visible(db, actor, id);
  if (!can(actor, QA.recsUpdate) || (row.ownerId !== actor.userId && !can(actor, QA.recsManage)))
    throw new ForbiddenError('Only the owner can update this recommendation');
  if (row.status === 'signed_off') throw new ForbiddenError('This recommendation has been signed off');
  await db.transaction(async (tx) => {
    await repo.updateRecommendation(tx, actor.organisationId, id, {
      status: input.status,
      evidence: input.evidence.trim() || null,
      rationale: input.rationale.trim() || null,
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'qa.recommendation.update',
      recordType: 'child',
      recordId: row.personId,
      detail: `recommendation ${id}: ${input.status}`,
    });
  });
}

/** The recommendations the actor owns, and (for QA officers and those who sign off) every one not yet signed off. */
export async function recommendationLists(db: Db, actor: Actor, ctx: AuditContext) {
  const [mine, open] = await Promise.all([
    repo.recommendationsWhere(db, actor.organisationId, { ownerId: actor.userId }),
    overseer(actor)
      ? repo.recommendationsWhere(db, actor.organisationId, { statuses: ['open', 'in_progress'] })
      : [],
  ]);
  const [names, owners] = await Promise.all([
    childNames(
      db,
      actor.organisationId,
      [...mine, ...open].map((r) => r.personId),
    ),
    possibleOwners(db, actor.organisationId),
  ]);
  const today = londonDateOf(ctx.at);
  const files = await evidenceFilesOf(
    db,
    actor.organisationId,
    [...mine, ...open].map((r) => r.id),
  );
  const view = (r: repo.RecommendationRow) => ({
    ...r,
    childName: names.get(r.personId) ?? 'Unknown child',
    ownerName: owners.find((o) => o.id === r.ownerId)?.name ?? 'Former user',
    overdue: overdue(r, today),
    ready: readyForSignOff(r, files.get(r.id)?.length ?? 0),
  });
  await recordAudit(db, ctx, {
    action: 'qa.recommendations.list',
    recordType: 'child',
    detail: `${mine.length} owned, ${open.length} open`,
  });
  return { mine: mine.map(view), open: open.map(view) };
}

/** Recommendations of one audit, for the audit page (the page has checked the audit). */
export async function recommendationsOfAudit(db: Db, organisationId: string, auditId: string) {
  return repo.recommendationsWhere(db, organisationId, { auditId });
}

export interface MeetingInput {
  date: string;
  chair: string;
  attendees: string;
  decisions: Array<{ recommendationId: string; decision: 'sign_off' | 'carry_forward'; note: string }>;
}

/**
 * Record a follow-up meeting and its decision on each recommendation, in one
 * transaction. A recommendation without evidence or a rationale is refused
 * sign-off, and nothing of the meeting is written.
 */
export async function recordFollowUpMeeting(db: Db, actor: Actor, ctx: AuditContext, input: MeetingInput) {
  if (!can(actor, QA.recsSignOff)) throw new ForbiddenError();
  const fields: Record<string, string> = {};
  if (!input.chair.trim()) fields.chair = 'Enter who chaired the meeting';
  if (!input.attendees.trim()) fields.attendees = 'Enter who attended';
  if (!input.decisions.length) fields.decisions = 'Choose a decision for at least one recommendation';
  const rows = await repo.recommendationsWhere(db, actor.organisationId, {
    ids: input.decisions.map((d) => d.recommendationId),
    statuses: ['open', 'in_progress'],
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const files = await evidenceFilesOf(
    db,
    actor.organisationId,
    rows.map((r) => r.id),
  );
  for (const d of input.decisions) {
    const r = byId.get(d.recommendationId);
    if (!r) fields[`decision-${d.recommendationId}`] = 'This recommendation is not open: reload the page';
    else if (d.decision === 'sign_off' && !readyForSignOff(r, files.get(r.id)?.length ?? 0))
      fields[`decision-${d.recommendationId}`] =
        `"${r.text.slice(0, 60)}" cannot be signed off: its owner has recorded no evidence and no reason why none is needed`;
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
  return db.transaction(async (tx) => {
    const meeting = await repo.insertMeeting(tx, {
      organisationId: actor.organisationId,
      date: input.date,
      chair: input.chair.trim(),
      attendees: input.attendees.trim(),
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await repo.insertDecisions(
      tx,
      input.decisions.map((d) => ({
        organisationId: actor.organisationId,
        meetingId: meeting.id,
        recommendationId: d.recommendationId,
        decision: d.decision,
        note: d.note.trim() || null,
      })),
    );
    for (const d of input.decisions.filter((x) => x.decision === 'sign_off')) {
      await repo.updateRecommendation(tx, actor.organisationId, d.recommendationId, {
        status: 'signed_off',
        signedOffAt: ctx.at,
        signedOffMeetingId: meeting.id,
        updatedAt: ctx.at,
      });
      await recordAudit(tx, ctx, {
        action: 'qa.recommendation.sign-off',
        recordType: 'child',
        recordId: byId.get(d.recommendationId)!.personId,
        detail: `recommendation ${d.recommendationId} at meeting ${meeting.id}`,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'qa.follow-up.record',
      recordType: 'qa_follow_up_meeting',
      recordId: meeting.id,
      detail: `${input.decisions.length} decisions`,
    });
    return meeting;
  });
}
