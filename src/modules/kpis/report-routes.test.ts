import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';
import { chromiumPath } from '../../platform/documents/pdf';
import { casePeople, caseReferrals } from '../cases/schema';
import { publishableReport } from './service';

/**
 * The quarterly report for 2026-27 Q2 over a tiny register: two referrals,
 * one a re-referral (1 of 2, 50%): small numbers a published report hides.
 */
let ctx: TestContext;
let addReferral: (sourceId: string, date: string) => Promise<void>;
beforeAll(async () => {
  ctx = await startTestApp();
  const db = ctx.oversight.database.db;
  const organisationId = ctx.org.organisationId;
  const [ann, ben] = await db
    .insert(casePeople)
    .values([
      { organisationId, sourceId: 'P1', rowHash: 'h', forename: 'Ann', surname: 'Ashby' },
      { organisationId, sourceId: 'P2', rowHash: 'h', forename: 'Ben', surname: 'Brook' },
    ])
    .returning();
  addReferral = async (sourceId, referralDate) => {
    await db
      .insert(caseReferrals)
      .values({ organisationId, personId: ben!.id, sourceId, rowHash: 'h', referralDate });
  };
  await db.insert(caseReferrals).values([
    { organisationId, personId: ann!.id, sourceId: 'R1', rowHash: 'h', referralDate: '2026-03-01' },
    { organisationId, personId: ann!.id, sourceId: 'R2', rowHash: 'h', referralDate: '2026-08-01' },
  ]);
  await addReferral('R3', '2026-09-01');
});
afterAll(async () => ctx.close());

const Q2 = '2026-07-01';
const refRow = (body: string) => /Re-referrals within 12 months<br>.*?<\/tr>/s.exec(body)?.[0] ?? '';

describe('the quarterly performance report', () => {
  it('takes commentary from an officer and a sign-off from a senior leader, then stays frozen', async () => {
    const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    // No overall commentary yet: the sign-off says what is missing.
    const early = await leader.post(`/indicators/report/sign-off?quarter=${Q2}`, {});
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Write the overall commentary before the report is signed off');
    expect((await officer.post(`/indicators/report/sign-off?quarter=${Q2}`, {})).statusCode).toBe(403);

    const saved = await officer.post(`/indicators/report/commentary?quarter=${Q2}`, {
      overall: 'A steady quarter at the front door.',
      'comment-REF-02': '=SUM(A1) one family referred twice',
    });
    expect(saved.statusCode).toBe(302);
    const draft = await officer.get(`/indicators/report?quarter=${Q2}`);
    expect(draft.body).toContain('Draft: the figures are live');
    expect(draft.body).toContain('A steady quarter at the front door.');

    expect((await leader.post(`/indicators/report/sign-off?quarter=${Q2}`, {})).statusCode).toBe(302);
    const signed = await leader.get(`/indicators/report?quarter=${Q2}`);
    expect(signed.body).toContain('Signed off by');
    expect(refRow(signed.body)).toContain('<strong>50%</strong>');
    expect((await leader.post(`/indicators/report/sign-off?quarter=${Q2}`, {})).statusCode).toBe(400);
    const late = await officer.post(`/indicators/report/commentary?quarter=${Q2}`, { overall: 'Changed' });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('signed off: its commentary cannot change');

    // A late referral changes the live indicators, not the signed-off report.
    await addReferral('R4', '2026-09-15');
    expect(refRow((await leader.get(`/indicators/report?quarter=${Q2}`)).body)).toContain(
      '<strong>50%</strong>',
    );
    const live = await leader.get(`/indicators?quarter=${Q2}`);
    expect(/Re-referrals within 12 months<\/a>.*?<\/tr>/s.exec(live.body)?.[0]).toContain(
      '<strong>66.7%</strong>',
    );
    const audit = await rawRows<{ action: string }>(
      ctx.oversight.database.db,
      sql`select action from access_audit where action like 'indicator-report.%' order by at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['indicator-report.commentary', 'indicator-report.sign-off']);
  });

  it('shows and gives committee papers the frozen report with small numbers suppressed', async () => {
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const page = await leader.get(`/indicators/report?quarter=${Q2}&view=public`);
    expect(refRow(page.body)).toContain('<strong>[c]</strong>');
    const report = await publishableReport(ctx.oversight.database.db, ctx.org.organisationId, Q2);
    expect(report?.rows.find((r) => r.code === 'REF-02')?.quarters.at(-1)).toBe('[c]');
    expect(report?.rows.find((r) => r.code === 'REF-01')?.quarters.at(-1)).toBe('[c]');
    expect(report?.overall).toBe('A steady quarter at the front door.');
    expect(report?.rows.some((r) => r.code === 'POP-0-17')).toBe(false);
    expect(
      await publishableReport(ctx.oversight.database.db, ctx.org.organisationId, '2026-04-01'),
    ).toBeNull();
    expect(await publishableReport(ctx.oversight.database.db, ctx.other.organisationId, Q2)).toBeNull();
  });

  it('exports the report as HTML, PDF (where Chromium is), XLSX and CSV, each with the protective marking, CSV cells made safe', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const html = await manager.get(`/indicators/report/export/html?quarter=${Q2}`);
    expect(html.headers['content-disposition']).toContain('.html');
    expect(html.body).toContain('OFFICIAL-SENSITIVE');
    expect(html.body).toContain('Signed off by');
    const xlsx = await manager.get(`/indicators/report/export/xlsx?quarter=${Q2}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await manager.get(`/indicators/report/export/csv?quarter=${Q2}&view=public`);
    expect(csv.body).toContain('OFFICIAL-SENSITIVE');
    expect(csv.body).toContain("'=SUM(A1) one family referred twice");
    expect(csv.body).toContain('[c]');
    expect((await manager.get(`/indicators/report/export/pdfx?quarter=${Q2}`)).statusCode).toBe(404);
    if (chromiumPath()) {
      const pdf = await manager.get(`/indicators/report/export/pdf?quarter=${Q2}`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('is not for committee members, practitioners or the other organisation', async () => {
    for (const role of ['committee_member', 'practitioner']) {
      const person = await signedIn(ctx, emailOf(ctx.org, role));
      expect((await person.get(`/indicators/report?quarter=${Q2}`)).statusCode).toBe(403);
    }
    const other = await signedIn(ctx, emailOf(ctx.other, 'senior_leader'));
    expect((await other.get(`/indicators/report?quarter=${Q2}`)).body).not.toContain('Signed off by');
  });

  it('keeps signed-off reports, commentary, versions and entered figures append-only in the database', async () => {
    const db = ctx.oversight.database.db;
    const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    expect((await officer.post('/indicators/LADO-01/values', { quarter: Q2, value: '7' })).statusCode).toBe(
      302,
    );
    for (const table of [
      'kpi_report_signoffs',
      'kpi_commentary',
      'kpi_indicator_versions',
      'kpi_entered_values',
    ]) {
      await expect(
        db.execute(sql.raw(`update ${table} set organisation_id = organisation_id`)),
      ).rejects.toThrow();
      await expect(db.execute(sql.raw(`delete from ${table}`))).rejects.toThrow();
    }
  });
});
