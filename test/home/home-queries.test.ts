/**
 * How many queries each role's home page and the missing follow-ups cost, on
 * the small demo authority. Each module's home-page items answer from a few
 * set-based queries or stored figures, never a query per indicator, measure,
 * case table or child, so the count does not grow with the authority: before
 * the indicators were stored and the missing overview read only what it needs,
 * a service manager's home page took 72 queries and the follow-ups 33.
 * Speed itself is measured by the bench (bench/pages.ts), not here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSteps } from '../../src/demo/load';
import type { Role } from '../../src/platform/permissions';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { queriesDuring } from '../helpers/queries';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
  for (const step of demoSteps) await step(ctx.oversight, ctx.org, 'small');
  // The demo leaves the indicators' figures stored, as the nightly job would.
  await ctx.app.deps.background.idle();
}, 900_000);
afterAll(async () => ctx.close());

/** The most queries a page may take (signing in, the layout, the access audit included). */
const HOME_BOUNDS: Array<[Role, number]> = [
  ['practitioner', 24],
  ['team_manager', 30],
  ['service_manager', 28],
  ['qa_officer', 28],
  ['senior_leader', 26],
  ['independent_auditor', 6],
  ['committee_clerk', 8],
  ['committee_member', 4],
  ['administrator', 6],
];

async function count(role: Role, url: string) {
  const agent = await signedIn(ctx, emailOf(ctx.org, role));
  const { result, count, queries } = await queriesDuring(ctx.oversight.database, () => agent.get(url));
  expect(result.statusCode, `${role} ${url}`).toBe(200);
  return { count, queries: queries.map((q) => q.replace(/\s+/g, ' ').slice(0, 120)) };
}

describe('queries a page takes, whatever the size of the authority', () => {
  it.each(HOME_BOUNDS)("the home page of a %s's", async (role, bound) => {
    const { count: n, queries } = await count(role, '/');
    expect(n, queries.join('\n')).toBeLessThanOrEqual(bound);
  });

  it.each([
    ['team_manager', '/missing'],
    ['service_manager', '/missing'],
    ['service_manager', '/missing?show=repeat'],
    ['practitioner', '/missing?show=overdue'],
  ] as Array<[Role, string]>)('the missing follow-ups, as a %s (%s)', async (role, url) => {
    const { count: n, queries } = await count(role, url);
    expect(n, queries.join('\n')).toBeLessThanOrEqual(14);
  });

  // Lists the bench times (bench/pages.ts): paged or bounded by the person's own work, read set-based.
  it.each([
    ['practitioner', '/children/mine', 6],
    ['administrator', '/cases/imports', 5],
    ['service_manager', '/plans', 10],
    ['qa_officer', '/qa/audits', 12],
  ] as Array<[Role, string, number]>)('a list, as a %s (%s)', async (role, url, bound) => {
    const { count: n, queries } = await count(role, url);
    expect(n, queries.join('\n')).toBeLessThanOrEqual(bound);
  });
});
