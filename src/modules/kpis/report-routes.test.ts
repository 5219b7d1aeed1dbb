import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';
import { chromiumPath } from '../../platform/documents/pdf';
import { notifyRegisterChanged } from '../cases/importer';
import { casePeople, caseReferrals } from '../cases/schema';
import { earlyHelpGoals, earlyHelpScores } from '../early-help/schema';
import { indicatorTable, publishableReport } from './service';

/**
 * The quarterly report for 2026-27 Q2 over a tiny register: two referrals,
 * one a re-referral (1 of 2, 50%): small numbers a published report hides.
 * And early help goals closed (distance travelled, ending green):
 *   2025-26 Q3  one goal, 6 to 7 (1, amber)
 *   2026-27 Q1  one goal, 3 to 8 (5, green)
 *   2026-27 Q2  2 to 9 (7, green), 4 to 5 to 6 (2, amber), 5 to 3 (-2, red): 7 / 3 = 2.3; 1 of 3 green
 * with an open goal and another organisation's goal that count nowhere.
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
    // As an import does once it has changed the register: the stored indicator tables are forgotten.
    await notifyRegisterChanged({ organisationId });
  };
  await db.insert(caseReferrals).values([
    { organisationId, personId: ann!.id, sourceId: 'R1', rowHash: 'h', referralDate: '2026-03-01' },
    { organisationId, personId: ann!.id, sourceId: 'R2', rowHash: 'h', referralDate: '2026-08-01' },
  ]);
  await addReferral('R3', '2026-09-01');
  const goals: Array<[string, string | null, Array<[string, string, number]>]> = [
    [
      organisationId,
      '2025-12-01',
      [
        ['assessment', '2025-09-01', 6],
        ['closure', '2025-12-01', 7],
      ],
    ],
    [
      organisationId,
      '2026-06-15',
      [
        ['assessment', '2026-01-05', 3],
        ['closure', '2026-06-15', 8],
      ],
    ],
    [
      organisationId,
      '2026-07-10',
      [
        ['assessment', '2026-03-02', 2],
        ['closure', '2026-07-10', 9],
      ],
    ],
    [
      organisationId,
      '2026-08-20',
      [
        ['assessment', '2026-04-01', 4],
        ['review', '2026-06-01', 5],
        ['closure', '2026-08-20', 6],
      ],
    ],
    [
      organisationId,
      '2026-09-30',
      [
        ['assessment', '2026-05-01', 5],
        ['closure', '2026-09-30', 3],
      ],
    ],
    [
      organisationId,
      null,
      [
        ['assessment', '2026-05-01', 0],
        ['review', '2026-08-01', 10],
      ],
    ],
    [
      ctx.other.organisationId,
      '2026-08-01',
      [
        ['assessment', '2026-05-01', 0],
        ['closure', '2026-08-01', 10],
      ],
    ],
  ];
  const at = ctx.clock.now();
  for (const [org, closedOn, scores] of goals) {
    const [goal] = await db
      .insert(earlyHelpGoals)
      .values({
        organisationId: org,
        personId: ann!.id,
        goal: 'Goal',
        setOn: scores[0]![1],
        closedOn,
        createdAt: at,
      })
      .returning();
    await db.insert(earlyHelpScores).values(
      scores.map(([stage, scoredOn, score]) => ({
        organisationId: org,
        goalId: goal!.id,
        stage,
        scoredOn,
        score,
        createdAt: at,
      })),
    );
  }
});
afterAll(async () => ctx.close());

const Q2 = '2026-07-01';
const refRow = (body: string) => /Re-referrals within 12 months<br>.*?<\/tr>/s.exec(body)?.[0] ?? '';
const rowOf = (body: string, code: string) =>
  new RegExp(
    `<tr class="govuk-table__row">\\s*<th[^>]*>[^<]*<br><span class="govuk-body-s">${code}</span>.*?</tr>`,
    's',
  ).exec(body)?.[0] ?? '';
const cellsOf = (row: string) =>
  [...row.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());

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

  it('reports the early help outcomes as indicators: distance travelled and goals ending green', async () => {
    const db = ctx.oversight.database.db;
    const q2 = { label: '2026-27 Q2', first: Q2, last: '2026-09-30' };
    const rows = await indicatorTable(db, ctx.org.organisationId, q2, ctx.clock.now(), {
      codes: ['EH-02', 'EH-03'],
    });
    const [distance, green] = rows;
    expect(distance).toMatchObject({ code: 'EH-02', rag: 'green', direction: 'worsening' });
    expect(distance!.quarters.map((q) => q.value)).toEqual([null, 1, null, 5, 2.3]);
    expect(distance!.current).toMatchObject({ numerator: 7, count: 3 });
    // The year to date: April to September, 7 + 2 - 2 + 5 over 4 goals.
    expect(distance!.yearToDate).toMatchObject({ value: 3, numerator: 12, count: 4 });
    expect(green).toMatchObject({ code: 'EH-03', rag: 'red', direction: 'worsening' });
    expect(green!.quarters.map((q) => q.value)).toEqual([null, 0, null, 100, 33.3]);
    expect(green!.yearToDate).toMatchObject({ value: 50, numerator: 2, count: 4 });
    const other = await indicatorTable(db, ctx.other.organisationId, q2, ctx.clock.now(), {
      codes: ['EH-02'],
    });
    expect(other[0]!.current).toMatchObject({ value: 10, count: 1 });

    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const page = (await manager.get(`/indicators/report?quarter=${Q2}`)).body;
    const distanceRow = rowOf(page, 'EH-02');
    expect(distanceRow).toContain('Early help goals: average distance travelled');
    expect(cellsOf(distanceRow)).toEqual([
      '–',
      '1.0 points',
      '–',
      '5.0 points',
      '2.3 points',
      '3.0 points',
      '2.0 points or more (amber within 0.5 points)',
      'Green: on target',
      'Worsening',
      '–',
    ]);
    expect(cellsOf(rowOf(page, 'EH-03'))).toEqual([
      '–',
      '0%',
      '–',
      '100%',
      '33.3%',
      '50%',
      '60% or more (amber within 5%)',
      'Red: off target',
      'Worsening',
      '–',
    ]);
    const indicator = await manager.get(`/indicators/EH-02?quarter=${Q2}`);
    expect(indicator.body).toContain('Computed from the early help outcomes plans');
    expect(indicator.body).toContain('Average (score points)');
    expect(indicator.body).toContain('<svg');
    // Published: the share of 1 of 3 goals is hidden; an average is not a count, so it stays.
    const published = (await manager.get(`/indicators/report?quarter=${Q2}&view=public`)).body;
    expect(cellsOf(rowOf(published, 'EH-03')).slice(0, 6)).toEqual(['–', '[c]', '–', '[c]', '[c]', '[c]']);
    expect(cellsOf(rowOf(published, 'EH-02')).slice(0, 6)).toEqual([
      '–',
      '1.0 points',
      '–',
      '5.0 points',
      '2.3 points',
      '3.0 points',
    ]);
  });
});
