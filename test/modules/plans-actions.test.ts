import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as plans from '../../src/modules/plans/service';
import { today } from '../../src/platform/clock';
import { rawRows } from '../../src/platform/db/client';
import { ValidationError } from '../../src/platform/errors';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import {
  actorOf,
  auditCtx,
  blankAction,
  dateFields,
  multipart,
  type SmallPlan,
  smallPlan,
} from './plans-fixture';

let ctx: TestContext;
let plan: SmallPlan;
beforeAll(async () => {
  ctx = await startTestApp();
  plan = await smallPlan(ctx);
});
afterAll(async () => ctx.close());

const db = () => ctx.oversight.database.db;
const ragRows = (actionId: string) =>
  rawRows<{ from_rag: string | null; to_rag: string; reason: string | null; changed_by: string }>(
    db(),
    sql`select from_rag, to_rag, reason, changed_by from plan_rag_changes where action_id = ${actionId} order by changed_at, id`,
  );

describe('references', () => {
  it('refuses a duplicate reference in the same plan with a clear message, on the form and in the service', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const res = await a.post(`/plans/${plan.planId}/actions/new`, {
      priorityId: plan.priorityIds[0],
      reference: '1.1',
      sourceKind: 'new',
      action: 'A second action numbered 1.1',
      initialRag: 'green',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Reference 1.1 is already used in this plan');
    const manager = actorOf(ctx.org, 'service_manager');
    await expect(
      plans.createAction(db(), manager, auditCtx(manager, ctx.clock.now()), plan.planId, {
        ...blankAction,
        priorityId: plan.priorityIds[1]!,
        reference: '1.1.',
        action: 'Tidied to 1.1, still a duplicate',
      }),
    ).rejects.toThrow(ValidationError);
  });

  it('refuses a reference that is not hierarchical numbers', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const res = await a.post(`/plans/${plan.planId}/actions/new`, {
      priorityId: plan.priorityIds[0],
      reference: 'one.two',
      sourceKind: 'new',
      action: 'Badly numbered',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Reference must be numbers separated by full stops');
  });

  it('adds an action with a new reference, and the same reference may be used in another plan', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const res = await a.post(`/plans/${plan.planId}/actions/new`, {
      priorityId: plan.priorityIds[0],
      reference: '1.3B',
      sourceKind: 'inspection_paragraph',
      sourceDetail: '39',
      action: 'Share audit learning at practice week',
      ...dateFields('startDate', '2026-11-01'),
      ...dateFields('endDate', '2027-02-28'),
      leadOfficerId: plan.leads.manager,
      initialRag: 'amber',
    });
    expect(res.statusCode, res.body).toBe(302);
    const page = await a.get(res.headers.location as string);
    expect(page.body).toContain('Action 1.3b');
    expect(page.body).toContain('Inspection report paragraph 39');
    const other = await smallPlan(ctx, ctx.org, 'Second plan with the same references');
    expect(other.actionIds['1.1']).toBeDefined();
  });
});

describe('updates and RAG', () => {
  it('lets a lead set amber with a reason, keeps who, when and why, and audits it', async () => {
    const lead = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const actionId = plan.actionIds['1.1']!;
    ctx.clock.advanceMinutes(1);
    const withoutReason = await lead.post(`/plans/actions/${actionId}/update`, {
      ...dateFields('date', today(ctx.clock)),
      progress: 'Two teams are behind; training rescheduled.',
      rag: 'amber',
    });
    expect(withoutReason.statusCode).toBe(400);
    expect(withoutReason.body).toContain('Enter why the RAG status is changing');
    const ok = await lead.post(`/plans/actions/${actionId}/update`, {
      ...dateFields('date', today(ctx.clock)),
      progress: 'Two teams are behind; training rescheduled.',
      focus: 'Deliver the rescheduled training.',
      rag: 'amber',
      reason: 'Training postponed because of staff sickness',
    });
    expect(ok.statusCode, ok.body).toBe(302);
    const rows = await ragRows(actionId);
    expect(rows.map((r) => [r.from_rag, r.to_rag])).toEqual([
      [null, 'green'],
      ['green', 'amber'],
    ]);
    expect(rows[1]).toMatchObject({
      from_rag: 'green',
      to_rag: 'amber',
      reason: 'Training postponed because of staff sickness',
      changed_by: ctx.org.userIds.practitioner,
    });
    const page = await lead.get(`/plans/actions/${actionId}`);
    expect(page.body).toContain('Training postponed because of staff sickness');
    expect(page.body).toContain('moj-timeline');
    const audit = await rawRows<{ action: string; user_id: string }>(
      db(),
      sql`select action, user_id from access_audit where record_id = ${actionId} and action = 'plan.action.progress'`,
    );
    expect(audit).toEqual([{ action: 'plan.action.progress', user_id: ctx.org.userIds.practitioner }]);
  });

  it('refuses completion without evidence, on the update form and the completion form', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const actionId = plan.actionIds['1.2']!;
    const before = (await ragRows(actionId)).length;
    const viaUpdate = await manager.post(`/plans/actions/${actionId}/update`, {
      ...dateFields('date', today(ctx.clock)),
      progress: 'All practitioners trained.',
      rag: 'blue',
    });
    expect(viaUpdate.statusCode).toBe(400);
    expect(viaUpdate.body).toContain(plans.COMPLETION_NEEDS_EVIDENCE);
    const viaComplete = await manager.post(`/plans/actions/${actionId}/complete`, {
      ...dateFields('completedOn', today(ctx.clock)),
      note: 'Done',
    });
    expect(viaComplete.statusCode).toBe(400);
    expect(viaComplete.body).toContain(plans.COMPLETION_NEEDS_EVIDENCE);
    expect((await ragRows(actionId)).length).toBe(before);
    const m = actorOf(ctx.org, 'service_manager');
    await expect(
      plans.completeAction(db(), m, auditCtx(m, ctx.clock.now()), actionId, {
        completedOn: today(ctx.clock),
        note: null,
        evidence: { text: '  ', link: null, file: null },
      }),
    ).rejects.toThrow(ValidationError);
  });

  it('completes with an uploaded file as evidence, and the file can be downloaded', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const actionId = plan.actionIds['1.2']!;
    const { body, contentType } = multipart(
      { ...dateFields('completedOn', today(ctx.clock)), note: 'Training register attached' },
      {
        field: 'evidenceFile',
        filename: 'training-register.csv',
        contentType: 'text/csv',
        data: Buffer.from('name,date\nA,2026-11-01\n'),
      },
    );
    const res = await manager.send('POST', `/plans/actions/${actionId}/complete`, body, {
      'content-type': contentType,
    });
    expect(res.statusCode, res.body).toBe(302);
    const page = await manager.get(`/plans/actions/${actionId}`);
    expect(page.body).toContain('training-register.csv');
    const fileId = /\/plans\/evidence\/([0-9a-f-]{36})/.exec(page.body)?.[1];
    expect(fileId).toBeDefined();
    const download = await manager.get(`/plans/evidence/${fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('training-register.csv');
    expect(download.body).toContain('name,date');
    const rows = await ragRows(actionId);
    expect(rows.filter((r) => r.to_rag === 'blue')).toMatchObject([{ from_rag: 'green', to_rag: 'blue' }]);
  });

  it('refuses an evidence file of the wrong type with a message, and writes nothing', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const actionId = plan.actionIds['2.1']!;
    const before = (await ragRows(actionId)).length;
    const { body, contentType } = multipart(
      { ...dateFields('completedOn', today(ctx.clock)) },
      {
        field: 'evidenceFile',
        filename: 'run-me.exe',
        contentType: 'application/octet-stream',
        data: Buffer.from('MZ'),
      },
    );
    const res = await manager.send('POST', `/plans/actions/${actionId}/complete`, body, {
      'content-type': contentType,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The evidence file must be a pdf');
    expect((await ragRows(actionId)).length).toBe(before);
  });

  it('refuses a multipart form without the CSRF token', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const { body, contentType } = multipart({
      ...dateFields('completedOn', today(ctx.clock)),
      evidenceText: 'x',
    });
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/plans/actions/${plan.actionIds['2.1']}/complete`,
      payload: body,
      headers: {
        'content-type': contentType,
        cookie: [...manager.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    expect(res.statusCode).toBe(403);
  });

  it('lets an update be corrected only until the next update exists', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const actionId = plan.actionIds['2.1.2']!;
    const first = await manager.post(`/plans/actions/${actionId}/update`, {
      ...dateFields('date', today(ctx.clock)),
      progress: 'First update',
      rag: 'green',
    });
    expect(first.statusCode).toBe(302);
    const [update] = await rawRows<{ id: string }>(
      db(),
      sql`select id from plan_updates where action_id = ${actionId}`,
    );
    const corrected = await manager.post(`/plans/updates/${update!.id}/edit`, {
      ...dateFields('date', today(ctx.clock)),
      progress: 'First update, corrected',
    });
    expect(corrected.statusCode).toBe(302);
    ctx.clock.advanceMinutes(1);
    await manager.post(`/plans/actions/${actionId}/update`, {
      ...dateFields('date', today(ctx.clock)),
      progress: 'Second update',
      rag: 'green',
    });
    const tooLate = await manager.post(`/plans/updates/${update!.id}/edit`, {
      ...dateFields('date', today(ctx.clock)),
      progress: 'Rewriting history',
    });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.body).toContain('a later update has been added');
    const [stored] = await rawRows<{ progress: string }>(
      db(),
      sql`select progress from plan_updates where id = ${update!.id}`,
    );
    expect(stored!.progress).toBe('First update, corrected');
  });

  it('refuses an update dated in the future or before the last update', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const actionId = plan.actionIds['2.1.2']!;
    const future = await manager.post(`/plans/actions/${actionId}/update`, {
      ...dateFields('date', '2030-01-01'),
      progress: 'From the future',
      rag: 'green',
    });
    expect(future.body).toContain('must be today or in the past');
    const past = await manager.post(`/plans/actions/${actionId}/update`, {
      ...dateFields('date', '2026-01-01'),
      progress: 'Back-dated',
      rag: 'green',
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('must be the same as or after the last update');
  });

  it('keeps RAG history append-only in the database', async () => {
    for (const statement of [
      sql`update plan_rag_changes set reason = 'rewritten'`,
      sql`delete from plan_rag_changes`,
    ]) {
      const error = await db()
        .execute(statement)
        .then(() => undefined)
        .catch((e: Error & { cause?: Error }) => e);
      expect(`${error?.message} ${error?.cause?.message}`).toMatch(/plan_rag_changes is append-only/);
    }
  });
});

describe('linking', () => {
  it('places an action in a second plan without copying: one update shows in both', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const second = await smallPlan(ctx, ctx.org, 'Inspection improvement plan');
    const actionId = plan.actionIds['2.1']!;
    const res = await manager.post(`/plans/actions/${actionId}/link`, {
      target: `${second.planId}:${second.priorityIds[1]}`,
      reference: '2.1',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Reference 2.1 is already used in this plan');
    const ok = await manager.post(`/plans/actions/${actionId}/link`, {
      target: `${second.planId}:${second.priorityIds[1]}`,
      reference: '2.9',
    });
    expect(ok.statusCode, ok.body).toBe(302);
    await manager.post(`/plans/actions/${actionId}/update`, {
      ...dateFields('date', today(ctx.clock)),
      progress: 'Supervision audit shows improvement in both plans',
      rag: 'green',
    });
    const m = actorOf(ctx.org, 'service_manager');
    const inSecond = (
      await plans.getPlanDocument(db(), m, second.planId, today(ctx.clock))
    ).priorities[1]!.actions.find((a) => a.actionId === actionId);
    expect(inSecond?.reference).toBe('2.9');
    expect(inSecond?.homePlan?.reference).toBe('2.1');
    expect(inSecond?.latestUpdate?.progress).toBe('Supervision audit shows improvement in both plans');
    const rows = await rawRows<{ home_plan_id: string }>(
      db(),
      sql`select home_plan_id from plan_actions where id = ${actionId}`,
    );
    expect(rows).toEqual([{ home_plan_id: plan.planId }]);
    const links = await rawRows<{ plan_id: string; reference: string }>(
      db(),
      sql`select plan_id, reference from plan_action_links where action_id = ${actionId}`,
    );
    expect(links).toEqual([{ plan_id: second.planId, reference: '2.9' }]);
  });
});
