import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plansDemo } from '../../src/demo/plans';
import { allActions } from '../../src/modules/plans/document';
import * as plans from '../../src/modules/plans/service';
import { today } from '../../src/platform/clock';
import { startTestApp, type TestContext } from '../helpers/app';
import { actorOf } from './plans-fixture';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
  await plansDemo(ctx.oversight, ctx.org, 'small');
});
afterAll(async () => ctx.close());

describe('plans demo', () => {
  it('builds the four kinds of plan the issue asks for', async () => {
    const db = ctx.oversight.database.db;
    const list = await plans.listPlans(db, actorOf(ctx.org, 'service_manager'));
    expect(list.map((p) => p.type).sort()).toEqual([
      'committee_outstanding',
      'self_evaluation',
      'service_improvement',
      'thematic',
    ]);
    const sip = list.find((p) => p.type === 'service_improvement')!;
    expect(sip.total).toBeGreaterThanOrEqual(65);
    expect(sip.total).toBeLessThanOrEqual(75);
    expect(sip.counts.green).toBeGreaterThan(sip.total / 2);
    expect(sip.counts.amber).toBeGreaterThanOrEqual(2);
    expect(sip.counts.amber).toBeLessThanOrEqual(8);
    expect(sip.counts.blue).toBeGreaterThan(0);
    expect(sip.latestSnapshot?.number).toBe(2);
  });

  it('traces sources, flags some actions and keeps a year of history', async () => {
    const db = ctx.oversight.database.db;
    const manager = actorOf(ctx.org, 'service_manager');
    const sip = (await plans.listPlans(db, manager)).find((p) => p.type === 'service_improvement')!;
    const doc = await plans.getPlanDocument(db, manager, sip.id, today(ctx.clock));
    const actions = allActions(doc);
    expect(doc.priorities).toHaveLength(5);
    const kinds = new Set(actions.map((a) => a.source.kind));
    for (const k of ['inspection_recommendation', 'inspection_paragraph', 'case_audit', 'survey'])
      expect(kinds).toContain(k);
    expect(actions.some((a) => a.overdue)).toBe(true);
    expect(actions.some((a) => a.stale)).toBe(true);
    expect(actions.some((a) => a.homePlan)).toBe(true);
    const detail = await plans.getActionDetail(db, manager, actions[0]!.actionId, today(ctx.clock));
    const dates = detail.timeline.map((t) => t.date).sort();
    expect(dates[0]! < dates.at(-1)!).toBe(true);
    const compared = await plans.compareSnapshots(db, manager, sip.id, 1, 2);
    expect(compared.comparison.ragChanged.length).toBeGreaterThan(0);
    expect(compared.comparison.added.length).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same plans in another organisation', async () => {
    await plansDemo(ctx.oversight, ctx.other, 'small');
    const db = ctx.oversight.database.db;
    const a = await plans.listPlans(db, actorOf(ctx.org, 'service_manager'));
    const b = await plans.listPlans(db, actorOf(ctx.other, 'service_manager'));
    const shape = (l: typeof a) => l.map((p) => [p.name, p.counts, p.total]);
    expect(shape(b)).toEqual(shape(a));
  });
});
