/**
 * The home page of every role on one hand-built data set: the timescales
 * extract (src/modules/compliance/fixtures.ts: Priya holds P1 and P2, Noor P3,
 * all in the Children in Care Team, nobody's views recorded), a small
 * improvement plan (action 1.2, led by the service manager, ended on 31 October
 * and is overdue), a rejected import, a message that failed to send and a
 * person invited who has not set a password. The other organisation holds the
 * same again, so a leak would change every count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrganisation } from '../../src/demo/organisation';
import { extractFiles } from '../../src/modules/cases/fixtures';
import { importSettled, startSsdImport } from '../../src/modules/cases/service';
import { timescalesExtract } from '../../src/modules/compliance/fixtures';
import * as plans from '../../src/modules/plans/service';
import { createUser } from '../../src/platform/admin/service';
import { mailMessages } from '../../src/platform/schema';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { actorOf, auditCtx, smallPlan } from '../modules/plans-fixture';
import { follow, headings, homeRows, importInto } from './helpers';

let ctx: TestContext;

async function problems(org: DemoOrganisation) {
  const db = ctx.oversight.database.db;
  const audit = {
    organisationId: org.organisationId,
    userId: org.userIds.administrator,
    ip: null,
    userAgent: null,
    requestId: null,
    at: ctx.clock.now(),
  };
  // Later that morning, an extract with a date of birth that is not a date: rejected, nothing written.
  ctx.clock.advanceMinutes(5);
  const bad = timescalesExtract();
  bad['ssd_person.csv']![1]![6] = '31/02/2014';
  const id = await startSsdImport(
    db,
    {
      userId: org.userIds.administrator,
      organisationId: org.organisationId,
      organisationName: org.organisationName,
      name: 'Admin',
      email: 'admin@example.org',
      role: 'administrator',
      teamId: null,
      permissions: new Set(),
    },
    { files: extractFiles(bad), mode: 'full', concurrentProgress: false, clock: ctx.clock },
    audit,
  );
  expect((await importSettled(id))?.status).toBe('rejected');
  await db.insert(mailMessages).values({
    organisationId: org.organisationId,
    toAddress: `someone@${org.organisationName.length}.example`,
    subject: 'Your statutory tasks today',
    body: 'Tasks',
    status: 'failed',
    error: 'Connection refused',
    createdAt: ctx.clock.now(),
  });
  await createUser(db, audit, {
    email: `new.starter.${org.organisationId.slice(0, 8)}@example.org`,
    name: 'New Starter',
    role: 'practitioner',
  });
}

beforeAll(async () => {
  ctx = await startTestApp();
  for (const [org, name] of [
    [ctx.org, 'Service improvement plan'],
    [ctx.other, 'Westbrook improvement plan'],
  ] as const) {
    await importInto(ctx, org, timescalesExtract());
    await smallPlan(ctx, org, name);
    const clerk = actorOf(org, 'committee_clerk');
    // Promised for 1 November and not done: overdue on the committee's list.
    await plans.addOutstandingAction(ctx.oversight.database.db, clerk, auditCtx(clerk, ctx.clock.now()), {
      committeeName: `${name} committee`,
      committeeKey: 'safeguarding',
      action: 'Circulate the missing children report',
      dateAdded: '2026-10-01',
      agendaItem: 'Item 6',
      officer: 'Head of Service, Children in Care',
      targetDate: '2026-11-01',
    });
    await problems(org);
  }
});
afterAll(async () => ctx.close());

const rowCount = (html: string) => (html.match(/<tr class="govuk-table__row">/g) ?? []).length - 1;

describe('home page for each role', () => {
  it('gives a practitioner their children whose views are due, and their plan actions', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const rows = homeRows((await priya.get('/')).body);
    const views = rows.get('Children whose views were last recorded more than three months ago');
    expect(views?.count).toBe(2);
    const list = await follow(priya, views);
    expect(list).toContain('Rowan Ashgrove');
    expect(list).toContain('Kit Mallory');
    expect(list).not.toContain('Dawit Haile');
    // Action 1.1 is Priya's: not past its end date, reviewed when added.
    expect(rows.get('Actions past their end date')?.count).toBe(0);
    expect(await follow(priya, rows.get('Actions past their end date'))).toContain(
      'None of the actions you lead',
    );
    // Nothing for the service, imports, mail or users.
    for (const text of [
      'Plans with red or overdue actions',
      'Imports that failed or were rejected since the last one that worked',
      'Messages that could not be sent',
      'People invited who have not yet signed in',
      'Supervision actions agreed at three or more supervisions and still not done',
    ]) {
      expect(rows.has(text), text).toBe(false);
    }
  });

  it("gives a team manager the team's children whose views are due", async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const rows = homeRows((await manager.get('/')).body);
    const views = rows.get('Children in your team whose views were last recorded more than three months ago');
    expect(views?.count).toBe(3);
    const list = await follow(manager, views);
    for (const name of ['Rowan Ashgrove', 'Kit Mallory', 'Dawit Haile']) expect(list).toContain(name);
    // The team's own repeated supervision actions: none here, and the list opens.
    const repeated = rows.get(
      'Supervision actions in your team agreed at three or more supervisions and still not done',
    );
    expect(repeated?.count).toBe(0);
    await follow(manager, repeated);
    expect(rows.has('Supervision actions agreed at three or more supervisions and still not done')).toBe(
      false,
    );
    // Nobody in the team has a supervision recorded: every worker needs one.
    const supervision = rows.get('Workers whose monthly supervision is overdue, or who have none recorded');
    expect(supervision?.count).toBeGreaterThan(0);
    const due = await follow(manager, supervision);
    expect((due.match(/Needed now/g) ?? []).length).toBe(supervision!.count);
  });

  it('gives a service manager plans with red or overdue actions, their own overdue action, repeated supervision actions and imports', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const rows = homeRows((await manager.get('/')).body);
    const flagged = rows.get('Plans with red or overdue actions');
    // The service plan (action 1.2 overdue) and the committee's outstanding actions list.
    expect(flagged?.count).toBe(2);
    const plansList = await follow(manager, flagged);
    expect(plansList).toContain('>Service improvement plan<');
    expect(plansList).toContain('Service improvement plan committee');
    expect(plansList).not.toContain('Westbrook');
    const mine = rows.get('Actions past their end date');
    expect(mine?.count).toBe(1);
    expect(await follow(manager, mine)).toContain('Train all practitioners in direct work tools');
    const repeated = rows.get('Supervision actions agreed at three or more supervisions and still not done');
    expect(repeated?.count).toBe(0);
    await follow(manager, repeated);
    const imports = rows.get('Imports that failed or were rejected since the last one that worked');
    expect(imports?.count).toBe(1);
    const importList = await follow(manager, imports);
    expect(importList).toContain('Rejected');
    expect(importList).not.toContain('Imported');
    expect(rows.get('Children whose views were last recorded more than three months ago')?.count).toBe(3);
  });

  it('gives an administrator failed imports, failed mail and people who never signed in, and nothing about children', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const page = await admin.get('/');
    const rows = homeRows(page.body);
    expect(rows.get('Imports that failed or were rejected since the last one that worked')?.count).toBe(1);
    const mail = rows.get('Messages that could not be sent');
    expect(mail?.count).toBe(1);
    const outbox = await follow(admin, mail);
    expect(outbox).toContain('Your statutory tasks today');
    expect(rowCount(outbox)).toBe(1);
    const invited = rows.get('People invited who have not yet signed in');
    expect(invited?.count).toBe(1);
    expect(await follow(admin, invited)).toContain('New Starter');
    expect(headings(page.body)).toEqual(['SSD imports', 'Mail', 'Users']);
  });

  it('tells roles whose work is not in Oversight yet so, plainly, with the pages they can use', async () => {
    for (const role of ['committee_member', 'independent_auditor']) {
      const person = await signedIn(ctx, emailOf(ctx.org, role));
      const page = await person.get('/');
      expect(page.statusCode).toBe(200);
      expect(homeRows(page.body).size, role).toBe(0);
      expect(page.body, role).toContain('Nothing in Oversight asks for your attention in your role yet.');
    }
  });

  it("gives a committee clerk the committees' outstanding actions lists with overdue actions", async () => {
    const clerk = await signedIn(ctx, emailOf(ctx.org, 'committee_clerk'));
    const rows = homeRows((await clerk.get('/')).body);
    const lists = rows.get('Outstanding actions lists with red or overdue actions');
    expect(lists?.count).toBe(1);
    const list = await follow(clerk, lists);
    expect(list).toContain('Service improvement plan committee');
    expect(list).not.toContain('>Service improvement plan<');
    expect(list).not.toContain('Westbrook');
    expect(rows.has('Plans with red or overdue actions')).toBe(false);
  });

  it('keeps the page up when one module cannot load its counts', async () => {
    const compliance = ctx.app.deps.modules.find((m) => m.name === 'compliance')!;
    const provider = compliance.homeItems![0]!;
    const load = provider.load;
    provider.load = async () => {
      throw new Error('simulated failure');
    };
    try {
      const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
      const page = await priya.get('/');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('These counts could not be loaded');
      expect(
        homeRows(page.body).get('Children whose views were last recorded more than three months ago')?.count,
      ).toBe(2);
    } finally {
      provider.load = load;
    }
  });
});
