import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, startTestApp, type TestContext } from '../../test/helpers/app';
import { rawRows } from '../platform/db/client';
import { committeeDemo } from './committee';
import { plansDemo } from './plans';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
  await plansDemo(ctx.oversight, ctx.org, 'small');
  await committeeDemo(ctx.oversight, ctx.org, 'small');
}, 120_000);
afterAll(async () => ctx?.close());

describe('committee demo', () => {
  it('publishes a year of four meetings, the public site showing their packs with the plan embedded', async () => {
    const visitor = agent(ctx);
    const list = await visitor.get('/committees/oak');
    const link = list.body.match(/href="(\/committees\/oak\/[0-9a-f-]{36})"/)![1]!;
    const page = await visitor.get(link);
    const meetings = [...page.body.matchAll(/href="(\/committees\/oak\/meetings\/[0-9a-f-]{36})"/g)].map(
      (m) => m[1]!,
    );
    expect(meetings).toHaveLength(4);
    const latest = await visitor.get(meetings[3]!);
    expect(latest.statusCode).toBe(200);
    expect(latest.body).toContain('Children’s Services Improvement Plan: progress');
    // The next meeting's paper embeds the missing key data too (no audit round or signed-off indicator report here).
    expect(latest.body).toContain('Missing children: key data');
    expect(await visitor.get(meetings[2]!).then((r) => r.body)).not.toContain('Missing children: key data');
    expect(latest.body).toContain('Exclusion of the public');
    expect(latest.body).not.toContain('paragraphs 1 and 2'); // the Part 2 report's text is not public
    // The next meeting's pack ends with the acronyms it uses, not the whole glossary.
    const glossary = latest.body.slice(latest.body.indexOf('id="glossary"'));
    expect(glossary).toContain('Independent reviewing officer');
    expect(glossary).toContain('Return home interview');
    expect(glossary).not.toContain('Special guardianship order');
  });

  it('puts the outstanding actions on each agenda, a completed one once', async () => {
    const visitor = agent(ctx);
    const list = await visitor.get('/committees/oak');
    const link = list.body.match(/href="(\/committees\/oak\/[0-9a-f-]{36})"/)![1]!;
    const page = await visitor.get(link);
    const meetings = [...page.body.matchAll(/href="(\/committees\/oak\/meetings\/[0-9a-f-]{36})"/g)].map(
      (m) => m[1]!,
    );
    const first = 'Report the return interview figures for children missing from care, by team';
    const bodies = await Promise.all(meetings.map((m) => visitor.get(m).then((r) => r.body)));
    expect(bodies[0]).toContain('There are no outstanding actions.');
    expect(bodies[1]).toContain(first);
    expect(bodies[2]).toContain(first);
    expect(bodies[2]).toMatch(/Completed on \d+ \w+ \d{4}/);
    expect(bodies[3]).not.toContain(first);
    expect(bodies[3]).toContain('Circulate the briefing on the new practice standards to members');
  });

  it('minutes the held meetings: the first two approved and public, the last in draft; actions on the list', async () => {
    const visitor = agent(ctx);
    const list = await visitor.get('/committees/oak');
    const link = list.body.match(/href="(\/committees\/oak\/[0-9a-f-]{36})"/)![1]!;
    const page = await visitor.get(link);
    const meetings = [...page.body.matchAll(/href="(\/committees\/oak\/meetings\/[0-9a-f-]{36})"/g)].map(
      (m) => m[1]!,
    );
    const statuses = [];
    for (const m of meetings) statuses.push((await visitor.get(`${m}/minutes`)).statusCode);
    expect(statuses).toEqual([200, 200, 404, 404]);
    const first = await visitor.get(`${meetings[0]}/minutes`);
    expect(first.body).toContain('RESOLVED – That the report be noted.');
    expect(first.body).toContain(
      'Report the return interview figures for children missing from care, by team',
    );
    expect(first.body).not.toContain('practice review panel’s update'); // Part 2: non-public summary only
    expect(first.body).toContain('Q1: Cllr Morgan Ellery-Fox');
    expect(first.body).toContain('Answer (Head of Service, Children in Care):');
    expect((await visitor.get(`${meetings[1]}/minutes`)).body).toMatch(
      /Answer \(Director of Children’s Services\), given after the meeting:/,
    );
    const actions = await rawRows<{ action: string }>(
      ctx.oversight.database.db,
      sql`select a.action from plan_actions a join plans p on p.id = a.home_plan_id
          where p.name = 'Safeguarding Sub-Committee: outstanding actions' order by a.reference`,
    );
    expect(actions).toHaveLength(3);
  });
});
