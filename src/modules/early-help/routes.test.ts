/**
 * The early help outcomes plan end to end. Today is Monday 16 November 2026.
 * Amara (P1 of the small extract) is on the demo practitioner's caseload;
 * Lior (P3) is not. A goal is set in March and scored 2, reviewed at 6 in
 * June, and closed at 9 in August (2026-27 Q2): distance travelled 7, ending
 * green.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { dateFields } from '../../../test/helpers/forms';
import { rawRows } from '../../platform/db/client';
import { smallExtract } from '../cases/fixtures';
import { importExtractAsAdministrator } from '../missing/test-fixture';

let ctx: TestContext;
let amara: string;
let lior: string;
let goalId: string;

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const audit = (action: string) =>
  rawRows<{ record_id: string | null }>(
    ctx.oversight.database.db,
    sql`select record_id from access_audit where action = ${action} order by at, id`,
  );

beforeAll(async () => {
  ctx = await startTestApp();
  await importExtractAsAdministrator(ctx, smallExtract());
  const rows = await rawRows<{ id: string; source_id: string }>(
    ctx.oversight.database.db,
    sql`select id, source_id from case_people where organisation_id = ${ctx.org.organisationId}`,
  );
  amara = rows.find((r) => r.source_id === 'P1')!.id;
  lior = rows.find((r) => r.source_id === 'P3')!.id;
}, 180_000);
afterAll(async () => ctx?.close());

describe('a goal set with the family', () => {
  it('is refused with what is wrong, then added with its score at assessment, audited', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const bad = await priya.post(`/children/${amara}/early-help/goals`, {
      goal: '',
      score: '11',
      ...dateFields('setOn', '2026-12-01'),
    });
    expect(bad.statusCode).toBe(400);
    const page = text(bad.body);
    expect(page).toContain('Enter the goal, in the family’s words');
    expect(page).toContain('Enter the family’s score, a whole number from 0 to 10');
    const future = await priya.post(`/children/${amara}/early-help/goals`, {
      goal: 'Mum feels able to get the children to school on time',
      score: '2',
      ...dateFields('setOn', '2026-12-01'),
    });
    expect(text(future.body)).toContain('The date the goal was set must be today or in the past');
    const res = await priya.post(`/children/${amara}/early-help/goals`, {
      goal: 'Mum feels able to get the children to school on time',
      score: '2',
      ...dateFields('setOn', '2026-03-02'),
    });
    expect(res.statusCode).toBe(302);
    const [goal] = await rawRows<{ id: string }>(
      ctx.oversight.database.db,
      sql`select id from early_help_goals where person_id = ${amara}`,
    );
    goalId = goal!.id;
    expect((await audit('early-help.goal.add')).map((a) => a.record_id)).toEqual([amara]);
    const record = text((await priya.get(`/children/${amara}`)).body);
    expect(record).toContain('Early help outcomes');
    expect(record).toContain('At assessment, 2 March 2026: 2');
    expect(record).toContain('Scored once Review due 25 May 2026 Overdue');
  });

  it('is scored at a review and at closure, in order, and closes', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const early = await priya.post(`/early-help/goals/${goalId}/scores`, {
      stage: 'review',
      score: '6',
      ...dateFields('scoredOn', '2026-02-01'),
    });
    expect(early.statusCode).toBe(400);
    expect(text(early.body)).toContain('The date of the score must be on or after the goal was set');
    const none = await priya.post(`/early-help/goals/${goalId}/scores`, {
      score: '6',
      ...dateFields('scoredOn', '2026-06-01'),
    });
    expect(text(none.body)).toContain('Select whether this is a review or closure');
    expect(
      (
        await priya.post(`/early-help/goals/${goalId}/scores`, {
          stage: 'review',
          score: '6',
          ...dateFields('scoredOn', '2026-06-01'),
        })
      ).statusCode,
    ).toBe(302);
    expect(
      (
        await priya.post(`/early-help/goals/${goalId}/scores`, {
          stage: 'closure',
          score: '9',
          ...dateFields('scoredOn', '2026-08-20'),
        })
      ).statusCode,
    ).toBe(302);
    const after = await priya.post(`/early-help/goals/${goalId}/scores`, {
      stage: 'review',
      score: '9',
      ...dateFields('scoredOn', '2026-09-01'),
    });
    expect(text(after.body)).toContain('This goal is closed: it was scored at closure');
    const record = text((await priya.get(`/children/${amara}`)).body);
    expect(record).toContain('+7 Closed 20 August 2026');
    expect((await audit('early-help.goal.closure')).map((a) => a.record_id)).toEqual([amara]);
  });

  it('gives the quarter’s figures to managers, as counts only', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const page = text((await manager.get('/early-help')).body);
    expect(page).toContain('2026-27 Q2 1 7 1 (100%)');
    expect(page).toContain('2026-27 Q1 0 None closed None closed');
    expect(page).not.toContain('school on time');
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get('/early-help')).statusCode).toBe(403);
  });

  it('is out of reach for a child outside the caseload, another organisation, and committee roles', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get(`/children/${lior}/early-help/goals/new`)).statusCode).toBe(404);
    expect(
      (
        await priya.post(`/children/${lior}/early-help/goals`, {
          goal: 'x',
          score: '3',
          ...dateFields('setOn', '2026-03-02'),
        })
      ).statusCode,
    ).toBe(404);
    const other = await signedIn(ctx, emailOf(ctx.other, 'service_manager'));
    expect((await other.get(`/early-help/goals/${goalId}/scores/new`)).statusCode).toBe(404);
    expect(text((await other.get('/early-help')).body)).toContain('2026-27 Q2 0');
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get(`/early-help/goals/${goalId}/scores/new`)).statusCode).toBe(403);
    expect((await member.get('/early-help')).statusCode).toBe(403);
  });
});
