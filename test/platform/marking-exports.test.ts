import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../src/modules/plans/files';
import { markedFilename } from '../../src/platform/branding/marking';
import { today } from '../../src/platform/clock';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { pdfText } from '../helpers/pdf';
import { type SmallPlan, smallPlan, unzipEntry } from '../modules/plans-fixture';

/**
 * Every document the service prints or lets people download carries the
 * organisation's protective marking, and follows it when an administrator
 * changes it.
 */

let ctx: TestContext;
let plan: SmallPlan;
let manager: Agent;
let admin: Agent;
const MARKING = 'OFFICIAL-SENSITIVE: PERSONAL';

beforeAll(async () => {
  ctx = await startTestApp();
  plan = await smallPlan(ctx);
  manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
  admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
}, 120_000);
afterAll(async () => ctx?.close());

async function setMarking(marking: string) {
  const res = await admin.post('/admin/branding', { protectiveMarking: marking });
  expect(res.statusCode).toBe(302);
}

function filenameOf(res: { headers: Record<string, unknown> }): string {
  return /filename="([^"]+)"/.exec(String(res.headers['content-disposition']))?.[1] ?? '';
}

describe('the protective marking on exports', () => {
  it('names the file of every download after the marking, the default one first', async () => {
    const res = await manager.get(`/plans/${plan.planId}/export/csv`);
    expect(filenameOf(res)).toMatch(/^OFFICIAL-SENSITIVE_.+\.csv$/);
    await setMarking(MARKING);
    const downloads = [
      await manager.get(`/plans/${plan.planId}/export/csv`),
      await manager.get(`/plans/${plan.planId}/export/xlsx`),
      await manager.get(`/plans/${plan.planId}/export/docx`),
      await manager.get('/timescales/tasks.csv'),
      await admin.get('/admin/audit/export.csv'),
    ];
    for (const d of downloads) {
      expect(d.statusCode).toBe(200);
      expect(filenameOf(d)).toMatch(/^OFFICIAL-SENSITIVE-PERSONAL_/);
    }
    expect(filenameOf(downloads[3]!)).toBe(
      `OFFICIAL-SENSITIVE-PERSONAL_statutory-tasks-${today(ctx.clock)}.csv`,
    );
  });

  it('leaves the data of a CSV unchanged, so that it imports again', async () => {
    const csv = (await manager.get(`/plans/${plan.planId}/export/csv`)).body;
    expect(csv.startsWith('Plan name,')).toBe(true);
    expect(csv).not.toContain('OFFICIAL');
  });

  it('marks an Excel workbook in its first row, its properties and every printed page', async () => {
    const res = await manager.get(`/plans/${plan.planId}/export/xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Protective marking', MARKING]);
    expect(ws.getRow(2).getCell(1).value).toBe('Plan name');
    expect(ws.headerFooter.oddHeader).toContain(MARKING);
    expect(ws.headerFooter.oddFooter).toContain(MARKING);
    expect(wb.category).toBe(MARKING);
  });

  it('marks a Word document in the header and footer of every page', async () => {
    const res = await manager.get(`/plans/${plan.planId}/export/docx`);
    const headers = ['word/header1.xml', 'word/footer1.xml'].map((f) => unzipEntry(res.rawPayload, f) ?? '');
    for (const xml of headers) expect(xml).toContain(MARKING);
    expect(unzipEntry(res.rawPayload, 'docProps/core.xml')).toContain(MARKING);
  });

  it('marks the print page at its top and foot', async () => {
    const res = await manager.get(`/plans/${plan.planId}/print`);
    expect(res.body.match(new RegExp(`<p class="app-print__marking">${MARKING}</p>`, 'g'))).toHaveLength(2);
  });

  it('marks every page of a PDF where Chromium is installed', async () => {
    if (!chromiumPath()) {
      expect((await manager.get(`/plans/${plan.planId}/export/pdf`)).statusCode).toBe(404);
      return;
    }
    const res = await manager.get(`/plans/${plan.planId}/export/pdf`);
    expect(res.statusCode).toBe(200);
    expect(filenameOf(res)).toMatch(/^OFFICIAL-SENSITIVE-PERSONAL_.+\.pdf$/);
    const text = pdfText(res.rawPayload);
    // The table's narrow columns wrap the action's words onto lines the text comes back without spaces between.
    expect(text.replace(/\s+/g, '')).toContain('Trainallpractitioners');
    // Header and footer of each page.
    expect(text.split(MARKING).length - 1).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('follows the organisation: another one’s exports keep the default marking', async () => {
    const other = await smallPlan(ctx, ctx.other, 'Westbrook plan');
    const otherManager = await signedIn(ctx, emailOf(ctx.other, 'service_manager'));
    const res = await otherManager.get(`/plans/${other.planId}/export/docx`);
    expect(filenameOf(res)).toMatch(/^OFFICIAL-SENSITIVE_/);
    expect(unzipEntry(res.rawPayload, 'word/header1.xml')).toContain('OFFICIAL-SENSITIVE');
    expect(unzipEntry(res.rawPayload, 'word/header1.xml')).not.toContain('PERSONAL');
  });
});

describe('a file name from a marking', () => {
  it('keeps letters, digits and hyphens', () => {
    expect(markedFilename('OFFICIAL-SENSITIVE', 'plan.csv')).toBe('OFFICIAL-SENSITIVE_plan.csv');
    expect(markedFilename('OFFICIAL-SENSITIVE: PERSONAL', 'plan.csv')).toBe(
      'OFFICIAL-SENSITIVE-PERSONAL_plan.csv',
    );
    expect(markedFilename('  ', 'plan.csv')).toBe('plan.csv');
  });
});
