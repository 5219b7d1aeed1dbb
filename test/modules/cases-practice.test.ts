/**
 * The practice half of the case register through HTTP: finding children
 * within scope, the child's page and its audit, the chronology and its
 * notes, the child's views and management oversight (supervision is in
 * cases-supervision.test.ts). The set-up is in cases-practice-fixture.ts.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voiceIndicator } from '../../src/modules/cases/practice-service';
import { allocatedChildren, allocatedCount } from '../../src/modules/cases/repository';
import { grantCaseAccess } from '../../src/modules/cases/service';
import { rawRows } from '../../src/platform/db/client';
import { emailOf, signedIn, type TestContext } from '../helpers/app';
import { dateFields } from '../helpers/forms';
import { auditRows as practiceAuditRows, startPracticeApp } from './cases-practice-fixture';

let ctx: TestContext;
let ids: Record<string, string>;
let otherChild: string;

beforeAll(async () => {
  ({ ctx, ids, otherChild } = await startPracticeApp());
});
afterAll(async () => ctx.close());

const as = (role: string) => signedIn(ctx, emailOf(ctx.org, role));
const auditRows = (action: string, recordId?: string) => practiceAuditRows(ctx, action, recordId);
const date = dateFields;

describe('finding children within scope', () => {
  it('shows a practitioner only their own cases, in "my cases" and in search', async () => {
    const a = await as('practitioner');
    const mine = await a.get('/children/mine');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Amara Testwell');
    expect(mine.body).not.toContain('Jonah Quillby');
    const search = await a.get('/children?q=quillby');
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('0 children found');
    const own = await a.get('/children?q=testwell');
    expect(own.body).toContain('1 child found');
    expect(own.body).toContain(`/children/${ids.P1}`);
  });

  it('finds a child by NHS number, ID and date of birth', async () => {
    const a = await as('service_manager');
    expect((await a.get('/children?q=943+476+5919')).body).toContain('Amara Testwell');
    expect((await a.get('/children?q=P3')).body).toContain('Lior Penhallow');
    const byDob = await a.get(`/children?${new URLSearchParams(date('dob', '2016-11-02'))}`);
    expect(byDob.body).toContain('Jonah Quillby');
    expect(byDob.body).not.toContain('Amara Testwell');
    const bad = await a.get('/children?dob-day=31&dob-month=2&dob-year=2016');
    expect(bad.body).toContain('Date of birth must be a real date');
  });

  it("shows a team manager their team's children and not another team's", async () => {
    const a = await as('team_manager');
    const team = await a.get('/children/team');
    expect(team.statusCode).toBe(200);
    expect(team.body).toContain('Amara Testwell');
    expect(team.body).toContain('Jonah Quillby');
    expect(team.body).not.toContain('Lior Penhallow');
    // Paged: each page is the next slice of one order, the total is said, a page past the end is the last.
    const db = ctx.oversight.database.db;
    const [manager] = await rawRows<{ team_id: string }>(
      db,
      sql`select team_id from users where id = ${ctx.org.userIds.team_manager}`,
    );
    const teamId = manager!.team_id;
    const scope = { kind: 'team' as const, teamId };
    const org = ctx.org.organisationId;
    const today = '2026-11-16';
    const whole = { rows: await allocatedChildren(db, org, scope, today) };
    const total = await allocatedCount(db, org, scope, today);
    expect(total).toBe(whole.rows.length);
    expect(total).toBeGreaterThan(1);
    const pages = [];
    for (let offset = 0; offset < total; offset++)
      pages.push(...(await allocatedChildren(db, org, scope, today, { limit: 1, offset })));
    expect(pages.map((r) => r.id)).toEqual(whole.rows.map((r) => r.id));
    expect((await a.get('/children/team?page=99')).body).toContain(
      `The ${total} children allocated to your team`,
    );
    expect((await a.get(`/children/${ids.P3}`)).statusCode).toBe(404);
    expect((await a.get(`/children/${ids.P2}`)).statusCode).toBe(200);
  });

  it('shows an independent auditor only the children assigned to them', async () => {
    const a = await as('independent_auditor');
    expect((await a.get(`/children/${ids.P3}`)).statusCode).toBe(404);
    await grantCaseAccess(
      ctx.oversight.database.db,
      {
        organisationId: ctx.org.organisationId,
        userId: ctx.org.userIds.administrator,
        ip: null,
        userAgent: 'test',
        requestId: null,
        at: ctx.clock.now(),
      },
      {
        personId: ids.P3!,
        userId: ctx.org.userIds.independent_auditor,
        reason: 'Audit round',
        expiresAt: null,
      },
    );
    expect((await a.get(`/children/${ids.P3}`)).statusCode).toBe(200);
    expect((await a.get(`/children/${ids.P3}/chronology`)).statusCode).toBe(200);
    expect((await a.get('/children?q=testwell')).body).toContain('0 children found');
    // An auditor reads; recording the child's views or oversight is not theirs to do.
    expect((await a.get(`/children/${ids.P3}/voice`)).statusCode).toBe(403);
  });

  it('refuses committee members, clerks and administrators every child page (403)', async () => {
    for (const role of ['committee_member', 'committee_clerk', 'administrator']) {
      const a = await as(role);
      for (const url of [
        '/children',
        '/children/mine',
        `/children/${ids.P1}`,
        `/children/${ids.P1}/chronology`,
      ]) {
        expect((await a.get(url)).statusCode, `${role} ${url}`).toBe(403);
      }
    }
  });

  it('answers 404 for a child of another organisation, even to organisation-wide roles', async () => {
    const a = await as('senior_leader');
    expect((await a.get(`/children/${otherChild}`)).statusCode).toBe(404);
    expect((await a.get(`/children/${otherChild}/chronology`)).statusCode).toBe(404);
    const post = await a.post(`/children/${otherChild}/oversight`, {
      ...date('decidedOn', '2026-11-16'),
      decision: 'x',
      reasons: 'y',
    });
    expect(post.statusCode).toBe(404);
  });

  it('answers 404 for a child of the same organisation out of scope (not 403), so scope does not reveal who exists', async () => {
    const a = await as('practitioner');
    expect((await a.get(`/children/${ids.P2}`)).statusCode).toBe(404);
    const post = await a.post(`/children/${ids.P2}/voice`, {
      ...date('recordedOn', '2026-11-16'),
      words: 'I want to go home',
      captureMethod: 'direct',
      capturedBy: 'me',
      changedSomething: 'no',
    });
    expect(post.statusCode).toBe(404);
  });
});

describe("the child's page", () => {
  it('shows the summary, plans and episodes, and writes an access-audit event for every view', async () => {
    const a = await as('team_manager');
    const before = (await auditRows('child.view', ids.P2)).length;
    const page = await a.get(`/children/${ids.P2}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Jonah Quillby');
    expect(page.body).toContain('Child protection');
    expect(page.body).toContain('Neglect');
    expect(page.body).toContain('Noor Fairley');
    expect(page.body).toContain('Children in Care Team');
    expect(page.body).toContain('Child protection plans');
    // The compliance module's section, through the record panels.
    expect(page.body).toContain('id="statutory-tasks-heading"');
    expect(page.body).toContain("Jonah's views, in their own words");
    expect(page.body).toContain('holds 1 voice-of-the-child record');
    expect(page.body).toContain('/chronology');
    await a.get(`/children/${ids.P2}`);
    const after = await auditRows('child.view', ids.P2);
    expect(after.length).toBe(before + 2);
  });

  it("shows a looked-after child's legal status and the UASC flag", async () => {
    const a = await as('service_manager');
    const page = await a.get(`/children/${ids.P3}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('UASC');
    expect(page.body).toMatch(/Legal status[\s\S]*?since/);
  });

  it('offers recording oversight to managers only', async () => {
    const manager = await as('team_manager');
    expect((await manager.get(`/children/${ids.P1}`)).body).toContain('Record management oversight');
    const practitioner = await as('practitioner');
    const page = await practitioner.get(`/children/${ids.P1}`);
    expect(page.body).not.toContain('Record management oversight');
    expect(page.body).toMatch(/Record Amara(&#39;|')s views/);
    expect((await practitioner.get(`/children/${ids.P1}/oversight`)).statusCode).toBe(403);
  });
});

describe('the chronology', () => {
  it('lists events oldest first when asked, with the MoJ timeline, and filters by type and date range', async () => {
    const a = await as('team_manager');
    const all = await a.get(`/children/${ids.P2}/chronology?order=oldest`);
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('moj-timeline');
    const order = [
      'Referral received',
      'Strategy discussion',
      'Initial child protection conference',
      'Child protection visit',
    ];
    const positions = order.map((t) => all.body.indexOf(t));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    const visits = await a.get(
      `/children/${ids.P2}/chronology?category=child+protection&${new URLSearchParams({ ...date('from', '2026-07-01'), ...date('to', '2026-07-31') })}`,
    );
    expect(visits.body).toContain('Child protection visit');
    expect(visits.body).not.toContain('Referral received');
    expect(visits.body).toContain('2 events match the filters');
    const backwards = await a.get(
      `/children/${ids.P2}/chronology?${new URLSearchParams({ ...date('from', '2026-08-01'), ...date('to', '2026-07-01') })}`,
    );
    expect(backwards.body).toContain('The date to show events to must be the same as or after');
    expect((await auditRows('child.chronology', ids.P2)).length).toBeGreaterThan(0);
  });

  it('keeps what an event meant for the child, with its history, and shows it prominently', async () => {
    const a = await as('practitioner');
    const page = await a.get(`/children/${ids.P1}/chronology`);
    expect(page.body).toContain('0 of');
    const link = page.body.match(/href="(\/children\/[^"]+\/chronology\/note\?table=ssd_cla_visits[^"]+)"/);
    expect(link).not.toBeNull();
    const url = link![1]!.replace(/&amp;/g, '&');
    const form = await a.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('What did this mean for Amara?');
    const key = Object.fromEntries(new URL(url, 'http://x').searchParams);
    const empty = await a.post(`/children/${ids.P1}/chronology/note`, { ...key, significance: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter what this event meant for the child');
    const first = await a.post(`/children/${ids.P1}/chronology/note`, {
      ...key,
      significance: 'Amara saw her new bedroom and chose the colour for the walls.',
    });
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toMatch(/#event-ssd_cla_visits-CV1-2026-09-01$/);
    ctx.clock.advanceMinutes(5);
    await a.post(`/children/${ids.P1}/chronology/note`, {
      ...key,
      significance: 'Amara felt at home for the first time: she chose the colour for her bedroom walls.',
    });
    const after = await a.get(`/children/${ids.P1}/chronology`);
    expect(after.body).toContain('1 of');
    expect(after.body).toContain('What it meant for Amara');
    expect(after.body).toContain('Amara felt at home for the first time');
    expect(after.body).toContain('Earlier versions of this note (1)');
    expect(after.body).toContain('Amara saw her new bedroom');
  });

  it('refuses a note on an event the child does not have', async () => {
    const a = await as('practitioner');
    const res = await a.post(`/children/${ids.P1}/chronology/note`, {
      table: 'ssd_cp_visits',
      source: 'V1',
      date: '2026-07-03',
      significance: 'Not this child',
    });
    expect(res.statusCode).toBe(404);
  });

  it('keeps notes append-only in the database', async () => {
    const db = ctx.oversight.database.db;
    await expect(
      db.execute(sql`update case_chronology_notes set significance = 'changed'`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from case_chronology_notes`)).rejects.toThrow();
  });
});

describe("the child's views", () => {
  it('explains each missing or wrong answer in words a person can act on', async () => {
    const a = await as('practitioner');
    const form = await a.get(`/children/${ids.P1}/voice`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Not your interpretation in the third person');
    const res = await a.post(`/children/${ids.P1}/voice`, {
      'recordedOn-day': '31',
      'recordedOn-month': '2',
      'recordedOn-year': '2026',
      capturedBy: 'other',
      changedSomething: 'yes',
    });
    expect(res.statusCode).toBe(400);
    for (const message of [
      'The date the child&#39;s views were captured must be a real date',
      'Enter what the child said or showed, in their own words',
      'Select how the child&#39;s views were captured',
      'Enter the name and role of the person who captured the child&#39;s views',
      'Enter what changed because of the child&#39;s views',
    ]) {
      expect(res.body).toContain(message);
    }
    const future = await a.post(`/children/${ids.P1}/voice`, {
      ...date('recordedOn', '2026-11-17'),
      words: 'I like my school',
      captureMethod: 'direct',
      capturedBy: 'me',
      changedSomething: 'no',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('must be today or in the past');
  });

  it("records the child's own words, linked to the plan they changed, and shows them in their own section", async () => {
    const a = await as('practitioner');
    const res = await a.post(`/children/${ids.P1}/voice`, {
      ...date('recordedOn', '2026-11-10'),
      words: 'I want to see my brother more. Saturdays are best.',
      captureMethod: 'direct',
      capturedBy: 'me',
      changedSomething: 'yes',
      whatChanged: 'Contact with her brother moved to every Saturday.',
      linked: 'ssd_cla_episodes:E2',
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/children/${ids.P1}#voice`);
    const page = await a.get(`/children/${ids.P1}`);
    const section = page.body.slice(page.body.indexOf('id="voice"'), page.body.indexOf('id="oversight"'));
    expect(section).toContain('I want to see my brother more. Saturdays are best.');
    expect(section).toContain('Direct conversation with the child');
    expect(section).toContain('Priya Ashdown');
    expect(section).toContain('Contact with her brother moved to every Saturday.');
    expect(section).toContain('Looked-after episode from 2025-01-10');
    expect((await auditRows('child.voice.record', ids.P1)).length).toBe(1);
    const chronology = await a.get(`/children/${ids.P1}/chronology?category=child%27s+views`);
    expect(chronology.body).toContain('I want to see my brother more.');
    const db = ctx.oversight.database.db;
    await expect(db.execute(sql`update case_voice_records set words = 'changed'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from case_voice_records`)).rejects.toThrow();
  });

  it("refuses a link to another child's plan", async () => {
    const a = await as('team_manager');
    const res = await a.post(`/children/${ids.P1}/voice`, {
      ...date('recordedOn', '2026-11-10'),
      words: 'Hello',
      captureMethod: 'app',
      capturedBy: 'other',
      capturedByName: 'Sam Reed, advocate',
      changedSomething: 'yes',
      whatChanged: 'Something',
      linked: 'ssd_cp_plans:CP1',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Select one of the child&#39;s plans or episodes');
  });

  it('counts open cases with views in the last three months, by team and worker, and SSD voice flags apart', async () => {
    const db = ctx.oversight.database.db;
    const indicator = await voiceIndicator(db, ctx.org.organisationId, '2026-11-16');
    // Open cases: P1, P2, P3 (P4's referral closed). Only P1 has views recorded.
    expect(indicator).toMatchObject({ openCases: 3, withViews: 1, percent: 33, ssdVoice: 1 });
    const team = indicator.byTeam.find((g) => g.name === 'Children in Care Team');
    expect(team).toMatchObject({ openCases: 2, withViews: 1, percent: 50, ssdVoice: 1 });
    expect(indicator.byWorker.find((g) => g.name === 'Priya Ashdown')).toMatchObject({
      openCases: 1,
      withViews: 1,
    });
    // Three months and a day later the views no longer count.
    const later = await voiceIndicator(db, ctx.org.organisationId, '2027-02-11');
    expect(later.withViews).toBe(0);

    const manager = await as('team_manager');
    const page = await manager.get('/children/voice-indicator');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('By team');
    expect(page.body).toContain('By worker');
    expect(page.body).toContain('Jonah Quillby');
    expect(page.body).not.toContain('Lior Penhallow');
    // The team's figure of children without recent views opens the list narrowed to that team;
    // another team's figure is shown but not linked (its children are not the manager's to see).
    const teamLink =
      /href="(\/children\/voice-indicator\?team=[0-9a-f-]{36}#without)">1<span class="govuk-visually-hidden"> children without recent views, Children in Care Team/.exec(
        page.body,
      );
    expect(teamLink).not.toBeNull();
    const narrowed = await manager.get(teamLink![1]!.replaceAll('&amp;', '&'));
    expect(narrowed.statusCode).toBe(200);
    expect(narrowed.body).toContain('Showing only the children of Children in Care Team');
    expect(narrowed.body).toContain('Jonah Quillby');
    expect(page.body).not.toMatch(/children without recent views, Assessment Team/);
    const byWorker = await manager.get('/children/voice-indicator?worker=');
    expect(byWorker.statusCode).toBe(200);
    expect((await (await as('practitioner')).get('/children/voice-indicator')).statusCode).toBe(403);
  });
});

describe('management oversight', () => {
  it('records a dated decision with reasons, lists it on the child’s page, and cannot be changed', async () => {
    const a = await as('team_manager');
    const missing = await a.post(`/children/${ids.P2}/oversight`, { ...date('decidedOn', '2026-11-16') });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter the decision');
    expect(missing.body).toContain('Enter the reasons for the decision');
    const res = await a.post(`/children/${ids.P2}/oversight`, {
      ...date('decidedOn', '2026-11-16'),
      decision: 'Continue the child protection plan; review in six weeks.',
      reasons: 'Jonah told his teacher there is no food at home at weekends.',
    });
    expect(res.statusCode).toBe(302);
    const page = await a.get(`/children/${ids.P2}`);
    const section = page.body.slice(page.body.indexOf('id="oversight"'), page.body.indexOf('id="plans"'));
    expect(section).toContain('Continue the child protection plan');
    expect(section).toContain('Tom Marlow');
    expect((await auditRows('child.oversight.record', ids.P2)).length).toBe(1);
    const db = ctx.oversight.database.db;
    await expect(db.execute(sql`update case_oversight_notes set decision = 'changed'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from case_oversight_notes`)).rejects.toThrow();
  });
});

describe('control characters', () => {
  it('drops a NUL byte and other control characters typed into a form instead of failing', async () => {
    const a = await as('practitioner');
    const res = await a.post(`/children/${ids.P1}/voice`, {
      ...date('recordedOn', '2026-11-09'),
      words: 'I like\u0000 football\u001b.',
      captureMethod: 'direct',
      capturedBy: 'me',
      changedSomething: 'no',
    });
    expect(res.statusCode).toBe(302);
    const page = await a.get(`/children/${ids.P1}`);
    expect(page.body).toContain('I like football.');
  });
});
