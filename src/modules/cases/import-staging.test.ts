import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';
import { databaseErrorCode } from '../../platform/errors';
import { extractFiles, smallExtract } from './fixtures';
import { clearStaging, sweepStaging } from './import-staging';
import { type ImportHooks, type ImportOutcome, importAndWait } from './importer';
import { registerCounts } from './repository';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
});
afterAll(async () => ctx.close());

function run(org: TestContext['org'], hooks: ImportHooks, extract = smallExtract()): Promise<ImportOutcome> {
  return importAndWait(ctx.oversight.database.db, {
    organisationId: org.organisationId,
    userId: org.userIds.administrator,
    origin: 'upload',
    mode: 'full',
    files: extractFiles(extract),
    clock: ctx.clock,
    audit: {
      organisationId: org.organisationId,
      userId: org.userIds.administrator,
      ip: null,
      userAgent: 'test',
      requestId: null,
      at: ctx.clock.now(),
    },
    concurrentProgress: ctx.oversight.database.kind === 'server',
    hooks,
    // Small chunks, so the small extract is written in many steps as a large one is.
    stageChunk: 2,
  });
}

/** The error code a statement is refused with, or undefined when it runs. */
function refused(statement: ReturnType<typeof sql>): Promise<string | undefined> {
  return ctx.oversight.database.db.execute(statement).then(() => undefined, databaseErrorCode);
}

async function stagedRows(): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    ctx.oversight.database.db,
    sql`select count(*)::int as n from case_import_staging`,
  );
  return Number(row?.n);
}

/** The organisation holds no record of these tables, open or closed, and staging is empty. */
async function expectNothingWritten(org: TestContext['org'], tables: string[]): Promise<void> {
  const counts = await registerCounts(ctx.oversight.database.db, org.organisationId, tables);
  expect(counts).toEqual(Object.fromEntries(tables.map((t) => [t, { open: 0, closed: 0 }])));
  expect(await stagedRows()).toBe(0);
}

describe('an import writing the register', () => {
  it('lets other requests through while it writes, shows them none of its rows, and leaves no staging behind', async () => {
    const events: string[] = [];
    let seen: Promise<unknown> | undefined;
    const outcome = await run(ctx.org, {
      staged() {
        if (seen) return;
        events.push('writing');
        // Another person's request, made while the import is writing its first rows.
        seen = Promise.all([
          ctx.app.inject({ method: 'GET', url: '/health' }).then((res) => {
            events.push(`health answered ${res.statusCode}`);
          }),
          registerCounts(ctx.oversight.database.db, ctx.org.organisationId, ['case_people']).then((c) => {
            events.push(`people seen: ${c.case_people!.open}`);
          }),
        ]);
      },
      merging() {
        events.push('merging');
      },
    });
    await seen;
    expect(outcome.status).toBe('applied');
    expect(outcome.totals.added).toBe(38);
    // Answered while the import wrote, and without a half-written register.
    const answered = events.filter((e) => e !== 'merging');
    expect(answered.slice(0, 3).sort()).toEqual(['health answered 200', 'people seen: 0', 'writing']);
    if (ctx.oversight.database.kind === 'server') {
      // On a server the transaction begins with the check, and each file is merged beside the next one's check.
      expect(events[0]).toBe('merging');
      expect(outcome.timings.mergeMs).toBeGreaterThanOrEqual(outcome.timings.applyMs);
    } else {
      // The embedded database stages everything (other requests running between chunks), then merges.
      expect(events[3]).toBe('merging');
      expect(outcome.timings.mergeMs).toBeLessThanOrEqual(outcome.timings.applyMs);
    }
    expect(await stagedRows()).toBe(0);
  });

  it('writes nothing and leaves no staging behind when it fails before its transaction ends', async () => {
    const outcome = await run(ctx.other, {
      merging() {
        throw new Error('the disk is full');
      },
    });
    expect(outcome.status).toBe('failed');
    await expectNothingWritten(ctx.other, ['case_people', 'case_cla_episodes']);
  });

  it('writes nothing when the last file checked has an error, though a server merged the files before it', async () => {
    const extract = smallExtract();
    const involvements = extract['ssd_involvements.csv']!;
    involvements[involvements.length - 1]![5] = '2025-02-31';
    const merged: string[] = [];
    const outcome = await run(
      ctx.other,
      {
        async merged(_tx, table) {
          merged.push(table);
        },
      },
      extract,
    );
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.file, e.field, e.value])).toEqual([
      ['ssd_involvements.csv', 'invo_involvement_start_date', '2025-02-31'],
    ]);
    // On a server the people and the files before involvements were merged beside the check, then rolled back.
    if (ctx.oversight.database.kind === 'server') expect(merged).toContain('case_people');
    else expect(merged).toEqual([]);
    await expectNothingWritten(ctx.other, ['case_people', 'case_involvements']);
  });

  it('sweeps rows left by imports that are no longer running, and keeps those of a running one', async () => {
    const db = ctx.oversight.database.db;
    const [running] = await rawRows<{ id: string }>(
      db,
      sql`insert into case_imports (organisation_id, origin, mode, status, created_at)
          values (${ctx.other.organisationId}, 'command', 'full', 'applying', now()) returning id`,
    );
    const dead = '00000000-0000-7000-8000-000000000001';
    for (const importId of [running!.id, dead])
      await db.execute(
        sql`insert into case_import_staging (import_id, part, seq, new_id, row_hash, v)
            select ${importId}::uuid, 0, n, gen_random_uuid(), 'h', array['x']
            from generate_series(1, 3) n`,
      );
    expect(await sweepStaging(db)).toBe(3);
    expect(await stagedRows()).toBe(3);
    expect(await sweepStaging(db, [running!.id])).toBe(3);
    expect(await stagedRows()).toBe(0);
    await db.execute(sql`update case_imports set status = 'failed' where id = ${running!.id}`);
  });

  it('clears an import’s staging, emptying the table at once on the embedded database only when no other import has rows there', async () => {
    const db = ctx.oversight.database.db;
    const embedded = ctx.oversight.database.kind === 'embedded';
    const first = '00000000-0000-7000-8000-000000000002';
    const second = '00000000-0000-7000-8000-000000000003';
    for (const [importId, rows] of [
      [first, 3],
      [second, 2],
    ] as const)
      await db.execute(
        sql`insert into case_import_staging (import_id, part, seq, new_id, row_hash, v)
            select ${importId}::uuid, 0, n, gen_random_uuid(), 'h', array['x']
            from generate_series(1, ${rows}::int) n`,
      );
    // TRUNCATE gives the table new files; deleting rows keeps them.
    const files = async () =>
      (
        await rawRows<{ f: string }>(db, sql`select pg_relation_filenode('case_import_staging')::text as f`)
      )[0]!.f;
    const before = await files();
    await clearStaging(db, second, new Map([[0, 2]]), embedded);
    expect(await stagedRows()).toBe(3);
    expect(await files()).toBe(before);
    await clearStaging(db, first, new Map([[0, 3]]), embedded);
    expect(await stagedRows()).toBe(0);
    if (embedded) expect(await files()).not.toBe(before);
    else expect(await files()).toBe(before);
  });

  it('still refuses, once per statement, a register row whose child or organisation does not exist, and deleting a child with records', async () => {
    const db = ctx.oversight.database.db;
    const org = ctx.org.organisationId;
    // Imported by the first test.
    expect(
      await refused(
        sql`update case_cla_episodes set person_id = gen_random_uuid() where organisation_id = ${org}`,
      ),
    ).toBe('23503');
    // A child of another organisation is not this organisation's child.
    const [other] = await rawRows<{ id: string }>(
      db,
      sql`insert into case_people (organisation_id, source_id, row_hash) values (${ctx.other.organisationId}, 'X1', 'h')
          returning id`,
    );
    expect(
      await refused(
        sql`update case_cla_episodes set person_id = ${other!.id} where organisation_id = ${org}`,
      ),
    ).toBe('23503');
    expect(
      await refused(
        sql`update case_people set organisation_id = gen_random_uuid() where organisation_id = ${org}`,
      ),
    ).toBe('23503');
    expect(
      await refused(
        sql`delete from case_people where organisation_id = ${org} and id in (select person_id from case_cla_episodes)`,
      ),
    ).toBe('23503');
    // A child nothing refers to can go.
    expect(await refused(sql`delete from case_people where id = ${other!.id}`)).toBeUndefined();
  });

  it('refuses, once per statement, an allocation whose worker or team is not its organisation’s, and deleting a worker or team with allocations', async () => {
    const db = ctx.oversight.database.db;
    const org = ctx.org.organisationId;
    const allocated = sql`organisation_id = ${org} and worker_id is not null and case_team_id is not null`;
    // Imported by the first test.
    const [counts] = await rawRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from case_involvements where ${allocated}`,
    );
    expect(Number(counts!.n)).toBeGreaterThan(0);
    expect(
      await refused(sql`update case_involvements set worker_id = gen_random_uuid() where ${allocated}`),
    ).toBe('23503');
    expect(
      await refused(sql`update case_involvements set case_team_id = gen_random_uuid() where ${allocated}`),
    ).toBe('23503');
    // Another organisation's worker and team are not this organisation's.
    const [worker] = await rawRows<{ id: string }>(
      db,
      sql`insert into case_workers (organisation_id, source_id, row_hash, name) values (${ctx.other.organisationId}, 'W-other', 'h', 'Other worker')
          returning id`,
    );
    const [team] = await rawRows<{ id: string }>(
      db,
      sql`insert into case_teams (organisation_id, source_id, row_hash, name) values (${ctx.other.organisationId}, 'T-other', 'h', 'Other team')
          returning id`,
    );
    expect(
      await refused(sql`update case_involvements set worker_id = ${worker!.id} where ${allocated}`),
    ).toBe('23503');
    expect(
      await refused(sql`update case_involvements set case_team_id = ${team!.id} where ${allocated}`),
    ).toBe('23503');
    expect(
      await refused(
        sql`delete from case_workers where id in (select worker_id from case_involvements where ${allocated})`,
      ),
    ).toBe('23503');
    expect(
      await refused(
        sql`delete from case_teams where id in (select case_team_id from case_involvements where ${allocated})`,
      ),
    ).toBe('23503');
    // A worker or team nothing refers to can go, and an allocation may have neither.
    expect(await refused(sql`delete from case_workers where id = ${worker!.id}`)).toBeUndefined();
    expect(await refused(sql`delete from case_teams where id = ${team!.id}`)).toBeUndefined();
    expect(
      await refused(
        sql`update case_involvements set worker_id = null where organisation_id = ${org} and source_id = 'never'`,
      ),
    ).toBeUndefined();
  });

  it('merges with the reference triggers off on the embedded database only, and checks every other statement of its transaction', async () => {
    const roles: string[] = [];
    const refusedInside: (string | undefined)[] = [];
    const outcome = await run(ctx.other, {
      async merged(tx, table) {
        const [row] = await rawRows<{ role: string }>(
          tx,
          sql`select current_setting('session_replication_role') as role`,
        );
        roles.push(row!.role);
        if (table !== 'case_cla_episodes') return;
        await tx.execute(sql`savepoint probe`);
        refusedInside.push(
          await tx
            .execute(
              sql`update case_cla_episodes set person_id = gen_random_uuid() where organisation_id = ${ctx.other.organisationId}`,
            )
            .then(() => undefined, databaseErrorCode),
        );
        await tx.execute(sql`rollback to savepoint probe`);
      },
    });
    expect(outcome.status).toBe('applied');
    expect(roles.length).toBeGreaterThan(3);
    expect(new Set(roles)).toEqual(new Set(['origin']));
    expect(refusedInside).toEqual(['23503']);
  });
});
