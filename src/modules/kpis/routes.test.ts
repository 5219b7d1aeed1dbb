import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, type TestContext } from '../../../test/helpers/app';
import { startIndicatorsApp } from '../../../test/modules/kpis-fixture';
import { multipart } from '../../../test/modules/plans-fixture';
import { rawRows } from '../../platform/db/client';

/**
 * The indicators pages over a tiny register: in 2026-27 Q2 (the last complete
 * quarter on the test clock, 16 November 2026) two referrals, one of them a
 * re-referral: 50% re-referred, against the default target of 22% or less.
 */
let ctx: TestContext;
let ann: string;
beforeAll(async () => {
  ({ ctx, ann } = await startIndicatorsApp());
});
afterAll(async () => ctx.close());

const edit = (over: Record<string, string> = {}) => ({
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
  ...over,
});

describe('performance indicators pages', () => {
  it('shows every default indicator for the last complete quarter, computed, with RAG', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const page = await manager.get('/indicators');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2026-27 Q2');
    expect(page.body).toContain('Assessments completed within 45 working days');
    expect(page.body).toContain('Care leavers in education, employment or training');
    const row = /Re-referrals within 12 months<\/a>.*?<\/tr>/s.exec(page.body)?.[0] ?? '';
    expect(row).toContain('<strong>50%</strong>');
    expect(row).toContain('1 of 2');
    expect(row).toContain('Red: off target');
  });

  it('lets a QA officer change a target as a new version, audited, and the RAG follows', async () => {
    const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    const res = await officer.post('/indicators/REF-02', edit());
    expect(res.statusCode).toBe(302);
    const page = await officer.get('/indicators/REF-02');
    expect(page.body).toContain('Version 2 saved');
    expect(page.body).toContain('Green: on target');
    expect(page.body).toContain('Target reset for the new front door model');
    expect(page.body).toContain('Default indicator shipped with Oversight');
    expect(page.body).toContain('role="img"');
    // The chart's sentence is on the page too, beside its data table.
    expect(page.body).toContain(
      'Re-referrals within 12 months: 0% in 2025-26 Q4, 50% in 2026-27 Q2, against a target of 60%.',
    );
    const audit = await rawRows<{ record_id: string }>(
      ctx.oversight.database.db,
      sql`select record_id from access_audit where action = 'indicator.version'`,
    );
    expect(audit).toEqual([{ record_id: 'REF-02' }]);
    // Another organisation keeps its own catalogue.
    const other = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    expect((await other.get('/indicators/REF-02')).body).not.toContain('Target reset');
  });

  it('refuses a change it cannot read, saying how to fix each field', async () => {
    const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    const res = await officer.post(
      '/indicators/REF-02',
      edit({ target: 'high', tolerance: '-1', reason: '' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('Enter the target as a number, like 85 or 22.5, or leave it blank for none');
    expect(res.body).toContain('Enter the reason for the change');
    expect((await officer.get('/indicators/NOPE-1')).statusCode).toBe(404);
  });

  it('takes partner figures and benchmarks by hand, but not a figure for a computed indicator', async () => {
    const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    expect(
      (await officer.post('/indicators/LADO-01/values', { quarter: '2026-07-01', value: '14' })).statusCode,
    ).toBe(302);
    const page = await officer.get('/indicators?quarter=2026-07-01');
    expect(/LADO\)<\/a>.*?<\/tr>/s.exec(page.body)?.[0]).toContain('<strong>14</strong>');
    expect(
      (await officer.post('/indicators/LADO-01/values', { quarter: '2027-01-01', value: '3' })).body,
    ).toContain('Select a quarter that has ended');
    const computed = await officer.post('/indicators/REF-01/values', { quarter: '2026-07-01', value: '3' });
    expect(computed.statusCode).toBe(400);
    expect(computed.body).toContain('computed from the case register');
    expect(
      (
        await officer.post('/indicators/REF-02/benchmarks', {
          year: '2025',
          comparator: 'england',
          value: '21.4',
        })
      ).statusCode,
    ).toBe(302);
    expect((await officer.get('/indicators/REF-02')).body).toContain('21.4');
  });

  it('lists the children behind a figure for a service manager (audited), never for committee roles', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const list = await manager.get('/indicators/REF-02/children?quarter=2026-07-01&part=numerator');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/children/${ann}`);
    expect(list.body).not.toContain('Brook');
    expect((await manager.get('/indicators/REF-02/children?quarter=2026-07-01&part=all')).body).toContain(
      'Brook',
    );
    const audit = await rawRows<{ n: number }>(
      ctx.oversight.database.db,
      sql`select count(*)::int as n from access_audit where action = 'child.list' and detail like 'indicator re-referrals%'`,
    );
    expect(audit[0]!.n).toBe(2);
    for (const role of ['committee_member', 'committee_clerk', 'practitioner']) {
      const person = await signedIn(ctx, emailOf(ctx.org, role));
      expect((await person.get('/indicators/REF-02/children?quarter=2026-07-01')).statusCode).toBe(403);
      expect((await person.get('/indicators')).statusCode).toBe(403);
    }
  });

  it('puts the indicators off target on a senior leader’s home page', async () => {
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const home = await leader.get('/');
    expect(home.body).toContain('Indicators off target in 2026-27 Q2');
    const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    expect((await officer.get('/')).body).not.toContain('Indicators off target');
  });
});

describe('benchmarks from a CSV', () => {
  it('imports a published table all at once, or lists every problem and saves nothing', async () => {
    const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    expect((await officer.get('/indicators/benchmarks')).statusCode).toBe(200);
    const upload = (csv: string) => {
      const { body, contentType } = multipart(
        { _csrf: officer.csrf() },
        { field: 'file', filename: 'benchmarks.csv', contentType: 'text/csv', data: Buffer.from(csv) },
      );
      return officer.send('POST', '/indicators/benchmarks', body, { 'content-type': contentType });
    };
    const bad = await upload('code,year,England\nASS-01,2025-26,82.1\nNOPE-1,2025,3\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is no indicator with the code');
    expect((await officer.get('/indicators/ASS-01')).body).not.toContain('82.1');
    const good = await upload(
      'code,year,England,London,Statistical neighbours\nASS-01,2025-26,82.1,85.3,84\n',
    );
    expect(good.statusCode).toBe(302);
    const page = await officer.get('/indicators/ASS-01');
    expect(page.body).toContain('82.1');
    expect(page.body).toContain('Statistical neighbours');
    const manager = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    expect((await manager.get('/indicators/benchmarks')).statusCode).toBe(403);
  });
});
