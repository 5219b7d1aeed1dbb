/**
 * Statutory timescales: the rules (versioned, per organisation), the tasks
 * they give each child (computed by the pure engine in rules/, stored so
 * dashboards read without recomputing), dashboards and prompts.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import * as repo from './repository';
import { DEFAULT_RULES } from './rules/defaults';
import { evaluateCase, type RuleVersion } from './rules/engine';
import type { CaseFacts, RuleDefinition } from './rules/model';

/** A child's facts plus who held the case when: the worker responsible for a task is the one at its due date. */
export interface CaseFactsWithAllocations extends CaseFacts {
  allocations: ReadonlyArray<{
    workerId: string | null;
    teamId: string | null;
    start: string;
    end: string | null;
  }>;
}

/** Give an organisation the default rules the first time it needs them. */
export async function ensureRules(db: Db, organisationId: string, at: Date): Promise<void> {
  if ((await repo.countRules(db, organisationId)) > 0) return;
  await repo.insertRuleVersions(
    db,
    DEFAULT_RULES.map((definition) => ({
      organisationId,
      key: definition.key,
      version: 1,
      effectiveFrom: '2000-01-01',
      retired: false,
      definition,
      reason: 'Default rule shipped with Oversight',
      createdBy: null,
      createdAt: at,
    })),
  );
}

export interface RuleSummary {
  key: string;
  current: repo.StoredRuleVersion;
  versions: repo.StoredRuleVersion[];
}

/** Every rule with its current version (the latest effective on or before today) and its history. */
export async function listRules(
  db: Db,
  organisationId: string,
  today: string,
  at: Date,
): Promise<RuleSummary[]> {
  await ensureRules(db, organisationId, at);
  const all = await repo.ruleVersions(db, organisationId);
  const byKey = new Map<string, repo.StoredRuleVersion[]>();
  for (const v of all) byKey.set(v.key, [...(byKey.get(v.key) ?? []), v]);
  return [...byKey].map(([key, versions]) => {
    const inForce = versions.filter((v) => v.effectiveFrom <= today).at(-1) ?? versions[0]!;
    return { key, current: inForce, versions };
  });
}

export async function getRule(
  db: Db,
  organisationId: string,
  key: string,
  today: string,
  at: Date,
): Promise<RuleSummary> {
  const rule = (await listRules(db, organisationId, today, at)).find((r) => r.key === key);
  if (!rule) throw new NotFoundError('rule');
  return rule;
}

export interface RuleChange {
  name: string;
  intervals: RuleDefinition['intervals'];
  amberWorkingDays: number;
  effectiveFrom: string;
  reason: string;
  retire?: boolean;
}

/** Edit a rule by adding a version; the versions before stay as they were. */
export async function addRuleVersion(
  db: Db,
  ctx: AuditContext & { organisationId: string; userId: string },
  key: string,
  change: RuleChange,
  today: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const versions = await repo.ruleVersions(tx, ctx.organisationId, key);
    const latest = versions.at(-1);
    if (!latest) throw new NotFoundError('rule');
    if (latest.retired && change.retire)
      throw new ValidationError({ retire: 'This rule is already retired' });
    // No back-dating: a due date already worked out must stay explainable by the version then in force.
    if (change.effectiveFrom < today) {
      throw new ValidationError({
        effectiveFrom: 'The date the change takes effect must be today or in the future',
      });
    }
    if (change.effectiveFrom < latest.effectiveFrom) {
      throw new ValidationError({
        effectiveFrom: `The date the change takes effect must be on or after the latest version's date (${latest.effectiveFrom})`,
      });
    }
    const version = latest.version + 1;
    await repo.insertRuleVersions(tx, [
      {
        organisationId: ctx.organisationId,
        key,
        version,
        effectiveFrom: change.effectiveFrom,
        retired: change.retire ?? false,
        definition: {
          ...latest.definition,
          name: change.name,
          intervals: change.intervals,
          amberWorkingDays: change.amberWorkingDays,
        },
        reason: change.reason,
        createdBy: ctx.userId,
        createdAt: ctx.at,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: change.retire ? 'timescale-rule.retire' : 'timescale-rule.version',
      recordType: 'timescale-rule',
      recordId: key,
      detail: `version ${version} from ${change.effectiveFrom}`,
      reason: change.reason,
    });
    return version;
  });
}

/** Rule versions grouped by key, as the engine takes them. */
async function versionsByKey(
  db: Db,
  organisationId: string,
  at: Date,
): Promise<Array<readonly RuleVersion[]>> {
  await ensureRules(db, organisationId, at);
  const byKey = new Map<string, RuleVersion[]>();
  for (const v of await repo.ruleVersions(db, organisationId))
    byKey.set(v.key, [...(byKey.get(v.key) ?? []), v]);
  return [...byKey.values()];
}

/** Who held the case on a date (the due date, or today for tasks not yet due). */
export function allocationOn(
  allocations: CaseFactsWithAllocations['allocations'],
  date: string,
): { workerId: string | null; teamId: string | null } {
  let best: CaseFactsWithAllocations['allocations'][number] | undefined;
  for (const a of allocations) {
    if (a.start <= date && (!a.end || a.end >= date) && (!best || a.start >= best.start)) best = a;
  }
  if (!best) {
    // Due before the first allocation we know of: the earliest worker is the one who inherited it.
    for (const a of allocations) if (!best || a.start < best.start) best = a;
  }
  return { workerId: best?.workerId ?? null, teamId: best?.teamId ?? null };
}

/**
 * Recompute the tasks of these children (or everyone) from their facts and
 * store them. The caller supplies the facts (from the case register).
 */
export async function recomputeTasks(
  db: Db,
  organisationId: string,
  scope: readonly string[] | 'all',
  facts: readonly CaseFactsWithAllocations[],
  ctx: { today: string; holidays: ReadonlySet<string>; at: Date },
): Promise<{ children: number; tasks: number }> {
  const rules = await versionsByKey(db, organisationId, ctx.at);
  const definitions = new Map(rules.map((vs) => [vs.at(-1)!.definition.key, vs.at(-1)!.definition]));
  const rows: repo.TaskRow[] = [];
  for (const child of facts) {
    for (const task of evaluateCase(rules, child, ctx)) {
      const def = definitions.get(task.ruleKey)!;
      const holder = allocationOn(child.allocations, task.due < ctx.today ? task.due : ctx.today);
      rows.push({ ...task, serviceLevel: def.serviceLevel, taskType: def.taskType, ...holder });
    }
  }
  await db.transaction(async (tx) => repo.replaceTasks(tx, organisationId, scope, rows, ctx.today));
  return { children: facts.length, tasks: rows.length };
}

export type { TaskFilter } from './repository';

export const listTasks = repo.listTasks;
export const countTasks = repo.countTasks;
export const onTimeByMonth = repo.onTimeByMonth;
export const latestComputation = repo.latestComputation;
