import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { type SmallPlan, smallPlan } from './plans-fixture';

let ctx: TestContext;
let plan: SmallPlan;
beforeAll(async () => {
  ctx = await startTestApp();
  plan = await smallPlan(ctx);
});
afterAll(async () => ctx.close());

describe('plan pages', () => {
  it('renders every page a service manager uses', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const action = plan.actionIds['1.1'];
    const urls = [
      '/plans',
      `/plans/${plan.planId}`,
      `/plans/${plan.planId}?layout=review`,
      `/plans/${plan.planId}/edit`,
      `/plans/${plan.planId}/priorities/new`,
      `/plans/${plan.planId}/priorities/${plan.priorityIds[0]}/edit`,
      `/plans/${plan.planId}/actions/new`,
      `/plans/actions/${action}`,
      `/plans/actions/${action}/edit`,
      `/plans/actions/${action}/update`,
      `/plans/actions/${action}/complete`,
      `/plans/actions/${action}/link`,
      `/plans/${plan.planId}/snapshots`,
      `/plans/${plan.planId}/compare`,
      `/plans/${plan.planId}/print`,
      '/plans/new',
      '/plans/outstanding/new',
      '/plans/import',
      '/plans/leads',
      `/plans/leads/${plan.leads.manager}/edit`,
      '/plans/leads/new',
      '/plans/my-actions',
    ];
    for (const url of urls) {
      const res = await a.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    }
  });
});
