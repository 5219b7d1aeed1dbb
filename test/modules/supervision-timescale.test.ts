/**
 * "Case discussed in the case-holding worker's supervision" (a local monthly
 * standard) reads the children discussed at each supervision recorded in
 * Oversight: "No data yet" until an organisation records one, then computed
 * for every child in need, done for the children discussed on that day.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFiles, smallExtract } from '../../src/modules/cases/fixtures';
import { importAndWait } from '../../src/modules/cases/importer';
import { rawRows } from '../../src/platform/db/client';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { follow, homeRows } from '../home/helpers';

let ctx: TestContext;

const tasks = (organisationId: string) =>
  rawRows<{ person_id: string; status: string; completed_on: string | null }>(
    ctx.oversight.database.db,
    sql`select person_id, status, completed_on::text as completed_on from compliance_tasks
        where organisation_id = ${organisationId} and rule_key = 'case-supervision'`,
  );

beforeAll(async () => {
  ctx = await startTestApp();
  for (const org of [ctx.org, ctx.other]) {
    await importAndWait(ctx.oversight.database.db, {
      organisationId: org.organisationId,
      userId: org.userIds.administrator,
      origin: 'upload',
      mode: 'full',
      files: extractFiles(smallExtract()),
      clock: ctx.clock,
      audit: {
        organisationId: org.organisationId,
        userId: org.userIds.administrator,
        ip: null,
        userAgent: 'test',
        requestId: null,
        at: ctx.clock.now(),
      },
      concurrentProgress: false,
    });
  }
  await ctx.app.deps.background.idle();
});
afterAll(() => ctx.close());

describe('case discussed in supervision', () => {
  it('is "No data yet" until a supervision records the children discussed, then done for them on that day', async () => {
    expect(await tasks(ctx.org.organisationId)).toEqual([]);
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const rules = await manager.get('/timescales/rules');
    expect(rules.statusCode).toBe(200);

    const list = await manager.get('/supervision');
    const noor = list.body.match(/value="([0-9a-f-]{36})"[^>]*>Noor Fairley/)![1]!;
    const form = await manager.get(`/supervision/new?worker=${noor}`);
    const jonah =
      form.body.match(/name="personIds"[^>]*value="([0-9a-f-]{36})"/)?.[1] ??
      form.body.match(/value="([0-9a-f-]{36})"[^>]*name="personIds"/)![1]!;
    const saved = await manager.post('/supervision/new', {
      workerId: noor,
      'heldOn-day': '16',
      'heldOn-month': '11',
      'heldOn-year': '2026',
      personIds: jonah,
      reflection: 'Talked through the plan for Jonah.',
    });
    expect(saved.statusCode).toBe(302);
    await ctx.app.deps.background.idle();

    const after = await tasks(ctx.org.organisationId);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((t) => t.person_id === jonah).map((t) => t.completed_on)).toContain('2026-11-16');
    // Another organisation that records no supervision still has the rule switched off.
    expect(await tasks(ctx.other.organisationId)).toEqual([]);

    // The team manager's home page counts the team's children overdue for discussion, linked to them.
    const [expected] = await rawRows<{ n: number }>(
      ctx.oversight.database.db,
      sql`select count(*)::int as n from compliance_tasks t
          join users u on u.team_id = t.team_id and u.email = ${emailOf(ctx.org, 'team_manager')}
          where t.organisation_id = ${ctx.org.organisationId} and t.rule_key = 'case-supervision'
            and t.status = 'overdue'`,
    );
    const rows = homeRows((await manager.get('/')).body);
    const overdue = rows.get("Children whose case is overdue for discussion in their worker's supervision");
    expect(overdue?.count).toBe(expected!.n);
    expect(expected!.n).toBeGreaterThan(0);
    const listed = await follow(manager, overdue);
    expect(listed).toContain(`${expected!.n} ${expected!.n === 1 ? 'task matches' : 'tasks match'}`);
    expect(rows.has("Children whose case is due for discussion in their worker's supervision soon")).toBe(
      true,
    );
  });
});
