/**
 * Retention (docs/operations.md, "Retention"): each period is a setting, and
 * each daily job removes or anonymises only what is past it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedCasesDue } from '../../src/modules/cases/retention';
import { purgeOldSignInAttempts } from '../../src/platform/auth/sessions';
import { rawRows } from '../../src/platform/db/client';
import { startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({
    start: '2026-11-16T04:00:00Z',
    env: {
      RETAIN_ACCESS_AUDIT_YEARS: '6',
      RETAIN_IMPORT_PROBLEMS_DAYS: '30',
      RETAIN_SIGN_IN_ATTEMPTS_DAYS: '10',
    },
  });
});
afterAll(async () => ctx.close());

const db = () => ctx.oversight.database.db;

function job(name: string) {
  const found = ctx.oversight.dailyJobs.find((j) => j.name === name);
  if (!found) throw new Error(`no daily job ${name}`);
  return found;
}

describe('retention settings', () => {
  it('are read from the environment with conservative defaults', () => {
    expect(ctx.config.retention).toEqual({
      signInAttemptsDays: 10,
      accessAuditYears: 6,
      importProblemsDays: 30,
      closedCasesAge: 25,
      lookedAfterCasesAge: 75,
    });
  });
});

describe('access audit retention', () => {
  it('removes only events older than the period, through the audited function, and records the removal', async () => {
    const org = ctx.org.organisationId;
    const other = ctx.other.organisationId;
    await db().execute(sql`insert into access_audit (organisation_id, action, at) values
      (${org}, 'old.event', '2019-01-01T00:00:00Z'),
      (${org}, 'recent.event', '2021-01-01T00:00:00Z'),
      (${other}, 'old.event', '2019-01-01T00:00:00Z'),
      (null, 'old.event', '2019-01-01T00:00:00Z')`);
    const removed = await job('platform.audit-retention').run(org, '2026-11-16');
    expect(removed).toBe(2);
    const rows = await rawRows<{ organisation_id: string | null; action: string; detail: string | null }>(
      db(),
      sql`select organisation_id, action, detail from access_audit
          where action in ('old.event', 'recent.event', 'audit.retention') order by action, organisation_id`,
    );
    expect(rows.map((r) => [r.organisation_id, r.action])).toEqual([
      [org, 'audit.retention'],
      [null, 'audit.retention'],
      [other, 'old.event'],
      [org, 'recent.event'],
    ]);
    expect(rows[0]!.detail).toMatch(/Removed 1 access audit events recorded before 2020-11-16/);
  });

  it('refuses to remove events less than a year old, whatever the caller asks', async () => {
    await expect(
      db().execute(
        sql`select access_audit_remove_before(now() - interval '6 months', ${ctx.org.organisationId}::uuid)`,
      ),
    ).rejects.toThrow();
  });
});

describe('sign-in attempts retention', () => {
  it('removes attempts older than the configured days', async () => {
    await db().execute(sql`insert into sign_in_attempts (email, ip, succeeded, at) values
      ('a@example.invalid', '192.0.2.1', false, '2026-11-01T00:00:00Z'),
      ('b@example.invalid', '192.0.2.1', false, '2026-11-10T00:00:00Z')`);
    await purgeOldSignInAttempts(db(), ctx.clock, ctx.config.retention.signInAttemptsDays);
    const rows = await rawRows<{ email: string }>(db(), sql`select email from sign_in_attempts`);
    expect(rows.map((r) => r.email)).toEqual(['b@example.invalid']);
  });
});

describe('import problems retention', () => {
  it('strips the quoted values from problem lists of imports older than the period', async () => {
    const errors = JSON.stringify([
      { file: 'ssd_person.csv', row: 2, field: 'pers_dob', value: '2011-02-30', expected: 'a date' },
    ]);
    const [oldImport] = await rawRows<{ id: string }>(
      db(),
      sql`insert into case_imports (organisation_id, origin, mode, status, error_count, errors, created_at, finished_at)
          values (${ctx.org.organisationId}, 'upload', 'full', 'rejected', 1, ${errors}::jsonb,
                  '2026-09-01T00:00:00Z', '2026-09-01T00:01:00Z') returning id`,
    );
    const [recent] = await rawRows<{ id: string }>(
      db(),
      sql`insert into case_imports (organisation_id, origin, mode, status, error_count, errors, created_at, finished_at)
          values (${ctx.org.organisationId}, 'upload', 'full', 'rejected', 1, ${errors}::jsonb,
                  '2026-11-10T00:00:00Z', '2026-11-10T00:01:00Z') returning id`,
    );
    expect(await job('cases.import-problems-retention').run(ctx.org.organisationId, '2026-11-16')).toBe(1);
    const rows = await rawRows<{ id: string; errors: unknown; error_count: number }>(
      db(),
      sql`select id, errors, error_count from case_imports where id in (${oldImport!.id}, ${recent!.id})`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(oldImport!.id)!.errors).toEqual([
      { file: 'ssd_person.csv', row: 2, field: 'pers_dob', expected: 'a date' },
    ]);
    expect(byId.get(oldImport!.id)!.error_count).toBe(1);
    expect(byId.get(recent!.id)!.errors).toEqual(JSON.parse(errors));
  });
});

describe('closed cases retention report', () => {
  it('reports children with no open case past their 25th birthday, or 75th if ever looked after', async () => {
    const org = ctx.org.organisationId;
    const people = await rawRows<{ id: string; source_id: string }>(
      db(),
      sql`insert into case_people (organisation_id, source_id, row_hash, date_of_birth, open_case) values
        (${org}, 'R1', 'h', '2000-01-01', false),
        (${org}, 'R2', 'h', '2000-01-01', true),
        (${org}, 'R3', 'h', '1990-05-05', false),
        (${org}, 'R4', 'h', '2010-01-01', false),
        (${org}, 'R5', 'h', null, false),
        (${org}, 'R6', 'h', '1950-01-01', false)
        returning id, source_id`,
    );
    const id = (s: string) => people.find((p) => p.source_id === s)!.id;
    await db().execute(sql`insert into case_cla_episodes (organisation_id, source_id, row_hash, person_id, cla_source_id, start_date)
      values (${org}, 'C3', 'h', ${id('R3')}, 'C3', '1995-01-01'), (${org}, 'C6', 'h', ${id('R6')}, 'C6', '1955-01-01')`);
    const due = await closedCasesDue(db(), org, '2026-11-16', ctx.config.retention);
    expect(due).toEqual([
      { personId: id('R6'), sourceId: 'R6', lookedAfter: true, dueOn: '2025-01-01' },
      { personId: id('R1'), sourceId: 'R1', lookedAfter: false, dueOn: '2025-01-01' },
    ]);
    expect(await job('cases.closed-cases-retention-report').run(org, '2026-11-16')).toBe(2);
    expect(await closedCasesDue(db(), ctx.other.organisationId, '2026-11-16', ctx.config.retention)).toEqual(
      [],
    );
  });
});
