import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseDemo } from '../../src/demo/cases';
import { qaDemo } from '../../src/demo/qa';
import { rawRows } from '../../src/platform/db/client';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
  await loadCaseDemo(ctx.oversight, ctx.org, 'small');
  await qaDemo(ctx.oversight, ctx.org, 'small');
});
afterAll(async () => ctx.close());

const rows = <T>(q: ReturnType<typeof sql>) => rawRows<T>(ctx.oversight.database.db, q);

describe('quality assurance demo', () => {
  it('holds two years of rounds: four half-year rounds, one multi-agency, two thematic (one by dates, planned)', async () => {
    const rounds = await rows<{ type: string; rule: string; version: number }>(
      sql`select r.type, r.sampling->>'rule' as rule, v.version from qa_rounds r
          join qa_template_versions v on v.id = r.template_version_id
          where r.organisation_id = ${ctx.org.organisationId} order by r.start_date`,
    );
    expect(rounds.map((r) => r.rule)).toEqual([
      'half_year_first',
      'half_year_second',
      'criteria',
      'half_year_first',
      'chosen',
      'half_year_second',
      'criteria',
    ]);
    expect(rounds.map((r) => r.type)).toContain('thematic');
    expect(rounds.map((r) => r.type)).toContain('multi_agency');
    const [byDates] = await rows<{ n: number; reasons: number }>(
      sql`select count(*)::int as n, count(*) filter (where a.reason like '%referred on%' or a.reason like '%contact on%')::int as reasons
          from qa_audits a join qa_rounds r on r.id = a.round_id
          where r.organisation_id = ${ctx.org.organisationId} and r.sampling ? 'contactFrom'`,
    );
    expect(byDates!.n).toBeGreaterThan(0);
    expect(byDates!.reasons).toBe(byDates!.n);
    // The template was edited between the rounds: the first keeps version 1.
    expect(rounds[0]!.version).toBe(1);
    expect(rounds.at(-1)!.version).toBe(2);
  });

  it('has moderated grades, some changed, and audits in every state of the current round', async () => {
    const [changed] = await rows<{ n: number }>(
      sql`select count(*)::int as n from qa_moderations where organisation_id = ${ctx.org.organisationId}
          and grade <> auditor_grade and reason is not null`,
    );
    expect(Number(changed!.n)).toBeGreaterThan(0);
    const statuses = await rows<{ status: string }>(
      sql`select distinct status from qa_audits where organisation_id = ${ctx.org.organisationId} order by status`,
    );
    expect(statuses.map((s) => s.status)).toEqual([
      'assigned',
      'closed',
      'in_progress',
      'shared',
      'submitted',
    ]);
  });

  it('has recommendations in every state, one signed off at a follow-up meeting', async () => {
    const states = await rows<{ status: string; ready: boolean }>(
      sql`select status, (evidence is not null) as ready from qa_recommendations
          where organisation_id = ${ctx.org.organisationId} order by status, ready`,
    );
    expect(states).toEqual([
      { status: 'in_progress', ready: true },
      { status: 'open', ready: false },
      { status: 'open', ready: false },
      { status: 'signed_off', ready: true },
    ]);
  });

  it("leads the independent auditor's and the QA officer's home pages with their audits", async () => {
    const auditor = await signedIn(ctx, emailOf(ctx.org, 'independent_auditor'));
    expect((await auditor.get('/')).body).toContain('Audits assigned to you');
    const qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    expect((await qa.get('/')).body).toContain('Audits waiting for moderation');
    const worker = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await worker.get('/')).body).toContain('Audits of your cases waiting for your response');
  });
});
