import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, type TestContext } from '../../../test/helpers/app';
import { queriesDuring } from '../../../test/helpers/queries';
import { blankConcern, startIndicatorsApp } from '../../../test/modules/kpis-fixture';
import { runDueDailyJobs } from '../../platform/jobs';
import * as adults from '../adults/service';
import { extractFiles, smallExtract } from '../cases/fixtures';
import { caseReferrals } from '../cases/schema';
import { importSettled, startSsdImport } from '../cases/service';
import type { IndicatorRow } from './figures';
import { dropStoredTables, storedGeneration, storeIfCurrent } from './repository';
import { kpiStoredTables } from './schema';
import { addIndicatorVersion, refreshLatestFigures } from './service';

/**
 * The indicators page and the draft report of the last complete quarter
 * (2026-27 Q2 on the test clock, 16 November 2026) read the stored table,
 * with the time it was computed; other quarters are computed when asked.
 * A tiny register: two referrals in Q2, one a re-referral (50%).
 */
let ctx: TestContext;
let ann: string;
beforeAll(async () => {
  ({ ctx, ann } = await startIndicatorsApp());
});
afterAll(async () => ctx.close());

const refRow = (body: string) => /Re-referrals within 12 months<\/a>.*?<\/tr>/s.exec(body)?.[0] ?? '';

async function storedRow(audience: string, code: string) {
  const [row] = await ctx.oversight.database.db
    .select()
    .from(kpiStoredTables)
    .where(
      and(eq(kpiStoredTables.organisationId, ctx.org.organisationId), eq(kpiStoredTables.audience, audience)),
    );
  return row && { ...row, indicator: (row.rows as IndicatorRow[]).find((r) => r.code === code) };
}

async function insertReferral(sourceId: string, referralDate: string) {
  await ctx.oversight.database.db
    .insert(caseReferrals)
    .values({ organisationId: ctx.org.organisationId, personId: ann, sourceId, rowHash: 'h', referralDate });
}

describe('the stored indicator tables', () => {
  it('are computed on the first load, then read without touching the register', async () => {
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const first = await leader.get('/indicators');
    expect(first.statusCode).toBe(200);
    expect(refRow(first.body)).toContain('<strong>50%</strong>');
    expect(first.body).toContain('As at 16 November 2026 at 09:00');
    expect((await storedRow('children', 'REF-02'))!.indicator!.current.value).toBe(50);

    ctx.clock.advanceMinutes(10);
    // Recorded behind the app's back: the stored table does not see it until it is refreshed.
    await insertReferral('R4', '2026-09-15');
    const { result, queries } = await queriesDuring(ctx.oversight.database, () => leader.get('/indicators'));
    expect(refRow(result.body)).toContain('<strong>50%</strong>');
    expect(result.body).toContain('As at 16 November 2026 at 09:00');
    expect(queries.filter((q) => q.includes('kpi_stored_tables'))).toHaveLength(1);
    expect(queries.filter((q) => /case_referrals|case_contacts|case_cla_episodes/.test(q))).toEqual([]);

    const report = await queriesDuring(ctx.oversight.database, () => leader.get('/indicators/report'));
    expect(report.result.body).toContain('As at 16 November 2026 at 09:00');
    expect(report.queries.filter((q) => /case_referrals|case_contacts/.test(q))).toEqual([]);
  });

  it('are of the last complete quarter only: another quarter is computed as it stands now', async () => {
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const { result, queries } = await queriesDuring(ctx.oversight.database, () =>
      leader.get('/indicators?quarter=2026-04-01'),
    );
    expect(result.body).toContain('As at 16 November 2026 at 09:10');
    expect(queries.some((q) => q.includes('case_referrals'))).toBe(true);
    expect((await storedRow('children', 'REF-02'))!.quarter).toBe('2026-07-01');
  });

  it('are forgotten when a benchmark changes, and stored again once the response has gone', async () => {
    const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    ctx.clock.advanceMinutes(5);
    const res = await officer.post('/indicators/REF-02/benchmarks', {
      year: '2026',
      comparator: 'england',
      value: '21.4',
    });
    expect(res.statusCode).toBe(302);
    await ctx.app.deps.background.idle();
    const stored = (await storedRow('children', 'REF-02'))!;
    expect(stored.computedAt.toISOString()).toBe('2026-11-16T09:15:00.000Z');
    expect(stored.indicator!.benchmark).toMatchObject({ year: 2026, england: 21.4 });
    // The referral recorded since is counted too: two of three referrals were re-referrals.
    expect(stored.indicator!.current.value).toBe(66.7);
    const page = (await leader.get('/indicators')).body;
    expect(refRow(page)).toContain('<strong>66.7%</strong>');
    expect(page).toContain('As at 16 November 2026 at 09:15');
  });

  it('are forgotten in the change’s own transaction, so a page right after it computes afresh', async () => {
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    ctx.clock.advanceMinutes(5);
    await addIndicatorVersion(
      ctx.oversight.database.db,
      {
        organisationId: ctx.org.organisationId,
        userId: ctx.org.userIds.qa_officer,
        ip: null,
        userAgent: null,
        requestId: null,
        at: ctx.clock.now(),
      },
      'REF-02',
      {
        title: 'Re-referrals within 12 months',
        definition: 'Referrals in the period about a child referred before within the 12 months before.',
        numerator: 'Referrals with an earlier referral in the 12 months before',
        denominator: 'Referrals in the period',
        unit: 'percentage',
        polarity: 'lower',
        period: 'quarter',
        target: 70,
        tolerance: 5,
        owner: 'Head of the front door',
        notes: '',
        reason: 'Target reset',
      },
    );
    expect(await storedRow('children', 'REF-02')).toBeUndefined();
    const page = (await leader.get('/indicators')).body;
    expect(refRow(page)).toContain('70% or less');
    expect(page).toContain('As at 16 November 2026 at 09:20');
    expect((await storedRow('children', 'REF-02'))!.indicator!.definition.target).toBe(70);
  });

  it('are stored again by the nightly job, for both audiences', async () => {
    await insertReferral('R5', '2026-09-20');
    ctx.clock.set('2026-11-17T02:50:00Z');
    await runDueDailyJobs(ctx.oversight.database.db, ctx.clock, ctx.oversight.dailyJobs);
    const children = (await storedRow('children', 'REF-02'))!;
    expect(children.computedAt.toISOString()).toBe('2026-11-17T02:50:00.000Z');
    expect(children.indicator!.current.value).toBe(75);
    const adults = await storedRow('adults', 'REF-02');
    expect(adults!.quarter).toBe('2026-07-01');
    expect((adults!.rows as IndicatorRow[]).length).toBeGreaterThan(0);
    expect(adults!.indicator).toBeUndefined();
  });

  it('are forgotten when an import lands, and stored again after it', async () => {
    const db = ctx.oversight.database.db;
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    ctx.clock.set('2026-11-17T09:00:00Z');
    await leader.get('/indicators');
    expect((await storedRow('children', 'ASS-01'))!.indicator!.current.count).toBe(0);
    const actor = {
      userId: ctx.org.userIds.administrator,
      organisationId: ctx.org.organisationId,
      organisationName: ctx.org.organisationName,
      name: 'Admin',
      email: 'admin@oakhaven.example',
      role: 'administrator' as const,
      teamId: null,
      permissions: new Set<string>(),
    };
    ctx.clock.advanceMinutes(30);
    const id = await startSsdImport(
      db,
      actor,
      { files: extractFiles(smallExtract()), mode: 'full', concurrentProgress: false, clock: ctx.clock },
      {
        organisationId: ctx.org.organisationId,
        userId: actor.userId,
        ip: null,
        userAgent: null,
        requestId: null,
        at: ctx.clock.now(),
      },
    );
    expect((await importSettled(id))?.status).toBe('applied');
    await ctx.app.deps.background.idle();
    const stored = (await storedRow('children', 'ASS-01'))!;
    expect(stored.computedAt.toISOString()).toBe('2026-11-17T09:30:00.000Z');
    expect(stored.indicator!.current.count).toBe(1);
  });

  it('are not written back by a refresh that began before a change', async () => {
    const db = ctx.oversight.database.db;
    const organisationId = ctx.org.organisationId;
    const table = (rows: IndicatorRow[]) => ({
      audience: 'children',
      quarter: '2026-07-01',
      rows,
      computedAt: ctx.clock.now(),
    });
    const began = await storedGeneration(db, organisationId);
    // A change lands while the refresh is computing.
    await dropStoredTables(db, organisationId);
    expect(await storeIfCurrent(db, organisationId, { generation: began, tables: [table([])] })).toBe(false);
    expect(await storedRow('children', 'ASS-01')).toBeUndefined();
    // The refresh that follows the change stores its table.
    expect(
      await storeIfCurrent(db, organisationId, {
        generation: await storedGeneration(db, organisationId),
        tables: [table([])],
      }),
    ).toBe(true);
    expect((await storedRow('children', 'ASS-01'))!.rows).toEqual([]);
  });

  it('are stored by pages and a refresh at the same moment without an error', async () => {
    const db = ctx.oversight.database.db;
    await dropStoredTables(db, ctx.org.organisationId);
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const [pages] = await Promise.all([
      Promise.all([leader.get('/indicators'), leader.get('/indicators'), leader.get('/indicators/report')]),
      refreshLatestFigures(db, ctx.org.organisationId, ctx.clock),
    ]);
    expect(pages.map((p) => p.statusCode)).toEqual([200, 200, 200]);
    expect((await storedRow('children', 'ASS-01'))!.indicator!.current.count).toBe(1);
  });

  it('are forgotten in the transaction of a concern entered by form, so the adults’ page counts it', async () => {
    const db = ctx.oversight.database.db;
    await refreshLatestFigures(db, ctx.org.organisationId, ctx.clock);
    expect(await storedRow('adults', 'ASG-01')).toBeDefined();
    await adults.saveConcern(
      db,
      {
        organisationId: ctx.org.organisationId,
        userId: ctx.org.userIds.qa_officer,
        ip: null,
        userAgent: null,
        requestId: null,
        at: ctx.clock.now(),
      },
      null,
      { ...blankConcern, reference: 'C-FORM-1', receivedOn: '2026-08-06', decisionOn: '2026-08-07' },
      '2026-11-17',
    );
    expect(await storedRow('adults', 'ASG-01')).toBeUndefined();
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const page = await leader.get('/indicators?audience=adults');
    expect(page.statusCode).toBe(200);
    const stored = (await storedRow('adults', 'ASG-01'))!;
    expect(stored.indicator!.current.value).toBe(1);
  });
});
