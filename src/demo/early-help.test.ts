import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/helpers/app';
import { rawRows } from '../platform/db/client';
import { loadCaseDemo } from './cases';
import { earlyHelpDemo } from './early-help';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
  await loadCaseDemo(ctx.oversight, ctx.org, 'small');
  await earlyHelpDemo(ctx.oversight, ctx.org, 'small');
}, 180_000);
afterAll(async () => ctx.close());

describe('the early help demo', () => {
  it('sets two goals for each child in early help, scores them in order, and closes those whose episode ended', async () => {
    const goals = await rawRows<{
      people: number;
      goals: number;
      closed: number;
      unscored: number;
      disordered: number;
    }>(
      ctx.oversight.database.db,
      sql`select count(distinct g.person_id)::int as people, count(*)::int as goals,
                 count(g.closed_on)::int as closed,
                 count(*) filter (where not exists (select 1 from early_help_scores s where s.goal_id = g.id and s.stage = 'assessment'))::int as unscored,
                 count(*) filter (where exists (select 1 from early_help_scores s where s.goal_id = g.id and s.scored_on < g.set_on))::int as disordered
          from early_help_goals g where g.organisation_id = ${ctx.org.organisationId}`,
    );
    expect(goals[0]!.goals).toBe(goals[0]!.people * 2);
    expect(goals[0]!.people).toBeGreaterThan(0);
    expect(goals[0]!.closed).toBeGreaterThan(0);
    expect(goals[0]!.closed).toBeLessThan(goals[0]!.goals);
    expect(goals[0]).toMatchObject({ unscored: 0, disordered: 0 });
  });
});
