import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allActions, type PlanDocument } from '../../src/modules/plans/document';
import { chromiumPath } from '../../src/modules/plans/files';
import * as plans from '../../src/modules/plans/service';
import { today } from '../../src/platform/clock';
import { rawRows } from '../../src/platform/db/client';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { actorOf, auditCtx, multipart, type SmallPlan, smallPlan, unzipEntry } from './plans-fixture';

let ctx: TestContext;
let plan: SmallPlan;
let manager: Agent;
beforeAll(async () => {
  ctx = await startTestApp();
  plan = await smallPlan(ctx);
  const m = actorOf(ctx.org, 'service_manager');
  const db = ctx.oversight.database.db;
  ctx.clock.advanceMinutes(1);
  const c = auditCtx(m, ctx.clock.now());
  await plans.addUpdate(db, m, c, plan.actionIds['1.2']!, {
    date: '2026-11-10',
    progress: 'Half of the teams trained, "direct work" sessions running',
    focus: 'Train the remaining teams, including the out-of-hours team',
    rag: 'amber',
    reason: 'Trainer unavailable in October',
    evidence: { text: null, link: null, file: null },
  });
  await plans.addUpdate(db, m, c, plan.actionIds['2.1']!, {
    date: '2026-11-12',
    progress: 'Supervision recorded monthly on every file audited',
    focus: null,
    rag: 'blue',
    reason: null,
    evidence: { text: 'Audit of 40 files', link: 'https://intranet.example/audit-40', file: null },
  });
  manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
});
afterAll(async () => ctx.close());

const db = () => ctx.oversight.database.db;

/** A document without identities and without the things an import rightly makes new (who wrote the update). */
function comparable(doc: PlanDocument) {
  const { planId: _id, ...header } = doc.plan;
  return {
    header,
    counts: doc.counts,
    priorities: doc.priorities.map((p) => ({
      number: p.number,
      title: p.title,
      actions: p.actions.map(({ actionId: _a, latestUpdate, ...a }) => ({
        ...a,
        latestUpdate: latestUpdate && {
          date: latestUpdate.date,
          progress: latestUpdate.progress,
          focus: latestUpdate.focus,
        },
      })),
    })),
  };
}

/** Upload a file: the preview (or the problems) comes back; nothing is written yet. */
async function importFile(agent: Agent, filename: string, contentType: string, data: Buffer) {
  const { body, contentType: type } = multipart({}, { field: 'file', filename, contentType, data });
  return agent.send('POST', '/plans/import', body, { 'content-type': type });
}

/** Upload a file, then confirm the preview as it stands. */
async function importAndConfirm(agent: Agent, filename: string, contentType: string, data: Buffer) {
  const preview = await importFile(agent, filename, contentType, data);
  expect(preview.statusCode, preview.body).toBe(200);
  const token = /action="\/plans\/import\/([0-9a-f-]{36})"/.exec(preview.body)![1]!;
  return agent.post(`/plans/import/${token}`, { confirm: 'yes' });
}

const planCount = async () =>
  (await rawRows<{ n: number }>(db(), sql`select count(*)::int as n from plans`))[0]!.n;

describe('export then import', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`gives the same plan back (${format.toUpperCase()})`, async () => {
      const exported = await manager.get(`/plans/${plan.planId}/export/${format}`);
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-disposition']).toMatch(new RegExp(`\\.${format}"$`));
      const type =
        format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
      const before = await planCount();
      const preview = await importFile(manager, `plan.${format}`, type, exported.rawPayload);
      expect(preview.body).toContain('Check the plan before importing it');
      expect(await planCount()).toBe(before);
      const res = await importAndConfirm(manager, `plan.${format}`, type, exported.rawPayload);
      expect(res.statusCode, res.body).toBe(302);
      const newPlanId = /\/plans\/([0-9a-f-]{36})$/.exec(res.headers.location as string)![1]!;
      expect(newPlanId).not.toBe(plan.planId);
      const m = actorOf(ctx.org, 'service_manager');
      const original = await plans.getPlanDocument(db(), m, plan.planId, today(ctx.clock));
      const imported = await plans.getPlanDocument(db(), m, newPlanId, today(ctx.clock));
      expect(allActions(imported)).toHaveLength(4);
      expect(comparable(imported)).toEqual(comparable(original));
      const audit = await rawRows<{ detail: string }>(
        db(),
        sql`select detail from access_audit where action = 'plan.import' and record_id = ${newPlanId}`,
      );
      expect(audit).toEqual([{ detail: '4 actions' }]);
    });
  }
});

describe('a bad import', () => {
  it('is rejected with each problem and its row number, and nothing is written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.addRow(['Plan name', 'Early help action plan']);
    ws.addRow(['Type of plan', 'Thematic action plan']);
    ws.addRow(['Duration from', 'next spring']);
    ws.addRow(['Frequency of monitoring and reporting', 'Quarterly']);
    ws.addRow([]);
    ws.addRow(['Priority', 'Reference', 'Action', 'End', 'Lead officer', 'RAG', 'Evidence of completion']);
    ws.addRow([
      '1. Early help',
      '1.1',
      'Family hubs open in every locality',
      new Date(Date.UTC(2027, 2, 31)),
      'HS37',
      'Green',
    ]);
    ws.addRow(['1. Early help', '1.1', 'A second 1.1', null, null, 'Green']);
    ws.addRow(['1. Early help', '1.2', '', null, null, 'Green']);
    ws.addRow(['1. Early help', '1.3', 'Unknown lead', null, 'ZZ', 'Green']);
    ws.addRow(['1. Early help', '1.4', 'Done but no evidence', null, null, 'Blue']);
    ws.addRow(['1. Early help', '1.5', 'Bad date', '31/02/2027', null, 'Purple']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await planCount();
    const res = await importFile(
      manager,
      'early-help.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Nothing has been imported');
    for (const text of [
      'Row 3: Duration from is not a date',
      'Row 9: Enter the action',
      'Row 10: Lead officer &quot;ZZ&quot; is not on the leads roster',
      'Row 11: RAG is Blue (complete) but Evidence of completion is empty',
      'Row 12: End &quot;31/02/2027&quot; is not a date',
      'Row 12: RAG &quot;Purple&quot; is not in the RAG key',
    ]) {
      expect(res.body).toContain(text);
    }
    expect(await planCount()).toBe(before);
    const audit = await rawRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from access_audit where action = 'plan.import' and detail like '%7 actions%'`,
    );
    expect(audit[0]!.n).toBe(0);
  });

  it('refuses a file that is not a spreadsheet, and one without a file', async () => {
    const res = await importFile(manager, 'notes.txt', 'text/plain', Buffer.from('hello'));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('must be a Word document (.docx), an Excel workbook (.xlsx) or a CSV file');
    const broken = await importFile(
      manager,
      'broken.xlsx',
      'application/octet-stream',
      Buffer.from('not a zip'),
    );
    expect(broken.body).toContain('could not be read as an Excel workbook');
    const { body, contentType } = multipart({});
    const none = await manager.send('POST', '/plans/import', body, { 'content-type': contentType });
    expect(none.body).toContain('Select a Word (.docx), Excel (.xlsx) or CSV file to import');
  });

  it('is not open to a lead who does not manage plans', async () => {
    const practitioner = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await practitioner.get('/plans/import')).statusCode).toBe(403);
  });
});

describe('documents', () => {
  it('exports the committee table as a landscape DOCX with every row', async () => {
    const res = await manager.get(`/plans/${plan.planId}/export/docx`);
    expect(res.statusCode).toBe(200);
    const xml = unzipEntry(res.rawPayload, 'word/document.xml');
    expect(xml).toContain('w:orient="landscape"');
    for (const text of [
      'Priority 1: Voice of the child',
      'Train all practitioners in direct work tools',
      'Outcome for children',
      'Audit of 40 files',
    ]) {
      expect(xml).toContain(text);
    }
    const audit = await rawRows<{ detail: string }>(
      db(),
      sql`select detail from access_audit where action = 'plan.export' and record_id = ${plan.planId}`,
    );
    expect(audit.map((a) => a.detail)).toContain('docx');
  });

  it('exports a snapshot from its frozen data', async () => {
    const m = actorOf(ctx.org, 'senior_leader');
    await plans.publishSnapshot(db(), m, auditCtx(m, ctx.clock.now()), plan.planId, {
      asAt: today(ctx.clock),
    });
    const s = actorOf(ctx.org, 'service_manager');
    await plans.addUpdate(db(), s, auditCtx(s, ctx.clock.now()), plan.actionIds['1.1']!, {
      date: today(ctx.clock),
      progress: 'Written after publication',
      focus: null,
      rag: 'red',
      reason: 'After publication',
      evidence: { text: null, link: null, file: null },
    });
    const res = await manager.get(`/plans/${plan.planId}/snapshots/1/export/docx`);
    const xml = unzipEntry(res.rawPayload, 'word/document.xml')!;
    expect(xml).not.toContain('Written after publication');
    expect(xml).toContain('version 1');
    const live = unzipEntry(
      (await manager.get(`/plans/${plan.planId}/export/docx`)).rawPayload,
      'word/document.xml',
    )!;
    expect(live).toContain('Written after publication');
  });

  it('prints the plan as a page with no inline styles or scripts, in each layout', async () => {
    for (const layout of ['table', 'review']) {
      const res = await manager.get(`/plans/${plan.planId}/print?layout=${layout}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/style=|<script/);
      expect(res.body).toContain(
        layout === 'review' ? 'Focus for the next six months' : 'Measure or outcome',
      );
    }
  });

  it('offers a PDF only where Chromium is installed', async () => {
    const page = await manager.get(`/plans/${plan.planId}`);
    if (!chromiumPath()) {
      expect(page.body).not.toContain('/export/pdf');
      expect((await manager.get(`/plans/${plan.planId}/export/pdf`)).statusCode).toBe(404);
      return;
    }
    expect(page.body).toContain('/export/pdf');
    const pdf = await manager.get(`/plans/${plan.planId}/export/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
