/**
 * Feedback from families: the complaints and compliments log (a complaint
 * stays open until its outcome and learning are recorded) and early help
 * closing feedback (tick boxes and the family's goals rescored at closure).
 * Every change is access-audited.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { teamsOf } from '../../platform/directory';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import * as repo from './feedback-repository';
import { averageOf, countBy, type GoalScore, goalChanges } from './feedback-rules';
import { QA } from './permissions';
import {
  COMPLAINT_OUTCOMES,
  type ComplaintOutcome,
  type EarlyHelpStatement,
  type FeedbackKind,
  type FeedbackSource,
} from './practice-vocab';

const read = (actor: Actor) => {
  if (!can(actor, QA.feedbackRead)) throw new ForbiddenError();
};
const manage = (actor: Actor) => {
  if (!can(actor, QA.feedbackManage)) throw new ForbiddenError();
};

export interface FeedbackInput {
  kind: FeedbackKind;
  receivedOn: string;
  source: FeedbackSource;
  teamId: string | null;
  summary: string;
}

export async function logFeedback(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: FeedbackInput,
  today: string,
) {
  manage(actor);
  const fields: Record<string, string> = {};
  if (input.receivedOn > today) fields.receivedOn = 'The date received must be today or in the past';
  if (input.teamId && !(await teamsOf(db, actor.organisationId)).some((t) => t.id === input.teamId))
    fields.teamId = 'Select a team from the list';
  if (Object.keys(fields).length) throw new ValidationError(fields);
  return db.transaction(async (tx) => {
    const row = await repo.insertFeedback(tx, {
      ...input,
      organisationId: actor.organisationId,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, { action: `${input.kind}.log`, recordType: 'qa_feedback', recordId: row.id });
    return row;
  });
}

export async function feedbackEntry(db: Db, actor: Actor, id: string) {
  read(actor);
  const row = await repo.feedbackEntry(db, actor.organisationId, id);
  if (!row) throw new NotFoundError();
  const teams = await teamsOf(db, actor.organisationId);
  return { ...row, teamName: teams.find((t) => t.id === row.teamId)?.name };
}

export async function recordOutcome(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  input: { outcome: ComplaintOutcome; outcomeOn: string; learning: string },
  today: string,
) {
  manage(actor);
  const entry = await feedbackEntry(db, actor, id);
  if (entry.kind !== 'complaint' || entry.outcome)
    throw new ValidationError({ outcome: 'This complaint already has its outcome' });
  if (input.outcomeOn > today)
    throw new ValidationError({ outcomeOn: 'The date of the outcome must be today or in the past' });
  if (input.outcomeOn < entry.receivedOn)
    throw new ValidationError({
      outcomeOn: 'The date of the outcome must be on or after the date the complaint was received',
    });
  await db.transaction(async (tx) => {
    if (!(await repo.recordOutcome(tx, actor.organisationId, id, input)))
      throw new ValidationError({ outcome: 'This complaint already has its outcome' });
    await recordAudit(tx, ctx, { action: 'complaint.outcome', recordType: 'qa_feedback', recordId: id });
  });
}

/** The log: open complaints, closed complaints with outcome counts, and compliments. */
export async function feedbackOverview(db: Db, actor: Actor) {
  read(actor);
  const [rows, teams] = await Promise.all([
    repo.feedbackLog(db, actor.organisationId),
    teamsOf(db, actor.organisationId),
  ]);
  const named = rows.map((r) => ({ ...r, teamName: teams.find((t) => t.id === r.teamId)?.name }));
  const complaints = named.filter((r) => r.kind === 'complaint');
  return {
    open: complaints.filter((r) => !r.outcome),
    closed: complaints.filter((r) => r.outcome),
    outcomes: countBy(
      COMPLAINT_OUTCOMES,
      complaints.map((c) => c.outcome),
    ),
    compliments: named.filter((r) => r.kind === 'compliment'),
  };
}

export interface EarlyHelpInput {
  closedOn: string;
  ticked: EarlyHelpStatement[];
  goals: GoalScore[];
  comments: string | null;
}

export async function recordEarlyHelp(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: EarlyHelpInput,
  today: string,
) {
  manage(actor);
  if (input.closedOn > today)
    throw new ValidationError({ closedOn: 'The date early help closed must be today or in the past' });
  return db.transaction(async (tx) => {
    const row = await repo.insertEarlyHelp(tx, {
      ...input,
      organisationId: actor.organisationId,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'early-help-feedback.record',
      recordType: 'qa_early_help_feedback',
      recordId: row.id,
    });
    return row;
  });
}

/** Every family's feedback with its goal changes, how often each statement was ticked, and the average change. */
export async function earlyHelpOverview(db: Db, actor: Actor) {
  read(actor);
  const rows = (await repo.earlyHelpFeedback(db, actor.organisationId)).map((r) => ({
    ...r,
    ...goalChanges(r.goals),
  }));
  const ticks: Record<string, number> = {};
  for (const r of rows) for (const t of r.ticked) ticks[t] = (ticks[t] ?? 0) + 1;
  return { rows, ticks, averageChange: averageOf(rows.map((r) => r.averageChange)) };
}
