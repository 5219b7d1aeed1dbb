import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allActions } from '../../src/modules/plans/document';
import * as plans from '../../src/modules/plans/service';
import { WORD_PLAN_LEADS, wordPlanDocx } from '../../src/modules/plans/word-plan-fixture';
import { today } from '../../src/platform/clock';
import { rawRows } from '../../src/platform/db/client';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { actorOf, auditCtx, multipart } from './plans-fixture';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let ctx: TestContext;
let manager: Agent;
let docx: Buffer;
beforeAll(async () => {
  ctx = await startTestApp();
  const m = actorOf(ctx.org, 'service_manager');
  const c = auditCtx(m, ctx.clock.now());
  for (const l of WORD_PLAN_LEADS) {
    await plans.createLead(ctx.oversight.database.db, m, c, { ...l, holderUserId: null, holderName: null });
  }
  manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
  docx = await wordPlanDocx();
});
afterAll(async () => ctx.close());

const db = () => ctx.oversight.database.db;
const planCount = async () =>
  (await rawRows<{ n: number }>(db(), sql`select count(*)::int as n from plans`))[0]!.n;

describe("importing a committee's Word plan through the preview", () => {
  it('previews, takes a changed column mapping, and writes only on confirm', async () => {
    const before = await planCount();
    const { body, contentType } = multipart(
      { _csrf: manager.csrf(), name: 'Service improvement plan (Word)' },
      { field: 'file', filename: 'plan.docx', contentType: DOCX, data: docx },
    );
    const preview = await manager.send('POST', '/plans/import', body, { 'content-type': contentType });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.body).toContain('Check the plan before importing it');
    expect(preview.body).toContain('40 green, 20 amber, 20 red, 20 complete, 20 not rated');
    expect(preview.body).toContain('20 actions were left not rated');
    expect(preview.body).toContain('120 actions to import');
    expect(await planCount()).toBe(before);
    const token = /action="\/plans\/import\/([0-9a-f-]{36})"/.exec(preview.body)![1]!;

    // The person reads the "Who?" column as it was matched and keeps Comments as further information.
    const changed = await manager.post(`/plans/import/${token}`, {
      name: 'Service improvement plan (Word)',
      'column-5': 'extra',
      confirm: 'no',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('&quot;Comments&quot; is kept as further information on each action');
    expect(await planCount()).toBe(before);

    // Back to comments as progress, and confirm.
    const done = await manager.post(`/plans/import/${token}`, {
      name: 'Service improvement plan (Word)',
      'column-5': 'progress',
      confirm: 'yes',
    });
    expect(done.statusCode, done.body).toBe(302);
    const planId = /\/plans\/([0-9a-f-]{36})$/.exec(done.headers.location as string)![1]!;
    const m = actorOf(ctx.org, 'service_manager');
    const doc = await plans.getPlanDocument(db(), m, planId, today(ctx.clock));
    expect(doc.plan.name).toBe('Service improvement plan (Word)');
    expect(doc.counts).toEqual({ green: 40, amber: 20, red: 20, blue: 20, not_rated: 20 });
    const actions = allActions(doc);
    expect(actions).toHaveLength(120);
    // Comments are credited to the named lead, or to the file: never to the importer.
    expect(actions[0]!.latestUpdate?.authorName).toBe('RG (Head of Quality Assurance)');
    expect(actions[1]!.latestUpdate?.authorName).toBe('imported from plan.docx');
    expect(actions.find((a) => a.reference === '2.1')?.otherLeads).toBeDefined();
    expect(actions.find((a) => a.endDateText === 'Summer 2017')?.endDatePrecision).toBe('season');

    // The plan page counts Not rated and shows dates and sub-headings as written.
    const page = await manager.get(`/plans/${planId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('20 not rated');
    expect(page.body).toContain('March 2016');
    expect(page.body).toContain('Summer 2017');
    expect(page.body).toContain('Leadership, management and governance');
    // Several leads, each by its full post title.
    expect(page.body).toContain(
      'Head of Service, Family Help (post vacant); Head of Quality Assurance (post vacant)',
    );

    // The token is spent: confirming again finds no file.
    const again = await manager.post(`/plans/import/${token}`, { confirm: 'yes' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Upload it again');
  });

  it('round trip: the imported Word plan exported as XLSX imports to the same plan', async () => {
    const m = actorOf(ctx.org, 'service_manager');
    const list = await plans.listPlans(db(), m);
    const source = list.find((p) => p.name === 'Service improvement plan (Word)')!;
    const exported = await manager.get(`/plans/${source.id}/export/xlsx`);
    expect(exported.statusCode).toBe(200);
    const outcome = await plans.importPlanFile(
      db(),
      m,
      auditCtx(m, ctx.clock.now()),
      { filename: 'again.xlsx', data: exported.rawPayload },
      { confirm: true },
    );
    if (outcome.ok !== true) throw new Error(JSON.stringify(outcome));
    const a = await plans.getPlanDocument(db(), m, source.id, today(ctx.clock));
    const b = await plans.getPlanDocument(db(), m, outcome.planId, today(ctx.clock));
    expect(b.counts).toEqual(a.counts);
    const shape = (d: typeof a) =>
      allActions(d).map((x) => [
        x.reference,
        x.rag,
        x.endDate,
        x.endDatePrecision ?? null,
        x.endDateText ?? null,
        x.leadOfficer?.initials,
        (x.otherLeads ?? []).map((l) => l.initials),
        x.subHeading ?? null,
        x.source,
        x.latestUpdate?.progress ?? null,
      ]);
    expect(shape(b)).toEqual(shape(a));
  });
});
