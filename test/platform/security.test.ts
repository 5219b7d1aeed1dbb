import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_FAILURES_PER_ACCOUNT } from '../../src/platform/auth/lockout';
import { rawRows } from '../../src/platform/db/client';
import { redactUrl } from '../../src/platform/http/server';
import { PUBLIC, SIGNED_IN } from '../../src/platform/permissions';
import { agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

describe('default deny', () => {
  it('gives every registered route a permission', () => {
    const missing = ctx.app.routeTable.filter((r) => !r.permission);
    expect(missing).toEqual([]);
    expect(ctx.app.routeTable.length).toBeGreaterThan(5);
  });

  it('leaves only sign-in, health, static assets (and the images both frontends’ stylesheets ask for), the organisation’s logo, the accessibility statement and the committees’ public site open', () => {
    const open = ctx.app.routeTable.filter((r) => r.permission === PUBLIC).map((r) => `${r.method} ${r.url}`);
    for (const route of open) {
      expect(route).toMatch(
        /^(GET|POST) \/sign-in$|^GET \/health$|^GET \/assets\/images\/:file$|^GET \/accessibility$|^GET \/(assets|vendor\/govuk|vendor\/moj|public)\/\*$|^(GET|POST) \/account\/set-password\/:token$|^GET \/organisation-logo\/:organisationId$|^GET \/committees(\/[a-z:/.]+)?$|^GET \/vendor\/(govuk\/govuk|moj\/moj)-frontend\.min\.css$/,
      );
    }
  });

  it('sends a signed-out visitor to sign in from every signed-in page', async () => {
    const guarded = ctx.app.routeTable.filter((r) => r.method === 'GET' && r.permission !== PUBLIC);
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const url = route.url.replace(/:[a-zA-Z]+/g, '00000000-0000-0000-0000-000000000000');
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(302);
      expect(res.headers.location, url).toMatch(/^\/sign-in/);
    }
    const unknown = await ctx.app.inject({ method: 'GET', url: '/no-such-page' });
    expect(unknown.headers.location).toBe('/sign-in');
  });

  it('answers health, the accessibility statement and assets without sign-in', async () => {
    const health = await ctx.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: { status: 'ok' } });
    expect((await ctx.app.inject({ method: 'GET', url: '/accessibility' })).statusCode).toBe(200);
    const css = await ctx.app.inject({ method: 'GET', url: '/vendor/govuk/govuk-frontend.min.css' });
    expect(css.statusCode).toBe(200);
    const traversal = await ctx.app.inject({ method: 'GET', url: '/public/../../../package.json' });
    expect(traversal.statusCode).not.toBe(200);
  });

  it('refuses a signed-in person a page their role does not hold', async () => {
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    const res = await member.get('/admin');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('You do not have permission');
  });

  it('does not let a route count as open by accident: "signed-in" still needs a session', async () => {
    const home = ctx.app.routeTable.find((r) => r.url === '/' && r.method === 'GET');
    expect(home?.permission).toBe(SIGNED_IN);
    expect((await ctx.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(302);
  });
});

describe('CSRF', () => {
  it('refuses a form posted without the token, and one with a wrong token', async () => {
    const a = agent(ctx);
    await a.get('/sign-in');
    const without = await a.post(
      '/sign-in',
      { email: emailOf(ctx.org, 'administrator'), password: 'oakhaven-demo-2026' },
      { csrf: false },
    );
    expect(without.statusCode).toBe(403);
    expect(without.body).toContain('Your form could not be sent');
    const wrong = await a.post(
      '/sign-in',
      { _csrf: 'forged', email: emailOf(ctx.org, 'administrator'), password: 'x' },
      { csrf: false },
    );
    expect(wrong.statusCode).toBe(403);
  });

  it('refuses sign-out without the token and keeps the session', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await a.post('/sign-out', {}, { csrf: false })).statusCode).toBe(403);
    expect((await a.get('/')).statusCode).toBe(200);
  });

  it("takes a multipart form's token from its first field, never from the address", async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const cookie = [...a.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const body = (fields: Array<[string, string]>) => {
      const b = '----csrf-test';
      const parts = fields.map(
        ([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
      );
      return {
        payload: `${parts.join('')}--${b}--\r\n`,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
      };
    };
    const inAddress = await ctx.app.inject({
      method: 'POST',
      url: `/cases/import?_csrf=${encodeURIComponent(a.csrf())}`,
      ...body([['mode', 'full']]),
    });
    expect(inAddress.statusCode).toBe(403);
    const inBody = await ctx.app.inject({
      method: 'POST',
      url: '/cases/import',
      ...body([
        ['_csrf', a.csrf()],
        ['mode', 'full'],
      ]),
    });
    expect(inBody.statusCode).toBe(400);
    expect(inBody.body).toContain('Select the extract files to upload');
    expect(inBody.body).not.toContain('_csrf=');
    // A form that takes no files refuses a multipart body.
    const noFiles = await ctx.app.inject({
      method: 'POST',
      url: '/sign-out',
      ...body([['_csrf', a.csrf()]]),
    });
    expect(noFiles.statusCode).toBe(415);
  });

  it('keeps tokens out of logged addresses', () => {
    expect(redactUrl('/cases/import?_csrf=abc123&mode=full')).toBe(
      '/cases/import?_csrf=[redacted]&mode=full',
    );
    expect(redactUrl('/x?a=1&token=secret')).toBe('/x?a=1&token=[redacted]');
    expect(redactUrl('/set-password/abcdef?x=1')).toBe('/set-password/[redacted]?x=1');
  });
});

describe('sign-in', () => {
  it('signs in, rotates the session id and lands on the home page', async () => {
    const a = agent(ctx);
    await a.get('/sign-in');
    const res = await a.post('/sign-in', {
      email: emailOf(ctx.org, 'team_manager').toUpperCase(),
      password: 'oakhaven-demo-2026',
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = (res.cookies as Array<{ name: string; httpOnly?: boolean; sameSite?: string }>).find(
      (c) => c.name === 'oversight_session',
    );
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const home = await a.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.headers['cache-control']).toBe('no-store');
    expect(home.body).toContain('Tom Marlow');
  });

  it('gives one message for a wrong password and an unknown account', async () => {
    const a = agent(ctx);
    await a.get('/sign-in');
    const wrong = await a.post('/sign-in', {
      email: emailOf(ctx.org, 'qa_officer'),
      password: 'not the password at all',
    });
    const unknown = await a.post('/sign-in', {
      email: 'nobody@oakhaven.example',
      password: 'not the password at all',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const message = (body: string) => body.match(/<a href="#email">([^<]*)<\/a>/)?.[1];
    expect(message(wrong.body)).toBeTruthy();
    expect(message(wrong.body)).toBe(message(unknown.body));
  });

  it('throttles an email address with growing delays, the same way whether or not the account exists, and tells the holder', async () => {
    const real = emailOf(ctx.org, 'senior_leader');
    for (const email of [real, 'ghost@oakhaven.example']) {
      const a = agent(ctx);
      await a.get('/sign-in');
      const attempt = (password: string) => a.post('/sign-in', { email, password });
      for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT; i++) {
        expect((await attempt(`wrong password ${i}`)).statusCode).toBe(401);
      }
      // Straight after: a wait, even with the right password; no hard lock for the window.
      const waiting = await attempt('oakhaven-demo-2026');
      expect(waiting.statusCode).toBe(429);
      expect(waiting.body).toContain('several failed attempts to sign in with this email address');
      expect(waiting.body).toContain('Try again after 9:');
      // Each further failure doubles the wait: 5 s, then 10 s.
      ctx.clock.advance(6_000);
      expect((await attempt('wrong again')).statusCode).toBe(401);
      ctx.clock.advance(6_000);
      expect((await attempt('wrong again')).statusCode).toBe(429);
      ctx.clock.advance(5_000);
      expect((await attempt('wrong a fifth time')).statusCode).toBe(401);
      ctx.clock.advance(21_000);
    }
    const [mail] = await rawRows<{ to_address: string; subject: string }>(
      ctx.oversight.database.db,
      sql`select to_address, subject from mail_messages where subject like 'Failed attempts%'`,
    );
    expect(mail).toEqual({
      to_address: real,
      subject: 'Failed attempts to sign in to your Oversight account',
    });
    // After the wait, the right password works.
    await signedIn(ctx, real);
  });

  it('shows what is wrong when the form is incomplete', async () => {
    const a = agent(ctx);
    await a.get('/sign-in');
    const res = await a.post('/sign-in', { email: 'not-an-email', password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('Enter an email address in the correct format');
    expect(res.body).toContain('Enter your password');
  });

  it('signs out and ends the session', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const cookieBefore = a.cookies.get('oversight_session')!;
    const out = await a.post('/sign-out');
    expect(out.headers.location).toBe('/sign-in?signed-out=1');
    const replay = await ctx.app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie: `oversight_session=${cookieBefore}` },
    });
    expect(replay.statusCode).toBe(302);
  });

  it('expires a session after the idle timeout and after the absolute timeout', async () => {
    const idle = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    ctx.clock.advanceMinutes(29);
    expect((await idle.get('/')).statusCode).toBe(200);
    ctx.clock.advanceMinutes(31);
    const expired = await idle.get('/');
    expect(expired.headers.location).toBe('/sign-in?expired=1');

    const busy = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    for (let i = 0; i < 12 * 3; i++) {
      ctx.clock.advanceMinutes(20);
      await busy.get('/');
    }
    ctx.clock.advanceMinutes(20);
    expect((await busy.get('/')).headers.location).toBe('/sign-in?expired=1');
  });
});

describe('headers', () => {
  it('sends a strict content security policy and no framing', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/sign-in' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS over https', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/sign-in',
      headers: { 'x-forwarded-proto': 'https' },
    });
    // Only trusted when TRUST_PROXY is on; here it is off, so no HSTS for a forged header.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('access audit', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit events', async () => {
    const db = ctx.oversight.database.db;
    const [row] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from access_audit`);
    expect(row!.n).toBeGreaterThan(0);
    await expect(db.execute(sql`update access_audit set action = 'tampered'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from access_audit`)).rejects.toThrow();
    await expect(db.execute(sql`truncate access_audit`)).rejects.toThrow();
    const [after] = await rawRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from access_audit where action = 'tampered'`,
    );
    expect(after!.n).toBe(0);
  });

  it('records sign-in and failed sign-in', async () => {
    const db = ctx.oversight.database.db;
    const rows = await rawRows<{ action: string }>(db, sql`select distinct action from access_audit`);
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('sign-in');
    expect(actions).toContain('sign-in.failed');
  });
});
