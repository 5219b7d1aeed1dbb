import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';
import { INTERRUPTED, recoverInterruptedImports, SILENCE_MS } from './import-recovery';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

async function importRow(organisationId: string, status: string, owner: string | null, heartbeatAt: Date) {
  const [row] = await rawRows<{ id: string }>(
    ctx.oversight.database.db,
    sql`insert into case_imports (organisation_id, origin, mode, status, created_at, heartbeat_at, owner)
        values (${organisationId}, 'command', 'full', ${status}, ${heartbeatAt}, ${heartbeatAt}, ${owner})
        returning id`,
  );
  return row!.id;
}

async function statusOf(id: string) {
  const [row] = await rawRows<{ status: string; failure: string | null }>(
    ctx.oversight.database.db,
    sql`select status, failure from case_imports where id = ${id}`,
  );
  return row;
}

describe('imports interrupted by a restart', () => {
  it('fails at once an import whose instance is gone, and leaves one whose instance is alive', async () => {
    const now = ctx.clock.now();
    const gone = await importRow(ctx.org.organisationId, 'applying', 'gone-instance', now);
    const alive = await importRow(ctx.other.organisationId, 'validating', 'live-instance', now);
    const instance = { isLive: async (id: string) => id === 'live-instance' };
    const failed = await recoverInterruptedImports(ctx.oversight.database.db, { at: now, instance });
    expect(failed).toEqual([gone]);
    expect(await statusOf(gone)).toEqual({ status: 'failed', failure: INTERRUPTED });
    expect(await statusOf(alive)).toEqual({ status: 'validating', failure: null });
    // A live instance's import stays however long it is silent.
    const later = new Date(now.getTime() + 2 * SILENCE_MS);
    expect(await recoverInterruptedImports(ctx.oversight.database.db, { at: later, instance })).toEqual([]);
    await ctx.oversight.database.db.execute(
      sql`update case_imports set status = 'applied' where id = ${alive}`,
    );
  });

  it('judges an import without an owner, or without an instance to ask, by its last sign of life', async () => {
    const now = ctx.clock.now();
    const recent = await importRow(ctx.org.organisationId, 'queued', null, now);
    const instance = { isLive: async () => false };
    const db = ctx.oversight.database.db;
    expect(await recoverInterruptedImports(db, { at: now, instance })).toEqual([]);
    const later = new Date(now.getTime() + SILENCE_MS + 1);
    // Only the organisation asked about.
    expect(
      await recoverInterruptedImports(db, { at: later, organisationId: ctx.other.organisationId }),
    ).toEqual([]);
    expect(
      await recoverInterruptedImports(db, { at: later, organisationId: ctx.org.organisationId }),
    ).toEqual([recent]);
    const owned = await importRow(ctx.org.organisationId, 'applying', 'someone', now);
    expect(await recoverInterruptedImports(db, { at: now })).toEqual([]);
    expect(await recoverInterruptedImports(db, { at: later })).toEqual([owned]);
  });

  it('leaves finished imports as they are', async () => {
    const now = ctx.clock.now();
    const done = await importRow(ctx.org.organisationId, 'applied', 'gone-instance', now);
    const instance = { isLive: async () => false };
    expect(await recoverInterruptedImports(ctx.oversight.database.db, { at: now, instance })).toEqual([]);
    expect(await statusOf(done)).toEqual({ status: 'applied', failure: null });
  });
});
