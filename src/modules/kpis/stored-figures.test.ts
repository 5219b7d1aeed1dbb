import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, type TestContext } from '../../../test/helpers/app';
import { queriesDuring } from '../../../test/helpers/queries';
import { homeRows } from '../../../test/home/helpers';
import { startIndicatorsApp } from '../../../test/modules/kpis-fixture';
import { runDueDailyJobs } from '../../platform/jobs';
import { caseReferrals } from '../cases/schema';
import { kpiLatestFigures } from './schema';

/**
 * The home page's indicator figures are kept, not computed on each load: a
 * tiny register where, in 2026-27 Q2 (the last complete quarter on the test
 * clock), half the referrals are re-referrals, against a target of 22% or less.
 */
let ctx: TestContext;
let ann: string;
beforeAll(async () => {
  ({ ctx, ann } = await startIndicatorsApp());
});
afterAll(async () => ctx.close());

const OFF_TARGET = 'Indicators off target in 2026-27 Q2';

async function stored(code: string) {
  const [row] = await ctx.oversight.database.db
    .select()
    .from(kpiLatestFigures)
    .where(and(eq(kpiLatestFigures.organisationId, ctx.org.organisationId), eq(kpiLatestFigures.code, code)));
  return row;
}

describe('the indicators on the home page', () => {
  it('are computed once, stored with the time, and then read in one query', async () => {
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const first = await leader.get('/');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('As at 16 November 2026 at 09:00');
    const offTarget = homeRows(first.body).get(OFF_TARGET)!.count!;
    expect(offTarget).toBeGreaterThan(0);
    expect(await stored('REF-02')).toMatchObject({ quarter: '2026-07-01', value: 50, rag: 'red' });
    // The other organisation's figures are its own: none of its referrals are here.
    const other = await ctx.oversight.database.db
      .select()
      .from(kpiLatestFigures)
      .where(eq(kpiLatestFigures.organisationId, ctx.other.organisationId));
    expect(other.every((r) => r.code !== 'REF-02' || r.value !== 50)).toBe(true);

    ctx.clock.advanceMinutes(30);
    const { result, queries } = await queriesDuring(ctx.oversight.database, () => leader.get('/'));
    expect(homeRows(result.body).get(OFF_TARGET)!.count).toBe(offTarget);
    // Still the figures of 09:00: nothing read the register's tables to show them.
    expect(result.body).toContain('As at 16 November 2026 at 09:00');
    expect(queries.filter((q) => q.includes('kpi_latest_figures'))).toHaveLength(1);
    expect(queries.filter((q) => /case_referrals|kpi_indicator_versions/.test(q))).toEqual([]);
  });

  it('are stored again after a target changes, once the response has gone', async () => {
    const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const before = homeRows((await leader.get('/')).body).get(OFF_TARGET)!.count!;
    ctx.clock.advanceMinutes(15);
    const res = await officer.post('/indicators/REF-02', {
      title: 'Re-referrals within 12 months',
      definition: 'Referrals in the period about a child referred before within the 12 months before.',
      numerator: 'Referrals with an earlier referral in the 12 months before',
      denominator: 'Referrals in the period',
      polarity: 'lower',
      period: 'quarter',
      target: '60',
      tolerance: '5',
      owner: 'Head of the front door',
      notes: '',
      reason: 'Target reset for the new front door model',
    });
    expect(res.statusCode).toBe(302);
    await ctx.app.deps.background.idle();
    expect(await stored('REF-02')).toMatchObject({ value: 50, rag: 'green' });
    const page = (await leader.get('/')).body;
    expect(homeRows(page).get(OFF_TARGET)!.count).toBe(before - 1);
    expect(page).toContain('As at 16 November 2026 at 09:45');
  });

  it('are stored again by the nightly job, from the register as it then stands', async () => {
    const db = ctx.oversight.database.db;
    // A re-referral recorded since: two of three referrals in the quarter were re-referrals.
    await db.insert(caseReferrals).values({
      organisationId: ctx.org.organisationId,
      personId: ann,
      sourceId: 'R4',
      rowHash: 'h',
      referralDate: '2026-09-15',
    });
    expect((await stored('REF-02'))!.value).toBe(50);
    // 02:50 in London the next night: the job has run.
    ctx.clock.set('2026-11-17T02:50:00Z');
    await runDueDailyJobs(db, ctx.clock, ctx.oversight.dailyJobs);
    expect(await stored('REF-02')).toMatchObject({ value: 66.7 });
    expect((await stored('REF-02'))!.computedAt.toISOString()).toBe('2026-11-17T02:50:00.000Z');
  });

  it('move to the next quarter when it is complete, even before the nightly job', async () => {
    ctx.clock.set('2027-01-04T09:00:00Z');
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const page = (await leader.get('/')).body;
    expect(page).toContain('Indicators off target in 2026-27 Q3');
    expect(page).toContain('As at 4 January 2027 at 09:00');
    expect((await stored('REF-02'))!.quarter).toBe('2026-10-01');
  });
});
