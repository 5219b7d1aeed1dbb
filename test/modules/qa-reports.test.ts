/**
 * Findings, themes, thematic recommendations and round reports through HTTP,
 * on the demo authority's rounds: the auditor tags findings with themes, a QA
 * officer edits the theme list, raises a thematic recommendation and makes it
 * an improvement plan action (linked both ways), and reads the round's report
 * and its exports; the publishable summary holds no child-level data.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseDemo } from '../../src/demo/cases';
import { qaDemo } from '../../src/demo/qa';
import * as plans from '../../src/modules/plans/service';
import { publishableRoundSummary } from '../../src/modules/qa/reports';
import { rawRows } from '../../src/platform/db/client';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { actorOf, auditCtx, multipart } from './plans-fixture';

let ctx: TestContext;
let qa: Agent;
let auditor: Agent;
const rows = <T>(q: ReturnType<typeof sql>) => rawRows<T>(ctx.oversight.database.db, q);
const roundId = async (name: string) =>
  (
    await rows<{ id: string }>(
      sql`select id from qa_rounds where organisation_id = ${ctx.org.organisationId} and name = ${name}`,
    )
  )[0]!.id;

beforeAll(async () => {
  ctx = await startTestApp();
  await loadCaseDemo(ctx.oversight, ctx.org, 'small');
  // A plan with a priority, so that the demo's thematic recommendation becomes one of its actions.
  const manager = actorOf(ctx.org, 'qa_officer');
  const c = auditCtx(manager, new Date('2024-01-01T10:00:00Z'));
  const planId = await plans.createPlan(ctx.oversight.database.db, manager, c, {
    type: 'service_improvement',
    name: 'Service improvement plan',
    durationFrom: null,
    durationTo: null,
    relevantStrategies: null,
    previousVersions: null,
    monitoringBoard: null,
    owner: null,
    implementationDate: null,
    reviewDate: null,
    monitoringFrequency: 'quarterly',
    aims: null,
    committeeName: null,
  });
  await plans.createPriority(ctx.oversight.database.db, manager, c, planId, {
    number: 1,
    title: 'Planning for children',
  });
  await qaDemo(ctx.oversight, ctx.org, 'small');
  qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
  auditor = await signedIn(ctx, emailOf(ctx.org, 'independent_auditor'));
  // The demo authority's two years of rounds take a while to lay down on a busy machine.
}, 120_000);
afterAll(() => ctx?.close());

describe('themes', () => {
  it('starts with the default list; a QA officer adds, refuses a duplicate and retires one', async () => {
    const page = await qa.get('/qa/themes');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Contextual safeguarding');
    expect((await qa.post('/qa/themes', { name: 'Neglect' })).statusCode).toBe(302);
    const dup = await qa.post('/qa/themes', { name: ' neglect ' });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('There is already a theme called neglect');
    const [neglect] = await rows<{ id: string }>(
      sql`select id from qa_themes where organisation_id = ${ctx.org.organisationId} and name = 'Neglect'`,
    );
    expect((await qa.post(`/qa/themes/${neglect!.id}`, { name: '', retired: 'yes' })).statusCode).toBe(302);
    expect((await qa.get('/qa/themes')).body).toMatch(
      /Neglect<\/th>\s*<td class="govuk-table__cell">Retired/,
    );
  });

  it('is closed to practitioners and committee members', async () => {
    const worker = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await worker.get('/qa/themes')).statusCode).toBe(403);
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get('/qa/rounds')).statusCode).toBe(403);
  });
});

describe('findings', () => {
  it('the auditor records a finding tagged with themes on an audit in progress, audited against the child', async () => {
    const [audit] = await rows<{ id: string; person_id: string }>(
      sql`select id, person_id from qa_audits where organisation_id = ${ctx.org.organisationId}
          and status = 'in_progress' and auditor_id = ${ctx.org.userIds.independent_auditor} limit 1`,
    );
    const page = await auditor.get(`/qa/audits/${audit!.id}/findings`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Add a finding');
    expect(page.body).not.toContain('>Neglect<'); // retired: not offered
    const none = await auditor.post(`/qa/audits/${audit!.id}/findings`, {
      kind: 'development',
      text: 'No plan',
    });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select at least one theme');
    const [theme] = await rows<{ id: string }>(
      sql`select id from qa_themes where organisation_id = ${ctx.org.organisationId} and name = 'Thresholds'`,
    );
    const ok = await auditor.post(`/qa/audits/${audit!.id}/findings`, {
      kind: 'development',
      text: 'The step-down decision was made below threshold without reasons.',
      themeIds: theme!.id,
    });
    expect(ok.statusCode).toBe(302);
    expect((await auditor.get(`/qa/audits/${audit!.id}/findings`)).body).toContain('without reasons');
    const events = await rows<{ record_id: string }>(
      sql`select record_id from access_audit where action = 'qa.finding.add' and record_id = ${audit!.person_id}`,
    );
    expect(events.length).toBeGreaterThan(0);
  });

  it("cannot touch a closed audit's findings, nor see another organisation's audit", async () => {
    const [closed] = await rows<{ id: string }>(
      sql`select id from qa_audits where organisation_id = ${ctx.org.organisationId} and status = 'closed' limit 1`,
    );
    const page = await qa.get(`/qa/audits/${closed!.id}/findings`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Add a finding');
    expect(
      (await qa.post(`/qa/audits/${closed!.id}/findings`, { kind: 'strength', text: 'x' })).statusCode,
    ).toBe(403);
    const other = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    expect((await other.get(`/qa/audits/${closed!.id}/findings`)).statusCode).toBe(404);
  });
});

describe('round report', () => {
  it('shows cases of eligible, grades, the comparisons, themes with examples and recommendations', async () => {
    const id = await roundId('Spring case file audit (this year)');
    const page = await qa.get(`/qa/rounds/${id}/report`);
    expect(page.statusCode).toBe(200);
    const [counts] = await rows<{ sampled: number; eligible: number }>(
      sql`select (select count(*)::int from qa_audits where round_id = ${id}) as sampled, eligible_count as eligible
          from qa_rounds where id = ${id}`,
    );
    expect(page.body).toContain(`${counts!.sampled} of ${counts!.eligible} eligible cases sampled`);
    expect(page.body).toContain('Previous round: <a class="govuk-link"');
    expect(page.body).toContain('Same round last year: <a class="govuk-link"');
    expect(page.body).toContain('Spring case file audit (two years ago)');
    expect(page.body).toContain('Contingency planning');
    expect(page.body).toContain('The plan has no contingency');
    expect(page.body).toContain('<svg');
    // The demo's first thematic recommendation is an action in the plan, with its RAG.
    expect(page.body).toContain('Not rated');
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    expect((await manager.get(`/qa/rounds/${id}/report`)).statusCode).toBe(200);
    const worker = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await worker.get(`/qa/rounds/${id}/report`)).statusCode).toBe(403);
    expect((await qa.get('/qa/reports')).body).toContain('Multi-agency audit: exploitation');
  });

  it('exports the figures as CSV and a workbook, marked and audited', async () => {
    const id = await roundId('Spring case file audit (this year)');
    const csv = await qa.get(`/qa/rounds/${id}/report.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(String(csv.headers['content-disposition'])).toMatch(/filename="[A-Z].*_audit-round-report-/);
    expect(csv.body).toContain('Overall grades after moderation');
    expect(csv.body).not.toContain('The plan has no contingency');
    const xlsx = await qa.get(`/qa/rounds/${id}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [exports] = await rows<{ n: number }>(
      sql`select count(*)::int as n from access_audit where action = 'qa.round.report_export' and record_id = ${id}`,
    );
    expect(Number(exports!.n)).toBe(2);
  });

  it('gives committee reports a frozen summary with counts only', async () => {
    const id = await roundId('Spring case file audit (this year)');
    const summary = await publishableRoundSummary(
      ctx.oversight.database.db,
      ctx.org.organisationId,
      id,
      new Date('2026-11-16T09:00:00Z'),
    );
    expect(Object.isFrozen(summary)).toBe(true);
    expect(Object.isFrozen(summary.grades)).toBe(true);
    expect(summary.previous?.roundName).toBe('Autumn case file audit (last year)');
    const text = JSON.stringify(summary);
    expect(text).not.toContain('The plan has no contingency');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // Small numbers are suppressed.
    expect(summary.grades.some((g) => g.count === '[c]')).toBe(true);
    await expect(
      publishableRoundSummary(ctx.oversight.database.db, ctx.other.organisationId, id, new Date()),
    ).rejects.toThrow();
  });
});

describe('thematic recommendations', () => {
  it('are raised from a round, made a plan action once, and linked both ways', async () => {
    const id = await roundId('Spring case file audit (this year)');
    const [theme] = await rows<{ id: string }>(
      sql`select id from qa_themes where organisation_id = ${ctx.org.organisationId} and name = 'Direct work'`,
    );
    const bad = await qa.post(`/qa/rounds/${id}/thematic`, { text: '', themeIds: theme!.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the recommendation');
    const raised = await qa.post(`/qa/rounds/${id}/thematic`, {
      text: 'Direct work with every child is planned and recorded.',
      themeIds: theme!.id,
      'dueDate-day': '31',
      'dueDate-month': '3',
      'dueDate-year': '2027',
    });
    expect(raised.statusCode).toBe(302);
    const recId = String(raised.headers.location).split('/').pop()!;
    const detail = await qa.get(`/qa/thematic/${recId}`);
    expect(detail.body).toContain('Raised, not yet in a plan');
    const [target] = await rows<{ plan_id: string; id: string }>(
      sql`select plan_id, id from plan_priorities where organisation_id = ${ctx.org.organisationId} limit 1`,
    );
    expect((await qa.post(`/qa/thematic/${recId}/action`, { target: '', reference: '' })).statusCode).toBe(
      400,
    );
    const made = await qa.post(`/qa/thematic/${recId}/action`, {
      target: `${target!.plan_id}:${target!.id}`,
      reference: '',
    });
    expect(made.statusCode).toBe(302);
    const [linked] = await rows<{
      action_id: string;
      source_kind: string;
      source_detail: string;
      end_date: string;
    }>(
      sql`select t.action_id, a.source_kind, a.source_detail, a.end_date::text from qa_thematic_recommendations t
          join plan_actions a on a.id = t.action_id where t.id = ${recId}`,
    );
    expect(linked).toMatchObject({
      source_kind: 'case_audit',
      source_detail: 'Spring case file audit (this year), thematic recommendation',
      end_date: '2027-03-31',
    });
    expect((await qa.get(`/qa/thematic/${recId}`)).body).toContain(`/plans/actions/${linked!.action_id}`);
    expect((await qa.get(`/plans/actions/${linked!.action_id}`)).body).toContain(
      'Case audit (Spring case file audit (this year), thematic recommendation)',
    );
    const again = await qa.post(`/qa/thematic/${recId}/action`, {
      target: `${target!.plan_id}:${target!.id}`,
      reference: '',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already an action in a plan');
  });
});

describe('reassigning an audit', () => {
  it("moves the audit and the independent auditor's access to the child with it, audited", async () => {
    const [audit] = await rows<{ id: string; person_id: string }>(
      sql`select id, person_id from qa_audits where organisation_id = ${ctx.org.organisationId}
          and status = 'assigned' and auditor_id = ${ctx.org.userIds.independent_auditor} limit 1`,
    );
    expect((await auditor.get(`/children/${audit!.person_id}`)).statusCode).toBe(200);
    expect((await qa.get(`/qa/audits/${audit!.id}/reassign`)).statusCode).toBe(200);
    const none = await qa.post(`/qa/audits/${audit!.id}/reassign`, { auditorId: '' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select the auditor from the list');
    const moved = await qa.post(`/qa/audits/${audit!.id}/reassign`, {
      auditorId: ctx.org.userIds.qa_officer,
    });
    expect(moved.statusCode).toBe(302);
    expect((await auditor.get(`/qa/audits/${audit!.id}`)).statusCode).toBe(404);
    expect((await auditor.get(`/children/${audit!.person_id}`)).statusCode).toBe(404);
    const [event] = await rows<{ detail: string }>(
      sql`select detail from access_audit where action = 'qa.audit.reassign' and record_id = ${audit!.person_id}`,
    );
    expect(event!.detail).toContain(ctx.org.userIds.qa_officer);
    // And back: the independent auditor sees the child again, within the round.
    await qa.post(`/qa/audits/${audit!.id}/reassign`, { auditorId: ctx.org.userIds.independent_auditor });
    expect((await auditor.get(`/qa/audits/${audit!.id}`)).statusCode).toBe(200);
    const [closed] = await rows<{ id: string }>(
      sql`select id from qa_audits where organisation_id = ${ctx.org.organisationId} and status = 'closed' limit 1`,
    );
    expect((await qa.get(`/qa/audits/${closed!.id}/reassign`)).statusCode).toBe(404);
  });
});

describe('thematic sampling by team', () => {
  it('takes the open cases of the chosen team, each with why, and refuses a team not in the list', async () => {
    const [template] = await rows<{ template_id: string }>(
      sql`select template_id from qa_template_versions where organisation_id = ${ctx.org.organisationId} limit 1`,
    );
    const [team] = await rows<{ team_name: string }>(
      sql`select team_name from qa_audits where organisation_id = ${ctx.org.organisationId}
          and team_name is not null order by team_name limit 1`,
    );
    const form = {
      name: 'Thematic audit: one team',
      type: 'thematic',
      'startDate-day': '16',
      'startDate-month': '11',
      'startDate-year': '2026',
      'endDate-day': '31',
      'endDate-month': '12',
      'endDate-year': '2026',
      templateId: template!.template_id,
      auditorIds: ctx.org.userIds.qa_officer,
      rule: 'criteria',
    };
    const page = await qa.get('/qa/rounds/new');
    expect(page.body).toContain(`name="teamNames" type="checkbox" value="${team!.team_name}"`);
    const neither = await qa.post('/qa/rounds', form);
    expect(neither.statusCode).toBe(400);
    expect(neither.body).toContain(
      'Select at least one service level or team, or enter dates, for the criteria',
    );
    expect((await qa.post('/qa/rounds', { ...form, teamNames: 'No such team' })).body).toContain(
      'Select teams from the list',
    );
    const made = await qa.post('/qa/rounds', { ...form, teamNames: team!.team_name });
    expect(made.statusCode).toBe(302);
    const id = String(made.headers.location).split('/').pop()!;
    const audits = await rows<{ team_name: string; reason: string }>(
      sql`select team_name, reason from qa_audits where round_id = ${id}`,
    );
    expect(audits.length).toBeGreaterThan(0);
    expect(new Set(audits.map((a) => a.team_name))).toEqual(new Set([team!.team_name]));
    expect(audits[0]!.reason).toBe(`Meets the round's criteria: ${team!.team_name}`);
  });
});

describe('evidence files for sign-off', () => {
  it('the owner uploads a file within the limits, and the meeting may then sign the recommendation off', async () => {
    const [rec] = await rows<{ id: string }>(
      sql`select id from qa_recommendations where organisation_id = ${ctx.org.organisationId}
          and status = 'open' and evidence is null and rationale is null limit 1`,
    );
    const owner = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const meeting = {
      'date-day': '16',
      'date-month': '11',
      'date-year': '2026',
      chair: 'Assistant director',
      attendees: 'QA officer; team managers',
      [`decision-${rec!.id}`]: 'sign_off',
    };
    expect((await leader.post('/qa/follow-up', meeting)).statusCode).toBe(400);
    const upload = (filename: string, data: Buffer) => {
      const m = multipart(
        { _csrf: owner.csrf() },
        { field: 'evidenceFile', filename, contentType: 'application/octet-stream', data },
      );
      return owner.send('POST', `/qa/recommendations/${rec!.id}/evidence`, m.body, {
        'content-type': m.contentType,
      });
    };
    const wrong = await upload('run.exe', Buffer.from('MZ'));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The evidence file must be a pdf');
    expect((await upload('chronology.txt', Buffer.from('Chronology completed 1 November.'))).statusCode).toBe(
      302,
    );
    const page = await owner.get(`/qa/recommendations/${rec!.id}`);
    expect(page.body).toContain('chronology.txt');
    const [file] = await rows<{ id: string }>(
      sql`select id from qa_recommendation_evidence where recommendation_id = ${rec!.id}`,
    );
    const download = await owner.get(`/qa/recommendations/evidence/${file!.id}`);
    expect(download.body).toBe('Chronology completed 1 November.');
    const other = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    expect((await other.get(`/qa/recommendations/evidence/${file!.id}`)).statusCode).toBe(404);
    expect((await leader.post('/qa/follow-up', meeting)).statusCode).toBe(302);
    const [signed] = await rows<{ status: string }>(
      sql`select status from qa_recommendations where id = ${rec!.id}`,
    );
    expect(signed!.status).toBe('signed_off');
  });
});
