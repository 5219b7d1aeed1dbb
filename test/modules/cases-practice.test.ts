/**
 * The practice half of the case register through HTTP: finding children
 * within scope, the child's page and its audit, the chronology and its
 * notes, the child's views, management oversight and supervision.
 *
 * Children come from the register's own importer, fed the small hand-made
 * SSD extract (src/modules/cases/fixtures.ts) with a voice-of-the-child flag
 * added: P1 is allocated to the demo practitioner, P1 and P2 to the
 * Children in Care Team (the team manager's), P3 to the Assessment Team.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrganisation } from '../../src/demo/organisation';
import { type Csv, extractFiles, smallExtract } from '../../src/modules/cases/fixtures';
import { importAndWait } from '../../src/modules/cases/importer';
import { voiceIndicator } from '../../src/modules/cases/practice-service';
import { grantCaseAccess } from '../../src/modules/cases/service';
import { rawRows } from '../../src/platform/db/client';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { homeRows } from '../home/helpers';

let ctx: TestContext;
const ids: Record<string, string> = {};
let otherChild: string;

function extract(): Record<string, Csv> {
  return {
    ...smallExtract(),
    'ssd_voice_of_child.csv': [
      [
        'voch_table_id',
        'voch_person_id',
        'voch_explained_worries',
        'voch_story_help_understand',
        'voch_agree_worker',
        'voch_plan_safe',
        'voch_tablet_help_explain',
      ],
      ['VC1', 'P2', 'Y', 'N', 'Y', 'Y', 'N'],
    ],
  };
}

async function load(org: DemoOrganisation) {
  const outcome = await importAndWait(ctx.oversight.database.db, {
    organisationId: org.organisationId,
    userId: org.userIds.administrator,
    origin: 'upload',
    mode: 'full',
    files: extractFiles(extract()),
    clock: ctx.clock,
    audit: {
      organisationId: org.organisationId,
      userId: org.userIds.administrator,
      ip: null,
      userAgent: 'test',
      requestId: null,
      at: ctx.clock.now(),
    },
    concurrentProgress: false,
  });
  if (outcome.status !== 'applied') throw new Error(`fixture import ${outcome.status}`);
}

beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
  await load(ctx.org);
  await load(ctx.other);
  const db = ctx.oversight.database.db;
  for (const row of await rawRows<{ id: string; source_id: string }>(
    db,
    sql`select id, source_id from case_people where organisation_id = ${ctx.org.organisationId}`,
  )) {
    ids[row.source_id] = row.id;
  }
  const [other] = await rawRows<{ id: string }>(
    db,
    sql`select id from case_people where organisation_id = ${ctx.other.organisationId} and source_id = 'P1'`,
  );
  otherChild = other!.id;
});
afterAll(async () => ctx.close());

const as = (role: string) => signedIn(ctx, emailOf(ctx.org, role));

async function auditRows(action: string, recordId?: string) {
  return rawRows<{ user_id: string; record_id: string | null }>(
    ctx.oversight.database.db,
    sql`select user_id, record_id from access_audit where action = ${action}
        ${recordId ? sql`and record_id = ${recordId}` : sql``} order by id`,
  );
}

/** Form fields of a GOV.UK date input. */
function date(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}

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

describe('supervision', () => {
  async function worker(a: Agent, name: string): Promise<string> {
    const page = await a.get('/supervision');
    const match = page.body.match(new RegExp(`value="([0-9a-f-]{36})"[^>]*>${name}`));
    if (!match) throw new Error(`no worker ${name} on the supervision page`);
    return match[1]!;
  }

  function openActionIds(body: string): string[] {
    return [...body.matchAll(/name="previous-([0-9a-f-]{36})"/g)]
      .map((m) => m[1]!)
      .filter((v, i, all) => all.indexOf(v) === i);
  }

  /** The carry-forward field of the open action with this description (its radios follow its legend). */
  function carryIdOf(body: string, description: string): string {
    const match = body.slice(body.indexOf(description)).match(/name="previous-([0-9a-f-]{36})"/);
    if (!match) throw new Error(`no open action ${description}`);
    return match[1]!;
  }

  it("lists only the team's workers to a team manager", async () => {
    const a = await as('team_manager');
    const page = await a.get('/supervision');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Priya Ashdown');
    expect(page.body).toContain('Noor Fairley');
    expect(page.body).not.toContain('Ellis Brandt');
    expect((await (await as('practitioner')).get('/supervision')).statusCode).toBe(403);
  });

  it('carries open actions forward, flags them, and shows an action on the agenda at three supervisions to the service manager', async () => {
    const a = await as('team_manager');
    const noor = await worker(a, 'Noor Fairley');
    const first = await a.get(`/supervision/new?worker=${noor}`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Jonah Quillby');
    expect(first.body).toContain('This is the first supervision');

    const invalid = await a.post('/supervision/new', {
      workerId: noor,
      ...date('heldOn', '2026-09-01'),
      'action-1-description': 'Update the chronology',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Enter the reflection from the supervision');
    expect(invalid.body).toContain('Select who owns action 1');
    expect(invalid.body).toContain('Enter the date action 1 is due');

    ctx.clock.set('2026-09-01T10:00:00Z');
    const s1 = await a.post('/supervision/new', {
      workerId: noor,
      ...date('heldOn', '2026-09-01'),
      personIds: ids.P2,
      reflection: 'Jonah is quieter at school. Noor is worried about weekends.',
      'action-1-description': 'Visit Jonah at a weekend',
      'action-1-owner': 'worker',
      ...date('action-1-due', '2026-09-15'),
      'action-2-description': 'Book the family group conference',
      'action-2-owner': 'supervisor',
      ...date('action-2-due', '2026-09-30'),
    });
    expect(s1.statusCode).toBe(302);
    const s1Page = await a.get(s1.headers.location!);
    expect(s1Page.statusCode, s1Page.body.match(/<h1[^>]*>([^<]*)/)?.[1]).toBe(200);
    expect(s1Page.body).toContain('Visit Jonah at a weekend');
    expect(s1Page.body).toContain('Jonah Quillby');

    // Second supervision: both actions come back; one done, one carried.
    ctx.clock.set('2026-10-01T10:00:00Z');
    const second = await a.get(`/supervision/new?worker=${noor}`);
    const open2 = openActionIds(second.body);
    expect(open2).toHaveLength(2);
    const undecided = await a.post('/supervision/new', {
      workerId: noor,
      ...date('heldOn', '2026-10-01'),
      reflection: 'Second',
    });
    expect(undecided.statusCode).toBe(400);
    // Each undecided action is named, so the two errors can be told apart.
    expect(undecided.body).toContain(
      'Select whether the action “Visit Jonah at a weekend” was done or is carried forward to this supervision',
    );
    expect(undecided.body).toContain(
      'Select whether the action “Book the family group conference” was done or is carried forward',
    );
    const visit = carryIdOf(second.body, 'Visit Jonah at a weekend');
    const booking = carryIdOf(second.body, 'Book the family group conference');
    expect(new Set([visit, booking])).toEqual(new Set(open2));
    // Actions come back in the order they were entered.
    expect(second.body.indexOf('Visit Jonah at a weekend')).toBeLessThan(
      second.body.indexOf('Book the family'),
    );
    const s2 = await a.post('/supervision/new', {
      workerId: noor,
      ...date('heldOn', '2026-10-01'),
      reflection: 'Second',
      [`previous-${visit}`]: 'carry',
      [`previous-${booking}`]: 'done',
    });
    expect(s2.statusCode).toBe(302);
    const s2Page = await a.get(s2.headers.location!);
    expect(s2Page.body).toContain('Carried');
    expect(s2Page.body).toContain('Earlier actions reviewed at this supervision');

    // Third: the visit is carried again and is now on the agenda at three supervisions.
    ctx.clock.set('2026-11-02T10:00:00Z');
    const third = await a.get(`/supervision/new?worker=${noor}`);
    const open3 = openActionIds(third.body);
    expect(open3).toHaveLength(1);
    expect(third.body).toContain('on the agenda at 2 supervisions so far');
    const s3 = await a.post('/supervision/new', {
      workerId: noor,
      ...date('heldOn', '2026-11-02'),
      reflection: 'Third',
      [`previous-${open3[0]}`]: 'carry',
    });
    expect(s3.statusCode).toBe(302);
    const s3Page = await a.get(s3.headers.location!);
    expect(s3Page.body).toContain('On the agenda 3 times');
    expect(s3Page.body).toContain('Overdue');

    const service = await as('service_manager');
    const repeated = await service.get('/supervision/repeated');
    expect(repeated.statusCode).toBe(200);
    expect(repeated.body).toContain('Visit Jonah at a weekend');
    expect(repeated.body).toContain('Noor Fairley');
    expect(repeated.body).not.toContain('Book the family group conference');
    // The team manager sees the same action, as one of their team's.
    const teamRepeated = await a.get('/supervision/repeated');
    expect(teamRepeated.statusCode).toBe(200);
    expect(teamRepeated.body).toContain('Visit Jonah at a weekend');
    expect(teamRepeated.body).toContain('in your team');

    // Marked done between supervisions, it leaves the service manager's list.
    const actionId = s3Page.body.match(/\/actions\/([0-9a-f-]{36})\/done/)![1]!;
    const done = await a.post(`${s3.headers.location}/actions/${actionId}/done`);
    expect(done.statusCode).toBe(302);
    expect((await service.get('/supervision/repeated')).body).not.toContain('Visit Jonah at a weekend');
    const again = await a.post(`${s3.headers.location}/actions/${actionId}/done`);
    expect(again.statusCode).toBe(400);
    ctx.clock.set('2026-11-16T09:00:00Z');
  });

  it('refuses a supervision of a worker outside the team, and a child not allocated to the worker', async () => {
    const a = await as('team_manager');
    const service = await as('service_manager');
    const ellis = await worker(service, 'Ellis Brandt');
    expect((await a.get(`/supervision/new?worker=${ellis}`)).statusCode).toBe(404);
    const priya = await worker(a, 'Priya Ashdown');
    const res = await a.post('/supervision/new', {
      workerId: priya,
      ...date('heldOn', '2026-11-16'),
      reflection: 'x',
      personIds: ids.P2,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Select only children allocated to Priya Ashdown');
    // A supervision dated before the last one says when that was, as a GOV.UK date.
    const noor = await worker(a, 'Noor Fairley');
    const early = await a.post('/supervision/new', {
      workerId: noor,
      ...date('heldOn', '2026-10-20'),
      reflection: 'x',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('on or after the last supervision of Noor Fairley, on 2 November 2026');
  });

  it("shows a team manager when each worker's supervision is due, filtered as the home page counts them", async () => {
    const a = await as('team_manager');
    // Noor was last supervised on 2 November: due 2 December. Priya has no supervision recorded.
    const all = await a.get('/supervision');
    expect(all.body).toContain('When each worker');
    const noor = await worker(a, 'Noor Fairley');
    const priya = await worker(a, 'Priya Ashdown');
    const rowOf = (body: string, id: string) => {
      const start = body.indexOf(`data-worker="${id}"`);
      return start === -1 ? '' : body.slice(start, body.indexOf('</tr>', start));
    };
    expect(rowOf(all.body, noor)).toContain('2 December 2026');
    expect(rowOf(all.body, priya)).toContain('Needed now');
    const overdue = await a.get('/supervision?due=overdue');
    expect(rowOf(overdue.body, priya)).toContain('None recorded');
    expect(rowOf(overdue.body, noor)).toBe('');
    ctx.clock.set('2026-11-26T09:00:00Z');
    try {
      // Signed in afresh: ten days on, the first session has timed out.
      const later = await as('team_manager');
      const soon = await later.get('/supervision?due=due-soon');
      expect(rowOf(soon.body, noor)).toContain('Due soon');
      expect(rowOf(soon.body, priya)).toBe('');
      const rows = homeRows((await later.get('/')).body);
      expect(rows.get('Workers whose supervision is due in the next 7 days')?.count).toBe(1);
      expect(rows.get('Workers whose monthly supervision is overdue, or who have none recorded')?.href).toBe(
        '/supervision?due=overdue',
      );
    } finally {
      ctx.clock.set('2026-11-16T09:00:00Z');
    }
  });

  it('gives a practitioner the actions from their own supervision, and only theirs', async () => {
    const manager = await as('team_manager');
    const priya = await worker(manager, 'Priya Ashdown');
    ctx.clock.set('2026-11-02T10:00:00Z');
    const saved = await manager.post('/supervision/new', {
      workerId: priya,
      ...date('heldOn', '2026-11-02'),
      reflection: 'Workload is high.',
      'action-1-description': 'Write up the visit to Amara',
      'action-1-owner': 'worker',
      ...date('action-1-due', '2026-11-09'),
      'action-2-description': 'Ask for a second worker for the court work',
      'action-2-owner': 'supervisor',
      ...date('action-2-due', '2026-11-09'),
      'action-3-description': 'Read the new missing protocol',
      'action-3-owner': 'worker',
      ...date('action-3-due', '2026-12-01'),
    });
    expect(saved.statusCode).toBe(302);
    ctx.clock.set('2026-11-16T09:00:00Z');
    const practitioner = await as('practitioner');
    const rows = homeRows((await practitioner.get('/')).body);
    const overdue = rows.get('Actions from your supervision that are past their due date');
    expect(overdue?.count).toBe(1);
    expect(rows.get('Actions from your supervision still to do')?.count).toBe(2);
    const list = await practitioner.get(overdue!.href);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Write up the visit to Amara');
    expect(list.body).not.toContain('Read the new missing protocol');
    // The supervisor's own action, and Noor's, are not hers.
    const everything = (await practitioner.get('/supervision/my-actions')).body;
    expect(everything).toContain('Read the new missing protocol');
    expect(everything).not.toContain('Ask for a second worker');
    expect(everything).not.toContain('Visit Jonah at a weekend');
    expect((await auditRows('supervision.my-actions')).length).toBeGreaterThan(0);
    // A service manager has no supervision of their own to act on.
    expect((await (await as('service_manager')).get('/supervision/my-actions')).statusCode).toBe(403);
  });

  it('keeps action outcomes append-only', async () => {
    const db = ctx.oversight.database.db;
    await expect(db.execute(sql`update supervision_action_outcomes set outcome = 'done'`)).rejects.toThrow();
  });
});
