import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePasswordLink, passwordLinkPath } from '../../src/platform/account/password-links';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/platform/auth/lockout';
import { newToken } from '../../src/platform/auth/tokens';
import { rawRows } from '../../src/platform/db/client';
import { agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

const db = () => ctx.oversight.database.db;
const GOOD = 'harbour violet thunder kettle';

/** A link made the way the administration pages make one. */
async function linkFor(role: string, purpose: 'invitation' | 'reset' = 'reset'): Promise<string> {
  const { token } = await issuePasswordLink(
    db(),
    { secret: ctx.config.sessionSecret, clock: ctx.clock },
    { id: ctx.org.userIds[role as keyof typeof ctx.org.userIds], organisationId: ctx.org.organisationId },
    purpose,
  );
  return passwordLinkPath(token);
}

async function visit(link: string) {
  const visitor = agent(ctx);
  const page = await visitor.get(link);
  return { visitor, page };
}

describe('set-password page', () => {
  it('answers every unusable link with the same clear page', async () => {
    for (const link of [
      passwordLinkPath(newToken()),
      '/account/set-password/not-a-token',
      `/account/set-password/${'a'.repeat(90)}`,
    ]) {
      const { page } = await visit(link);
      expect(page.statusCode, link).toBe(410);
      expect(page.body).toContain('This link cannot be used');
      expect(page.body).toContain('Ask your Oversight administrator to send you a new link');
    }
  });

  it('explains each password rule, keeps the link usable after a mistake, and shows no other page data', async () => {
    const link = await linkFor('committee_clerk');
    const { visitor, page } = await visit(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(emailOf(ctx.org, 'committee_clerk'));
    expect(page.body).toContain('autocomplete="new-password"');
    expect(page.headers['cache-control']).toBe('no-store');

    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'Enter a new password'],
      [{ password: 'short words', confirm: 'short words' }, 'Password must be 12 characters or more'],
      [{ password: 'password1234', confirm: 'password1234' }, 'Password is too common'],
      [
        { password: 'clerk the best of all', confirm: 'clerk the best of all' },
        'must not contain your email address',
      ],
      [{ password: GOOD, confirm: 'something else entirely' }, 'The passwords do not match'],
    ];
    for (const [form, message] of cases) {
      const res = await visitor.post(link, form);
      expect(res.statusCode, message).toBe(400);
      expect(res.body).toContain('There is a problem');
      expect(res.body).toContain(message);
      expect(res.body).not.toContain(GOOD);
    }
    const done = await visitor.post(link, { password: GOOD, confirm: GOOD });
    expect(done.statusCode).toBe(302);
    await signedIn(ctx, emailOf(ctx.org, 'committee_clerk'), GOOD);
  });

  it('refuses a link posted without the form token', async () => {
    const link = await linkFor('committee_member');
    const { visitor } = await visit(link);
    const res = await visitor.post(link, { password: GOOD, confirm: GOOD }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect((await agent(ctx).get(link)).statusCode).toBe(200);
  });

  it('signs the person out everywhere when they set a password, and the link works only once', async () => {
    const email = emailOf(ctx.org, 'service_manager');
    const before = await signedIn(ctx, email);
    const link = await linkFor('service_manager');
    const { visitor } = await visit(link);
    expect((await visitor.post(link, { password: GOOD, confirm: GOOD })).statusCode).toBe(302);
    expect((await before.get('/')).statusCode).toBe(302);
    const again = await visitor.post(link, { password: `${GOOD} again`, confirm: `${GOOD} again` });
    expect(again.statusCode).toBe(410);
    await signedIn(ctx, email, GOOD);
  });
});

describe('your account', () => {
  it('shows your details', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const res = await a.get('/account');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Priya Ashdown');
    expect(res.body).toContain('Social worker');
    expect(res.body).toContain('Children in Care Team');
    expect(res.body).toContain('Oakhaven Borough Council');
    expect(res.body).toContain('Practitioner');
  });

  it('changes the password with the current one, keeps this session and ends the others', async () => {
    const email = emailOf(ctx.org, 'qa_officer');
    const here = await signedIn(ctx, email);
    const elsewhere = await signedIn(ctx, email);

    // Every field empty: the error summary lists them in the order they are on the page.
    const empty = await here.post('/account/password', {});
    expect(empty.statusCode).toBe(400);
    const summary = empty.body.slice(
      empty.body.indexOf('govuk-error-summary__list'),
      empty.body.indexOf('</ul>', empty.body.indexOf('govuk-error-summary__list')),
    );
    expect([...summary.matchAll(/href="#([a-z]+)"/g)].map((m) => m[1])).toEqual([
      'current',
      'password',
      'confirm',
    ]);

    const wrong = await here.post('/account/password', {
      current: 'not my password',
      password: GOOD,
      confirm: GOOD,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Your current password is not right');
    const same = await here.post('/account/password', {
      current: ctx.org.password,
      password: ctx.org.password,
      confirm: ctx.org.password,
    });
    expect(same.statusCode).toBe(400);
    const weak = await here.post('/account/password', {
      current: ctx.org.password,
      password: 'qwertyuiop123',
      confirm: 'qwertyuiop123',
    });
    expect(weak.body).toContain('Password is too common');

    const done = await here.post('/account/password', {
      current: ctx.org.password,
      password: GOOD,
      confirm: GOOD,
    });
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/account');
    expect((await here.get('/account')).body).toContain('Your password is changed');
    expect((await elsewhere.get('/')).statusCode).toBe(302);

    const old = agent(ctx);
    await old.get('/sign-in');
    expect((await old.post('/sign-in', { email, password: ctx.org.password })).statusCode).toBe(401);
    await signedIn(ctx, email, GOOD);

    const actions = await rawRows<{ action: string }>(
      db(),
      sql`select action from access_audit where record_id = ${ctx.org.userIds.qa_officer} order by id`,
    );
    expect(actions.map((r) => r.action)).toEqual(
      expect.arrayContaining(['user.change-password.failed', 'user.change-password']),
    );
  });

  it('stops guessing at the current password after repeated wrong attempts', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const res = await a.post('/account/password', { current: `guess ${i}`, password: GOOD, confirm: GOOD });
      expect(res.body).toContain('Your current password is not right');
    }
    const locked = await a.post('/account/password', {
      current: ctx.org.password,
      password: GOOD,
      confirm: GOOD,
    });
    expect(locked.statusCode).toBe(400);
    expect(locked.body).toContain('too many wrong attempts');
    ctx.clock.advanceMinutes(16);
    const later = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const ok = await later.post('/account/password', {
      current: ctx.org.password,
      password: GOOD,
      confirm: GOOD,
    });
    expect(ok.statusCode).toBe(302);
  });
});

describe('your messages', () => {
  beforeAll(async () => {
    const send = (organisationId: string, to: string, toUserId: string, subject: string) =>
      ctx.oversight.mailer.send(db(), {
        organisationId,
        to,
        toUserId,
        subject,
        body: `Body of ${subject}.\n\nSecond paragraph <b>kept as text</b>.`,
      });
    ctx.clock.advanceMinutes(1);
    await send(
      ctx.org.organisationId,
      emailOf(ctx.org, 'team_manager'),
      ctx.org.userIds.team_manager,
      'Visit due for a child on your team',
    );
    ctx.clock.advanceMinutes(1);
    await send(
      ctx.org.organisationId,
      emailOf(ctx.org, 'team_manager'),
      ctx.org.userIds.team_manager,
      'Audit response overdue',
    );
    await send(
      ctx.org.organisationId,
      emailOf(ctx.org, 'practitioner'),
      ctx.org.userIds.practitioner,
      'For the practitioner only',
    );
    await send(
      ctx.other.organisationId,
      emailOf(ctx.other, 'team_manager'),
      ctx.other.userIds.team_manager,
      'Westbrook message',
    );
  });

  it('lists only the messages sent to you, newest first', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const res = await a.get('/account/messages');
    expect(res.statusCode).toBe(200);
    const overdue = res.body.indexOf('Audit response overdue');
    const visit = res.body.indexOf('Visit due for a child on your team');
    expect(overdue).toBeGreaterThan(0);
    expect(visit).toBeGreaterThan(overdue);
    expect(res.body).not.toContain('For the practitioner only');
    expect(res.body).not.toContain('Westbrook message');
    expect((await a.get('/account')).body).toContain('Messages sent to you</a> (2)');
  });

  it('opens your own message, escaped, and answers 404 for anyone else’s', async () => {
    const ids = await rawRows<{ id: string; subject: string }>(
      db(),
      sql`select id, subject from mail_messages`,
    );
    const idOf = (subject: string) => ids.find((r) => r.subject === subject)!.id;
    const a = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const mine = await a.get(`/account/messages/${idOf('Audit response overdue')}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Body of Audit response overdue.');
    expect(mine.body).toContain('&lt;b&gt;kept as text&lt;/b&gt;');
    expect((await a.get(`/account/messages/${idOf('For the practitioner only')}`)).statusCode).toBe(404);
    expect((await a.get(`/account/messages/${idOf('Westbrook message')}`)).statusCode).toBe(404);
    expect((await a.get('/account/messages/nonsense')).statusCode).toBe(404);
  });
});
