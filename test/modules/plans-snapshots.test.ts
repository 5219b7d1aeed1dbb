import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as plans from '../../src/modules/plans/service';
import { today } from '../../src/platform/clock';
import { rawRows } from '../../src/platform/db/client';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { actorOf, auditCtx, blankAction, dateFields, type SmallPlan, smallPlan } from './plans-fixture';

let ctx: TestContext;
let plan: SmallPlan;
beforeAll(async () => {
  ctx = await startTestApp();
  plan = await smallPlan(ctx);
});
afterAll(async () => ctx.close());

const db = () => ctx.oversight.database.db;

describe('snapshots', () => {
  it('are published numbered 1, 2, ... by those who may publish, in one go', async () => {
    const teamManager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    expect(
      (await teamManager.post(`/plans/${plan.planId}/snapshots`, dateFields('asAt', today(ctx.clock))))
        .statusCode,
    ).toBe(403);
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const future = await manager.post(`/plans/${plan.planId}/snapshots`, dateFields('asAt', '2027-12-31'));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('must be today or in the past');
    const first = await manager.post(`/plans/${plan.planId}/snapshots`, dateFields('asAt', '2026-09-30'));
    expect(first.statusCode, first.body).toBe(302);
    expect(first.headers.location).toBe(`/plans/${plan.planId}/snapshots/1`);
    const earlier = await manager.post(`/plans/${plan.planId}/snapshots`, dateFields('asAt', '2026-06-30'));
    expect(earlier.statusCode).toBe(400);
    expect(earlier.body).toContain('must be the same as or after the last snapshot');
    const audit = await rawRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from access_audit where action = 'plan.snapshot.publish'`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('are frozen: later changes to the plan do not change a published version', async () => {
    const m = actorOf(ctx.org, 'service_manager');
    ctx.clock.advanceMinutes(5);
    const c = auditCtx(m, ctx.clock.now());
    await plans.addUpdate(db(), m, c, plan.actionIds['1.2']!, {
      date: today(ctx.clock),
      progress: 'Trainer left; new trainer found',
      focus: 'Restart the course',
      rag: 'amber',
      reason: 'Trainer left',
      evidence: { text: null, link: null, file: null },
    });
    await plans.addUpdate(db(), m, c, plan.actionIds['2.1']!, {
      date: today(ctx.clock),
      progress: 'Monthly supervision now recorded on every file',
      focus: null,
      rag: 'blue',
      reason: null,
      evidence: { text: 'Audit of 40 files, October 2026', link: null, file: null },
    });
    await plans.createAction(db(), m, c, plan.planId, {
      ...blankAction,
      priorityId: plan.priorityIds[1]!,
      reference: '2.2',
      action: 'Quarterly oversight clinic for team managers',
    });
    const first = await plans.getSnapshot(db(), m, plan.planId, 1);
    const rags = first.document.priorities.flatMap((p) => p.actions.map((a) => [a.reference, a.rag]));
    expect(rags).toEqual([
      ['1.1', 'green'],
      ['1.2', 'green'],
      ['2.1', 'green'],
      ['2.1.2', 'green'],
    ]);
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const page = await manager.get(`/plans/${plan.planId}/snapshots/1`);
    expect(page.body).toContain('4 green, 0 amber, 0 red, 0 complete');
    expect(page.body).not.toContain('Quarterly oversight clinic');
  });

  it('cannot be changed or removed in the database', async () => {
    for (const statement of [
      sql`update plan_snapshots set as_at = '2020-01-01'`,
      sql`delete from plan_snapshots`,
      sql`truncate plan_snapshots`,
    ]) {
      const error = await db()
        .execute(statement)
        .then(() => undefined)
        .catch((e: Error & { cause?: Error }) => e);
      expect(`${error?.message} ${error?.cause?.message}`).toMatch(/plan_snapshots is append-only/);
    }
    const [row] = await rawRows<{ as_at: string }>(
      db(),
      sql`select as_at::text from plan_snapshots where plan_id = ${plan.planId} and number = 1`,
    );
    expect(row!.as_at).toBe('2026-09-30');
  });

  it('compare: the second version shows which actions changed RAG, were added, completed or became overdue', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const second = await manager.post(
      `/plans/${plan.planId}/snapshots`,
      dateFields('asAt', today(ctx.clock)),
    );
    expect(second.headers.location).toBe(`/plans/${plan.planId}/snapshots/2`);
    const m = actorOf(ctx.org, 'service_manager');
    const { comparison } = await plans.compareSnapshots(db(), m, plan.planId, 1, 2);
    expect(comparison.ragChanged.map((r) => [r.reference, r.from, r.to])).toEqual([
      ['1.2', 'green', 'amber'],
      ['2.1', 'green', 'blue'],
    ]);
    expect(comparison.completed.map((r) => r.reference)).toEqual(['2.1']);
    expect(comparison.added.map((r) => r.reference)).toEqual(['2.2']);
    expect(comparison.becameOverdue.map((r) => r.reference)).toEqual(['1.2']);
    const page = await manager.get(`/plans/${plan.planId}/compare?from=1&to=2`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('RAG status changed (2)');
    expect(page.body).toContain('Added (1)');
    expect(page.body).toContain('Became overdue (1)');
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get(`/plans/${plan.planId}/compare?from=1&to=2`)).statusCode).toBe(200);
  });

  it('are offered to the committee module frozen, through the service', async () => {
    const list = await plans.listPublishedSnapshots(db(), ctx.org.organisationId, { planId: plan.planId });
    expect(list.map((s) => s.number)).toEqual([2, 1]);
    const embedded = await plans.getSnapshotForEmbedding(db(), ctx.org.organisationId, list[1]!.id);
    expect(embedded.number).toBe(1);
    expect(embedded.asAt).toBe('2026-09-30');
    expect(embedded.document.counts).toEqual({ red: 0, amber: 0, green: 4, blue: 0, not_rated: 0 });
    expect(embedded.document.plan.name).toBe('Service improvement plan 2026 to 2027');
  });
});
