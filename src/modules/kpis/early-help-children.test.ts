import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';
import { casePeople } from '../cases/schema';
import { earlyHelpGoals, earlyHelpScores } from '../early-help/schema';

/**
 * The children behind the early help indicators (EH-02, EH-03) for 2026-27 Q2
 * (the last complete quarter on the test clock), over goals closed:
 *   Ann Ashby   "Go to school every day"   2 to 9, 10 July 2026 (7, green)
 *   Ann Ashby   "Sleep in her own bed"     4 to 5 to 6, 20 August 2026 (2, amber)
 *   Ben Brook   "Keep the house safe"      5 to 3, 30 September 2026 (-2, red)
 *   Cal Crane   closed in 2026-27 Q1; Dee Dale's goal still open; another
 *   organisation's child closed in Q2: none of these is behind the Q2 figure.
 */
let ctx: TestContext;
let ann: string;
let ben: string;
const Q2 = '2026-07-01';
beforeAll(async () => {
  ctx = await startTestApp();
  const db = ctx.oversight.database.db;
  const org = ctx.org.organisationId;
  const other = ctx.other.organisationId;
  const person = async (organisationId: string, sourceId: string, forename: string, surname: string) =>
    (
      await db
        .insert(casePeople)
        .values({ organisationId, sourceId, rowHash: 'h', forename, surname })
        .returning()
    )[0]!.id;
  ann = await person(org, 'P1', 'Ann', 'Ashby');
  ben = await person(org, 'P2', 'Ben', 'Brook');
  const cal = await person(org, 'P3', 'Cal', 'Crane');
  const dee = await person(org, 'P4', 'Dee', 'Dale');
  const eve = await person(other, 'P5', 'Eve', 'Elms');
  const goals: Array<[string, string, string, string | null, Array<[string, string, number]>]> = [
    [
      org,
      ann,
      'Go to school every day',
      '2026-07-10',
      [
        ['assessment', '2026-03-02', 2],
        ['closure', '2026-07-10', 9],
      ],
    ],
    [
      org,
      ann,
      'Sleep in her own bed',
      '2026-08-20',
      [
        ['assessment', '2026-04-01', 4],
        ['review', '2026-06-01', 5],
        ['closure', '2026-08-20', 6],
      ],
    ],
    [
      org,
      ben,
      'Keep the house safe',
      '2026-09-30',
      [
        ['assessment', '2026-05-01', 5],
        ['closure', '2026-09-30', 3],
      ],
    ],
    [
      org,
      cal,
      'Eat breakfast',
      '2026-06-15',
      [
        ['assessment', '2026-01-05', 3],
        ['closure', '2026-06-15', 8],
      ],
    ],
    [org, dee, 'Join a club', null, [['assessment', '2026-05-01', 2]]],
    [
      other,
      eve,
      'See her dad',
      '2026-08-01',
      [
        ['assessment', '2026-05-01', 0],
        ['closure', '2026-08-01', 10],
      ],
    ],
  ];
  const at = ctx.clock.now();
  for (const [organisationId, personId, text, closedOn, scores] of goals) {
    const [goal] = await db
      .insert(earlyHelpGoals)
      .values({ organisationId, personId, goal: text, setOn: scores[0]![1], closedOn, createdAt: at })
      .returning();
    await db.insert(earlyHelpScores).values(
      scores.map(([stage, scoredOn, score]) => ({
        organisationId,
        goalId: goal!.id,
        stage,
        scoredOn,
        score,
        createdAt: at,
      })),
    );
  }
});
afterAll(async () => ctx.close());

const rowsOf = (body: string) =>
  [...body.matchAll(/<tr class="govuk-table__row">\s*<th scope="row".*?<\/tr>/gs)].map((m) =>
    [...m[0].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()),
  );

describe('the children behind an early help figure', () => {
  it('lists each child whose goals closed in the quarter, with their scores, linked to their record', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const indicator = await manager.get(`/indicators/EH-02?quarter=${Q2}`);
    expect(indicator.body).toContain(`href="/indicators/EH-02/children?quarter=${Q2}"`);
    const list = await manager.get(`/indicators/EH-02/children?quarter=${Q2}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('2 children, 3 goals');
    expect(list.body).toContain(`href="/children/${ann}"`);
    expect(list.body).toContain(`href="/children/${ben}"`);
    expect(rowsOf(list.body)).toEqual([
      ['Ann Ashby', 'Go to school every day', '10 July 2026', '2', '9', '7', 'Yes'],
      ['Ann Ashby', 'Sleep in her own bed', '20 August 2026', '4', '6', '2', 'No'],
      ['Ben Brook', 'Keep the house safe', '30 September 2026', '5', '3', '-2', 'No'],
    ]);
    for (const name of ['Crane', 'Dale', 'Elms']) expect(list.body).not.toContain(name);
  });

  it('shows the goals ending green as the numerator of the share, or every goal closed', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    const indicator = await manager.get(`/indicators/EH-03?quarter=${Q2}`);
    expect(indicator.body).toContain(`href="/indicators/EH-03/children?quarter=${Q2}&amp;part=numerator"`);
    const green = await manager.get(`/indicators/EH-03/children?quarter=${Q2}&part=numerator`);
    expect(rowsOf(green.body).map((r) => r.slice(0, 2))).toEqual([['Ann Ashby', 'Go to school every day']]);
    const all = await manager.get(`/indicators/EH-03/children?quarter=${Q2}&part=all`);
    expect(rowsOf(all.body)).toHaveLength(3);
  });

  it('audits each list as a list of children, and keeps it from committee roles and other organisations', async () => {
    const before = await rawRows<{ n: number }>(
      ctx.oversight.database.db,
      sql`select count(*)::int as n from access_audit where action = 'child.list' and detail like 'indicator early-help%'`,
    );
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    expect((await leader.get(`/indicators/EH-02/children?quarter=${Q2}`)).statusCode).toBe(200);
    const audit = await rawRows<{ detail: string; organisation_id: string }>(
      ctx.oversight.database.db,
      sql`select detail, organisation_id from access_audit where action = 'child.list' and detail like 'indicator early-help%' order by at, id`,
    );
    expect(audit).toHaveLength(before[0]!.n + 1);
    expect(audit.at(-1)).toEqual({
      detail: 'indicator early-help distance-travelled 2026-07-01 to 2026-09-30: 2 children',
      organisation_id: ctx.org.organisationId,
    });
    for (const role of ['committee_member', 'committee_clerk']) {
      const person = await signedIn(ctx, emailOf(ctx.org, role));
      expect((await person.get(`/indicators/EH-02/children?quarter=${Q2}`)).statusCode).toBe(403);
      expect((await person.get(`/indicators/EH-03/children?quarter=${Q2}&part=all`)).statusCode).toBe(403);
    }
    const other = await signedIn(ctx, emailOf(ctx.other, 'service_manager'));
    const theirs = await other.get(`/indicators/EH-02/children?quarter=${Q2}`);
    expect(theirs.body).toContain('Eve Elms');
    for (const name of ['Ashby', 'Brook']) expect(theirs.body).not.toContain(name);
  });
});
