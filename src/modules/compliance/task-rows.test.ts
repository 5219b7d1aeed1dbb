import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';
import { arrayLiteral, insertTasks, TASK_CHUNK, type TaskRow } from './task-rows';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

const task = (n: number, over: Partial<TaskRow> = {}): TaskRow => ({
  ruleKey: 'cla-visit',
  ruleVersion: 2,
  personId: randomUUID(),
  episodeId: `EP-${n}`,
  occurrence: n,
  clockStart: '2026-01-05',
  due: '2026-02-16',
  completedOn: null,
  status: 'overdue',
  daysLate: 7,
  episodeOpen: true,
  serviceLevel: 'looked_after',
  taskType: 'visit',
  workerId: null,
  teamId: null,
  ...over,
});

describe('arrayLiteral', () => {
  it('quotes text, escapes quotes and backslashes, and writes nulls as NULL', () => {
    expect(arrayLiteral(['a', 'b"c', 'd\\e', null, 'NULL', 3, true, false])).toBe(
      '{"a","b\\"c","d\\\\e",NULL,"NULL",3,t,f}',
    );
    expect(arrayLiteral([])).toBe('{}');
  });
});

describe('insertTasks', () => {
  it('writes every value as given, awkward text and empty values included', async () => {
    const db = ctx.oversight.database.db;
    const worker = randomUUID();
    const team = randomUUID();
    const awkward = task(1, {
      episodeId: 'a "quoted", {braced} \\ episode',
      completedOn: '2026-02-20',
      status: 'done-late',
      daysLate: 4,
      episodeOpen: false,
      workerId: worker,
      teamId: team,
    });
    const literal = task(2, { episodeId: 'NULL' });
    await insertTasks(db, ctx.org.organisationId, [awkward, literal], '2026-11-16');
    const rows = await rawRows<Record<string, unknown>>(
      db,
      sql`select person_id, episode_id, rule_key, rule_version, service_level, task_type, occurrence,
            clock_start::text, due::text, completed_on::text, status, days_late, episode_open,
            worker_id, team_id, computed_on::text, organisation_id
          from compliance_tasks where organisation_id = ${ctx.org.organisationId} order by occurrence`,
    );
    expect(rows).toEqual([
      {
        person_id: awkward.personId,
        episode_id: 'a "quoted", {braced} \\ episode',
        rule_key: 'cla-visit',
        rule_version: 2,
        service_level: 'looked_after',
        task_type: 'visit',
        occurrence: 1,
        clock_start: '2026-01-05',
        due: '2026-02-16',
        completed_on: '2026-02-20',
        status: 'done-late',
        days_late: 4,
        episode_open: false,
        worker_id: worker,
        team_id: team,
        computed_on: '2026-11-16',
        organisation_id: ctx.org.organisationId,
      },
      expect.objectContaining({ episode_id: 'NULL', completed_on: null, worker_id: null, team_id: null }),
    ]);
  });

  it('writes more tasks than one statement carries', async () => {
    const db = ctx.oversight.database.db;
    const tasks = Array.from({ length: TASK_CHUNK + 3 }, (_, i) => task(i));
    await insertTasks(db, ctx.other.organisationId, tasks, '2026-11-16');
    const [row] = await rawRows<{ n: number; last: number }>(
      db,
      sql`select count(*)::int as n, max(occurrence)::int as last from compliance_tasks
          where organisation_id = ${ctx.other.organisationId}`,
    );
    expect(row).toEqual({ n: TASK_CHUNK + 3, last: TASK_CHUNK + 2 });
  });
});
