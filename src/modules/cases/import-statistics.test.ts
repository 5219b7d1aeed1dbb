import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/helpers/app';
import { importBy, loadExtract } from '../../../test/helpers/extract';
import type { DemoOrganisation } from '../../demo/organisation';
import { type Db, rawRows } from '../../platform/db/client';
import { extractFiles, smallExtract } from './fixtures';
import { RESOLVED_TABLES } from './import-staging';
import { type ImportHooks, type ImportOutcome, importAndWait } from './importer';
import { SSD_TABLES } from './ssd/spec';

/**
 * The planner's statistics during an import's one transaction. Each child's
 * summary (open case, service level) is derived from the rows just merged by
 * statements that read whole tables; planned on statistics from before the
 * import (none on a first import) they probed the partial open-by-date
 * indexes once per child: at the large demo authority the first import on
 * the embedded database ran for many minutes instead of about two. The
 * same goes for the merges themselves, which join each staged row to its
 * child (and worker, and team): an organisation importing into a database
 * that already holds another's register was planned as if it had no people.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
});
afterAll(async () => ctx.close());

const run = (hooks: ImportHooks, org: DemoOrganisation = ctx.org): Promise<ImportOutcome> =>
  loadExtract(ctx, org, smallExtract(), hooks);

/** Each register table's rows (as the transaction sees them) beside the planner's estimate of them. */
async function estimates(tx: Db): Promise<Record<string, { rows: number; estimate: number }>> {
  const out: Record<string, { rows: number; estimate: number }> = {};
  for (const table of new Set(['case_people', ...SSD_TABLES.map((t) => t.table)])) {
    const [row] = await rawRows<{ rows: number; estimate: number }>(
      tx,
      sql`select (select count(*) from ${sql.identifier(table)})::int as rows,
                 (select reltuples from pg_class where oid = ${table}::regclass)::int as estimate`,
    );
    out[table] = { rows: Number(row!.rows), estimate: Number(row!.estimate) };
  }
  return out;
}

/** An organisation's rows in a table (as the transaction sees them) beside the planner's estimate of them. */
async function organisationEstimate(
  tx: Db,
  table: string,
  organisationId: string,
): Promise<{ rows: number; estimate: number }> {
  const [count] = await rawRows<{ rows: number }>(
    tx,
    sql`select count(*)::int as rows from ${sql.identifier(table)} where organisation_id = ${organisationId}::uuid`,
  );
  const [explained] = await rawRows<{ 'QUERY PLAN': unknown }>(
    tx,
    sql`explain (format json) select 1 from ${sql.identifier(table)} where organisation_id = ${organisationId}::uuid`,
  );
  const raw = explained!['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: { 'Plan Rows': number } }>;
  return { rows: Number(count!.rows), estimate: plan[0]!.Plan['Plan Rows'] };
}

describe('statistics during an import', () => {
  it('count the rows just merged before each child’s summary is derived, on a first import', async () => {
    let seen: Awaited<ReturnType<typeof estimates>> | undefined;
    const outcome = await run({
      async summarising(tx) {
        seen = await estimates(tx);
      },
    });
    expect(outcome.status).toBe('applied');
    const written = Object.entries(seen!).filter(([, s]) => s.rows > 0);
    expect(written.map(([table]) => table)).toEqual(
      expect.arrayContaining(['case_people', 'case_referrals', 'case_cla_episodes', 'case_cp_plans']),
    );
    for (const [table, s] of written)
      expect({ table, estimate: s.estimate }).toEqual({ table, estimate: s.rows });
  });

  it('count an organisation’s rows of each table as soon as it is merged (people, workers and teams before the merges that join them), when another organisation’s register is there', async () => {
    const db = ctx.oversight.database.db;
    // Another organisation's register, analysed as the demo load ends: statistics that count none of the second's rows.
    expect((await run({})).status).toBe('applied');
    await db.execute(sql`analyze`);
    const seen: Record<string, { rows: number; estimate: number }> = {};
    const outcome = await run(
      {
        async merged(tx, table) {
          seen[table] = await organisationEstimate(tx, table, ctx.other.organisationId);
        },
      },
      ctx.other,
    );
    expect(outcome.status).toBe('applied');
    expect(Object.keys(seen)).toEqual(expect.arrayContaining(Object.values(RESOLVED_TABLES)));
    const written = Object.entries(seen).filter(([, s]) => s.rows > 0);
    expect(written.length).toBeGreaterThan(10);
    for (const [table, s] of written)
      expect({ table, estimate: s.estimate }).toEqual({ table, estimate: s.rows });
  });

  it('count rows merged once their child is looked up in Oversight, after the file’s other rows were merged', async () => {
    expect((await run({})).status).toBe('applied');
    // Reviews without a person column (as Eclipse writes them): RV8's period of care is in this extract,
    // RV7's (LA3) only in Oversight. On a server RV7 is merged after the file's other rows, whose merge
    // analysed the table; on the embedded database every row of the file is merged at once.
    const episodes = smallExtract()['ssd_cla_episodes.csv']!;
    const extract = {
      'ssd_cla_episodes.csv': [episodes[0]!, ['E9', 'P2', 'LA9', 'R2', '2026-05-01', 'S', 'N1', '', '']],
      'ssd_cla_reviews.csv': [
        [
          'clar_cla_review_id',
          'clar_cla_id',
          'clar_cla_review_due_date',
          'clar_cla_review_date',
          'clar_cla_review_cancelled',
          'clar_cla_review_participation',
        ],
        ['RV8', 'LA9', '2026-06-01', '2026-05-30', 'N', 'PN1'],
        ['RV7', 'LA3', '2026-04-01', '2026-03-30', 'N', 'PN2'],
      ],
    };
    let reviews: { rows: number; estimate: number } | undefined;
    const outcome = await importAndWait(ctx.oversight.database.db, {
      ...importBy(ctx, ctx.org, extractFiles(extract), 'partial'),
      hooks: {
        async summarising(tx) {
          reviews = await organisationEstimate(tx, 'case_cla_reviews', ctx.org.organisationId);
        },
      },
    });
    expect(outcome.errors).toEqual([]);
    expect(outcome.counts.ssd_cla_reviews).toMatchObject({ added: 2 });
    expect(reviews).toEqual({ rows: 4, estimate: 4 });
  });
});
