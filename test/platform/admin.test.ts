import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/platform/db/client';
import { auditActions, newestMessageTo } from '../helpers/admin';
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

    expect(await auditActions(ctx, id)).toEqual(
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
    expect(await auditActions(ctx, id)).toEqual(
      expect.arrayContaining(['user.deactivate', 'user.reactivate']),
    );
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
    expect(await auditActions(ctx, id)).toEqual(
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

describe('outbox', () => {
  it('lists the organisation’s messages newest first and audits opening one', async () => {
    const a = await admin();
    const list = await a.get('/admin/outbox');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('In outbox');
    expect(list.body).toContain('this service is not set up to send email'.replace('this', 'This'));
    const { href } = await newestMessageTo(a, 'short.stay@oakhaven.example');
    const id = href.split('/').pop()!;
    expect(await auditActions(ctx, id)).toContain('mail.view');
    expect((await a.get('/admin/outbox/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
