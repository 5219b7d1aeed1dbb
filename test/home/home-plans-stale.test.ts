/**
 * Stale improvement-plan actions across the service: every action not yet
 * complete whose RAG status was not reviewed within its plan's monitoring
 * period. The small plan is added in July (quarterly monitoring, so each
 * action's review fell due on 1 October); the other organisation's plan is
 * added today, so a leak would change the count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, TEST_START, type TestContext } from '../helpers/app';
import { smallPlan } from '../modules/plans-fixture';
import { follow, homeRows } from './helpers';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2026-07-01T09:00:00Z');
  await smallPlan(ctx, ctx.org, 'Service improvement plan');
  ctx.clock.set(TEST_START);
  await smallPlan(ctx, ctx.other, 'Westbrook improvement plan');
});
afterAll(async () => ctx.close());

const STALE = "Actions across the service not reviewed within their plan's monitoring period";

describe('home page: stale plan actions', () => {
  it('counts the service manager and senior leader every action not reviewed in time, linked to exactly those', async () => {
    for (const role of ['service_manager', 'senior_leader']) {
      const person = await signedIn(ctx, emailOf(ctx.org, role));
      const stale = homeRows((await person.get('/')).body).get(STALE);
      expect(stale?.count, role).toBe(4);
      expect(stale?.href).toBe('/plans/stale-actions');
      const list = await follow(person, stale);
      expect(list).toContain('4 actions not reviewed in time');
      expect(list).toContain('Train all practitioners in direct work tools');
      expect(list).toContain('1 October 2026');
      expect(list).not.toContain('Westbrook');
    }
  });

  it('gives the other organisation none, and does not count for people who cannot manage plans', async () => {
    const other = await signedIn(ctx, emailOf(ctx.other, 'service_manager'));
    const stale = homeRows((await other.get('/')).body).get(STALE);
    expect(stale?.count).toBe(0);
    expect(await follow(other, stale)).toContain('Every action not yet complete has had its status reviewed');
    const practitioner = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect(homeRows((await practitioner.get('/')).body).has(STALE)).toBe(false);
    expect((await practitioner.get('/plans/stale-actions')).statusCode).toBe(403);
  });
});
