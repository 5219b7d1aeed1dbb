import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as plans from '../../src/modules/plans/service';
import { today } from '../../src/platform/clock';
import { rawRows } from '../../src/platform/db/client';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { actorOf, auditCtx, dateFields, type SmallPlan, smallPlan } from './plans-fixture';

let ctx: TestContext;
let plan: SmallPlan;
beforeAll(async () => {
  ctx = await startTestApp();
  plan = await smallPlan(ctx);
  const leader = actorOf(ctx.org, 'senior_leader');
  await plans.publishSnapshot(
    ctx.oversight.database.db,
    leader,
    auditCtx(leader, ctx.clock.now()),
    plan.planId,
    {
      asAt: today(ctx.clock),
    },
  );
});
afterAll(async () => ctx.close());

const db = () => ctx.oversight.database.db;

describe('committee members', () => {
  it('read published versions but not the working plan, and cannot change anything', async () => {
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    const list = await member.get('/plans');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Version 1');
    expect(list.body).not.toContain('Plans in progress');
    expect((await member.get(`/plans/${plan.planId}/snapshots/1`)).statusCode).toBe(200);
    expect((await member.get(`/plans/${plan.planId}/snapshots/1/print`)).statusCode).toBe(200);
    expect((await member.get(`/plans/${plan.planId}`)).statusCode).toBe(403);
    expect((await member.get(`/plans/actions/${plan.actionIds['1.1']}`)).statusCode).toBe(403);
    expect((await member.get(`/plans/${plan.planId}/export/docx`)).statusCode).toBe(403);
    const edit = await member.post(`/plans/${plan.planId}/actions/new`, {
      priorityId: plan.priorityIds[0],
      reference: '9.9',
      sourceKind: 'new',
      action: 'Should not be added',
    });
    expect(edit.statusCode).toBe(403);
    const [row] = await rawRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from plan_actions where reference = '9.9'`,
    );
    expect(row!.n).toBe(0);
  });
});

describe('leads', () => {
  it('lets the holder of a lead post update their action, and no one else below manager', async () => {
    const practitioner = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await practitioner.get(`/plans/actions/${plan.actionIds['1.1']}/update`)).statusCode).toBe(200);
    expect((await practitioner.get(`/plans/actions/${plan.actionIds['1.2']}/update`)).statusCode).toBe(403);
    const refused = await practitioner.post(`/plans/actions/${plan.actionIds['1.2']}/update`, {
      ...dateFields('date', today(ctx.clock)),
      progress: 'Not my action',
      rag: 'amber',
      reason: 'Trying anyway',
    });
    expect(refused.statusCode).toBe(403);
    const mine = await practitioner.get('/plans/my-actions');
    expect(mine.body).toContain('Record the child’s own words');
    expect(mine.body).not.toContain('Train all practitioners');
  });

  it('moves actions to a new holder when the post changes hands, without rewriting them', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const before = await rawRows<{ updated_at: Date }>(
      db(),
      sql`select updated_at from plan_actions where id = ${plan.actionIds['1.1']}`,
    );
    ctx.clock.advanceMinutes(1);
    const res = await manager.post(`/plans/leads/${plan.leads.practitioner}/edit`, {
      jobTitle: 'Social worker, children in care',
      initials: 'SWC',
      holderUserId: ctx.org.userIds.team_manager,
    });
    expect(res.statusCode, res.body).toBe(302);
    const teamManager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    expect((await teamManager.get('/plans/my-actions')).body).toContain('Record the child’s own words');
    expect((await teamManager.get(`/plans/actions/${plan.actionIds['1.1']}/update`)).statusCode).toBe(200);
    const practitioner = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await practitioner.get('/plans/my-actions')).body).toContain('You do not lead any actions');
    const after = await rawRows<{ updated_at: Date }>(
      db(),
      sql`select updated_at from plan_actions where id = ${plan.actionIds['1.1']}`,
    );
    expect(after).toEqual(before);
    const audit = await rawRows<{ detail: string }>(
      db(),
      sql`select detail from access_audit where action = 'plan.lead.update' and record_id = ${plan.leads.practitioner}`,
    );
    expect(audit).toEqual([{ detail: 'holder changed' }]);
  });

  it('lists an action among the actions of each of its several leads', async () => {
    // 1.2 is led by the manager's post; the practitioner post (now held by the team manager) is a second lead.
    await rawRows(
      db(),
      sql`update plan_actions set other_lead_ids = array[${plan.leads.practitioner}]::uuid[] where id = ${plan.actionIds['1.2']}`,
    );
    const teamManager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const mine = (await teamManager.get('/plans/my-actions')).body;
    expect(mine).toContain('Train all practitioners');
    expect(mine).toContain('Lead officer (one of several)');
  });

  it('refuses initials already used by another post', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const res = await manager.post('/plans/leads/new', { jobTitle: 'Another post', initials: 'swc' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Initials SWC are already used for another post');
  });
});

describe('organisations', () => {
  it('answers 404 for another organisation’s plan, action, snapshot and export', async () => {
    const outsider = await signedIn(ctx, emailOf(ctx.other, 'service_manager'));
    for (const url of [
      `/plans/${plan.planId}`,
      `/plans/${plan.planId}/edit`,
      `/plans/actions/${plan.actionIds['1.1']}`,
      `/plans/actions/${plan.actionIds['1.1']}/update`,
      `/plans/${plan.planId}/snapshots`,
      `/plans/${plan.planId}/snapshots/1`,
      `/plans/${plan.planId}/export/xlsx`,
      `/plans/${plan.planId}/print`,
      `/plans/leads/${plan.leads.manager}/edit`,
    ]) {
      expect((await outsider.get(url)).statusCode, url).toBe(404);
    }
    const post = await outsider.post(`/plans/actions/${plan.actionIds['1.1']}/update`, {
      ...dateFields('date', today(ctx.clock)),
      progress: 'From another council',
      rag: 'red',
      reason: 'Should never land',
    });
    expect(post.statusCode).toBe(404);
    expect((await outsider.get('/plans')).body).not.toContain(plan.planId);
    await expect(
      plans.getSnapshotForEmbedding(
        db(),
        ctx.other.organisationId,
        (await plans.listPublishedSnapshots(db(), ctx.org.organisationId))[0]!.id,
      ),
    ).rejects.toThrow(/not found/);
    expect(await plans.listPublishedSnapshots(db(), ctx.other.organisationId)).toEqual([]);
  });
});

describe('committee clerks', () => {
  it('keep an outstanding actions list but cannot change a service plan', async () => {
    const clerk = await signedIn(ctx, emailOf(ctx.org, 'committee_clerk'));
    expect(
      (await clerk.post('/plans/new', { type: 'thematic', name: 'x', monitoringFrequency: 'quarterly' }))
        .statusCode,
    ).toBe(403);
    expect((await clerk.get(`/plans/${plan.planId}/actions/new`)).statusCode).toBe(403);
    const created = await clerk.post('/plans/outstanding/new', {
      committeeName: 'Corporate Parenting Panel',
      name: 'Corporate Parenting Panel: outstanding actions',
      monitoringFrequency: 'quarterly',
    });
    expect(created.statusCode, created.body).toBe(302);
    const planUrl = created.headers.location as string;
    const add = await clerk.post(`${planUrl}/actions/new`, {
      action: 'Report on placement stability to the next meeting',
      ...dateFields('dateAdded', '2026-11-10'),
      agendaItem: 'Item 5: Sufficiency update',
      ...dateFields('targetDate', '2027-01-20'),
    });
    expect(add.statusCode, add.body).toBe(302);
    const page = await clerk.get(planUrl);
    expect(page.body).toContain('Date added and agenda item');
    expect(page.body).toContain('Item 5: Sufficiency update');
    expect(page.body).toContain('Outstanding');
    const actionId = /\/plans\/actions\/([0-9a-f-]{36})/.exec(page.body)![1]!;
    const done = await clerk.post(`/plans/actions/${actionId}/complete`, {
      ...dateFields('completedOn', '2026-11-15'),
      evidenceText: 'Report received at the meeting of 15 November 2026',
    });
    expect(done.statusCode, done.body).toBe(302);
    expect((await clerk.get(planUrl)).body).toContain('Complete 15 November 2026');
    const again = await clerk.post('/plans/outstanding/new', {
      committeeName: 'corporate parenting panel',
      name: 'Duplicate',
      monitoringFrequency: 'quarterly',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already has an outstanding actions list');
  });

  it('gives the committee module one list per committee through addOutstandingAction', async () => {
    const clerk = actorOf(ctx.org, 'committee_clerk');
    const c = auditCtx(clerk, ctx.clock.now());
    const first = await plans.addOutstandingAction(db(), clerk, c, {
      committeeName: 'Safeguarding Committee',
      committeeKey: 'safeguarding',
      action: 'Circulate the missing children report',
      dateAdded: '2026-11-01',
      agendaItem: 'Item 6',
      officer: 'Head of Service, Children in Care',
      targetDate: '2026-12-01',
    });
    const second = await plans.addOutstandingAction(db(), clerk, c, {
      committeeName: 'Safeguarding Committee',
      committeeKey: 'safeguarding',
      action: 'Arrange a visit to the front door',
      dateAdded: '2026-11-01',
      agendaItem: 'Item 9',
      officer: 'Head of Service, Children in Care',
      targetDate: null,
    });
    expect(second.planId).toBe(first.planId);
    expect([first.reference, second.reference]).toEqual(['1', '2']);
    const leads = await plans.listLeads(db(), clerk);
    expect(leads.filter((l) => l.jobTitle === 'Head of Service, Children in Care')).toHaveLength(1);
    const member = actorOf(ctx.org, 'committee_member');
    await expect(
      plans.addOutstandingAction(db(), member, auditCtx(member, ctx.clock.now()), {
        committeeName: 'Safeguarding Committee',
        action: 'Not allowed',
        dateAdded: '2026-11-01',
        agendaItem: null,
        targetDate: null,
      }),
    ).rejects.toThrow(/permission/);
  });

  it('can export the committee table as DOCX', async () => {
    const clerk = await signedIn(ctx, emailOf(ctx.org, 'committee_clerk'));
    const res = await clerk.get(`/plans/${plan.planId}/export/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
  });
});

describe('RAG key', () => {
  it('lets an administrator relabel the key, used everywhere, and refuses duplicate labels', async () => {
    const teamManager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    expect((await teamManager.get('/plans/settings/rag-key')).statusCode).toBe(403);
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const form = {
      redLabel: 'Red',
      redMeaning: 'Off track; escalate',
      amberLabel: 'Amber',
      amberMeaning: 'At risk',
      greenLabel: 'On track',
      greenMeaning: 'Progressing as planned',
      blueLabel: 'Done',
      blueMeaning: 'Complete with evidence',
      not_ratedLabel: 'Not rated',
      not_ratedMeaning: 'No RAG status given yet',
    };
    const dupe = await admin.post('/plans/settings/rag-key', { ...form, amberLabel: 'red' });
    expect(dupe.statusCode).toBe(400);
    expect(dupe.body).toContain('Give each status its own label');
    expect((await admin.post('/plans/settings/rag-key', form)).statusCode).toBe(302);
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const page = await manager.get(`/plans/${plan.planId}`);
    expect(page.body).toMatch(/\d+ on track, \d+ amber, \d+ red, \d+ done/);
    expect(page.body).toContain('Progressing as planned');
    const snapshot = await manager.get(`/plans/${plan.planId}/snapshots/1`);
    expect(snapshot.body).not.toContain('On track');
    const other = await signedIn(ctx, emailOf(ctx.other, 'administrator'));
    const otherKey = await other.get('/plans/settings/rag-key');
    expect(otherKey.body).toContain('value="Green"');
  });
});

describe('filters', () => {
  it('filters the committee table by RAG, lead, overdue and stale', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const m = actorOf(ctx.org, 'service_manager');
    await plans.addUpdate(db(), m, auditCtx(m, ctx.clock.now()), plan.actionIds['2.1']!, {
      date: today(ctx.clock),
      progress: 'Slower than planned',
      focus: null,
      rag: 'amber',
      reason: 'Two team managers left',
      evidence: { text: null, link: null, file: null },
    });
    const shown = (body: string) => [...body.matchAll(/data-reference="([^"]+)"/g)].map((x) => x[1]);
    expect(shown((await manager.get(`/plans/${plan.planId}?rag=amber`)).body)).toEqual(['2.1']);
    expect(shown((await manager.get(`/plans/${plan.planId}?lead=${plan.leads.practitioner}`)).body)).toEqual([
      '1.1',
    ]);
    expect(shown((await manager.get(`/plans/${plan.planId}?overdue=yes`)).body)).toEqual(['1.2']);
    expect(shown((await manager.get(`/plans/${plan.planId}?stale=yes`)).body)).toEqual([]);
    ctx.clock.set('2027-03-01T09:00:00Z');
    const later = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    expect(shown((await later.get(`/plans/${plan.planId}?stale=yes`)).body)).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '2.1.2',
    ]);
    expect(shown((await later.get(`/plans/${plan.planId}?rag=green&rag=amber&overdue=yes`)).body)).toEqual([
      '1.2',
    ]);
  });
});
