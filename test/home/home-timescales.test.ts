/**
 * The home page of each role on a hand-built data set (see
 * src/modules/compliance/fixtures.ts for the tasks worked out by hand). The
 * other organisation holds the same extract twice over, so any leak between
 * organisations would change every count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timescalesExtract } from '../../src/modules/compliance/fixtures';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { follow, headings, homeRows, importInto } from './helpers';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
  await importInto(ctx, ctx.org, timescalesExtract());
  await importInto(ctx, ctx.other, timescalesExtract());
});
afterAll(async () => ctx.close());

describe('home page: statutory timescales', () => {
  it('leads a practitioner with their own overdue and coming tasks, each linked to that list', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const page = await priya.get('/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('What needs your attention');
    const rows = homeRows(page.body);
    const overdue = rows.get('Overdue tasks for your children');
    expect(overdue?.count).toBe(2);
    expect(await follow(priya, overdue)).toContain('2 tasks match');
    // P1's assessment is due on 3 December: not within the next 7 days.
    const ahead = rows.get('Tasks due in the next 7 days');
    expect(ahead?.count).toBe(0);
    expect(ahead?.display).toBe('None');
    expect(await follow(priya, ahead)).toContain('0 tasks match');
    // Nothing about the team or the service: a practitioner cannot act on those.
    expect(headings(page.body)).not.toContain("Your team's statutory tasks");
    expect(headings(page.body)).not.toContain('Statutory timescales across the service');
    // The summary at the top names what needs action now (the overdue tasks), and not what is merely due.
    const start = page.body.indexOf('data-home-summary');
    const summary = page.body.slice(start, page.body.indexOf('</ul>', start));
    expect(summary).toContain('these need action now');
    expect(summary).toMatch(
      /Overdue tasks for your children: <a[^>]*href="\/timescales\/tasks\?mine=1&amp;status=overdue">2</,
    );
    expect(summary).not.toContain('Tasks due in the next 7 days');
  });

  it('counts tasks coming due within 7 days, and links to exactly them', async () => {
    // On 26 November, P1's assessment (due 3 December) is within 7 days for Priya.
    ctx.clock.set('2026-11-26T09:00:00Z');
    await ctx.oversight.dailyJobs
      .find((j) => j.name === 'compliance.recompute')!
      .run(ctx.org.organisationId, '2026-11-26');
    try {
      const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
      const ahead = homeRows((await priya.get('/')).body).get('Tasks due in the next 7 days');
      expect(ahead?.count).toBe(1);
      expect(ahead?.href).toContain(
        'from-day=26&from-month=11&from-year=2026&to-day=3&to-month=12&to-year=2026',
      );
      const list = await follow(priya, ahead);
      expect(list).toContain('1 task matches');
      expect(list).toContain('Rowan Ashgrove');
    } finally {
      ctx.clock.set('2026-11-16T09:00:00Z');
      await ctx.oversight.dailyJobs
        .find((j) => j.name === 'compliance.recompute')!
        .run(ctx.org.organisationId, '2026-11-16');
    }
  });

  it("gives a team manager the team's overdue tasks in total and by worker", async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const page = await manager.get('/');
    const rows = homeRows(page.body);
    expect(rows.get('Overdue tasks in your team')?.count).toBe(3);
    expect(await follow(manager, rows.get('Overdue tasks in your team'))).toContain('3 tasks match');
    expect(rows.get('Tasks due soon in your team')?.count).toBe(2);
    expect(await follow(manager, rows.get('Tasks due soon in your team'))).toContain('2 tasks match');
    expect(rows.get('Overdue: Priya Ashdown')?.count).toBe(2);
    expect(await follow(manager, rows.get('Overdue: Priya Ashdown'))).toContain('2 tasks match');
    expect(rows.get('Overdue: Noor Fairley')?.count).toBe(1);
    expect(await follow(manager, rows.get('Overdue: Noor Fairley'))).toContain('1 task matches');
    // The manager holds no caseload of their own, and does not see the whole service.
    expect(headings(page.body)).not.toContain('Your statutory tasks');
    expect(headings(page.body)).not.toContain('Statutory timescales across the service');
  });

  it("gives service managers and senior leaders the service's position and its trend", async () => {
    for (const role of ['service_manager', 'senior_leader', 'qa_officer']) {
      const person = await signedIn(ctx, emailOf(ctx.org, role));
      const page = await person.get('/');
      const rows = homeRows(page.body);
      const overdue = rows.get('Overdue statutory tasks across the service');
      expect(overdue?.count, role).toBe(3);
      expect(await follow(person, overdue)).toContain('3 tasks match');
      expect(rows.get('Statutory tasks due soon across the service')?.count, role).toBe(2);
      const trend = [...rows.values()].find((r) => r.text.endsWith('done on time'));
      expect(trend?.display, role).toMatch(/^\d+(\.\d)?%/);
      await follow(person, trend);
      expect(headings(page.body), role).not.toContain("Your team's statutory tasks");
    }
  });

  it('shows no timescale counts to roles that cannot act on them', async () => {
    for (const role of ['administrator', 'committee_clerk', 'committee_member', 'independent_auditor']) {
      const person = await signedIn(ctx, emailOf(ctx.org, role));
      const page = await person.get('/');
      expect(page.statusCode).toBe(200);
      expect(page.body, role).not.toContain('statutory tasks');
      expect(page.body, role).not.toContain('data-home-item="/timescales');
    }
  });
});
