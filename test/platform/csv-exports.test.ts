/**
 * Every CSV the service writes is safe to open in a spreadsheet: the test
 * finds every CSV route in the route table (a new one fails it until it is
 * listed here), fills each with data holding formula-like text, and checks
 * no cell starts with = + - @ tab or carriage return.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cases from '../../src/modules/cases/service';
import * as plans from '../../src/modules/plans/service';
import { qaPermissions } from '../../src/modules/qa/permissions';
import { createRound } from '../../src/modules/qa/rounds';
import { createTemplate } from '../../src/modules/qa/templates';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { actorOf, auditCtx, blankAction, dateFields, smallPlan } from '../modules/plans-fixture';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

const FORMULA = '=HYPERLINK("http://evil.example","Open")';
const DANGEROUS = /^[=+\-@\t\r]/;

const CSV_ROUTES = [
  '/admin/audit/export.csv',
  '/cases/import/:id/errors.csv',
  '/indicators/report/export/:format',
  '/missing/ssda903.csv',
  '/plans/:planId/export/:format',
  '/plans/:planId/snapshots/:number/export/:format',
  '/qa/rounds/:id/report.csv',
  '/timescales/tasks.csv',
];

describe('CSV exports', () => {
  it('lists every route that writes CSV', () => {
    const found = ctx.app.routeTable
      .filter((r) => r.method === 'GET' && /csv|:format/i.test(r.url))
      // The chronology downloads as PDF or DOCX only: its address names a format, but never CSV.
      .filter((r) => r.url !== '/children/:id/chronology/download/:format')
      .map((r) => r.url)
      .sort();
    expect(found).toEqual(CSV_ROUTES);
  });

  it('guards every cell of every CSV against formulas', async () => {
    const db = ctx.oversight.database.db;
    const plan = await smallPlan(ctx);
    const manager = actorOf(ctx.org, 'service_manager');
    await plans.createAction(db, manager, auditCtx(manager, ctx.clock.now()), plan.planId, {
      ...blankAction,
      priorityId: plan.priorityIds[0]!,
      reference: '1.3',
      action: FORMULA,
      measure: '+44 20 7946 0000',
      outcomeForChildren: '@SUM(A1:A9)',
    });
    const managerAgent = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const published = await managerAgent.post(
      `/plans/${plan.planId}/snapshots`,
      dateFields('asAt', '2026-11-16'),
    );
    expect(published.statusCode).toBe(302);
    // A rejected import whose problems carry a formula-like value.
    const { smallExtract, extractFiles } = await import('../../src/modules/cases/fixtures');
    const bad = smallExtract();
    bad['ssd_person.csv']![1]![6] = '=1+1';
    const importId = await cases.startSsdImport(
      db,
      manager,
      { files: extractFiles(bad), mode: 'full', clock: ctx.clock, concurrentProgress: false },
      auditCtx(manager, ctx.clock.now()),
    );
    expect((await cases.importSettled(importId))!.status).toBe('rejected');

    // An audit round whose name and template hold formulas (the report repeats both).
    // A good extract first: the round audits one of its children.
    const goodId = await cases.startSsdImport(
      db,
      manager,
      { files: extractFiles(smallExtract()), mode: 'full', clock: ctx.clock, concurrentProgress: false },
      auditCtx(manager, ctx.clock.now()),
    );
    expect((await cases.importSettled(goodId))!.status).toBe('applied');
    const qaOfficer = { ...actorOf(ctx.org, 'qa_officer'), permissions: new Set(Object.keys(qaPermissions)) };
    const template = await createTemplate(db, qaOfficer, auditCtx(qaOfficer, ctx.clock.now()), {
      name: FORMULA,
      text: `# ${FORMULA}\n- Was the child seen?\n`,
    });
    const round = await createRound(db, qaOfficer, auditCtx(qaOfficer, ctx.clock.now()), {
      name: '@round',
      type: 'multi_agency',
      startDate: '2026-11-01',
      endDate: '2026-12-31',
      templateId: template.templateId,
      auditorIds: [ctx.org.userIds.independent_auditor],
      rule: 'chosen',
      serviceLevels: [],
      sourceIds: [smallExtract()['ssd_person.csv']![1]![0]!],
    });

    const params: Record<string, string> = {
      roundId: round.id,
      id: importId,
      planId: plan.planId,
      number: '1',
      format: 'csv',
    };
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const qaAgent = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    const agentFor = (url: string) =>
      url.startsWith('/admin') ? admin : url.startsWith('/qa') ? qaAgent : managerAgent;
    let formulaSeen = 0;
    for (const route of CSV_ROUTES) {
      const url = route
        .replace('/qa/rounds/:id', '/qa/rounds/:roundId')
        .replace(/:(\w+)/g, (_, name: string) => params[name]!);
      const res = await agentFor(url).get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/csv');
      const rows = parse(res.body, { relax_column_count: true, bom: true }) as string[][];
      for (const cell of rows.flat()) {
        expect(DANGEROUS.test(cell), `${url}: ${JSON.stringify(cell)}`).toBe(false);
        if (cell.startsWith("'=") || cell.startsWith("'+") || cell.startsWith("'@")) formulaSeen += 1;
      }
    }
    // The plan's working copy, its published version and the import problems all held formulas.
    expect(formulaSeen).toBeGreaterThanOrEqual(7);
  });

  it('reads a guarded plan CSV back as it was written', async () => {
    const { readCsv } = await import('../../src/modules/plans/files');
    expect(readCsv(Buffer.from(`'=1+1,'@x,plain\r\n`))).toEqual([['=1+1', '@x', 'plain']]);
  });
});
