/**
 * Statutory timescales: the rules (versioned, per organisation), the tasks
 * they give each child (computed by the pure engine in rules/, stored so
 * dashboards read without recomputing), dashboards and prompts.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { nonWorkingDaysFor } from '../../platform/calendar/service';
import { earlierOf, isWorkingDay, workingDaysBetween } from '../../platform/calendar/working-days';
import { type Clock, londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { activeUsers, teamsOf } from '../../platform/directory';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Mailer } from '../../platform/mail/service';
import * as cases from '../cases/service';
import { TASK_TYPE_LABELS } from './labels';
import { type Digest, escalationDigest, managerDigest, workerDigest } from './prompts';
import * as repo from './repository';
import { DEFAULT_RULES, defaultRule } from './rules/defaults';
import { evaluateCase, type RuleVersion } from './rules/engine';
import type { CaseFacts, RuleDefinition, SchoolTerm } from './rules/model';
import { activeByRecording, needsRecordedEvent, withRecordedRules } from './rules/recorded';

/** A child's facts plus who held the case when: the worker responsible for a task is the one at its due date. */
export interface CaseFactsWithAllocations extends CaseFacts {
  allocations: ReadonlyArray<{
    workerId: string | null;
    teamId: string | null;
    start: string;
    end: string | null;
  }>;
}

/**
 * Give an organisation the default rules: all of them the first time it needs
 * them, and any default rule added since (a new version of Oversight) later.
 */
export async function ensureRules(db: Db, organisationId: string, at: Date): Promise<void> {
  const have = await repo.ruleKeys(db, organisationId);
  const missing = DEFAULT_RULES.filter((d) => !have.has(d.key));
  if (!missing.length) return;
  await repo.insertDefaultRules(
    db,
    missing.map((definition) => ({
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

/**
 * A stored version as the engine reads it. What a rule is (its episode, what
 * starts and stops its clock, its source) is the shipped rule's, so a
 * correction in law reaches every organisation; a shipped version is the
 * shipped rule; an administrator's version keeps what they set: name, due
 * intervals, amber window and term dates.
 */
export function withShippedDefinition(v: repo.StoredRuleVersion): repo.StoredRuleVersion {
  const shipped = defaultRule(v.key);
  if (!shipped) return v;
  if (v.createdBy === null) return { ...v, definition: shipped };
  const own = v.definition;
  return {
    ...v,
    definition: {
      ...shipped,
      name: own.name,
      intervals: own.intervals,
      amberWorkingDays: own.amberWorkingDays,
      terms: own.terms ?? shipped.terms,
    },
  };
}

async function storedVersions(db: Db, organisationId: string, key?: string) {
  return (await repo.ruleVersions(db, organisationId, key)).map(withShippedDefinition);
}

export interface RuleSummary {
  key: string;
  current: repo.StoredRuleVersion;
  versions: repo.StoredRuleVersion[];
  /** A "No data yet" rule now working because the organisation records its event by form. */
  recordedByForm: boolean;
  /** A "No data yet" rule whose event can be recorded by form on the child's record. */
  recordable: boolean;
}

/** Every rule with its current version (the latest effective on or before today) and its history. */
export async function listRules(
  db: Db,
  organisationId: string,
  today: string,
  at: Date,
): Promise<RuleSummary[]> {
  await ensureRules(db, organisationId, at);
  const all = await storedVersions(db, organisationId);
  const byKey = new Map<string, repo.StoredRuleVersion[]>();
  for (const v of all) byKey.set(v.key, [...(byKey.get(v.key) ?? []), v]);
  const recorded = await cases.recordedEventTypes(db, organisationId);
  return [...byKey].map(([key, versions]) => {
    const inForce = versions.filter((v) => v.effectiveFrom <= today).at(-1) ?? versions[0]!;
    return {
      key,
      current: inForce,
      versions,
      recordedByForm: activeByRecording(versions.at(-1)!.definition, recorded),
      recordable: needsRecordedEvent(versions.at(-1)!.definition),
    };
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
  /** Term dates, for a termly rule. */
  terms?: SchoolTerm[];
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
    const versions = await storedVersions(tx, ctx.organisationId, key);
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
          terms: change.terms ?? latest.definition.terms,
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
  for (const v of await storedVersions(db, organisationId))
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

/** Children whose tasks are replaced per transaction when everyone's are recomputed. */
const REPLACE_BATCH = 250;

/**
 * Recompute the tasks of these children (or everyone) from their facts and
 * store them. The caller supplies the facts (from the case register).
 */
export async function recomputeTasks(
  db: Db,
  organisationId: string,
  scope: readonly string[] | 'all',
  facts: readonly CaseFactsWithAllocations[],
  ctx: { today: string; holidays: ReadonlySet<string>; at: Date; recorded?: ReadonlySet<string> },
  batch = REPLACE_BATCH,
): Promise<{ children: number; tasks: number }> {
  const rules = withRecordedRules(await versionsByKey(db, organisationId, ctx.at), ctx.recorded ?? new Set());
  const definitions = new Map(rules.map((vs) => [vs.at(-1)!.definition.key, vs.at(-1)!.definition]));
  const evaluate = (children: readonly CaseFactsWithAllocations[]) => {
    const rows: repo.TaskRow[] = [];
    for (const child of children) {
      for (const task of evaluateCase(rules, child, ctx)) {
        const def = definitions.get(task.ruleKey)!;
        const holder = allocationOn(child.allocations, earlierOf(task.due, ctx.today));
        rows.push({ ...task, serviceLevel: def.serviceLevel, taskType: def.taskType, ...holder });
      }
    }
    return rows;
  };
  if (scope !== 'all') {
    const rows = evaluate(facts);
    await db.transaction(async (tx) => repo.replaceTasks(tx, organisationId, scope, rows, ctx.today));
    return { children: facts.length, tasks: rows.length };
  }
  // Everyone: a batch of children per transaction, each child's tasks replaced at once. On the
  // embedded database a transaction holds every page of the process, and one for a large
  // authority's 300,000 tasks held them for 17 s after each import (a batch takes about half a second).
  let tasks = 0;
  for (let at = 0; at < facts.length; at += batch) {
    const children = facts.slice(at, at + batch);
    const rows = evaluate(children);
    tasks += rows.length;
    const ids = children.map((c) => c.personId);
    await db.transaction(async (tx) => repo.replaceTasks(tx, organisationId, ids, rows, ctx.today));
  }
  // The tasks of children whose case has closed go, and the stored figures with them.
  const kept = facts.map((c) => c.personId);
  await db.transaction(async (tx) =>
    repo.replaceTasks(
      tx,
      organisationId,
      await repo.othersWithTasks(tx, organisationId, kept),
      [],
      ctx.today,
    ),
  );
  await repo.analyzeTasks(db);
  return { children: facts.length, tasks };
}

export type { TaskFilter } from './repository';

export const listTasks = repo.listTasks;
export const countTasks = repo.countTasks;
export const onTimeByMonth = repo.onTimeByMonth;
export const latestComputation = repo.latestComputation;

export interface PromptRun {
  workers: number;
  managers: number;
  escalations: number;
  skipped?: 'not a working day' | 'prompts switched off';
}

/**
 * Each working day: a digest to every worker with tasks overdue or due soon,
 * to each team manager of their team's overdue tasks, and to service
 * managers of tasks overdue beyond the escalation threshold. Each person gets
 * each kind at most once a day, however often this runs.
 */
export async function sendDailyPrompts(
  db: Db,
  deps: { mailer: Mailer; publicUrl: string },
  organisationId: string,
  ctx: { today: string; holidays: ReadonlySet<string>; at: Date },
): Promise<PromptRun> {
  const run: PromptRun = { workers: 0, managers: 0, escalations: 0 };
  if (!isWorkingDay(ctx.today, ctx.holidays)) return { ...run, skipped: 'not a working day' };
  const settings = await repo.getSettings(db, organisationId);
  if (!settings.promptsEnabled) return { ...run, skipped: 'prompts switched off' };
  const tasks = await repo.listTasks(db, { organisationId, statuses: ['overdue', 'due-soon'] }, 1_000_000);
  const withDays = tasks.map((t) => ({
    ...t,
    daysOverdueWorking: t.status === 'overdue' ? workingDaysBetween(t.due, ctx.today, ctx.holidays) : 0,
  }));
  const typeLabel = (t: string) => TASK_TYPE_LABELS[t] ?? t;
  const url = (path: string) => new URL(path, deps.publicUrl).toString();
  const people = await activeUsers(db, organisationId);
  const byId = new Map(people.map((p) => [p.id, p]));

  const send = async (userId: string, kind: string, digest: Digest | null): Promise<boolean> => {
    const person = byId.get(userId);
    if (!digest || !person) return false;
    const first = await repo.claimPrompt(db, {
      organisationId,
      userId,
      kind,
      sentOn: ctx.today,
      items: digest.items,
      createdAt: ctx.at,
    });
    if (!first) return false;
    await deps.mailer.send(db, {
      organisationId,
      to: person.email,
      toUserId: userId,
      subject: digest.subject,
      body: digest.body,
    });
    return true;
  };

  const userOfWorker = await cases.workerUserLinks(db, organisationId);
  const byUser = new Map<string, typeof withDays>();
  for (const t of withDays) {
    const userId = t.workerId ? userOfWorker.get(t.workerId) : undefined;
    if (userId) byUser.set(userId, [...(byUser.get(userId) ?? []), t]);
  }
  for (const [userId, mine] of byUser) {
    if (await send(userId, 'worker', workerDigest(mine, url('/tasks'), typeLabel))) run.workers += 1;
  }
  const teamNames = new Map((await teamsOf(db, organisationId)).map((t) => [t.id, t.name]));
  for (const manager of people.filter((p) => p.role === 'team_manager' && p.teamId)) {
    const teamTasks = withDays.filter((t) => t.teamId === manager.teamId);
    const digest = managerDigest(
      teamTasks,
      teamNames.get(manager.teamId!) ?? 'your team',
      url('/timescales/team'),
      typeLabel,
    );
    if (await send(manager.id, 'manager', digest)) run.managers += 1;
  }
  const escalation = escalationDigest(
    withDays,
    settings.escalateAfterWorkingDays,
    url('/timescales/tasks?status=overdue'),
    typeLabel,
  );
  for (const sm of people.filter((p) => p.role === 'service_manager')) {
    if (await send(sm.id, 'escalation', escalation)) run.escalations += 1;
  }
  return run;
}

export const getSettings = repo.getSettings;

export async function saveSettings(
  db: Db,
  ctx: AuditContext & { organisationId: string },
  values: { escalateAfterWorkingDays: number; promptsEnabled: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.saveSettings(tx, ctx.organisationId, values, ctx.at);
    await recordAudit(tx, ctx, {
      action: 'timescale-settings.change',
      recordType: 'timescale-settings',
      recordId: ctx.organisationId,
      detail: `escalate after ${values.escalateAfterWorkingDays} working days; prompts ${values.promptsEnabled ? 'on' : 'off'}`,
    });
  });
}

/**
 * Rebuild the stored tasks from the case register: for the given children
 * (after a form) or for everyone (after an import, and each night).
 */
export async function refreshTasks(
  db: Db,
  organisationId: string,
  scope: readonly string[] | 'all',
  clock: Clock,
  /** Children replaced per transaction when everyone's tasks are (REPLACE_BATCH unless a test asks for fewer). */
  batch = REPLACE_BATCH,
): Promise<{ children: number; tasks: number }> {
  const facts = await cases.listOpenCaseFacts(
    db,
    organisationId,
    scope === 'all' ? {} : { personIds: scope },
  );
  const holidays = await nonWorkingDaysFor(db, organisationId);
  return recomputeTasks(
    db,
    organisationId,
    scope,
    facts,
    {
      today: londonDateOf(clock.now()),
      holidays,
      at: clock.now(),
      recorded: await cases.recordedEventTypes(db, organisationId),
    },
    batch,
  );
}

/** The open statutory tasks of one child, for the child's page (the caller has checked the user may see the child). */
export async function tasksForChild(db: Db, organisationId: string, personId: string) {
  return repo.listTasks(db, {
    organisationId,
    personIds: [personId],
    statuses: ['overdue', 'due-soon', 'upcoming'],
  });
}
