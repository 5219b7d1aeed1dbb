/**
 * The early help outcomes plan: goals set with a child's family, scored at
 * assessment, each review and closure; read on the child's record by those who
 * may see the child (each read audited), and the service's figures by quarter
 * (average distance travelled, share of goals ending green) for the goals
 * closed in each. Each change is one transaction with its audit event.
 *
 * earlyHelpFigures gives the performance indicators the same figures as
 * aggregates (no person-level data) for any windows; childrenBehindFigure
 * lists the children behind one figure, those the actor may see only,
 * audited as a list of children ("child.list").
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { lastCompleteQuarter, quartersTo } from '../../platform/calendar/quarters';
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { figureSourceChanged } from '../../platform/figure-sources';
import { type Actor, can } from '../../platform/permissions';
import { childIdsInScope, childNames, mayViewChild } from '../cases/service';
import * as repo from './repository';
import {
  type EarlyHelpFigure,
  type EarlyHelpMeasureKey,
  earlyHelpMeasure,
  type GoalBehindFigure,
  goalsBehindFigure,
  progressOf,
  quarterFigures,
  type Score,
  scoreProblem,
} from './rules';

export { EARLY_HELP_MEASURES, type EarlyHelpFigure, type EarlyHelpMeasureKey } from './rules';

export const EARLY_HELP = {
  read: 'early-help.read',
  record: 'early-help.record',
  figures: 'early-help.figures',
} as const;

async function child(db: Db, actor: Actor, personId: string, at: Date) {
  if (!(await mayViewChild(db, actor, personId, at))) throw new NotFoundError('child');
}

/** May this person add a goal for this child? (The new-goal form names the child.) */
export async function mayAddGoal(db: Db, actor: Actor, personId: string, at: Date): Promise<void> {
  if (!can(actor, EARLY_HELP.record)) throw new ForbiddenError();
  await child(db, actor, personId, at);
}

/** A child's goals with their progress, for the panel on their record (whose opening is audited). */
export async function goalsForChild(db: Db, actor: Actor, personId: string, at: Date) {
  if (!can(actor, EARLY_HELP.read)) throw new ForbiddenError();
  await child(db, actor, personId, at);
  const goals = await repo.goalsOfChild(db, actor.organisationId, personId);
  const today = londonDateOf(at);
  return goals.map((g) => {
    const progress = progressOf(g.scores);
    return { ...g, progress, reviewOverdue: progress.reviewDue !== null && progress.reviewDue < today };
  });
}

export async function addGoal(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  personId: string,
  input: { goal: string; setOn: string; score: number },
) {
  if (!can(actor, EARLY_HELP.record)) throw new ForbiddenError();
  await child(db, actor, personId, ctx.at);
  if (input.setOn > londonDateOf(ctx.at))
    throw new ValidationError({ setOn: 'The date the goal was set must be today or in the past' });
  return db.transaction(async (tx) => {
    const made = await repo.insertGoal(tx, {
      organisationId: actor.organisationId,
      personId,
      goal: input.goal,
      setOn: input.setOn,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await repo.insertScore(tx, {
      organisationId: actor.organisationId,
      goalId: made.id,
      stage: 'assessment',
      scoredOn: input.setOn,
      score: input.score,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await figureSourceChanged(tx, actor.organisationId);
    await recordAudit(tx, ctx, {
      action: 'early-help.goal.add',
      recordType: 'child',
      recordId: personId,
      detail: `goal ${made.id}`,
    });
    return made;
  });
}

export async function goalForScoring(db: Db, actor: Actor, ctx: AuditContext, goalId: string) {
  if (!can(actor, EARLY_HELP.record)) throw new ForbiddenError();
  const goal = /^[0-9a-f-]{36}$/i.test(goalId)
    ? await repo.goal(db, actor.organisationId, goalId)
    : undefined;
  if (!goal) throw new NotFoundError('goal');
  await child(db, actor, goal.personId, ctx.at);
  await recordAudit(db, ctx, {
    action: 'early-help.goal.view',
    recordType: 'child',
    recordId: goal.personId,
  });
  return { ...goal, progress: progressOf(goal.scores) };
}

export async function scoreGoal(db: Db, actor: Actor, ctx: AuditContext, goalId: string, score: Score) {
  const goal = await goalForScoring(db, actor, ctx, goalId);
  if (score.scoredOn > londonDateOf(ctx.at))
    throw new ValidationError({ scoredOn: 'The date of the score must be today or in the past' });
  const problem = scoreProblem(goal.scores, score, goal.setOn);
  if (problem) throw new ValidationError({ [problem.includes('date') ? 'scoredOn' : 'stage']: problem });
  await db.transaction(async (tx) => {
    await repo.insertScore(tx, {
      organisationId: actor.organisationId,
      goalId,
      stage: score.stage,
      scoredOn: score.scoredOn,
      score: score.score,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    if (score.stage === 'closure') await repo.closeGoal(tx, actor.organisationId, goalId, score.scoredOn);
    await figureSourceChanged(tx, actor.organisationId);
    await recordAudit(tx, ctx, {
      action: `early-help.goal.${score.stage}`,
      recordType: 'child',
      recordId: goal.personId,
      detail: `goal ${goalId}: ${score.score}`,
    });
  });
  return goal;
}

/** The last complete quarter and the four before it: goals closed, average distance travelled, share ending green. */
export async function outcomeFigures(db: Db, actor: Actor, today: string) {
  if (!can(actor, EARLY_HELP.figures)) throw new ForbiddenError();
  const quarters = quartersTo(lastCompleteQuarter(today), 4);
  const goals = await repo.goalsClosedBetween(
    db,
    actor.organisationId,
    quarters[0]!.first,
    quarters.at(-1)!.last,
  );
  const open = await repo.openGoals(db, actor.organisationId);
  const reviewsOverdue = open.filter((g) => {
    const due = progressOf(g.scores).reviewDue;
    return due !== null && due < today;
  }).length;
  return {
    quarters: quarters.map((q) => ({ quarter: q, ...quarterFigures(goals, q.first, q.last) })),
    openGoals: open.length,
    reviewsOverdue,
  };
}

/**
 * For the performance indicators: each measure's figure for each window, from
 * one read of the goals closed in all of them (counts and sums only).
 */
export async function earlyHelpFigures(
  db: Db,
  organisationId: string,
  wanted: ReadonlyArray<{
    measure: EarlyHelpMeasureKey;
    windows: ReadonlyArray<{ first: string; last: string }>;
  }>,
): Promise<Map<EarlyHelpMeasureKey, EarlyHelpFigure[]>> {
  const all = wanted.flatMap((w) => w.windows);
  if (!all.length) return new Map();
  // ISO dates sort as text: the earliest first day and the latest last day.
  const first = all.map((w) => w.first).sort()[0]!;
  const last = all
    .map((w) => w.last)
    .sort()
    .at(-1)!;
  const goals = await repo.goalsClosedBetween(db, organisationId, first, last);
  return new Map(
    wanted.map((w) => [w.measure, w.windows.map((window) => earlyHelpMeasure(w.measure, goals, window))]),
  );
}

export interface ChildBehindFigure {
  id: string;
  name: string;
  goals: GoalBehindFigure[];
}

/**
 * The children whose goals a measure counted in a window, with those goals
 * (first and closure scores, distance travelled, ending green): only children
 * the actor may see (none for committee roles), by name, audited as a list of
 * children as the case register's lists behind a figure are.
 */
export async function childrenBehindFigure(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  measure: EarlyHelpMeasureKey,
  window: { first: string; last: string },
  options: { numeratorOnly: boolean },
): Promise<ChildBehindFigure[]> {
  const [goals, people] = await Promise.all([
    repo.goalsClosedBetween(db, actor.organisationId, window.first, window.last),
    childIdsInScope(db, actor, ctx.at),
  ]);
  const mayList = people === 'all' ? null : new Set(people);
  const visible = mayList ? goals.filter((g) => mayList.has(g.personId)) : goals;
  const lines = goalsBehindFigure(measure, visible, window, options);
  const ids = [...new Set(lines.map((l) => l.personId))];
  const names = await childNames(db, actor.organisationId, ids);
  await recordAudit(db, ctx, {
    action: 'child.list',
    recordType: 'child',
    detail: `indicator early-help ${measure} ${window.first} to ${window.last}: ${ids.length} children`,
  });
  return ids
    .map((id) => ({
      id,
      name: names.get(id) ?? 'Unknown child',
      goals: lines.filter((l) => l.personId === id),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
