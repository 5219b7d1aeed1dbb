/**
 * The risk records of a child who goes missing: the missing child risk
 * assessment (updated after every episode; prompted when it is not) and the
 * pre-incident risk assessment (trigger plan). Saves add versions, each one
 * transaction with its access-audit event; reads check the child is in the
 * actor's scope (another organisation's child: not found).
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { IdSet } from '../../platform/db/any-id';
import type { Db } from '../../platform/db/client';
import { together } from '../../platform/db/together';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { childIdsInScope, childNames, mayViewChild } from '../cases/service';
import { londonDateOf } from './london-time';
import { type EpisodeSummary, episodesForChild, followUps } from './overview';
import { type AssessmentStatus, assessmentStatus, type EpisodeDates, type RiskFactors } from './risk';
import * as repo from './risk-repository';

export interface RiskAssessmentInput {
  factors: RiskFactors;
  summary: string;
  actions: string | null;
  reviewOn: string | null;
  completedOn: string;
  completedBy: string;
}

export interface TriggerPlanInput {
  likelihoodFactors: string;
  protectiveFactors: string | null;
  contacts: string | null;
  seenByChild: boolean;
  seenByChildOn: string | null;
}

async function requireChild(db: Db, actor: Actor, personId: string, at: Date) {
  if (!(await mayViewChild(db, actor, personId, at))) throw new NotFoundError('child');
}

const datesOf = (s: EpisodeSummary): EpisodeDates => ({
  startDate: londonDateOf(s.merged.startAt),
  endDate: s.merged.endAt ? londonDateOf(s.merged.endAt) : null,
});

/** The child's risk records as they stand, with whether the assessment needs updating. */
export async function riskRecordsOf(db: Db, actor: Actor, personId: string, now: Date) {
  const episodes = await episodesForChild(db, actor, personId, now);
  const [assessments, plans] = await together(
    db,
    () => repo.riskAssessmentsOf(db, actor.organisationId, personId),
    () => repo.triggerPlansOf(db, actor.organisationId, personId),
  );
  const assessment = assessments.at(-1) ?? null;
  return {
    assessment,
    assessmentVersions: assessments.length,
    plan: plans.at(-1) ?? null,
    planVersions: plans.length,
    status: assessmentStatus(assessment, episodes.map(datesOf), londonDateOf(now)),
  };
}

/** Reading the full records is a person-level read: audited. */
export async function openRiskRecords(db: Db, actor: Actor, personId: string, ctx: AuditContext) {
  const records = await riskRecordsOf(db, actor, personId, ctx.at);
  await recordAudit(db, ctx, { action: 'missing.risk.view', recordType: 'child', recordId: personId });
  return records;
}

export async function saveRiskAssessment(
  db: Db,
  actor: Actor,
  personId: string,
  input: RiskAssessmentInput,
  ctx: AuditContext,
): Promise<void> {
  await requireChild(db, actor, personId, ctx.at);
  const today = londonDateOf(ctx.at);
  const errors: Record<string, string> = {};
  if (input.completedOn > today)
    errors.completedOn = 'The date it was completed must be today or in the past';
  if (input.reviewOn && input.reviewOn <= input.completedOn)
    errors.reviewOn = 'The review date must be after the date it was completed';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  await db.transaction(async (tx) => {
    await repo.insertRiskAssessment(tx, {
      organisationId: actor.organisationId,
      personId,
      ...input,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'missing.risk.assessment',
      recordType: 'child',
      recordId: personId,
      detail: `completed ${input.completedOn}`,
    });
  });
}

export async function saveTriggerPlan(
  db: Db,
  actor: Actor,
  personId: string,
  input: TriggerPlanInput,
  ctx: AuditContext,
): Promise<void> {
  await requireChild(db, actor, personId, ctx.at);
  if (input.seenByChildOn && input.seenByChildOn > londonDateOf(ctx.at))
    throw new ValidationError({ seenByChildOn: 'The date the child saw it must be today or in the past' });
  if (!input.seenByChild && input.seenByChildOn)
    throw new ValidationError({
      seenByChildOn: 'Leave the date blank if the child has not seen the plan, or answer yes',
    });
  await db.transaction(async (tx) => {
    await repo.insertTriggerPlan(tx, {
      organisationId: actor.organisationId,
      personId,
      ...input,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'missing.risk.trigger-plan',
      recordType: 'child',
      recordId: personId,
    });
  });
}

export interface AssessmentToUpdate {
  personId: string;
  childName: string;
  status: Exclude<AssessmentStatus, { state: 'current' } | { state: 'not_needed' }>;
}

/**
 * Children the actor may see whose risk assessment is missing, out of date
 * after an episode (open or begun in the follow-up window), or past its
 * review date. For the home page and the list it links to.
 */
export async function assessmentsToUpdate(
  db: Db,
  actor: Actor,
  now: Date,
  /** The follow-ups ('all') when the caller has them already, or is reading them meanwhile. */
  known?: EpisodeSummary[] | Promise<EpisodeSummary[]>,
  /** `scope`: the children in scope, when the caller has them; `names: false` for a count. */
  options: { scope?: 'all' | IdSet; names?: boolean } = {},
): Promise<AssessmentToUpdate[]> {
  const [episodes, scope] = await together(
    db,
    () => known ?? followUps(db, actor, now, 'all'),
    () => options.scope ?? childIdsInScope(db, actor, now),
  );
  const latest = await repo.latestRiskAssessments(db, actor.organisationId, scope);
  const byPerson = new Map<string, EpisodeDates[]>();
  for (const e of episodes) byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), datesOf(e)]);
  const people = new Set([...byPerson.keys(), ...latest.keys()]);
  const today = londonDateOf(now);
  const due: Omit<AssessmentToUpdate, 'childName'>[] = [];
  for (const personId of people) {
    const status = assessmentStatus(latest.get(personId) ?? null, byPerson.get(personId) ?? [], today);
    if (status.state !== 'current' && status.state !== 'not_needed') due.push({ personId, status });
  }
  const names =
    options.names === false
      ? new Map<string, string>()
      : await childNames(
          db,
          actor.organisationId,
          due.map((d) => d.personId),
        );
  return due
    .map((d) => ({ ...d, childName: names.get(d.personId) ?? 'Unknown child' }))
    .sort((a, b) => a.status.since.localeCompare(b.status.since) || a.childName.localeCompare(b.childName));
}

export async function listAssessmentsToUpdate(db: Db, actor: Actor, ctx: AuditContext) {
  const rows = await assessmentsToUpdate(db, actor, ctx.at);
  await recordAudit(db, ctx, {
    action: 'missing.risk.list',
    recordType: 'child',
    detail: `${rows.length} children`,
  });
  return rows;
}
