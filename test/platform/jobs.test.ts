import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/platform/db/client';
import { runDueDailyJobs } from '../../src/platform/jobs';
import { agent, emailOf, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-06-01T09:00:00Z' });
});
afterAll(async () => ctx.close());

describe('daily jobs', () => {
  it('runs each job once a day per organisation, after its time, and the housekeeping removes old sign-in attempts', async () => {
    const db = ctx.oversight.database.db;
    const a = agent(ctx);
    await a.get('/sign-in');
    await a.post('/sign-in', { email: emailOf(ctx.org, 'practitioner'), password: 'a wrong password here' });
    const count = async () =>
      (await rawRows<{ n: number }>(db, sql`select count(*)::int as n from sign_in_attempts`))[0]!.n;
    expect(await count()).toBe(1);

    // 00:30 in London on 1 September: nothing is due yet (the earliest job is at 01:00).
    ctx.clock.set('2026-08-31T23:30:00Z');
    expect(await runDueDailyJobs(db, ctx.clock, ctx.oversight.dailyJobs)).toBe(0);

    // 02:30 in London, 92 days on: the recomputation and the housekeeping are due, for both organisations.
    ctx.clock.set('2026-09-01T01:30:00Z');
    const ran = await runDueDailyJobs(db, ctx.clock, ctx.oversight.dailyJobs);
    expect(ran).toBe(4);
    expect(await count()).toBe(0);
    expect(await runDueDailyJobs(db, ctx.clock, ctx.oversight.dailyJobs)).toBe(0);
    const runs = await rawRows<{ name: string; outcome: string }>(
      db,
      sql`select name, outcome from job_runs order by name`,
    );
    expect(runs.every((r) => r.outcome === 'done')).toBe(true);
    expect(runs.map((r) => r.name.split(':')[0])).toEqual([
      'compliance.recompute',
      'compliance.recompute',
      'platform.purge-sessions',
      'platform.purge-sessions',
    ]);
  });
});
