import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { blankConcern } from '../../../test/modules/kpis-fixture';
import type { ConcernInput } from '../adults/service';
import * as adults from '../adults/service';
import { publishableReport } from './service';

/**
 * The adults' indicators and quarterly report for 2026-27 Q2 over a small
 * register: twelve concerns received, three leading to section 42 enquiries
 * that concluded in the quarter (small numbers a published report hides).
 */
let ctx: TestContext;
const Q2 = '2026-07-01';
const blank = blankConcern;
beforeAll(async () => {
  ctx = await startTestApp();
  const rows: ConcernInput[] = Array.from({ length: 12 }, (_, i) => ({ ...blank, reference: `C-${i}` }));
  for (const [i, risk] of (['removed', 'reduced', 'remains'] as const).entries()) {
    rows[i] = {
      ...rows[i]!,
      s42Decision: 'yes',
      enquiryType: 's42',
      enquiryStartedOn: '2026-07-08',
      enquiryConcludedOn: '2026-08-20',
      abuseTypes: i === 0 ? ['neglect', 'financial'] : ['neglect'],
      location: 'own-home',
      riskSource: 'known-to-individual',
      outcomesAsked: 'expressed',
      outcomesAchieved: 'fully',
      riskOutcome: risk,
    };
  }
  await adults.importConcerns(
    ctx.oversight.database.db,
    {
      organisationId: ctx.org.organisationId,
      userId: ctx.org.userIds.qa_officer,
      ip: null,
      userAgent: null,
      requestId: null,
      at: ctx.clock.now(),
    },
    rows,
  );
});
afterAll(async () => ctx.close());

const row = (body: string, title: string) => new RegExp(`${title}</a>.*?</tr>`, 's').exec(body)?.[0] ?? '';

describe('the adults’ safeguarding indicators and report', () => {
  it('computes the adults’ set from the register, apart from the children’s', async () => {
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const page = await leader.get(`/indicators?quarter=${Q2}&audience=adults`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Adults’ safeguarding indicators');
    expect(row(page.body, 'Safeguarding concerns received')).toContain('<strong>12</strong>');
    expect(row(page.body, 'Section 42 enquiries concluded')).toContain('<strong>3</strong>');
    expect(row(page.body, 'Concerns leading to a section 42 enquiry \\(conversion rate\\)')).toContain(
      '<strong>25%</strong>',
    );
    expect(row(page.body, 'Risk removed or reduced')).toContain('<strong>66.7%</strong>');
    expect(page.body).not.toContain('Re-referrals within 12 months');
    const children = await leader.get(`/indicators?quarter=${Q2}`);
    expect(children.body).not.toContain('Safeguarding concerns received');
    // No drill-down from an adults' figure to children.
    const indicator = await leader.get(`/indicators/ASG-07?quarter=${Q2}`);
    expect(indicator.statusCode).toBe(200);
    expect(indicator.body).not.toContain('/children?');
    expect((await leader.get(`/indicators/ASG-07/children?quarter=${Q2}`)).statusCode).toBe(404);
  });

  it('has its own commentary and sign-off, and publishes with small numbers suppressed', async () => {
    const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const url = `/indicators/report?quarter=${Q2}&audience=adults`;
    const draft = await officer.get(url);
    expect(draft.body).toContain('Adults’ safeguarding performance report');
    expect(draft.body).toContain('Type of abuse: section 42 enquiries concluded in 2026-27 Q2');
    expect(
      (
        await officer.post(`/indicators/report/commentary?quarter=${Q2}&audience=adults`, {
          overall: 'Adults: a quiet quarter.',
          'comment-ASG-07': 'One risk remains.',
        })
      ).headers.location,
    ).toBe(url);
    // The children's report has no commentary and is not signed off by the adults' sign-off.
    expect((await officer.get(`/indicators/report?quarter=${Q2}`)).body).not.toContain(
      'Adults: a quiet quarter.',
    );
    expect(
      (await leader.post(`/indicators/report/sign-off?quarter=${Q2}&audience=adults`, {})).statusCode,
    ).toBe(302);
    expect((await leader.get(url)).body).toContain('Signed off by');
    expect((await leader.get(`/indicators/report?quarter=${Q2}`)).body).toContain(
      'Draft: the figures are live',
    );

    const report = await publishableReport(
      ctx.oversight.database.db,
      ctx.org.organisationId,
      Q2,
      undefined,
      'adults',
    );
    expect(report?.audience).toBe('adults');
    expect(report?.overall).toBe('Adults: a quiet quarter.');
    const figure = (code: string) => report?.rows.find((r) => r.code === code)?.quarters.at(-1);
    expect(figure('ASG-01')).toBe('12');
    expect(figure('ASG-03')).toBe('[c]');
    expect(figure('ASG-07')).toBe('[c]');
    const types = report!.breakdowns.find((b) => b.title === 'Type of abuse')!;
    expect(types.rows.find((r) => r.label === 'Neglect and acts of omission')?.count).toBe('[c]');
    expect(types.rows.find((r) => r.label === 'Physical abuse')?.count).toBe('0');
    expect(await publishableReport(ctx.oversight.database.db, ctx.org.organisationId, Q2)).toBeNull();

    const csv = await leader.get(`/indicators/report/export/csv?quarter=${Q2}&audience=adults&view=public`);
    expect(csv.headers['content-disposition']).toContain('adults-safeguarding-performance-2026-27-Q2');
    expect(csv.body).toContain('Location of abuse: concluded section 42 enquiries');
  });

  it('shows committee members and practitioners none of it', async () => {
    for (const role of ['committee_member', 'practitioner']) {
      const a = await signedIn(ctx, emailOf(ctx.org, role));
      expect((await a.get(`/indicators?quarter=${Q2}&audience=adults`)).statusCode, role).toBe(403);
      expect((await a.get(`/indicators/report?quarter=${Q2}&audience=adults`)).statusCode, role).toBe(403);
    }
  });
});
