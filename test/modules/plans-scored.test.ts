import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocxTables } from '../../src/modules/plans/docx-tables';
import * as plans from '../../src/modules/plans/service';
import { WORD_PLAN_LEADS, wordPlanDocx } from '../../src/modules/plans/word-plan-fixture';
import { today } from '../../src/platform/clock';
import { rawRows } from '../../src/platform/db/client';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { actorOf, auditCtx, dateFields, type SmallPlan, smallPlan } from './plans-fixture';

let ctx: TestContext;
let plan: SmallPlan;
let admin: Agent;
let manager: Agent;
beforeAll(async () => {
  ctx = await startTestApp();
  plan = await smallPlan(ctx);
  admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
  manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
});
afterAll(async () => ctx.close());

const db = () => ctx.oversight.database.db;
const keyForm = (extra: Record<string, string>) => {
  const form: Record<string, string> = {};
  for (const k of plans.DEFAULT_RAG_KEY) {
    form[`${k.code}Label`] = k.label;
    form[`${k.code}Meaning`] = k.meaning;
  }
  return { ...form, ...extra };
};
const actionRow = async (id: string) =>
  (
    await rawRows<{ rag: string; score: number | null }>(
      db(),
      sql`select rag, score from plan_actions where id = ${id}`,
    )
  )[0]!;

describe('a scored RAG key', () => {
  it('is turned on by an administrator with bands that make sense, and audited', async () => {
    const page = await admin.get('/plans/settings/rag-key');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Are actions scored from 0 to 10?');
    const bad = await admin.post(
      '/plans/settings/rag-key',
      keyForm({ scored: 'yes', redTo: '6', amberTo: '4' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The top score of amber must be higher than the top score of red');
    expect(await plans.getRagScale(db(), ctx.org.organisationId)).toBeNull();
    const ok = await admin.post(
      '/plans/settings/rag-key',
      keyForm({ scored: 'yes', redTo: '3', amberTo: '6' }),
    );
    expect(ok.statusCode, ok.body).toBe(302);
    expect(await plans.getRagScale(db(), ctx.org.organisationId)).toEqual({ redTo: 3, amberTo: 6 });
    const audit = await rawRows<{ detail: string }>(
      db(),
      sql`select detail from access_audit where action = 'plan.rag-key.update' order by at desc limit 1`,
    );
    expect(audit[0]!.detail).toBe('scored: red to 3, amber to 6');
    const managerPage = await manager.get('/plans/settings/rag-key');
    expect(managerPage.statusCode).toBe(403);
  });

  it('gives an update the colour of its score, shows it and exports it, and refuses a score on completion', async () => {
    const actionId = plan.actionIds['1.2']!;
    const form = await manager.get(`/plans/actions/${actionId}/update`);
    expect(form.body).toContain('Red 0 to 3, Amber 4 to 6, Green 7 to 10');
    const update = (extra: Record<string, string>) =>
      manager.post(`/plans/actions/${actionId}/update`, {
        ...dateFields('date', today(ctx.clock)),
        progress: 'Half the teams trained.',
        rag: 'green',
        ...extra,
      });
    const notNumber = await update({ score: 'eleven' });
    expect(notNumber.statusCode).toBe(400);
    expect(notNumber.body).toContain('Enter the score as a whole number from 0 to 10, like 7');
    const complete = await update({ score: '9', rag: 'blue', evidenceText: 'Register' });
    expect(complete.statusCode).toBe(400);
    expect(complete.body).toContain('Leave the score empty for an action that is complete or not rated');
    const noReason = await update({ score: '5' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the RAG status is changing');
    const ok = await update({ score: '5', reason: 'Two teams are behind' });
    expect(ok.statusCode, ok.body).toBe(302);
    expect(await actionRow(actionId)).toEqual({ rag: 'amber', score: 5 });
    const changes = await rawRows<{ to_rag: string; score: number | null }>(
      db(),
      sql`select to_rag, score from plan_rag_changes where action_id = ${actionId} order by changed_at desc limit 1`,
    );
    expect(changes).toEqual([{ to_rag: 'amber', score: 5 }]);
    const page = await manager.get(`/plans/actions/${actionId}`);
    expect(page.body).toContain('Amber, score 5');
    // The next update starts with no score: an old score would set the RAG over the person's choice.
    const next = await manager.get(`/plans/actions/${actionId}/update`);
    const scoreInput = /<input[^>]*id="score"[^>]*>/.exec(next.body)?.[0];
    expect(scoreInput).toBeDefined();
    expect(scoreInput).not.toMatch(/value="\d/);
    const planPage = await manager.get(`/plans/${plan.planId}`);
    expect(planPage.body).toContain('scores 4 to 6');
    const csv = await manager.get(`/plans/${plan.planId}/export/csv`);
    const lines = csv.body.split(/\r?\n/);
    const headings = lines.find((l) => l.startsWith('Priority,'))!.split(',');
    const row = lines.find((l) => l.includes('Train all practitioners'))!;
    expect(headings).toContain('Score');
    expect(row).toMatch(/,Amber,5,/);
  });
});

describe('the action form as plans write actions', () => {
  it('takes a month start, an end as written, a sub-heading and other leads, and shows them when editing', async () => {
    const form = {
      priorityId: plan.priorityIds[0]!,
      reference: '1.5',
      sourceKind: 'not_given',
      action: 'Family network meetings offered before every initial conference',
      'startDate-month': '4',
      'startDate-year': '2026',
      'endDate-text': 'Summer 2027',
      subHeading: 'Specific aim: families are heard first',
      leadOfficerId: plan.leads.manager,
      otherLeadIds: [plan.leads.practitioner, plan.leads.vacant],
      initialRag: 'not_rated',
    };
    const both = await manager.post(`/plans/${plan.planId}/actions/new`, {
      ...form,
      reference: '1.6',
      'endDate-day': '1',
    });
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('Enter the end date as a date or as written, not both');
    const noOfficer = await manager.post(`/plans/${plan.planId}/actions/new`, {
      ...form,
      reference: '1.6',
      leadOfficerId: '',
    });
    expect(noOfficer.statusCode).toBe(400);
    expect(noOfficer.body).toContain('Select the lead officer first, then any other leads');

    const res = await manager.post(`/plans/${plan.planId}/actions/new`, form);
    expect(res.statusCode, res.body).toBe(302);
    const actionId = /\/plans\/actions\/([0-9a-f-]{36})$/.exec(res.headers.location as string)![1]!;
    const m = actorOf(ctx.org, 'service_manager');
    const detail = await plans.getActionDetail(db(), m, actionId, today(ctx.clock));
    expect(detail.action).toMatchObject({
      startDate: '2026-04-01',
      startDatePrecision: 'month',
      endDate: '2027-08-31',
      endDatePrecision: 'season',
      endDateText: 'Summer 2027',
      sourceKind: 'not_given',
      subHeading: 'Specific aim: families are heard first',
      otherLeadIds: [plan.leads.practitioner, plan.leads.vacant],
      rag: 'not_rated',
    });
    const page = await manager.get(`/plans/actions/${actionId}`);
    expect(page.body).toContain('April 2026');
    expect(page.body).toContain('Not given');

    const edit = await manager.get(`/plans/actions/${actionId}/edit`);
    expect(edit.body).toMatch(
      /id="startDate-day" name="startDate-day" type="text" inputmode="numeric" value=""/,
    );
    expect(edit.body).toMatch(
      /id="startDate-month" name="startDate-month" type="text" inputmode="numeric" value="4"/,
    );
    expect(edit.body).toMatch(/id="endDate-text" name="endDate-text" type="text" value="Summer 2027"/);
    expect(edit.body).toContain('value="Specific aim: families are heard first"');
    expect(edit.body).toMatch(new RegExp(`value="${plan.leads.vacant}" checked`));

    // Saving the form unchanged keeps everything as written; the sub-heading may be cleared.
    const saved = await manager.post(`/plans/actions/${actionId}/edit`, {
      ...form,
      subHeading: '',
      otherLeadIds: [],
    });
    expect(saved.statusCode, saved.body).toBe(302);
    const after = await plans.getActionDetail(db(), m, actionId, today(ctx.clock));
    expect(after.action).toMatchObject({
      startDatePrecision: 'month',
      endDateText: 'Summer 2027',
      subHeading: null,
      otherLeadIds: [],
    });
  });
});

describe("the DOCX export of a committee's Word plan", () => {
  it("prints the document's own columns in its order, with the sub-headings", async () => {
    const m = actorOf(ctx.org, 'service_manager');
    const c = auditCtx(m, ctx.clock.now());
    for (const l of WORD_PLAN_LEADS)
      await plans.createLead(db(), m, c, { ...l, holderUserId: null, holderName: null });
    const outcome = await plans.importPlanFile(
      db(),
      m,
      c,
      { filename: 'committee.docx', data: await wordPlanDocx() },
      { confirm: true, defaults: { name: 'Service improvement plan (committee)' } },
    );
    if (outcome.ok !== true) throw new Error(JSON.stringify(outcome));
    const exported = await manager.get(`/plans/${outcome.planId}/export/docx`);
    expect(exported.statusCode).toBe(200);
    const rows = readDocxTables(exported.rawPayload);
    expect(rows).toContainEqual(['Ref', 'Does what?', 'Who?', 'By when?', 'RAG rated progress', 'Comments']);
    const cells = rows.map((r) => r[0]);
    expect(cells).toContain('Priority 1: Improvement area 1');
    expect(cells).toContain('Leadership, management and governance');
    // A plan made in Oversight keeps Oversight's own committee table.
    const own = readDocxTables((await manager.get(`/plans/${plan.planId}/export/docx`)).rawPayload);
    expect(own.some((r) => r[0] === 'Ref' && r[1] === 'Specific aim or recommendation')).toBe(true);
  });
});
