import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as plans from '../../src/modules/plans/service';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { actorOf, auditCtx, smallPlan } from './plans-fixture';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

describe('committee members', () => {
  it("read their committee's outstanding actions as they stand, and no other working plan", async () => {
    const db = ctx.oversight.database.db;
    const clerk = actorOf(ctx.org, 'committee_clerk');
    const added = await plans.addOutstandingAction(db, clerk, auditCtx(clerk, ctx.clock.now()), {
      committeeName: 'Corporate Parenting Panel',
      action: 'Report on placement stability to the next meeting',
      dateAdded: '2026-09-01',
      agendaItem: 'Item 4',
      officer: 'Head of Service, Children in Care',
      targetDate: '2026-10-31',
    });
    const service = await smallPlan(ctx);
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));

    const list = await member.get(`/plans/${added.planId}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.body).toContain('Report on placement stability to the next meeting');
    // Past its target date: the status says so, and the reference is not a link they cannot follow.
    expect(list.body).toContain('Overdue');
    expect(list.body).not.toContain(`href="/plans/actions/${added.actionId}"`);
    expect((await member.get(`/plans/actions/${added.actionId}`)).statusCode).toBe(403);
    expect((await member.get(`/plans/${service.planId}`)).statusCode).toBe(403);
  });

  it('see each plan view under its own title', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const made = await smallPlan(ctx, ctx.org, 'A plan seen four ways');
    const plan = { id: made.planId };
    const title = async (url: string) => /<title>([^<]*)<\/title>/.exec((await manager.get(url)).body)![1];
    const titles = [
      await title(`/plans/${plan!.id}`),
      await title(`/plans/${plan!.id}?layout=review`),
      await title(`/plans/${plan!.id}?rag=green`),
      await title(`/plans/${plan!.id}/print`),
    ];
    expect(new Set(titles).size).toBe(4);
    expect(titles[3]).toMatch(/print view/);
  });
});
