/**
 * Work is never lost on a session timeout: a form posted with a session that
 * has just expired is kept (only when its CSRF token is that session's own),
 * offered back to the same person after they sign in again, and sent on as it
 * was, or discarded. Nobody else can take it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/organisation';
import { rawRows } from '../../src/platform/db/client';
import { purgeKeptForms } from '../../src/platform/kept-forms/service';
import { type agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
const rows = <T>(q: ReturnType<typeof sql>) => rawRows<T>(ctx.oversight.database.db, q);

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => ctx?.close());

const expireSessions = () => ctx.clock.advanceMinutes(ctx.config.sessionIdleMinutes + 1);

describe('forms posted after the session expired', () => {
  it('are kept, offered back after signing in again, and sent on as they were', async () => {
    const qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    expireSessions();
    const posted = await qa.post('/qa/themes', { name: 'Neglect' });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/sign-in?expired=1&kept=1');
    expect((await qa.get('/sign-in?expired=1&kept=1')).body).toContain('It has been kept');
    const signIn = await qa.post('/sign-in', { email: emailOf(ctx.org, 'qa_officer'), password: 'x' });
    expect(signIn.statusCode).toBe(401); // a wrong password changes nothing
    const again = await signedInAgain(qa);
    expect(again.headers.location).toBe('/kept-forms');
    const page = await qa.get('/kept-forms');
    expect(page.body).toContain('name="name" value="Neglect"');
    const [kept] = await rows<{ id: string }>(sql`select id from kept_forms`);
    const sent = await qa.post(`/kept-forms/${kept!.id}/send`, { name: 'Neglect' });
    expect(sent.statusCode).toBe(307);
    expect(sent.headers.location).toBe('/qa/themes');
    // The browser posts the same body again, now with a live session.
    expect((await qa.post('/qa/themes', { name: 'Neglect' })).statusCode).toBe(302);
    expect(await rows(sql`select 1 from qa_themes where name = 'Neglect'`)).toHaveLength(1);
    expect(await rows(sql`select 1 from kept_forms`)).toHaveLength(0);
    // Signing in with nothing kept goes home as before.
    expect((await qa.post('/sign-out')).statusCode).toBe(302);
    expect((await signedInAgain(qa)).headers.location).toBe('/');
  });

  it('keeps nothing when the token is not the expired session’s own', async () => {
    const qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    expireSessions();
    const forged = await qa.post('/qa/themes', { _csrf: 'forged', name: 'Forged' }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    expect(await rows(sql`select 1 from kept_forms`)).toHaveLength(0);
  });

  it('offers kept work to its own person only, and discards or purges it', async () => {
    const qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    expireSessions();
    await qa.post('/qa/themes', { name: 'Kept for me' });
    const [kept] = await rows<{ id: string }>(sql`select id from kept_forms`);
    const other = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    expect((await other.get('/kept-forms')).body).not.toContain('Kept for me');
    expect((await other.post(`/kept-forms/${kept!.id}/send`)).statusCode).toBe(404);
    await signedInAgain(qa);
    expect((await qa.post(`/kept-forms/${kept!.id}/discard`)).statusCode).toBe(302);
    expect(await rows(sql`select 1 from kept_forms`)).toHaveLength(0);
    expireSessions();
    await qa.post('/qa/themes', { name: 'Old work' });
    ctx.clock.advance(25 * 3_600_000);
    expect(await purgeKeptForms(ctx.oversight.database.db, ctx.clock.now())).toBe(1);
  });
});

async function signedInAgain(a: ReturnType<typeof agent>) {
  await a.get('/sign-in');
  return a.post('/sign-in', { email: emailOf(ctx.org, 'qa_officer'), password: DEMO_PASSWORD });
}
