/**
 * The dashboards after an SSD import of the crafted extract in ./fixtures.ts
 * (timescalesExtract), whose tasks are worked out by hand here. Today is
 * Monday 16 November 2026.
 *
 * Children in Care Team; Priya Ashdown (W1, has an account) and Noor Fairley (W2, none).
 *
 * P1 (W1): referral 1 Oct 2026, no assessment yet.
 *   assessment: 45 working days -> Thu 3 Dec 2026; 13 working days away (amber is 10) -> not yet due.
 * P2 (W1): referral 5 Jan 2026, assessment authorised 20 Feb (due 9 Mar) -> done.
 *   CP plan from Wed 1 Jul 2026, no review yet: review conference due 1 Oct -> overdue 46 days.
 *   CP visits (every 10 working days): due 15 Jul, done 10 Jul -> done;
 *   due 24 Jul, done 20 Oct -> done late; due Tue 3 Nov, not done -> overdue 13 days.
 * P3 (W2): referral and care from Mon 26 Oct 2026, placement from 26 Oct, visited Fri 30 Oct.
 *   assessment: 45 working days skipping Christmas Day and the Boxing Day substitute -> Wed 30 Dec -> not yet due.
 *   looked-after review: 20 working days -> Mon 23 Nov; 5 working days away (amber 10) -> due soon.
 *   initial health assessment: 20 working days -> 23 Nov (amber 5) -> due soon.
 *   personal education plan: 10 working days -> Mon 9 Nov -> overdue.
 *   regulation 28 visit: due 2 Nov, done 30 Oct -> done; next 6 weeks later, Fri 11 Dec -> not yet due.
 *
 * Open tasks: W1 overdue 2, not yet due 1; W2 overdue 1, due soon 2, not yet due 2.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';
import { extractFiles } from '../cases/fixtures';
import { importSettled, startSsdImport } from '../cases/service';
import { countedFromTasks, storedFigures } from './figures-repository';
import { timescalesExtract } from './fixtures';
import { countTasks, listTasks, sendDailyPrompts } from './service';

let ctx: TestContext;
const dashboardRow = (html: string, label: string) => {
  const row = html
    .split('<tr class="govuk-table__row">')
    .find((r) => r.includes(`>${label}</th>`) || r.includes(`>${label}</a></th>`));
  return row ? [...row.matchAll(/data-sort-value="(\d+)"/g)].map((m) => Number(m[1])) : undefined;
};

beforeAll(async () => {
  ctx = await startTestApp();
  await importExtract();
});

/** Import the crafted extract as the demo administrator and wait for the recomputation it triggers. */
async function importExtract(): Promise<void> {
  const db = ctx.oversight.database.db;
  const actor = {
    userId: ctx.org.userIds.administrator,
    organisationId: ctx.org.organisationId,
    organisationName: ctx.org.organisationName,
    name: 'Admin',
    email: 'admin@oakhaven.example',
    role: 'administrator' as const,
    teamId: null,
    permissions: new Set<string>(),
  };
  const id = await startSsdImport(
    db,
    actor,
    { files: extractFiles(timescalesExtract()), mode: 'full', concurrentProgress: false, clock: ctx.clock },
    {
      organisationId: ctx.org.organisationId,
      userId: actor.userId,
      ip: null,
      userAgent: null,
      requestId: null,
      at: ctx.clock.now(),
    },
  );
  const outcome = await importSettled(id);
  expect(outcome?.status, JSON.stringify(outcome?.errors?.slice(0, 3))).toBe('applied');
  await ctx.app.deps.background.idle();
}
afterAll(async () => ctx.close());

/** The dashboards' stored figures are exactly what counting the tasks gives, and count something. */
async function expectFiguresMatchTasks(): Promise<void> {
  const db = ctx.oversight.database.db;
  const stored = await storedFigures(db, ctx.org.organisationId);
  expect(stored).toEqual(await countedFromTasks(db, ctx.org.organisationId));
  expect(stored.open.length).toBeGreaterThan(0);
  expect(stored.months.length).toBeGreaterThan(0);
}

describe('statutory timescale dashboards after an import', () => {
  it('computes the tasks worked out by hand', async () => {
    const rows = await rawRows<{
      rule_key: string;
      due: string;
      status: string;
      completed_on: string | null;
    }>(
      ctx.oversight.database.db,
      sql`select rule_key, due::text, status, completed_on::text from compliance_tasks order by rule_key, due`,
    );
    expect(rows.map((r) => `${r.rule_key} ${r.due} ${r.status}`)).toEqual([
      'assessment 2026-03-09 done',
      'assessment 2026-12-03 upcoming',
      'assessment 2026-12-30 upcoming',
      'cla-review 2026-11-23 due-soon',
      'cla-visit 2026-11-02 done',
      'cla-visit 2026-12-11 upcoming',
      'cp-visit 2026-07-15 done',
      'cp-visit 2026-07-24 done-late',
      'cp-visit 2026-11-03 overdue',
      'initial-health 2026-11-23 due-soon',
      'pep 2026-11-09 overdue',
      'review-conference 2026-10-01 overdue',
    ]);
  });

  it("shows a practitioner their own tasks, overdue first, and nobody else's", async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const page = await priya.get('/tasks');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/>2<\/span> overdue/);
    expect(page.body).toMatch(/>0<\/span> due soon/);
    expect(page.body).toMatch(/>1<\/span> not yet due/);
    // Each headline figure opens the task list filtered to exactly those tasks.
    const overdue =
      /href="(\/timescales\/tasks\?mine=1&amp;status=overdue)"><span[^>]*>2<\/span> overdue/.exec(page.body);
    expect(overdue).not.toBeNull();
    expect((await priya.get(overdue![1]!.replaceAll('&amp;', '&'))).body).toContain('2 tasks match');
    const later = /href="(\/timescales\/tasks\?mine=1&amp;status=upcoming)"/.exec(page.body);
    expect((await priya.get(later![1]!.replaceAll('&amp;', '&'))).body).toContain('1 task matches');
    expect(page.body).toContain('Kit Mallory');
    expect(page.body).toContain('Rowan Ashgrove');
    expect(page.body).not.toContain('Dawit Haile');
    expect(page.body.indexOf('Review child protection conference')).toBeLessThan(
      page.body.indexOf('Child and family assessment'),
    );
  });

  it('pages the task list: every page is the next slice of one ordering, whatever statuses it spans', async () => {
    const db = ctx.oversight.database.db;
    const filter = {
      organisationId: ctx.org.organisationId,
      statuses: ['overdue', 'due-soon', 'upcoming', 'done', 'done-late'],
    };
    const all = await listTasks(db, filter, 1000);
    expect(all.length).toBeGreaterThan(5);
    const counted = await countTasks(db, filter, ['status']);
    const sizes = new Map(counted.map((r) => [r.status ?? '', r.n]));
    for (const size of [1, 2, 3]) {
      const paged = [];
      for (let offset = 0; offset < all.length; offset += size)
        paged.push(...(await listTasks(db, filter, size, offset, sizes)));
      expect(paged.map((t) => t.id)).toEqual(all.map((t) => t.id));
      // Without the counts, the same pages by skipping rows.
      expect((await listTasks(db, filter, size, size)).map((t) => t.id)).toEqual(
        all.slice(size, 2 * size).map((t) => t.id),
      );
    }
    // A page past the end of the list shows its last page, with the filters kept.
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const page = await manager.get('/timescales/tasks?status=overdue&page=40');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('3 tasks match');
    expect(page.body).toContain('Review child protection conference');
    expect((await manager.get('/timescales/tasks?status=overdue&page=nonsense')).statusCode).toBe(200);
  });

  it('gives the team manager counts by worker and task type that add up, each linked to its list', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const page = await manager.get('/timescales/team');
    expect(page.statusCode).toBe(200);
    // Overdue, due soon, not yet due, total.
    expect(dashboardRow(page.body, 'Priya Ashdown')).toEqual([2, 0, 1, 3]);
    expect(dashboardRow(page.body, 'Noor Fairley')).toEqual([1, 2, 2, 5]);
    expect(dashboardRow(page.body, 'Assessment')).toEqual([0, 0, 2, 2]);
    expect(dashboardRow(page.body, 'Visit')).toEqual([1, 0, 1, 2]);
    const list = await manager.get(
      `/timescales/tasks?team=${ctx.org.teamIds['children-in-care']}&status=overdue`,
    );
    expect(list.body).toContain('3 tasks match');
    const noor = await manager.get(
      `/timescales/tasks?team=${ctx.org.teamIds['children-in-care']}&status=due-soon`,
    );
    expect(noor.body).toContain('2 tasks match');
    expect(noor.body).toContain('Looked-after review');
  });

  it('exports the list behind a count as CSV with the same rows', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const csv = await manager.get(
      `/timescales/tasks.csv?team=${ctx.org.teamIds['children-in-care']}&status=overdue`,
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Child,Child id,Task,Due,Status,Days late,Done on,Worker,Team,Rule');
    expect(lines).toHaveLength(4);
    expect(csv.body).toContain('Personal education plan,2026-11-09,Overdue,7');
  });

  it('keeps a team manager to their own team and a practitioner off the team view', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    expect((await manager.get(`/timescales/team?team=${ctx.org.teamIds.assessment}`)).statusCode).toBe(403);
    expect((await manager.get(`/timescales/tasks?team=${ctx.org.teamIds.assessment}`)).statusCode).toBe(403);
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get('/timescales/team')).statusCode).toBe(403);
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    for (const url of [
      '/tasks',
      '/timescales',
      '/timescales/team',
      '/timescales/tasks',
      '/timescales/tasks.csv',
    ]) {
      expect((await member.get(url)).statusCode, url).toBe(403);
    }
  });

  it('shows the service view by team and service level, with the on-time trend as a table', async () => {
    const sm = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const page = await sm.get('/timescales');
    expect(page.statusCode).toBe(200);
    expect(dashboardRow(page.body, 'Children in Care Team')).toEqual([3, 2, 3, 8]);
    expect(dashboardRow(page.body, 'Looked after')).toEqual([1, 2, 1, 4]);
    // July: one visit on time, one late. November so far: one visit on time, one visit and the PEP overdue.
    expect(page.body).toMatch(/July 2026<\/th>\s*<td[^>]*>2<\/td>\s*<td[^>]*>1<\/td>\s*<td[^>]*>50%<\/td>/);
    expect(page.body).toMatch(
      /November 2026<\/th>\s*<td[^>]*>3<\/td>\s*<td[^>]*>1<\/td>\s*<td[^>]*>33.3%<\/td>/,
    );
    // The same figures drawn exactly, as one named image with the summary as its description.
    const chart = page.body.match(/<svg [^>]*role="img"[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(chart).toContain('Statutory tasks done on time, by the month they fell due');
    expect(chart).toContain('>50%</text>');
    expect(chart).toContain('>33.3%</text>');
    expect(chart).toContain('>Nothing due</text>');
    expect(chart).toContain('>Done on time (%)</text>');
    // Every count opens the list behind it, for the service manager too.
    const link = page.body.match(
      /href="(\/timescales\/tasks\?serviceLevel=looked_after&amp;status=overdue)"/,
    )?.[1];
    expect(link).toBeTruthy();
    const list = await sm.get(link!.replaceAll('&amp;', '&'));
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('1 task matches');
    expect((await sm.get('/timescales/tasks.csv?status=overdue')).statusCode).toBe(200);
    // The team's name opens the team's dashboard; the totals open the whole list by status.
    const team = /href="(\/timescales\/team\?team=[0-9a-f-]{36})">Children in Care Team<\/a>/.exec(page.body);
    expect(team).not.toBeNull();
    const teamPage = await sm.get(team![1]!);
    expect(teamPage.statusCode).toBe(200);
    expect(dashboardRow(teamPage.body, 'Noor Fairley')).toEqual([1, 2, 2, 5]);
    const total = /href="(\/timescales\/tasks\?team=&amp;status=overdue)">3</.exec(page.body);
    expect(total).not.toBeNull();
    expect((await sm.get(total![1]!.replaceAll('&amp;', '&'))).body).toContain('3 tasks match');
  });

  it('stores the figures the dashboards read, the same as counting the tasks after the import', async () => {
    await expectFiguresMatchTasks();
    const stored = await storedFigures(ctx.oversight.database.db, ctx.org.organisationId);
    const n = (status: string) =>
      stored.open.filter((r) => r.status === status).reduce((t, r) => t + Number(r.n), 0);
    // Worked out by hand above: overdue 2 + 1, due soon 2, not yet due 1 + 2.
    expect([n('overdue'), n('due-soon'), n('upcoming')]).toEqual([3, 2, 3]);
  });

  it('moves statuses on as the days pass when recomputed', async () => {
    ctx.clock.set('2026-11-24T09:00:00Z');
    const { refreshTasks } = await import('./service');
    await refreshTasks(ctx.oversight.database.db, ctx.org.organisationId, 'all', ctx.clock);
    // The stored figures move with them: the due-soon review and health assessment are now overdue.
    await expectFiguresMatchTasks();
    const moved = await storedFigures(ctx.oversight.database.db, ctx.org.organisationId);
    const overdue = moved.open.filter((r) => r.status === 'overdue').reduce((t, r) => t + Number(r.n), 0);
    expect(overdue).toBe(5);
    const rows = await rawRows<{ rule_key: string; status: string }>(
      ctx.oversight.database.db,
      sql`select rule_key, status from compliance_tasks where rule_key in ('cla-review', 'initial-health')`,
    );
    expect(rows.map((r) => r.status)).toEqual(['overdue', 'overdue']);
    ctx.clock.set('2026-11-16T09:00:00Z');
    await refreshTasks(ctx.oversight.database.db, ctx.org.organisationId, 'all', ctx.clock);
  });

  it('recomputes everyone a batch of children at a time to the same tasks and figures, dropping the tasks of a child no longer open', async () => {
    const db = ctx.oversight.database.db;
    const org = ctx.org.organisationId;
    const tasks = () =>
      rawRows<{ person_id: string; rule_key: string; occurrence: number; status: string }>(
        db,
        sql`select person_id, rule_key, occurrence, status from compliance_tasks
            where organisation_id = ${org} order by person_id, rule_key, occurrence, episode_id`,
      );
    const before = await tasks();
    const [closed] = await rawRows<{ id: string }>(
      db,
      sql`insert into case_people (organisation_id, source_id, row_hash) values (${org}, 'P-CLOSED', 'h') returning id`,
    );
    // An earlier computation's task of a child whose case has closed since.
    await db.execute(
      sql`update compliance_tasks set person_id = ${closed!.id}
          where id = (select id from compliance_tasks where organisation_id = ${org} order by id limit 1)`,
    );
    const { refreshTasks } = await import('./service');
    const result = await refreshTasks(db, org, 'all', ctx.clock, 1);
    expect(result.tasks).toBe(before.length);
    expect(await tasks()).toEqual(before);
    await expectFiguresMatchTasks();
  });

  it('sends each worker with an account, each team manager and each service manager one digest a working day, naming no child', async () => {
    const db = ctx.oversight.database.db;
    const deps = { mailer: ctx.oversight.mailer, publicUrl: 'https://oversight.example' };
    const day = { today: '2026-11-16', holidays: new Set<string>(), at: ctx.clock.now() };
    const first = await sendDailyPrompts(db, deps, ctx.org.organisationId, day);
    expect(first).toEqual({ workers: 1, managers: 1, escalations: 1 });
    const again = await sendDailyPrompts(db, deps, ctx.org.organisationId, day);
    expect(again).toEqual({ workers: 0, managers: 0, escalations: 0 });
    const weekend = await sendDailyPrompts(db, deps, ctx.org.organisationId, { ...day, today: '2026-11-21' });
    expect(weekend.skipped).toBe('not a working day');
    const mail = await rawRows<{ to_address: string; subject: string; body: string }>(
      db,
      sql`select to_address, subject, body from mail_messages order by to_address`,
    );
    const toPriya = mail.find((m) => m.to_address === 'practitioner@oakhaven.example');
    expect(toPriya?.subject).toBe('Oversight: 2 overdue and 0 due soon in your statutory tasks');
    expect(toPriya?.body).toContain('https://oversight.example/tasks');
    for (const m of mail) {
      for (const name of ['Kit', 'Mallory', 'Rowan', 'Ashgrove', 'Dawit', 'Haile']) {
        expect(m.subject).not.toContain(name);
        expect(m.body).not.toContain(name);
      }
    }
    const escalation = mail.find((m) => m.to_address === 'service.manager@oakhaven.example');
    // Overdue by more than 10 working days: the review conference (1 Oct) only; the visit (3 Nov) is 9 working days.
    expect(escalation?.subject).toBe('Oversight: 1 statutory tasks overdue by more than 10 working days');
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get('/account/messages')).body).toContain('in your statutory tasks');
  });
});

describe('recording a visit through the form', () => {
  it('turns the overdue visit done at once, from My tasks back to My tasks', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const before = await priya.get('/tasks');
    const href = before.body.match(
      /href="(\/children\/[^"]+\/visits\/new\?kind=child_protection&amp;back=\/tasks)"/,
    )?.[1];
    expect(href).toBeTruthy();
    const url = href!.replaceAll('&amp;', '&');
    const form = await priya.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Child protection visit');
    // One open plan: the kind of visit is stated, not asked with a one-option radio group.
    expect(form.body).toContain('<input type="hidden" name="kind" value="child_protection">');
    expect(form.body).not.toContain('What kind of visit was it?');
    const personPath = url.split('/visits/')[0];
    const post = (fields: Record<string, string>) => priya.post(`${personPath}/visits?back=/tasks`, fields);

    // A return address from input never leaves the service: the Back link and the redirect fall back.
    for (const evil of ['//evil.example/phish', '/\\evil.example', 'https://evil.example']) {
      const page = await priya.get(`${personPath}/visits/new?back=${encodeURIComponent(evil)}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('evil.example');
      expect(page.body).toContain(`href="${personPath}"`);
    }
    const evilPost = await priya.post(
      `${personPath}/visits?back=${encodeURIComponent('//evil.example')}`,
      {},
    );
    expect(evilPost.body).not.toContain('evil.example');

    const empty = await post({});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the date of the visit');
    expect(empty.body).toContain('Select whether the child was seen, and if so whether they were seen alone');
    // One question with three answers: "seen alone" is never asked about a child who was not seen.
    expect(form.body).toContain('Yes, and seen alone');
    expect(form.body).toContain('No, the child was not seen');
    expect(form.body).not.toContain('name="seenAlone"');
    const notSeen = await post({ kind: 'child_protection', seen: 'no' });
    expect(notSeen.statusCode).toBe(400);
    expect(notSeen.body).toContain('Enter the date of the visit');
    expect(notSeen.body).not.toContain('Select whether the child was seen');
    const future = await post({
      kind: 'child_protection',
      'date-day': '20',
      'date-month': '11',
      'date-year': '2026',
      seen: 'with-others',
    });
    expect(future.body).toContain('must be today or in the past');

    const done = await post({
      kind: 'child_protection',
      'date-day': '16',
      'date-month': '11',
      'date-year': '2026',
      seen: 'alone',
    });
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/tasks');
    const after = await priya.get('/tasks');
    expect(after.body).toContain('Visit recorded');
    expect(after.body).toMatch(/>1<\/span> overdue/);
    const rows = await rawRows<{ due: string; status: string; completed_on: string | null }>(
      ctx.oversight.database.db,
      sql`select due::text, status, completed_on::text from compliance_tasks where rule_key = 'cp-visit' order by due`,
    );
    expect(rows.map((r) => `${r.due} ${r.status} ${r.completed_on ?? ''}`)).toEqual([
      '2026-07-15 done 2026-07-10',
      '2026-07-24 done-late 2026-10-20',
      '2026-11-03 done-late 2026-11-16',
      '2026-11-30 upcoming ',
    ]);
    // The child's old tasks left the stored figures and the new ones joined them.
    await expectFiguresMatchTasks();
  });

  it('keeps a visit recorded in Oversight when the next full extract arrives without it', async () => {
    await importExtract();
    const db = ctx.oversight.database.db;
    const rows = await rawRows<{ status: string }>(
      db,
      sql`select status from compliance_tasks where rule_key = 'cp-visit' and due = '2026-11-03'`,
    );
    expect(rows).toEqual([{ status: 'done-late' }]);
  });

  it('refuses a visit to a child the practitioner does not hold', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const [dawit] = await rawRows<{ id: string }>(
      ctx.oversight.database.db,
      sql`select id from case_people where source_id = 'P3'`,
    );
    expect((await priya.get(`/children/${dawit!.id}/visits/new`)).statusCode).toBe(404);
    const res = await priya.post(`/children/${dawit!.id}/visits`, {
      kind: 'looked_after',
      'date-day': '16',
      'date-month': '11',
      'date-year': '2026',
      seen: 'with-others',
    });
    expect(res.statusCode).toBe(404);
    const sm = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    expect((await sm.get(`/children/${dawit!.id}/visits/new`)).statusCode).toBe(403);
  });
});
