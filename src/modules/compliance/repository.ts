import { and, asc, count, desc, eq, gte, inArray, lt, not, type SQL, sql } from 'drizzle-orm';
import { anyId } from '../../platform/db/any-id';
import type { Db } from '../../platform/db/client';
import * as figures from './figures-repository';
import type { RuleVersion } from './rules/engine';
import type { RuleDefinition } from './rules/model';
import { compliancePrompts, complianceSettings, complianceTasks, timescaleRules } from './schema';
import { insertTasks, type TaskRow } from './task-rows';

export async function ruleKeys(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ key: timescaleRules.key })
    .from(timescaleRules)
    .where(eq(timescaleRules.organisationId, organisationId));
  return new Set(rows.map((r) => r.key));
}

/** Insert shipped rules; a rule another request inserted first is left as it is. */
export async function insertDefaultRules(
  db: Db,
  rows: Parameters<typeof insertRuleVersions>[1],
): Promise<void> {
  if (rows.length) await db.insert(timescaleRules).values(rows).onConflictDoNothing();
}

export async function insertRuleVersions(
  db: Db,
  rows: Array<{
    organisationId: string;
    key: string;
    version: number;
    effectiveFrom: string;
    retired: boolean;
    definition: RuleDefinition;
    reason: string | null;
    createdBy: string | null;
    createdAt: Date;
  }>,
): Promise<void> {
  if (rows.length) await db.insert(timescaleRules).values(rows);
}

export interface StoredRuleVersion extends RuleVersion {
  key: string;
  reason: string | null;
  createdBy: string | null;
  createdAt: Date;
}

export async function ruleVersions(
  db: Db,
  organisationId: string,
  key?: string,
): Promise<StoredRuleVersion[]> {
  const rows = await db
    .select()
    .from(timescaleRules)
    .where(
      and(eq(timescaleRules.organisationId, organisationId), key ? eq(timescaleRules.key, key) : undefined),
    )
    .orderBy(asc(timescaleRules.key), asc(timescaleRules.version));
  return rows.map((r) => ({
    key: r.key,
    version: r.version,
    effectiveFrom: r.effectiveFrom,
    retired: r.retired,
    definition: r.definition,
    reason: r.reason,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  }));
}

export type { TaskRow } from './task-rows';

/** Replace the computed tasks of these children with a new set (in the caller's transaction). */
export async function replaceTasks(
  db: Db,
  organisationId: string,
  personIds: readonly string[],
  tasks: readonly TaskRow[],
  computedOn: string,
): Promise<void> {
  // Writers of one organisation's tasks take turns (whatever instance they run in), so two
  // recomputations can never both delete the old rows and then both insert new ones.
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`compliance.tasks:${organisationId}`}, 0))`,
  );
  if (personIds.length > 0) {
    // The stored figures lose these children's old tasks, and gain their new ones below.
    await figures.adjustFigures(db, organisationId, personIds, -1);
    await db
      .delete(complianceTasks)
      .where(
        and(eq(complianceTasks.organisationId, organisationId), anyId(complianceTasks.personId, personIds)),
      );
  }
  await insertTasks(db, organisationId, tasks, computedOn);
  if (personIds.length > 0) await figures.adjustFigures(db, organisationId, personIds, 1);
}

/** Children with tasks stored who are not among these (their case has closed since the tasks were computed). */
export async function othersWithTasks(
  db: Db,
  organisationId: string,
  kept: readonly string[],
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: complianceTasks.personId })
    .from(complianceTasks)
    .where(
      and(eq(complianceTasks.organisationId, organisationId), not(anyId(complianceTasks.personId, kept))),
    );
  return rows.map((r) => r.personId);
}

/** Refresh the planner's statistics of the tasks and their figures (the embedded database has no autovacuum). */
export async function analyzeTasks(db: Db): Promise<void> {
  await db.execute(sql`analyze compliance_tasks, compliance_open_counts, compliance_month_counts`);
}

/** A filter the stored open-task figures can answer: open work of open episodes, by team, worker, level or kind. */
function openFigureFilter(f: TaskFilter, by: readonly GroupKey[]): figures.OpenFilter | undefined {
  const open: readonly string[] = figures.OPEN_COUNTED;
  if (f.openOnly === false || f.personIds?.length || f.dueFrom || f.dueTo || by.includes('ruleKey')) return;
  if (!f.statuses?.length || !f.statuses.every((s) => open.includes(s))) return;
  return { ...f, statuses: f.statuses };
}

export interface TaskFilter {
  organisationId: string;
  statuses?: readonly string[];
  taskTypes?: readonly string[];
  serviceLevels?: readonly string[];
  teamIds?: readonly string[];
  workerIds?: readonly string[];
  personIds?: readonly string[];
  dueFrom?: string;
  dueTo?: string;
  /** Open episodes only (dashboards); false includes closed ones (history, on-time rates). */
  openOnly?: boolean;
}

function where(f: TaskFilter): SQL | undefined {
  return and(
    eq(complianceTasks.organisationId, f.organisationId),
    f.openOnly === false ? undefined : eq(complianceTasks.episodeOpen, true),
    f.statuses?.length ? inArray(complianceTasks.status, [...f.statuses]) : undefined,
    f.taskTypes?.length ? inArray(complianceTasks.taskType, [...f.taskTypes]) : undefined,
    f.serviceLevels?.length ? inArray(complianceTasks.serviceLevel, [...f.serviceLevels]) : undefined,
    f.teamIds?.length ? inArray(complianceTasks.teamId, [...f.teamIds]) : undefined,
    f.workerIds?.length ? inArray(complianceTasks.workerId, [...f.workerIds]) : undefined,
    f.personIds?.length ? anyId(complianceTasks.personId, f.personIds) : undefined,
    f.dueFrom ? gte(complianceTasks.due, f.dueFrom) : undefined,
    f.dueTo ? lt(complianceTasks.due, f.dueTo) : undefined,
  );
}

/** The order a list shows statuses in, what needs action first; the rest after them, by due date. */
const LIST_ORDER = ['overdue', 'due-soon', 'upcoming'] as const;

/**
 * Tasks in status order (overdue first), then by due date. One indexed read
 * per status (compliance_tasks_org_status: organisation, open, status, due),
 * stopping once the list is full, instead of sorting every matching task.
 * A later page skips `offset` tasks: whole statuses by their counts (`sizes`,
 * the tasks of each status under the same filter), then within the status
 * the page starts in.
 */
export async function listTasks(
  db: Db,
  filter: TaskFilter,
  limit = 5000,
  offset = 0,
  sizes?: ReadonlyMap<string, number>,
): Promise<Array<typeof complianceTasks.$inferSelect>> {
  const first: readonly string[] = LIST_ORDER;
  const rest = filter.statuses?.length
    ? filter.statuses.filter((s) => !first.includes(s))
    : ['done', 'done-late'];
  const groups = [
    ...LIST_ORDER.filter((s) => !filter.statuses?.length || filter.statuses.includes(s)).map((s) => [s]),
    ...(rest.length ? [rest] : []),
  ];
  const rows: Array<typeof complianceTasks.$inferSelect> = [];
  let skip = offset;
  for (const statuses of groups) {
    if (rows.length >= limit) break;
    if (skip > 0 && sizes) {
      const size = statuses.reduce((n, s) => n + (sizes.get(s) ?? 0), 0);
      if (skip >= size) {
        skip -= size;
        continue;
      }
    }
    const found = await db
      .select()
      .from(complianceTasks)
      .where(where({ ...filter, statuses }))
      .orderBy(asc(complianceTasks.due), asc(complianceTasks.id))
      .limit(limit - rows.length + (sizes ? 0 : skip))
      .offset(sizes ? skip : 0);
    if (sizes) skip = 0;
    else {
      // Without the counts, skip through the rows themselves.
      const dropped = Math.min(skip, found.length);
      found.splice(0, dropped);
      skip -= dropped;
    }
    rows.push(...found);
  }
  return rows;
}

export type GroupKey = 'status' | 'taskType' | 'serviceLevel' | 'teamId' | 'workerId' | 'ruleKey';

/** Counts of tasks grouped by one or two keys, for the dashboards' tables. */
export async function countTasks(
  db: Db,
  filter: TaskFilter,
  by: readonly GroupKey[],
): Promise<Array<Record<GroupKey, string | null> & { n: number }>> {
  // Dashboards' counts come from the stored figures; a list's counts (dates, children) from the tasks.
  const stored = openFigureFilter(filter, by);
  if (stored) {
    return (await figures.openCounts(db, stored, by as readonly figures.FigureKey[])) as Array<
      Record<GroupKey, string | null> & { n: number }
    >;
  }
  const cols = {
    status: complianceTasks.status,
    taskType: complianceTasks.taskType,
    serviceLevel: complianceTasks.serviceLevel,
    teamId: complianceTasks.teamId,
    workerId: complianceTasks.workerId,
    ruleKey: complianceTasks.ruleKey,
  } as const;
  const selection = Object.fromEntries(by.map((k) => [k, cols[k]]));
  const rows = await db
    .select({ ...selection, n: count() })
    .from(complianceTasks)
    .where(where(filter))
    .groupBy(...by.map((k) => cols[k]));
  return rows.map((r) => ({ ...(r as unknown as Record<GroupKey, string | null>), n: Number(r.n) }));
}

/** Done on time and all tasks falling due, by month of due date: the on-time completion trend. */
export async function onTimeByMonth(
  db: Db,
  filter: TaskFilter,
): Promise<Array<{ month: string; due: number; onTime: number }>> {
  // The whole organisation's trend is stored; a narrower one is counted from the tasks.
  const { organisationId, ...narrower } = filter;
  if (!Object.values(narrower).some((v) => v !== undefined)) return figures.monthCounts(db, organisationId);
  const month = sql<string>`to_char(${complianceTasks.due}, 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      due: count(),
      onTime: sql<number>`count(*) filter (where ${complianceTasks.status} = 'done')`,
    })
    .from(complianceTasks)
    .where(
      and(
        where({ ...filter, openOnly: false }),
        inArray(complianceTasks.status, ['done', 'done-late', 'overdue']),
      ),
    )
    .groupBy(month)
    .orderBy(month);
  return rows.map((r) => ({ month: r.month, due: Number(r.due), onTime: Number(r.onTime) }));
}

export async function latestComputation(db: Db, organisationId: string): Promise<string | null> {
  const [row] = await db
    .select({ on: complianceTasks.computedOn })
    .from(complianceTasks)
    .where(eq(complianceTasks.organisationId, organisationId))
    .orderBy(desc(complianceTasks.computedOn))
    .limit(1);
  return row?.on ?? null;
}

export async function getSettings(db: Db, organisationId: string) {
  const [row] = await db
    .select()
    .from(complianceSettings)
    .where(eq(complianceSettings.organisationId, organisationId));
  return row ?? { organisationId, escalateAfterWorkingDays: 10, promptsEnabled: true, updatedAt: null };
}

export async function saveSettings(
  db: Db,
  organisationId: string,
  values: { escalateAfterWorkingDays: number; promptsEnabled: boolean },
  at: Date,
): Promise<void> {
  await db
    .insert(complianceSettings)
    .values({ organisationId, ...values, updatedAt: at })
    .onConflictDoUpdate({ target: complianceSettings.organisationId, set: { ...values, updatedAt: at } });
}

/** Record a prompt; false when this person already had this kind of prompt today. */
export async function claimPrompt(
  db: Db,
  row: {
    organisationId: string;
    userId: string;
    kind: string;
    sentOn: string;
    items: number;
    createdAt: Date;
  },
): Promise<boolean> {
  const inserted = await db
    .insert(compliancePrompts)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: compliancePrompts.id });
  return inserted.length > 0;
}
