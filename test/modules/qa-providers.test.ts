/**
 * Provider and setting audits through HTTP: a QA officer lists a setting,
 * records a termly visit with a RAG for each of its areas (the form says which
 * are missing), adds a recommendation and completes it with its follow-up;
 * a service manager reads it all but changes nothing; a practitioner and
 * committee roles are refused; another organisation's providers answer 404.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qaProvidersDemo } from '../../src/demo/qa-providers';
import { PROVIDER_AREAS } from '../../src/modules/qa/provider-vocab';
import { rawRows } from '../../src/platform/db/client';
import { auditActions } from '../helpers/admin';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { dateFields } from '../helpers/forms';

let ctx: TestContext;
let qa: Agent;
let providerId: string;

beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
  qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
});
afterAll(() => ctx?.close());

const areas = PROVIDER_AREAS.early_years;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const allAreas = (rag: string) => Object.fromEntries(areas.map((a) => [`area-${a.key}`, rag]));

describe('a provider or setting', () => {
  it('is added with its kind, and a second of the same name is refused', async () => {
    const bad = await qa.post('/qa/providers', { name: '', urn: 'EY 12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the name of the provider or setting');
    expect(bad.body).toContain('Select the kind of provider');
    expect(bad.body).toContain('The Ofsted URN is letters and numbers only');
    const res = await qa.post('/qa/providers', {
      name: 'Little Acorns Nursery',
      kind: 'early_years',
      urn: 'EY100001',
    });
    expect(res.statusCode).toBe(302);
    providerId = res.headers.location!.split('/').pop()!;
    expect(await auditActions(ctx, providerId)).toEqual(['provider.add']);
    const again = await qa.post('/qa/providers', { name: 'little acorns nursery', kind: 'early_years' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('A provider with this name is already listed');
    const list = text((await qa.get('/qa/providers')).body);
    expect(list).toContain(
      'Little Acorns Nursery Early years setting Not yet visited None yet 16 November 2026',
    );
  });

  it('has a visit recorded with a RAG for every area of its kind, or is told which are missing', async () => {
    const partial = await qa.post(`/qa/providers/${providerId}/visits`, {
      ...dateFields('visitedOn', '2026-11-10'),
      'area-eyfs': 'green',
      summary: '',
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain(
      'Select a RAG for safeguarding policy, procedures and the designated lead',
    );
    expect(partial.body).toContain('Enter a summary of the visit');
    expect(partial.body).not.toContain('Select a RAG for eyfs statutory requirements');
    const nothing = await qa.post(`/qa/providers/${providerId}/visits`, {
      ...dateFields('visitedOn', '2026-11-10'),
      ...allAreas('not_seen'),
      summary: 'Visited.',
    });
    expect(nothing.body).toContain('Give at least one area a RAG');
    const first = await qa.post(`/qa/providers/${providerId}/visits`, {
      ...dateFields('visitedOn', '2026-07-10'),
      ...allAreas('green'),
      'area-safer_recruitment': 'red',
      'comment-safer_recruitment': 'Two staff files without references.',
      summary: 'Summer term visit.',
    });
    expect(first.statusCode).toBe(302);
    const second = await qa.post(`/qa/providers/${providerId}/visits`, {
      ...dateFields('visitedOn', '2026-11-10'),
      ...allAreas('green'),
      'area-safer_recruitment': 'amber',
      'area-food': 'not_seen',
      summary: 'Autumn term visit.',
    });
    expect(second.statusCode).toBe(302);
    const page = text((await qa.get(`/qa/providers/${providerId}`)).body);
    expect(page).toContain('10 November 2026 0 1 17 1 Amber');
    expect(page).toContain('10 July 2026 1 0 18 0 Red');
    expect(page).toContain('Safer recruitment and DBS checks Red Amber Better');
    expect(page).toContain('Next visit due 10 March 2027');
    expect(page).toContain('Safer recruitment and DBS checks (Red): Two staff files without references.');
    expect(await auditActions(ctx, providerId)).toEqual(['provider.add', 'provider.visit', 'provider.visit']);
  });

  it('has recommendations added from a visit and completed with their follow-up', async () => {
    const [visit] = await rawRows<{ id: string }>(
      ctx.oversight.database.db,
      sql`select id from qa_provider_visits where provider_id = ${providerId} order by visited_on desc limit 1`,
    );
    const early = await qa.post(`/qa/providers/${providerId}/recommendations`, {
      visitId: visit!.id,
      area: 'safer_recruitment',
      text: 'Obtain two references for every member of staff before they start.',
      ...dateFields('dueOn', '2026-11-01'),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The date it is due must be on or after the visit');
    const res = await qa.post(`/qa/providers/${providerId}/recommendations`, {
      visitId: visit!.id,
      area: 'safer_recruitment',
      text: 'Obtain two references for every member of staff before they start.',
      ...dateFields('dueOn', '2026-11-13'),
    });
    expect(res.statusCode).toBe(302);
    const list = text((await qa.get('/qa/providers')).body);
    expect(list).toContain('1 (1 overdue)');
    const [rec] = await rawRows<{ id: string }>(
      ctx.oversight.database.db,
      sql`select id from qa_provider_recommendations where provider_id = ${providerId}`,
    );
    const empty = await qa.post(`/qa/providers/${providerId}/recommendations/${rec!.id}/complete`, {
      followUp: '',
      ...dateFields('completedOn', '2026-11-16'),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter what was done, and the evidence seen');
    const done = await qa.post(`/qa/providers/${providerId}/recommendations/${rec!.id}/complete`, {
      followUp: 'Saw references on all twelve staff files.',
      ...dateFields('completedOn', '2026-11-16'),
    });
    expect(done.statusCode).toBe(302);
    const twice = await qa.post(`/qa/providers/${providerId}/recommendations/${rec!.id}/complete`, {
      followUp: 'Again.',
      ...dateFields('completedOn', '2026-11-16'),
    });
    expect(twice.body).toContain('This recommendation is already completed');
    const page = text((await qa.get(`/qa/providers/${providerId}`)).body);
    expect(page).toContain('No open recommendations');
    expect(page).toContain('Saw references on all twelve staff files. 16 November 2026');
    expect((await auditActions(ctx, providerId)).slice(-2)).toEqual([
      'provider.recommendation.add',
      'provider.recommendation.complete',
    ]);
  });

  it('is read by a service manager who changes nothing; practitioners, committee roles and other organisations are refused', async () => {
    const sm = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const page = await sm.get(`/qa/providers/${providerId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Record a visit');
    expect((await sm.post('/qa/providers', { name: 'Another', kind: 'early_years' })).statusCode).toBe(403);
    for (const role of ['practitioner', 'committee_member', 'committee_clerk', 'administrator'] as const) {
      const agent = await signedIn(ctx, emailOf(ctx.org, role));
      expect((await agent.get(`/qa/providers/${providerId}`)).statusCode).toBe(403);
    }
    const otherQa = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    expect((await otherQa.get(`/qa/providers/${providerId}`)).statusCode).toBe(404);
    expect(
      (
        await otherQa.post(`/qa/providers/${providerId}/visits`, {
          ...dateFields('visitedOn', '2026-11-10'),
          ...allAreas('green'),
          summary: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(text((await otherQa.get('/qa/providers')).body)).not.toContain('Little Acorns');
  });
});

describe('the demo', () => {
  it('holds five providers of every kind with termly visits, one overdue, and recommendations open, overdue and completed', async () => {
    // Loaded into the second organisation, which the tests above left with none.
    await qaProvidersDemo(ctx.oversight, ctx.other, 'small');
    const otherQa = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    const list = text((await otherQa.get('/qa/providers')).body);
    expect(list).toContain('1 provider is overdue a visit');
    expect(list).toMatch(/Sunnyside Pre-school Early years setting \d+ \w+ 2026 Amber \d+ \w+ 2026 Overdue/);
    const [counts] = await rawRows<{
      providers: number;
      kinds: number;
      visits: number;
      open: number;
      done: number;
    }>(
      ctx.oversight.database.db,
      sql`select count(distinct p.id)::int as providers, count(distinct p.kind)::int as kinds,
                 (select count(*)::int from qa_provider_visits v where v.organisation_id = ${ctx.other.organisationId}) as visits,
                 (select count(*)::int from qa_provider_recommendations r where r.organisation_id = ${ctx.other.organisationId} and r.status = 'open') as open,
                 (select count(*)::int from qa_provider_recommendations r where r.organisation_id = ${ctx.other.organisationId} and r.status = 'completed') as done
          from qa_providers p where p.organisation_id = ${ctx.other.organisationId}`,
    );
    expect(counts).toEqual({ providers: 5, kinds: 4, visits: 13, open: 3, done: 7 });
  });
});
