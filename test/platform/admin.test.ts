import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/platform/audit/service';
import { nonWorkingDaysFor } from '../../src/platform/calendar/service';
import { today } from '../../src/platform/clock';
import { rawRows } from '../../src/platform/db/client';
import { type Agent, agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

const NEW_PASSWORD = 'quiet lantern meadow river';
const LINK = /\/account\/set-password\/([A-Za-z0-9_-]{20,})/;

const db = () => ctx.oversight.database.db;
const admin = () => signedIn(ctx, emailOf(ctx.org, 'administrator'));

async function auditActions(recordId: string): Promise<string[]> {
  const rows = await rawRows<{ action: string }>(
    db(),
    sql`select action from access_audit where record_id = ${recordId} order by id`,
  );
  return rows.map((r) => r.action);
}

async function userRow(id: string) {
  const [row] = await rawRows<{
    active: boolean;
    password_hash: string | null;
    role: string;
    team_id: string | null;
    organisation_id: string;
  }>(db(), sql`select active, password_hash, role, team_id, organisation_id from users where id = ${id}`);
  return row!;
}

/** The newest message to an address, read as an administrator reads it: through the outbox pages. */
async function newestMessageTo(a: Agent, email: string): Promise<{ href: string; body: string }> {
  const list = await a.get('/admin/outbox');
  expect(list.statusCode).toBe(200);
  const rows = list.body.split('<tr class="govuk-table__row">').slice(2);
  const row = rows.find((r) => r.includes(email));
  expect(row, `a message to ${email} in the outbox`).toBeTruthy();
  const href = row!.match(/href="(\/admin\/outbox\/[0-9a-f-]+)"/)![1]!;
  const message = await a.get(href);
  expect(message.statusCode).toBe(200);
  return { href, body: message.body };
}

/**
 * The set-password link as the addressee receives it (the stored message, as
 * a mailbox would hold it). The administrator's outbox view hides it.
 */
async function linkFor(a: Agent, email: string): Promise<string> {
  const { body: shown } = await newestMessageTo(a, email);
  expect(shown).not.toMatch(LINK);
  expect(shown).toContain('/account/set-password/[link hidden: only the addressee receives it]');
  const [received] = await rawRows<{ body: string }>(
    db(),
    sql`select body from mail_messages where to_address = ${email} order by created_at desc limit 1`,
  );
  const match = received!.body.match(LINK);
  expect(match, 'a set-password link in the message').toBeTruthy();
  return match![0];
}

async function invite(a: Agent, email: string, extra: Record<string, string> = {}): Promise<string> {
  const res = await a.post('/admin/users/invite', {
    name: 'Nia Okoro',
    email,
    jobTitle: 'Social worker',
    role: 'practitioner',
    teamId: ctx.org.teamIds.assessment!,
    ...extra,
  });
  expect(res.statusCode, res.body.slice(0, 200)).toBe(302);
  const id = res.headers.location!.split('/').pop()!;
  expect(res.headers.location).toBe(`/admin/users/${id}`);
  if (!['committee_clerk', 'committee_member', 'administrator'].includes(extra.role ?? 'practitioner'))
    await approveRole(id);
  return id;
}

/** A senior leader approves the role an administrator asked for (separation of duties). */
async function approveRole(id: string, decision: 'approve' | 'reject' = 'approve') {
  const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
  const res = await leader.post(`/admin/approvals/${id}`, { decision });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(302);
}

async function setPassword(link: string, password = NEW_PASSWORD) {
  const visitor = agent(ctx);
  const page = await visitor.get(link);
  expect(page.statusCode).toBe(200);
  return visitor.post(link, { password, confirm: password });
}

async function signInStatus(email: string, password: string): Promise<number> {
  const a = agent(ctx);
  await a.get('/sign-in');
  return (await a.post('/sign-in', { email, password })).statusCode;
}

describe('inviting a user', () => {
  it('creates the account without a password, sends a single-use link, and the person sets a password and signs in', async () => {
    const a = await admin();
    const email = 'nia.okoro@oakhaven.example';
    const id = await invite(a, email);
    const view = await a.get(`/admin/users/${id}`);
    expect(view.body).toContain('Account created');
    expect(view.body).toContain('Nia Okoro');
    expect(view.body).toContain('Invited');
    expect(view.body).toContain('Assessment Team');

    const created = await userRow(id);
    expect(created.password_hash).toBeNull();
    expect(created.organisation_id).toBe(ctx.org.organisationId);
    expect(created.role).toBe('practitioner');
    expect(await signInStatus(email, NEW_PASSWORD)).toBe(401);

    const link = await linkFor(a, email);
    const token = link.match(LINK)![1]!;
    const [stored] = await rawRows<{ token_hash: string; expires_at: Date; purpose: string }>(
      db(),
      sql`select token_hash, expires_at, purpose from password_tokens where user_id = ${id}`,
    );
    expect(stored!.token_hash).not.toBe(token);
    expect(stored!.purpose).toBe('invitation');
    expect(new Date(stored!.expires_at).getTime() - ctx.clock.now().getTime()).toBe(7 * 86_400_000);
    const [leak] = await rawRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from password_tokens where token_hash = ${token}`,
    );
    expect(leak!.n).toBe(0);

    const visitor = agent(ctx);
    const page = await visitor.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Set your password');
    expect(page.body).toContain(email);
    const mismatch = await visitor.post(link, { password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}x` });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('The passwords do not match');
    const done = await visitor.post(link, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/sign-in');
    expect((await visitor.get('/sign-in')).body).toContain('Your password is set');

    const person = await signedIn(ctx, email, NEW_PASSWORD);
    const account = await person.get('/account');
    expect(account.body).toContain('Nia Okoro');
    expect(account.body).toContain('Assessment Team');
    const again = await agent(ctx).get(link);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Ask your Oversight administrator to send you a new link');

    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['user.create', 'user.invite', 'user.view', 'user.set-password', 'sign-in']),
    );
  });

  it('says what is wrong with an incomplete invitation, a duplicate email or a team of another organisation, and creates nothing', async () => {
    const a = await admin();
    const [before] = await rawRows<{ n: number }>(db(), sql`select count(*)::int as n from users`);
    const empty = await a.post('/admin/users/invite', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('Enter the person’s full name');
    expect(empty.body).toContain('Enter their email address');
    expect(empty.body).toContain('Select a role');

    const duplicate = await a.post('/admin/users/invite', {
      name: 'Someone Else',
      email: emailOf(ctx.other, 'practitioner').toUpperCase(),
      role: 'practitioner',
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('A user with this email address already exists');

    const foreignTeam = await a.post('/admin/users/invite', {
      name: 'Someone Else',
      email: 'someone.else@oakhaven.example',
      role: 'team_manager',
      teamId: ctx.other.teamIds.assessment!,
    });
    expect(foreignTeam.statusCode).toBe(400);
    expect(foreignTeam.body).toContain('Select a team from the list');
    expect(foreignTeam.body).toContain('value="someone.else@oakhaven.example"');

    const [after] = await rawRows<{ n: number }>(db(), sql`select count(*)::int as n from users`);
    expect(after!.n).toBe(before!.n);
  });

  it('stops a link working after 7 days', async () => {
    const a = await admin();
    const email = 'late.starter@oakhaven.example';
    await invite(a, email, { name: 'Late Starter' });
    const link = await linkFor(a, email);
    ctx.clock.advance(7 * 86_400_000 - 60_000);
    expect((await agent(ctx).get(link)).statusCode).toBe(200);
    ctx.clock.advance(120_000);
    const expired = await agent(ctx).get(link);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link cannot be used');
  });
});

describe('changing role and team', () => {
  it('changes both, records what changed, and refuses to change the administrator’s own role', async () => {
    const a = await admin();
    const id = ctx.org.userIds.qa_officer;
    const res = await a.post(`/admin/users/${id}/edit`, {
      role: 'service_manager',
      teamId: ctx.org.teamIds['children-in-care']!,
    });
    expect(res.statusCode).toBe(302);
    // The team changes at once; a role that sees children waits for a senior leader's approval.
    expect((await userRow(id)).role).toBe('qa_officer');
    await approveRole(id);
    const row = await userRow(id);
    expect(row.role).toBe('service_manager');
    expect(row.team_id).toBe(ctx.org.teamIds['children-in-care']);
    const events = await rawRows<{ action: string; detail: string; user_id: string }>(
      db(),
      sql`select action, detail, user_id from access_audit
          where action in ('user.role.request', 'user.update', 'user.role.approve') and record_id = ${id} order by id`,
    );
    expect(events.map((e) => [e.action, e.detail, e.user_id])).toEqual([
      [
        'user.role.request',
        "role service_manager asked for; waits for a senior leader's approval",
        ctx.org.userIds.administrator,
      ],
      [
        'user.update',
        'team Quality Assurance Service to Children in Care Team',
        ctx.org.userIds.administrator,
      ],
      ['user.role.approve', 'role service_manager approved', ctx.org.userIds.senior_leader],
    ]);

    const unknownRole = await a.post(`/admin/users/${id}/edit`, { role: 'superuser', teamId: '' });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.body).toContain('Select a role');

    const self = await a.post(`/admin/users/${ctx.org.userIds.administrator}/edit`, {
      role: 'practitioner',
      teamId: '',
    });
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain('You cannot change your own role');
    expect((await userRow(ctx.org.userIds.administrator)).role).toBe('administrator');

    await a.post(`/admin/users/${id}/edit`, { role: 'qa_officer', teamId: ctx.org.teamIds.quality! });
    await approveRole(id);
    expect((await userRow(id)).role).toBe('qa_officer');
  });
});

describe('separation of duties', () => {
  it('lets no administrator give a role that sees children without a senior leader, and audits both', async () => {
    const a = await admin();
    const email = 'alt.identity@oakhaven.example';
    const res = await a.post('/admin/users/invite', {
      name: 'Alt Identity',
      email,
      role: 'senior_leader',
      teamId: '',
    });
    expect(res.statusCode).toBe(302);
    const id = res.headers.location!.split('/').pop()!;
    expect((await userRow(id)).role).toBe('pending_approval');
    // The invited person sets a password (from their own mailbox) but cannot sign in yet.
    await setPassword(await linkFor(a, email));
    expect(await signInStatus(email, NEW_PASSWORD)).toBe(401);
    // The administrator cannot approve; a senior leader can, and the page lists the request.
    expect((await a.get('/admin/approvals')).statusCode).toBe(403);
    expect((await a.post(`/admin/approvals/${id}`, { decision: 'approve' })).statusCode).toBe(403);
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const page = await leader.get('/admin/approvals');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Alt Identity');
    await approveRole(id, 'reject');
    expect((await userRow(id)).role).toBe('pending_approval');
    expect(await signInStatus(email, NEW_PASSWORD)).toBe(401);
    const actions = await rawRows<{ action: string }>(
      db(),
      sql`select action from access_audit where record_id = ${id} and action like 'user.role.%' order by id`,
    );
    expect(actions.map((r) => r.action)).toEqual(['user.role.request', 'user.role.reject']);
  });
});

describe('deactivating and reactivating', () => {
  it('ends the person’s sessions at once, refuses their sign-in, and reactivation lets them back', async () => {
    const a = await admin();
    const id = ctx.org.userIds.independent_auditor;
    const email = emailOf(ctx.org, 'independent_auditor');
    const person = await signedIn(ctx, email);
    expect((await person.get('/')).statusCode).toBe(200);

    const confirm = await a.get(`/admin/users/${id}/deactivate`);
    expect(confirm.statusCode).toBe(200);
    const res = await a.post(`/admin/users/${id}/deactivate`, { reason: 'Contract ended on 13 November' });
    expect(res.statusCode).toBe(302);
    expect((await userRow(id)).active).toBe(false);

    const after = await person.get('/');
    expect(after.statusCode).toBe(302);
    expect(after.headers.location).toMatch(/^\/sign-in/);
    expect(await signInStatus(email, ctx.org.password)).toBe(401);
    const [event] = await rawRows<{ reason: string }>(
      db(),
      sql`select reason from access_audit where action = 'user.deactivate' and record_id = ${id}`,
    );
    expect(event!.reason).toBe('Contract ended on 13 November');

    const list = await a.get('/admin/users?status=deactivated');
    expect(list.body).toContain(email);
    expect(list.body).not.toContain(emailOf(ctx.org, 'practitioner'));

    expect((await a.post(`/admin/users/${id}/reactivate`)).statusCode).toBe(302);
    expect((await userRow(id)).active).toBe(true);
    await signedIn(ctx, email);
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['user.deactivate', 'user.reactivate']));
  });

  it('never deletes a user', async () => {
    const [row] = await rawRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from users where id = ${ctx.org.userIds.independent_auditor}`,
    );
    expect(row!.n).toBe(1);
  });

  it('does not let an administrator deactivate themself or reset their own password', async () => {
    const a = await admin();
    const res = await a.post(`/admin/users/${ctx.org.userIds.administrator}/deactivate`, {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('You cannot deactivate your own account');
    expect((await userRow(ctx.org.userIds.administrator)).active).toBe(true);
    expect((await a.get('/admin')).statusCode).toBe(200);
    const own = await a.get(`/admin/users/${ctx.org.userIds.administrator}`);
    expect(own.body).not.toContain('Deactivate account');
    expect(own.body).not.toContain('Reset password');
    const reset = await a.post(`/admin/users/${ctx.org.userIds.administrator}/reset-password`);
    expect(reset.statusCode).toBe(400);
    expect(reset.body).toContain('To change your own password, use Your account');
    expect((await userRow(ctx.org.userIds.administrator)).password_hash).not.toBeNull();
    expect((await a.get('/admin')).statusCode).toBe(200);
  });
});

describe('resetting a password', () => {
  it('sends a fresh link; the old link, the old password and the person’s sessions stop working', async () => {
    const a = await admin();
    const id = ctx.org.userIds.team_manager;
    const email = emailOf(ctx.org, 'team_manager');
    const person = await signedIn(ctx, email);

    expect((await a.post(`/admin/users/${id}/reset-password`)).statusCode).toBe(302);
    const first = await linkFor(a, email);
    expect((await person.get('/')).statusCode).toBe(302);
    expect(await signInStatus(email, ctx.org.password)).toBe(401);

    // The outbox lists newest first; a minute later makes "newest" unambiguous.
    ctx.clock.advanceMinutes(1);
    expect((await a.post(`/admin/users/${id}/reset-password`)).statusCode).toBe(302);
    const second = await linkFor(a, email);
    expect(second).not.toBe(first);
    expect((await agent(ctx).get(first)).statusCode).toBe(410);
    const late = agent(ctx);
    await late.get('/sign-in');
    expect((await late.post(first, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).statusCode).toBe(410);

    const done = await setPassword(second);
    expect(done.statusCode).toBe(302);
    await signedIn(ctx, email, NEW_PASSWORD);
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['user.reset-password', 'user.set-password']),
    );
  });

  it('sends a new invitation to someone who never set a password, and only the newest link works', async () => {
    const a = await admin();
    const email = 'slow.reader@oakhaven.example';
    const id = await invite(a, email, { name: 'Slow Reader' });
    const first = await linkFor(a, email);
    const page = await a.get(`/admin/users/${id}/reset-password`);
    expect(page.body).toContain('Send Slow Reader a new invitation');
    ctx.clock.advanceMinutes(1);
    expect((await a.post(`/admin/users/${id}/reset-password`)).statusCode).toBe(302);
    const second = await linkFor(a, email);
    expect((await agent(ctx).get(first)).statusCode).toBe(410);
    expect((await agent(ctx).get(second)).statusCode).toBe(200);
  });

  it('refuses a link for a deactivated account', async () => {
    const a = await admin();
    const email = 'short.stay@oakhaven.example';
    const id = await invite(a, email, { name: 'Short Stay' });
    const link = await linkFor(a, email);
    await a.post(`/admin/users/${id}/deactivate`, {});
    expect((await agent(ctx).get(link)).statusCode).toBe(410);
    const refused = await a.post(`/admin/users/${id}/reset-password`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Reactivate it before sending a link');
  });
});

describe('another organisation', () => {
  it('answers 404 for its users on every user page and action, and changes nothing', async () => {
    const a = await admin();
    const id = ctx.other.userIds.practitioner;
    for (const path of ['', '/edit', '/deactivate', '/reset-password']) {
      expect((await a.get(`/admin/users/${id}${path}`)).statusCode, path).toBe(404);
    }
    for (const path of ['/edit', '/deactivate', '/reactivate', '/reset-password']) {
      const res = await a.post(`/admin/users/${id}${path}`, { role: 'administrator', teamId: '' });
      expect(res.statusCode, path).toBe(404);
    }
    const row = await userRow(id);
    expect(row.active).toBe(true);
    expect(row.role).toBe('practitioner');
    expect(row.password_hash).not.toBeNull();
    expect((await a.get('/admin/users/not-a-user-id')).statusCode).toBe(404);
  });

  it('never lists its users, messages or audit events', async () => {
    const a = await admin();
    await ctx.oversight.mailer.send(db(), {
      organisationId: ctx.other.organisationId,
      to: emailOf(ctx.other, 'practitioner'),
      toUserId: ctx.other.userIds.practitioner,
      subject: 'Westbrook only',
      body: 'For Westbrook.',
    });
    const [message] = await rawRows<{ id: string }>(
      db(),
      sql`select id from mail_messages where subject = 'Westbrook only'`,
    );
    expect((await a.get('/admin/users')).body).not.toContain('westbrook.example');
    expect((await a.get('/admin/outbox')).body).not.toContain('Westbrook only');
    expect((await a.get(`/admin/outbox/${message!.id}`)).statusCode).toBe(404);
    const audit = await a.get(`/admin/audit?user=${ctx.other.userIds.administrator}`);
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('No events match the filters');
    const csv = await a.get('/admin/audit/export.csv');
    expect(csv.body).not.toContain('westbrook.example');
    expect(csv.body).toContain('oakhaven.example');
  });
});

describe('user list', () => {
  it('filters by role, team and status', async () => {
    const a = await admin();
    const all = await a.get('/admin/users');
    expect(all.statusCode).toBe(200);
    for (const u of ctx.org.users) expect(all.body).toContain(u.email);

    const managers = await a.get('/admin/users?role=team_manager');
    expect(managers.body).toContain(emailOf(ctx.org, 'team_manager'));
    expect(managers.body).not.toContain(emailOf(ctx.org, 'practitioner'));

    const quality = await a.get(`/admin/users?team=${ctx.org.teamIds.quality}`);
    expect(quality.body).toContain(emailOf(ctx.org, 'qa_officer'));
    expect(quality.body).not.toContain(emailOf(ctx.org, 'senior_leader'));

    const invited = await a.get('/admin/users?status=invited');
    expect(invited.body).toContain('slow.reader@oakhaven.example');
    expect(invited.body).not.toContain(emailOf(ctx.org, 'senior_leader'));

    const junk = await a.get('/admin/users?role=superuser&team=x&status=gone&page=-3');
    expect(junk.statusCode).toBe(200);
    expect(junk.body).toContain(emailOf(ctx.org, 'senior_leader'));
  });
});

/** The record ids of the events in the audit table, in page order. */
function eventRecordIds(body: string): number[] {
  return [...body.matchAll(/<span class="app-reference">CHILD-(\d{3})<\/span>/g)].map((m) => Number(m[1]));
}

describe('access audit page', () => {
  const base = Date.parse('2026-10-01T12:00:00Z');

  beforeAll(async () => {
    // 60 events a day apart (1 October to 29 November), plus one from another organisation.
    for (let i = 0; i < 60; i++) {
      await recordAudit(
        db(),
        {
          organisationId: ctx.org.organisationId,
          userId: ctx.org.userIds.practitioner,
          ip: '192.0.2.10',
          userAgent: i === 59 ? '=HYPERLINK("http://attacker.example")' : 'test agent',
          requestId: null,
          at: new Date(base + i * 86_400_000),
        },
        { action: 'child.view', recordType: 'child', recordId: `CHILD-${String(i).padStart(3, '0')}` },
      );
    }
    await recordAudit(
      db(),
      {
        organisationId: ctx.other.organisationId,
        userId: ctx.other.userIds.practitioner,
        ip: null,
        userAgent: null,
        requestId: null,
        at: new Date(base),
      },
      { action: 'child.view', recordType: 'child', recordId: 'WESTBROOK-CHILD' },
    );
  });

  it('shows events newest first, 50 to a page, and records each reading', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const first = await a.get('/admin/audit?action=child.view');
    expect(first.statusCode).toBe(200);
    const ids = eventRecordIds;
    const page1 = ids(first.body);
    expect(page1).toHaveLength(50);
    expect(page1[0]).toBe(59);
    expect(page1[49]).toBe(10);
    expect(first.body).toContain('Showing 1 to 50 of 60');
    expect(first.body).not.toContain('WESTBROOK-CHILD');
    const second = await a.get('/admin/audit?action=child.view&page=2');
    expect(ids(second.body)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    // Each page of the list has its own title.
    expect(first.body).toContain('<title>Access audit, page 1 of 2 – Oversight</title>');
    expect(second.body).toContain('<title>Access audit, page 2 of 2 – Oversight</title>');

    const [reads] = await rawRows<{ n: number; detail: string }>(
      db(),
      sql`select count(*)::int as n, max(detail) as detail from access_audit
          where action = 'audit.view' and user_id = ${ctx.org.userIds.senior_leader}`,
    );
    expect(reads!.n).toBe(2);
    expect(reads!.detail).toBe('action=child.view; page=2');
  });

  it('filters by dates (London days), person, action family, record type and record id', async () => {
    const a = await admin();
    const ids = eventRecordIds;
    expect(ids((await a.get('/admin/audit?action=child&from=5/10/2026&to=2026-10-07')).body)).toEqual([
      6, 5, 4,
    ]);
    expect(ids((await a.get('/admin/audit?recordType=child&recordId=CHILD-042')).body)).toEqual([42]);
    const byPerson = await a.get(
      `/admin/audit?user=${ctx.org.userIds.practitioner}&action=child.view&from=28/11/2026`,
    );
    expect(ids(byPerson.body)).toEqual([59, 58]);
    const nobody = await a.get(`/admin/audit?user=${ctx.org.userIds.qa_officer}&action=child.view`);
    expect(ids(nobody.body)).toEqual([]);
    expect(nobody.body).toContain('No events match the filters');
    expect(ids((await a.get('/admin/audit?action=child.vie')).body)).toEqual([]);
  });

  it('takes the date range in GOV.UK date inputs, and shows the dates of a link in them', async () => {
    const a = await admin();
    const ids = eventRecordIds;
    const boxes = await a.get(
      '/admin/audit?action=child&from-day=5&from-month=10&from-year=2026&to-day=7&to-month=10&to-year=2026',
    );
    expect(ids(boxes.body)).toEqual([6, 5, 4]);
    expect(boxes.body).toContain('name="from-day"');
    expect(boxes.body).not.toContain('1/11/2026');
    // A page link carries ISO dates: the boxes show them as day, month and year.
    const linked = await a.get('/admin/audit?action=child&from=2026-10-05');
    expect(linked.body).toMatch(/name="from-day"[^>]*value="5"|value="5"[^>]*name="from-day"/);
    expect(linked.body).toMatch(/name="from-year"[^>]*value="2026"|value="2026"[^>]*name="from-year"/);
    const bad = await a.get('/admin/audit?from-day=31&from-month=2&from-year=2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Date from must be a real date');
    const part = await a.get('/admin/audit?to-day=3&to-year=2026');
    expect(part.body).toContain('Date to must include a month');
  });

  it('says what is wrong with a filter it cannot read', async () => {
    const a = await admin();
    const bad = await a.get('/admin/audit?from=31/2/2026&to=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Date from must be a real date');
    expect(bad.body).toContain('Date to must be a real date');
    const backwards = await a.get('/admin/audit?from=10/10/2026&to=1/10/2026');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('Date to must be the same as or after date from');
    expect((await a.get('/admin/audit/export.csv?from=nonsense')).statusCode).toBe(400);
  });

  it('exports the filtered events as CSV with a header and a dated file name, safe to open, and audited', async () => {
    const a = await admin();
    const res = await a.get('/admin/audit/export.csv?action=child.view&from=1/11/2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="OFFICIAL-SENSITIVE_access-audit-${today(ctx.clock)}.csv"`,
    );
    const records = parse(res.body) as string[][];
    expect(records[0]).toEqual([
      'Event id',
      'When (UTC)',
      'User id',
      'User name',
      'User email',
      'Action',
      'Record type',
      'Record id',
      'Reason',
      'Detail',
      'Address',
      'User agent',
      'Request id',
    ]);
    const rows = records.slice(1);
    // 1 to 29 November: events 31 to 59.
    expect(rows).toHaveLength(29);
    expect(rows[0]![7]).toBe('CHILD-059');
    expect(rows[28]![7]).toBe('CHILD-031');
    expect(rows[0]![1]).toBe('2026-11-29T12:00:00.000Z');
    expect(rows[0]![3]).toBe('Priya Ashdown');
    expect(rows[0]![4]).toBe(emailOf(ctx.org, 'practitioner'));
    expect(rows[0]![11]).toBe('\'=HYPERLINK("http://attacker.example")');
    expect(rows.every((r) => r[5] === 'child.view')).toBe(true);

    const [event] = await rawRows<{ detail: string }>(
      db(),
      sql`select detail from access_audit where action = 'audit.export' and user_id = ${ctx.org.userIds.administrator}
          order by id desc limit 1`,
    );
    expect(event!.detail).toBe('from=2026-11-01; action=child.view');
  });

  it('exports more events than one batch without losing or repeating any', async () => {
    const at = new Date('2026-09-01T08:00:00Z');
    for (let i = 0; i < 1005; i++) {
      await recordAudit(
        db(),
        {
          organisationId: ctx.org.organisationId,
          userId: null,
          ip: null,
          userAgent: null,
          requestId: null,
          at,
        },
        { action: 'bulk.event', recordId: `B${i}` },
      );
    }
    const a = await admin();
    const rows = (parse((await a.get('/admin/audit/export.csv?action=bulk.event')).body) as string[][]).slice(
      1,
    );
    expect(rows).toHaveLength(1005);
    expect(new Set(rows.map((r) => r[7])).size).toBe(1005);
    expect(rows[0]![7]).toBe('B1004');
  });
});

describe('outbox', () => {
  it('lists the organisation’s messages newest first and audits opening one', async () => {
    const a = await admin();
    const list = await a.get('/admin/outbox');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('In outbox');
    expect(list.body).toContain('this service is not set up to send email'.replace('this', 'This'));
    const { href } = await newestMessageTo(a, 'short.stay@oakhaven.example');
    const id = href.split('/').pop()!;
    expect(await auditActions(id)).toContain('mail.view');
    expect((await a.get('/admin/outbox/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('calendar', () => {
  it('adds a non-working day that working-day sums then skip, and removes it again', async () => {
    const a = await admin();
    const res = await a.post('/admin/calendar', {
      'date-day': '23',
      'date-month': '12',
      'date-year': '2026',
      name: 'Council closure day',
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/admin/calendar?year=2026');
    const page = await a.get('/admin/calendar?year=2026');
    expect(page.body).toContain('Council closure day');
    expect(page.body).toContain('23 December 2026');
    expect(page.body).toContain('Christmas Day');
    expect(await nonWorkingDaysFor(db(), ctx.org.organisationId)).toContain('2026-12-23');
    expect(await nonWorkingDaysFor(db(), ctx.other.organisationId)).not.toContain('2026-12-23');

    const [day] = await rawRows<{ id: string }>(
      db(),
      sql`select id from non_working_days where name = 'Council closure day'`,
    );
    expect(await auditActions(day!.id)).toEqual(['calendar.add']);
    expect((await a.post(`/admin/calendar/${day!.id}/remove`)).statusCode).toBe(302);
    expect(await nonWorkingDaysFor(db(), ctx.org.organisationId)).not.toContain('2026-12-23');
    expect(await auditActions(day!.id)).toEqual(['calendar.add', 'calendar.remove']);
  });

  it('refuses a weekend, a day that is already non-working, an unreal date and a missing name', async () => {
    const a = await admin();
    const post = (d: string, m: string, y: string, name = 'Closure') =>
      a.post('/admin/calendar', { 'date-day': d, 'date-month': m, 'date-year': y, name });
    const christmas = await post('25', '12', '2026');
    expect(christmas.statusCode).toBe(400);
    expect(christmas.body).toContain('25 December 2026 is already a non-working day (Christmas Day)');
    expect((await post('21', '11', '2026')).body).toContain('is a weekend day');
    expect((await post('30', '2', '2026')).body).toContain('must be a real date');
    const empty = await post('', '', '', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the date of the non-working day');
    expect(empty.body).toContain('Enter a name for the day');
  });

  it('does not remove a shipped bank holiday or another organisation’s day', async () => {
    const a = await admin();
    const [bank] = await rawRows<{ id: string }>(
      db(),
      sql`select id from non_working_days where organisation_id is null and date = '2026-12-25'`,
    );
    expect((await a.post(`/admin/calendar/${bank!.id}/remove`)).statusCode).toBe(404);
    const westbrook = await signedIn(ctx, emailOf(ctx.other, 'administrator'));
    await westbrook.post('/admin/calendar', {
      'date-day': '24',
      'date-month': '12',
      'date-year': '2026',
      name: 'Westbrook closure',
    });
    const [theirs] = await rawRows<{ id: string }>(
      db(),
      sql`select id from non_working_days where name = 'Westbrook closure'`,
    );
    expect((await a.post(`/admin/calendar/${theirs!.id}/remove`)).statusCode).toBe(404);
    expect((await a.get('/admin/calendar?year=2026')).body).not.toContain('Westbrook closure');
    expect(await nonWorkingDaysFor(db(), ctx.other.organisationId)).toContain('2026-12-24');
  });
});

describe('roles page', () => {
  it('shows every role, what children each may see, and permissions by role', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const res = await a.get('/admin/roles');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Committee member');
    expect(res.body).toContain('Only children on their own caseload');
    expect(res.body).toContain('No child-level records');
    expect(res.body).toContain('admin.users');
    expect(res.body).toContain('Invite, change, deactivate users and reset their passwords');
    const row = res.body
      .split('<code class="app-reference govuk-body-s">admin.users</code>')[1]!
      .split('</tr>')[0]!;
    // Nine role columns; only the administrator (the last) holds admin.users.
    expect([...row.matchAll(/<td class="govuk-table__cell">(.*?)<\/td>/g)].map((m) => m[1])).toEqual([
      ...Array(8).fill('No'),
      '<strong>Yes</strong>',
    ]);
  });
});
