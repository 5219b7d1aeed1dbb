/**
 * The access audit cannot be changed by the service's own database role, and
 * the service knows when it holds more rights than it should
 * (docs/operations.md, "Database roles"). CI runs the server suite as a
 * least-privilege role and says so with OVERSIGHT_EXPECT_LEAST_PRIVILEGE=true.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOversight } from '../../src/app';
import { loadConfig } from '../../src/platform/config';
import { rawRows } from '../../src/platform/db/client';
import { knownMigrations, MigrationsPendingError, pendingMigrations } from '../../src/platform/db/migrations';
import { holdsSuperuser, superuserWarning } from '../../src/platform/db/privileges';
import { startTestApp, type TestContext } from '../helpers/app';
import { freshDatabase } from '../helpers/database';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

async function auditCount(): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    ctx.oversight.database.db,
    sql`select count(*)::int as n from access_audit`,
  );
  return row!.n;
}

describe('the access audit table', () => {
  beforeAll(async () => {
    await ctx.oversight.database.db.execute(
      sql`insert into access_audit (organisation_id, action, at) values (${ctx.org.organisationId}, 'test.event', now())`,
    );
  });

  it.each([
    ['UPDATE', sql`update access_audit set action = 'changed'`],
    ['DELETE', sql`delete from access_audit`],
    ['TRUNCATE', sql`truncate access_audit`],
  ])('refuses %s from the service role', async (_op, statement) => {
    const before = await auditCount();
    await expect(ctx.oversight.database.db.execute(statement)).rejects.toThrow();
    expect(await auditCount()).toBe(before);
    expect(before).toBeGreaterThan(0);
  });

  it('refuses a delete even when the retention setting is forged to a recent time', async () => {
    const before = await auditCount();
    await expect(
      ctx.oversight.database.db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('oversight.access_audit_retention_before', now()::text, true)`,
        );
        await tx.execute(sql`delete from access_audit`);
      }),
    ).rejects.toThrow();
    expect(await auditCount()).toBe(before);
  });

  it('is protected from switching triggers off unless the role is a superuser, and a superuser is warned about', async () => {
    const db = ctx.oversight.database.db;
    const superuser = await holdsSuperuser(db);
    if (process.env.OVERSIGHT_EXPECT_LEAST_PRIVILEGE === 'true') expect(superuser).toBe(false);
    // The embedded database always runs as its own superuser; a server role should not.
    if (ctx.oversight.database.kind === 'embedded') expect(superuser).toBe(true);
    const replica = db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
    });
    if (superuser) {
      await replica;
      expect(superuserWarning('production', true)).toMatch(/superuser/);
    } else {
      const error = (await replica.then(
        () => new Error('session_replication_role was allowed'),
        (e: Error) => e,
      )) as Error & { cause?: Error };
      expect(error.cause?.message ?? error.message).toMatch(/permission denied/);
    }
  });
});

describe('the superuser warning', () => {
  it('is given only in production and only to a superuser', () => {
    expect(superuserWarning('production', true)).toContain('Database roles');
    expect(superuserWarning('production', false)).toBeUndefined();
    expect(superuserWarning('development', true)).toBeUndefined();
    expect(superuserWarning('test', true)).toBeUndefined();
  });
});

describe('migrations when MIGRATE_ON_START is false', () => {
  it('refuses to start on a database with pending migrations, and starts once they are applied', async () => {
    const database = await freshDatabase({ empty: true });
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DEMO: 'none',
      MIGRATE_ON_START: 'false',
    });
    try {
      expect(await pendingMigrations(database.db)).toEqual(knownMigrations().map((m) => m.tag));
      // createOversight closes the database it refuses; keep ours open by giving it a wrapper.
      await expect(
        createOversight(config, { database: { ...database, close: async () => undefined } }),
      ).rejects.toBeInstanceOf(MigrationsPendingError);
      await database.migrate();
      expect(await pendingMigrations(database.db)).toEqual([]);
      const oversight = await createOversight(config, {
        database: { ...database, close: async () => undefined },
      });
      await oversight.close();
    } finally {
      await database.close();
    }
  });
});
