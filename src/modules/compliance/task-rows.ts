/**
 * Computed tasks written in bulk. A whole recomputation writes hundreds of
 * thousands of tasks (about 300,000 at the large demo authority): each
 * statement carries 5,000 of them as one array parameter per column, which
 * the database unnests, instead of one bound parameter per value (building
 * and parsing 600,000-parameter statements took most of a recomputation).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import type { ComputedTask } from './rules/engine';

export interface TaskRow extends ComputedTask {
  serviceLevel: string;
  taskType: string;
  workerId: string | null;
  teamId: string | null;
}

/** Tasks per statement. */
export const TASK_CHUNK = 5000;

type Element = string | number | boolean | null;

/** The columns written, in order, with their type and how each task gives its value. */
const COLUMNS: ReadonlyArray<[column: string, type: string, value: (t: TaskRow) => Element]> = [
  ['person_id', 'uuid', (t) => t.personId],
  ['episode_id', 'text', (t) => t.episodeId],
  ['rule_key', 'text', (t) => t.ruleKey],
  ['rule_version', 'int', (t) => t.ruleVersion],
  ['service_level', 'text', (t) => t.serviceLevel],
  ['task_type', 'text', (t) => t.taskType],
  ['occurrence', 'int', (t) => t.occurrence],
  ['clock_start', 'date', (t) => t.clockStart],
  ['due', 'date', (t) => t.due],
  ['completed_on', 'date', (t) => t.completedOn],
  ['status', 'text', (t) => t.status],
  ['days_late', 'int', (t) => t.daysLate],
  ['episode_open', 'boolean', (t) => t.episodeOpen],
  ['worker_id', 'uuid', (t) => t.workerId],
  ['team_id', 'uuid', (t) => t.teamId],
];

/** A PostgreSQL array literal: every element quoted (backslashes and quotes escaped), nulls as NULL. */
export function arrayLiteral(values: readonly Element[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number') out += String(v);
    else if (typeof v === 'boolean') out += v ? 't' : 'f';
    else out += `"${v.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

/** Insert tasks for an organisation, computed on a day: one statement per TASK_CHUNK tasks. */
export async function insertTasks(
  db: Db,
  organisationId: string,
  tasks: readonly TaskRow[],
  computedOn: string,
): Promise<void> {
  const columns = sql.raw(COLUMNS.map(([c]) => c).join(', '));
  const names = sql.raw(COLUMNS.map(([c]) => `r.${c}`).join(', '));
  for (let i = 0; i < tasks.length; i += TASK_CHUNK) {
    const chunk = tasks.slice(i, i + TASK_CHUNK);
    const arrays = sql.join(
      COLUMNS.map(([, type, value]) => sql`${arrayLiteral(chunk.map(value))}::${sql.raw(type)}[]`),
      sql`, `,
    );
    await db.execute(
      sql`insert into compliance_tasks (organisation_id, computed_on, ${columns})
          select ${organisationId}::uuid, ${computedOn}::date, ${names}
          from unnest(${arrays}) as r(${columns})`,
    );
  }
}
