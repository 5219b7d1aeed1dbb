/**
 * The practice demo step: after the case demo, it records the children's
 * views, chronology notes, oversight and three rounds of supervision
 * through the practice service, with something for every page to show.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseDemo } from '../../src/demo/cases';
import { practiceDemo } from '../../src/demo/practice';
import { voiceIndicator } from '../../src/modules/cases/practice-service';
import { today } from '../../src/platform/clock';
import { rawRows } from '../../src/platform/db/client';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
  await loadCaseDemo(ctx.oversight, ctx.org, 'small');
  await practiceDemo(ctx.oversight, ctx.org, 'small');
});
afterAll(async () => ctx.close());

async function count(table: string): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    ctx.oversight.database.db,
    sql`select count(*)::int as n from ${sql.raw(table)} where organisation_id = ${ctx.org.organisationId}`,
  );
  return Number(row?.n ?? 0);
}

describe('the practice demo', () => {
  it('gives the voice indicator a share that is neither nothing nor everything', async () => {
    const indicator = await voiceIndicator(
      ctx.oversight.database.db,
      ctx.org.organisationId,
      today(ctx.clock),
    );
    expect(indicator.openCases).toBeGreaterThan(50);
    expect(indicator.withViews).toBeGreaterThan(5);
    expect(indicator.percent!).toBeLessThan(60);
    const team = indicator.byTeam.find((g) => g.name === 'Children in Care Team')!;
    expect(team.withViews).toBeGreaterThan(0);
    expect(team.withViews).toBeLessThan(team.openCases);
  });

  it('writes chronology notes, oversight decisions and supervisions', async () => {
    expect(await count('case_chronology_notes')).toBeGreaterThan(0);
    expect(await count('case_oversight_notes')).toBeGreaterThan(3);
    expect(await count('supervisions')).toBeGreaterThanOrEqual(3);
    expect(await count('supervision_cases')).toBeGreaterThan(0);
  });

  it("shows the service manager one action carried through three supervisions, and the practitioner's page the child's words", async () => {
    const service = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const repeated = await service.get('/supervision/repeated');
    expect(repeated.statusCode).toBe(200);
    expect(repeated.body).toContain('1 action, most repeated first');
    const practitioner = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const mine = await practitioner.get('/children/mine');
    const ids = [...mine.body.matchAll(/href="\/children\/([0-9a-f-]{36})(?:\?from=[^"]*)?"/g)].map(
      (m) => m[1]!,
    );
    expect(ids.length).toBe(15);
    let withWords = 0;
    for (const id of ids) {
      const page = await practitioner.get(`/children/${id}`);
      if (page.body.includes('app-child-words')) withWords += 1;
    }
    expect(withWords).toBeGreaterThan(5);
  });
});
