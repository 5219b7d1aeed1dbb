/**
 * Committee business end to end through the pages: a clerk sets up a
 * committee and a meeting, builds the agenda, an author drafts a report with
 * an embedded plan snapshot, a senior leader signs it off, the clerk accepts
 * it; disclosure control blocks a child's name from the case register in the
 * public text until it is fixed; the packs are published frozen; members
 * read their own committees only; the public site shows nothing non-public.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  agent,
  emailOf,
  signedIn,
  startTestApp,
  type TestContext,
} from '../../../test/helpers/app';
import { allModules } from '../../app';
import type { AuditContext } from '../../platform/audit/service';
import { rawRows } from '../../platform/db/client';
import type { Actor, Role } from '../../platform/permissions';
import { casePeople } from '../cases/schema';
import * as plans from '../plans/service';
import { committeesOfMember } from './service';

let ctx: TestContext;
let clerk: Agent;
let senior: Agent;
let manager: Agent;
let member: Agent;
let committeeId: string;
let otherCommitteeId: string;
let meetingId: string;

const locationId = (res: { headers: Record<string, unknown> }, pattern: RegExp) => {
  const m = String(res.headers.location).match(pattern);
  if (!m) throw new Error(`unexpected redirect ${String(res.headers.location)}`);
  return m[1]!;
};
const ID = '([0-9a-f-]{36})';

function actorFor(role: Role): Actor {
  return {
    userId: ctx.org.userIds[role],
    organisationId: ctx.org.organisationId,
    organisationName: ctx.org.organisationName,
    name: role,
    email: emailOf(ctx.org, role),
    role,
    teamId: null,
    permissions: new Set(
      allModules.flatMap((m) =>
        Object.entries(m.permissions)
          .filter(([, d]) => d.roles.includes(role))
          .map(([k]) => k),
      ),
    ),
  };
}
const auditAt = (a: Actor): AuditContext => ({
  organisationId: a.organisationId,
  userId: a.userId,
  ip: null,
  userAgent: null,
  requestId: null,
  at: ctx.clock.now(),
});

const action = (priorityId: string, reference: string, text: string): plans.ActionInput => ({
  priorityId,
  reference,
  aim: null,
  source: { kind: 'new', detail: null },
  action: text,
  startDate: null,
  endDate: null,
  measure: null,
  outcomeForChildren: null,
  leadOfficerId: null,
  seniorLeadId: null,
  areaLeadId: null,
  dateAdded: null,
  agendaItem: null,
});

const date = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};

let snapshotId: string;

beforeAll(async () => {
  ctx = await startTestApp();
  const db = ctx.oversight.database.db;
  // A child in the register, whose name must never reach a public paper.
  await db.insert(casePeople).values({
    organisationId: ctx.org.organisationId,
    sourceId: 'P-7781',
    rowHash: 'test',
    forename: 'Tamsin',
    surname: 'Quarrie',
    dateOfBirth: '2013-06-02',
  });
  const sm = actorFor('service_manager');
  const planId = await plans.createPlan(db, sm, auditAt(sm), {
    type: 'service_improvement',
    name: 'Improvement Plan',
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
  const priorityId = await plans.createPriority(db, sm, auditAt(sm), planId, { number: 1, title: 'Visits' });
  await plans.createAction(
    db,
    sm,
    auditAt(sm),
    planId,
    action(priorityId, '1.1', 'Every child seen alone at each visit'),
  );
  snapshotId = (await plans.publishSnapshot(db, sm, auditAt(sm), planId, { asAt: '2026-11-16' })).id;
  clerk = await signedIn(ctx, emailOf(ctx.org, 'committee_clerk'));
  senior = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
  manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
  member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
}, 60_000);

afterAll(() => ctx?.close());

describe('committees and meetings', () => {
  it('a clerk adds a committee, saying clearly what is wrong first', async () => {
    const bad = await clerk.post('/committee-business/new', {
      name: '',
      memberCount: 'seven',
      quorum: '9',
      duties: '',
      frequency: 'Quarterly',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('Enter the number of members as a number, like 7');
    const res = await clerk.post('/committee-business/new', {
      name: 'Safeguarding Sub-Committee',
      memberCount: '7',
      quorum: '3',
      duties: '1. To oversee the safeguarding of children\n2. To receive the improvement plan',
      frequency: 'Quarterly',
      clerkUserId: ctx.org.userIds.committee_clerk,
    });
    expect(res.statusCode).toBe(302);
    committeeId = locationId(res, new RegExp(`/committee-business/${ID}$`));
    const other = await clerk.post('/committee-business/new', {
      name: 'Audit Committee',
      memberCount: '5',
      quorum: '2',
      duties: 'Audit',
      frequency: 'Twice a year',
    });
    otherCommitteeId = locationId(other, new RegExp(`/committee-business/${ID}$`));
    const page = await clerk.get(`/committee-business/${committeeId}`);
    expect(page.body).toContain('To receive the improvement plan');
  });

  it('adds a member with the committee member role only, and the member sees only their committees', async () => {
    const wrong = await clerk.post(`/committee-business/${committeeId}/members`, {
      userId: ctx.org.userIds.practitioner,
      role: 'member',
      ...date('termStart', '2026-05-21'),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Choose a member from the list of people with the committee member role');
    const ok = await clerk.post(`/committee-business/${committeeId}/members`, {
      userId: ctx.org.userIds.committee_member,
      role: 'chairman',
      ...date('termStart', '2026-05-21'),
    });
    expect(ok.statusCode).toBe(302);
    const list = await member.get('/committee-business');
    expect(list.body).toContain('Safeguarding Sub-Committee');
    expect(list.body).not.toContain('Audit Committee');
    expect((await member.get(`/committee-business/${otherCommitteeId}`)).statusCode).toBe(404);
  });

  it('tells other modules which committees a member sits on today', async () => {
    const db = ctx.oversight.database.db;
    expect(await committeesOfMember(db, actorFor('committee_member'), ctx.clock.now())).toEqual([
      { id: committeeId, name: 'Safeguarding Sub-Committee' },
    ]);
    expect(
      await committeesOfMember(db, actorFor('committee_member'), new Date('2026-05-20T12:00:00Z')),
    ).toEqual([]);
    expect(await committeesOfMember(db, actorFor('committee_clerk'), ctx.clock.now())).toEqual([]);
  });

  it('another organisation’s clerk finds nothing', async () => {
    const theirs = await signedIn(ctx, emailOf(ctx.other, 'committee_clerk'));
    expect((await theirs.get(`/committee-business/${committeeId}`)).statusCode).toBe(404);
  });

  it('a clerk adds a meeting and builds its agenda from the standard items', async () => {
    const res = await clerk.post(`/committee-business/${committeeId}/meetings`, {
      ...date('date', '2026-12-10'),
      startTime: '14:00',
      venue: 'Committee Room 1, Guildhall',
    });
    expect(res.statusCode).toBe(302);
    meetingId = locationId(res, new RegExp(`/committee-business/meetings/${ID}$`));
    await clerk.post(`/committee-business/meetings/${meetingId}/standard-items`);
    const pub = await clerk.post(`/committee-business/meetings/${meetingId}/items`, {
      title: 'Safeguarding performance',
      fromOfficer: 'Director of Children’s Services',
      purpose: 'information',
      part: '1',
    });
    expect(pub.statusCode).toBe(302);
    const noPara = await clerk.post(`/committee-business/meetings/${meetingId}/items`, {
      title: 'Serious case review',
      fromOfficer: 'Director of Children’s Services',
      purpose: 'information',
      part: '2',
    });
    expect(noPara.statusCode).toBe(400);
    expect(noPara.body).toContain('Choose the Schedule 12A paragraph');
    await clerk.post(`/committee-business/meetings/${meetingId}/items`, {
      title: 'Serious case review',
      fromOfficer: 'Director of Children’s Services',
      purpose: 'information',
      part: '2',
      paragraphs: ['1', '2'],
    });
    const page = await clerk.get(`/committee-business/meetings/${meetingId}`);
    // Public report before questions (item 5); non-public report after the non-public minutes (item 10).
    expect(page.body).toMatch(/>5<\/td>\s*<td class="govuk-table__cell">Safeguarding performance/);
    expect(page.body).toMatch(/>10<\/td>\s*<td class="govuk-table__cell">Serious case review/);
    expect(page.body).toContain('for items 9, 10, 11 and 12 on the grounds');
  });
});

async function itemIds(): Promise<{ publicItem: string; privateItem: string }> {
  const page = await clerk.get(`/committee-business/meetings/${meetingId}`);
  const links = [...page.body.matchAll(/\/committee-business\/items\/([0-9a-f-]{36})\/report/g)].map(
    (m) => m[1]!,
  );
  return { publicItem: links[0]!, privateItem: links[1]! };
}

const reportForm = (summary: string) => ({
  subject: 'Safeguarding performance',
  reportOf: 'Director of Children’s Services',
  author: 'Head of Quality Assurance',
  summary,
  recommendations: 'Members are asked to:\n- note the report',
  mainReport:
    '## Background\nCouncillor T. Quarrie asked for this report. Visits are on time.\n\n| Team | Visits late |\n|---|---|\n| North | [c] |\n| South | 12 |',
});

describe('reports and publication', () => {
  it('an author drafts a report with an embedded plan table and sends it for sign-off; it is signed off and accepted', async () => {
    const { publicItem, privateItem } = await itemIds();
    const raw = await manager.post(
      `/committee-business/items/${publicItem}/report`,
      reportForm('<b>Bold</b> claims'),
    );
    expect(raw.statusCode).toBe(302);
    const saved = await manager.post(
      `/committee-business/items/${publicItem}/report`,
      reportForm('Tamsin Quarrie was seen on time.'),
    );
    expect(saved.statusCode).toBe(302);
    const page = await manager.get(`/committee-business/items/${publicItem}/report`);
    expect(page.body).toContain(`plans.snapshot|${snapshotId}`);
    await manager.post(`/committee-business/items/${publicItem}/report/appendices`, {
      component: `plans.snapshot|${snapshotId}`,
      title: 'Improvement plan',
      visibility: 'public',
    });
    const send = await manager.post(`/committee-business/items/${publicItem}/report/send`, {
      signOffBy: ctx.org.userIds.senior_leader,
    });
    expect(send.statusCode).toBe(302);
    // Sent: no more changes.
    const late = await manager.post(`/committee-business/items/${publicItem}/report`, reportForm('Changed'));
    expect(late.statusCode).toBe(400);
    expect((await clerk.post(`/committee-business/items/${publicItem}/report/accept`)).statusCode).toBe(400);
    const home = await senior.get('/');
    expect(home.body).toContain('Reports sent to you for sign-off');
    expect((await senior.get('/committee-business/sign-off')).body).toContain(
      `/committee-business/items/${publicItem}/report`,
    );
    expect((await senior.post(`/committee-business/items/${publicItem}/report/sign-off`)).statusCode).toBe(
      302,
    );
    expect((await clerk.get('/committee-business/to-accept')).body).toContain(
      `/committee-business/items/${publicItem}/report`,
    );
    expect((await clerk.get('/')).body).toContain('Reports signed off, to accept');
    expect((await clerk.post(`/committee-business/items/${publicItem}/report/accept`)).statusCode).toBe(302);

    await manager.post(`/committee-business/items/${privateItem}/report`, {
      ...reportForm('The review concerns Tamsin Quarrie, born 2 June 2013.'),
      subject: 'Serious case review',
    });
    await manager.post(`/committee-business/items/${privateItem}/report/send`, {
      signOffBy: ctx.org.userIds.senior_leader,
    });
    await senior.post(`/committee-business/items/${privateItem}/report/sign-off`);
    await clerk.post(`/committee-business/items/${privateItem}/report/accept`);
  });

  it('disclosure control blocks a child’s name in a public report and shows where', async () => {
    const check = await clerk.get(`/committee-business/meetings/${meetingId}/publish`);
    expect(check.body).toContain('Item 5, Summary');
    expect(check.body).toContain('Tamsin Quarrie');
    // The non-public report names the child too, but it is not public text.
    expect(check.body).not.toContain('born 2 June 2013');
    const blocked = await clerk.post(`/committee-business/meetings/${meetingId}/publish`);
    expect(blocked.statusCode).toBe(400);
    expect(blocked.body).toContain('Publication is blocked');
  });

  it('lets a flagged close match through only with a reason, recorded; what is not let through still blocks', async () => {
    const check = await clerk.get(`/committee-business/meetings/${meetingId}/publish`);
    const keys = [...check.body.matchAll(/name="key" value="([^"]+)"/g)].map((m) =>
      m[1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
    );
    const closeKey = keys.find((k) => k.includes('close_name'))!;
    expect(closeKey).toBe('Item 5, Main report|close_name|t. quarrie');
    const noReason = await clerk.post(`/committee-business/meetings/${meetingId}/overrides`, {
      key: closeKey,
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why this may be published');
    const ok = await clerk.post(`/committee-business/meetings/${meetingId}/overrides`, {
      key: closeKey,
      reason: 'A councillor of the same name, not the child',
    });
    expect(ok.statusCode).toBe(302);
    const audit = await rawRows<{ reason: string; detail: string }>(
      ctx.oversight.database.db,
      sql`select reason, detail from access_audit where action = 'committee.disclosure.override'`,
    );
    expect(audit).toEqual([
      { reason: 'A councillor of the same name, not the child', detail: 'close_name at Item 5, Main report' },
    ]);
    // Still blocked: the full name in the summary is not let through.
    expect((await clerk.post(`/committee-business/meetings/${meetingId}/publish`)).statusCode).toBe(400);
  });

  it('publishes once the text is fixed, frozen against later changes', async () => {
    const { publicItem } = await itemIds();
    expect((await clerk.post(`/committee-business/items/${publicItem}/report/return`)).statusCode).toBe(302);
    await manager.post(
      `/committee-business/items/${publicItem}/report`,
      reportForm('The child was seen on time.'),
    );
    await manager.post(`/committee-business/items/${publicItem}/report/send`, {
      signOffBy: ctx.org.userIds.senior_leader,
    });
    await senior.post(`/committee-business/items/${publicItem}/report/sign-off`);
    await clerk.post(`/committee-business/items/${publicItem}/report/accept`);
    const check = await clerk.get(`/committee-business/meetings/${meetingId}/publish`);
    expect(check.body).toContain('Let through: A councillor of the same name, not the child');
    expect(check.body).not.toContain('Tamsin Quarrie');
    const published = await clerk.post(`/committee-business/meetings/${meetingId}/publish`);
    expect(published.statusCode).toBe(302);
    const mail = await rawRows<{ to_address: string; subject: string }>(
      ctx.oversight.database.db,
      sql`select to_address, subject from mail_messages where subject like ${'%papers for%'}`,
    );
    expect(mail).toEqual([
      {
        to_address: emailOf(ctx.org, 'committee_member'),
        subject: 'Safeguarding Sub-Committee: papers for 10 December 2026 published',
      },
    ]);
    const pack = await clerk.get(`/committee-business/meetings/${meetingId}/packs/1/public`);
    expect(pack.body).toContain('Every child seen alone at each visit');
    expect(pack.body).toContain('(Pages 3 - ');
    expect(pack.body).not.toContain('born 2 June 2013');
    // The plan changes later; the published paper does not.
    const sm = actorFor('service_manager');
    const db = ctx.oversight.database.db;
    const [summary] = await plans.listPublishedSnapshots(db, ctx.org.organisationId);
    const planId = summary!.planId;
    const priorityId = (await plans.listPriorities(db, sm, planId))[0]!.id;
    await plans.createAction(db, sm, auditAt(sm), planId, action(priorityId, '1.2', 'A later action'));
    await plans.publishSnapshot(db, sm, auditAt(sm), planId, { asAt: '2026-11-16' });
    const again = await clerk.get(`/committee-business/meetings/${meetingId}/packs/1/public`);
    expect(again.body).not.toContain('A later action');
    expect(again.body).toContain('Every child seen alone at each visit');
  });

  it('keeps published packs and overrides append-only, even for the service’s database user', async () => {
    const db = ctx.oversight.database.db;
    for (const [table, statement] of [
      ['committee_publications', sql`update committee_publications set version = 9`],
      ['committee_publications', sql`delete from committee_publications`],
      ['committee_disclosure_overrides', sql`update committee_disclosure_overrides set reason = 'x'`],
      ['committee_disclosure_overrides', sql`truncate committee_disclosure_overrides`],
    ] as const) {
      const error = await db
        .execute(statement)
        .then(() => undefined)
        .catch((e: Error & { cause?: Error }) => e);
      expect(`${error?.message} ${error?.cause?.message}`).toContain(`${table} is append-only`);
    }
  });

  it('a member reads the non-public pack of their committee; a service manager does not', async () => {
    const np = await member.get(`/committee-business/meetings/${meetingId}/packs/1/non-public`);
    expect(np.statusCode).toBe(200);
    expect(np.body).toContain('born 2 June 2013');
    expect(
      (await manager.get(`/committee-business/meetings/${meetingId}/packs/1/non-public`)).statusCode,
    ).toBe(404);
  });
});

describe('attendance and status', () => {
  it('records attendance with officers and their departments, refusing a line without one', async () => {
    const form = await clerk.get(`/committee-business/meetings/${meetingId}/attendance`);
    expect(form.statusCode).toBe(200);
    const field = `member-${ctx.org.userIds.committee_member}`;
    const bad = await clerk.post(`/committee-business/meetings/${meetingId}/attendance`, {
      [field]: 'present',
      officers: 'Sam Adeyemi, Children’s Services\nJo Park',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Line 2: write the officer’s name, a comma, then their department');
    const ok = await clerk.post(`/committee-business/meetings/${meetingId}/attendance`, {
      [field]: 'apologies',
      officers: 'Sam Adeyemi, Children’s Services',
    });
    expect(ok.statusCode).toBe(302);
    const page = await clerk.get(`/committee-business/meetings/${meetingId}`);
    expect(page.body).toContain('Sam Adeyemi (Children’s Services)');
    expect(page.body).toMatch(/Apologies\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*[^<]*\S/);
  });

  it('moves a published meeting on to held, one step at a time', async () => {
    const skip = await clerk.post(`/committee-business/meetings/${meetingId}/status`, {
      status: 'minutes_approved',
    });
    expect(skip.statusCode).toBe(400);
    const held = await clerk.post(`/committee-business/meetings/${meetingId}/status`, { status: 'held' });
    expect(held.statusCode).toBe(302);
    expect((await clerk.get(`/committee-business/meetings/${meetingId}`)).body).toContain(
      'Mark as minutes in draft',
    );
  });
});

describe('the public site', () => {
  it('every public link shows nothing non-public and no person from the register but the one let through', async () => {
    const visitor = agent(ctx);
    const start = `/committees/${ctx.org.organisationName ? 'oak' : ''}`;
    const seen = new Set<string>();
    const queue = ['/committees', start];
    const bodies: string[] = [];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      let res = await visitor.get(url);
      if (res.statusCode === 302) res = await visitor.get(String(res.headers.location));
      expect(res.statusCode, url).toBe(200);
      bodies.push(res.body);
      // The PDF pack is printed from the same frozen pack (its text compressed): appendix-routes.test.ts reads it.
      for (const m of res.body.matchAll(/href="(\/committees[^"#?]*)"/g))
        if (!seen.has(m[1]!) && !m[1]!.endsWith('.pdf')) queue.push(m[1]!);
    }
    expect([...seen].some((u) => u.includes('/meetings/'))).toBe(true);
    const all = bodies.join('\n');
    expect(all).toContain('Safeguarding performance');
    expect(all).toContain('Serious case review'); // the item is listed on the agenda...
    expect(all).not.toContain('born 2 June 2013'); // ...but its report is not there
    expect(all).not.toContain('2013');
    expect(all).not.toContain('P-7781');
    expect(all).not.toContain('/non-public');
    expect(all).not.toContain('Signed in as');
    // The council's own header, though the database holds two councils.
    expect(bodies[1]).toContain(`<span class="app-organisation-name">${ctx.org.organisationName}</span>`);
  });

  it('offers the meetings as an iCalendar feed, linking the published agenda', async () => {
    const visitor = agent(ctx);
    const ics = await visitor.get(`/committees/oak/${committeeId}/calendar.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART;TZID=Europe/London:20261210T140000');
    expect(ics.body.replace(/\r\n /g, '')).toContain(`/committees/oak/meetings/${meetingId}`);
  });

  it('answers 404 for a meeting with nothing published and for another organisation’s meeting', async () => {
    const visitor = agent(ctx);
    expect((await visitor.get(`/committees/wst/meetings/${meetingId}`)).statusCode).toBe(404);
    expect((await visitor.get('/committees/oak/meetings/not-an-id')).statusCode).toBe(404);
  });
});
