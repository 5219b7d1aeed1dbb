/**
 * The glossary pages and the clerk's choice of glossary for a pack: kept by
 * the clerk or an administrator only, a duplicate refused with a clear
 * message, every change in the access audit; another organisation's entry
 * answers 404.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';

let ctx: TestContext;
let clerk: Agent;
let admin: Agent;
let manager: Agent;
let member: Agent;

beforeAll(async () => {
  ctx = await startTestApp();
  clerk = await signedIn(ctx, emailOf(ctx.org, 'committee_clerk'));
  admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
  manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
  member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
}, 60_000);

afterAll(() => ctx?.close());

const entryIdOf = (body: string, acronym: string) => {
  const m = body.match(
    new RegExp(
      `/committee-business/glossary/([0-9a-f-]{36})">Change<span class="govuk-visually-hidden"> ${acronym}<`,
    ),
  );
  if (!m) throw new Error(`no entry for ${acronym}`);
  return m[1]!;
};

describe('the glossary', () => {
  it('is refused to those who do not keep it', async () => {
    for (const who of [manager, member]) {
      expect((await who.get('/committee-business/glossary')).statusCode).toBe(403);
      expect(
        (await who.post('/committee-business/glossary', { acronym: 'CIN', meaning: 'Child in need' }))
          .statusCode,
      ).toBe(403);
    }
  });

  it('the clerk adds an acronym, saying what is wrong first', async () => {
    const bad = await clerk.post('/committee-business/glossary', { acronym: 'CP plan', meaning: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('Write the acronym as letters and numbers without spaces, like LADO or S47');
    expect(bad.body).toContain('Enter what the acronym stands for');
    const ok = await clerk.post('/committee-business/glossary', {
      acronym: 'CP',
      meaning: 'Child protection',
    });
    expect(ok.statusCode).toBe(302);
    const page = await clerk.get('/committee-business/glossary');
    expect(page.body).toMatch(
      /<th scope="row" class="govuk-table__header">CP<\/th>\s*<td class="govuk-table__cell">Child protection<\/td>/,
    );
  });

  it('the administrator keeps it too; a duplicate is refused however it is written', async () => {
    expect(
      (
        await admin.post('/committee-business/glossary', {
          acronym: 'LADO',
          meaning: 'Local authority designated officer',
        })
      ).statusCode,
    ).toBe(302);
    const dup = await admin.post('/committee-business/glossary', { acronym: 'c.p.', meaning: 'Care plan' });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('There is a problem');
    expect(dup.body).toContain('The glossary already has CP: change its meaning instead of adding it again');
    expect(dup.body).toContain('href="#acronym"');
  });

  it('changes and removes an entry; a change to another entry’s acronym is refused', async () => {
    const page = await clerk.get('/committee-business/glossary');
    const lado = entryIdOf(page.body, 'LADO');
    const clash = await clerk.post(`/committee-business/glossary/${lado}`, { acronym: 'CP', meaning: 'x' });
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain('The glossary already has CP');
    const changed = await clerk.post(`/committee-business/glossary/${lado}`, {
      acronym: 'LADO',
      meaning: 'Local authority designated officer (allegations against staff)',
    });
    expect(changed.statusCode).toBe(302);
    expect((await clerk.get('/committee-business/glossary')).body).toContain('(allegations against staff)');
    await clerk.post('/committee-business/glossary', { acronym: 'XYZ', meaning: 'A mistake' });
    const xyz = entryIdOf((await clerk.get('/committee-business/glossary')).body, 'XYZ');
    expect((await clerk.post(`/committee-business/glossary/${xyz}/remove`)).statusCode).toBe(302);
    expect((await clerk.get('/committee-business/glossary')).body).not.toContain('A mistake');
  });

  it('writes every change to the access audit', async () => {
    const rows = await rawRows<{ action: string; detail: string }>(
      ctx.oversight.database.db,
      sql`select action, detail from access_audit where action like 'committee.glossary.%' order by at, id`,
    );
    expect(rows).toEqual([
      { action: 'committee.glossary.add', detail: 'CP' },
      { action: 'committee.glossary.add', detail: 'LADO' },
      { action: 'committee.glossary.change', detail: 'LADO' },
      { action: 'committee.glossary.add', detail: 'XYZ' },
      { action: 'committee.glossary.remove', detail: 'XYZ' },
    ]);
  });

  it('another organisation’s clerk finds neither the entry nor its acronym', async () => {
    const lado = entryIdOf((await clerk.get('/committee-business/glossary')).body, 'LADO');
    const theirs = await signedIn(ctx, emailOf(ctx.other, 'committee_clerk'));
    expect((await theirs.get(`/committee-business/glossary/${lado}`)).statusCode).toBe(404);
    expect((await theirs.post(`/committee-business/glossary/${lado}/remove`)).statusCode).toBe(404);
    const list = await theirs.get('/committee-business/glossary');
    expect(list.body).not.toContain('allegations against staff');
    // Their own glossary may have CP: duplicates are within an organisation.
    expect(
      (await theirs.post('/committee-business/glossary', { acronym: 'CP', meaning: 'Child protection' }))
        .statusCode,
    ).toBe(302);
  });
});
