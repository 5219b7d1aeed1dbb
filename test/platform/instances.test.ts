/**
 * Two instances of Oversight on one database, as a council runs them behind
 * a load balancer. With DATABASE_URL set they are two real instances, each
 * with its own connection pool, on one server database; on the embedded
 * database (one process only) they share the handle, and everything below
 * still runs through the same claims and locks.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOversight, type Oversight } from '../../src/app';
import { DEMO_PASSWORD, type DemoOrganisation } from '../../src/demo/organisation';
import { extractFiles, smallExtract } from '../../src/modules/cases/fixtures';
import { INTERRUPTED } from '../../src/modules/cases/import-recovery';
import { importAndWait, importSettled, startImport } from '../../src/modules/cases/importer';
import { refreshTasks } from '../../src/modules/compliance/service';
import { FixedClock } from '../../src/platform/clock';
import { loadConfig } from '../../src/platform/config';
import { type Database, rawRows } from '../../src/platform/db/client';
import { exclusively } from '../../src/platform/instance';
import { Agent, createTestOrganisations, TEST_START } from '../helpers/app';
import { freshDatabase, sameDatabase } from '../helpers/database';

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: 'none' });
// Monday 16 November 2026, 09:00 in London: every daily job is due.
const clock = new FixedClock(TEST_START);
let databaseA: Database;
let databaseB: Database;
let a: Oversight;
let b: Oversight;
let org: DemoOrganisation;
let other: DemoOrganisation;

const audit = (o: DemoOrganisation) => ({
  organisationId: o.organisationId,
  userId: o.userIds.administrator,
  ip: null,
  userAgent: 'test',
  requestId: null,
  at: clock.now(),
});

beforeAll(async () => {
  databaseA = await freshDatabase();
  databaseB = await sameDatabase(databaseA);
  // Both start at once: the schema is brought up to date by one, then the other finds it done.
  [a, b] = await Promise.all([
    createOversight(config, { clock, database: databaseA }),
    createOversight(config, { clock, database: databaseB }),
  ]);
  ({ org, other } = await createTestOrganisations(a.database.db, clock.now()));
});

afterAll(async () => {
  await b?.close();
  await a?.close();
});

const count = async (query: ReturnType<typeof sql>) =>
  (await rawRows<{ n: number }>(a.database.db, query))[0]!.n;

describe('two instances on one database', () => {
  it('are two instances, each alive to the other', async () => {
    expect(a.instance.id).not.toBe(b.instance.id);
    expect(await a.instance.isLive(b.instance.id)).toBe(true);
    expect(await b.instance.isLive(a.instance.id)).toBe(true);
    expect(await a.instance.isLive('00000000-0000-4000-8000-000000000000')).toBe(false);
  });

  it('recompute an organisation one at a time, and both recomputing after an import leaves one set of tasks', async () => {
    // The import in A tells both instances' compliance engines (in this test they share a process), so both recompute.
    const outcome = await importAndWait(a.database.db, {
      organisationId: org.organisationId,
      userId: org.userIds.administrator,
      origin: 'upload',
      mode: 'full',
      files: extractFiles(smallExtract()),
      clock,
      audit: audit(org),
      concurrentProgress: a.database.kind === 'server',
      instance: a.instance,
    });
    expect(outcome.status).toBe('applied');
    await Promise.all([a.app.deps.background.idle(), b.app.deps.background.idle()]);
    const tasks = await count(
      sql`select count(*)::int as n from compliance_tasks where organisation_id = ${org.organisationId}`,
    );
    expect(tasks).toBeGreaterThan(0);
    const distinct = await count(sql`select count(*)::int as n from (
      select distinct person_id, episode_id, rule_key, occurrence from compliance_tasks
      where organisation_id = ${org.organisationId}) d`);
    expect(distinct).toBe(tasks);
    // Even recomputations that do not wait their turn (a form's refresh beside a full one) write one set.
    await Promise.all(
      [a, b, a, b, a, b].map((o) => refreshTasks(o.database.db, org.organisationId, 'all', clock)),
    );
    expect(
      await count(
        sql`select count(*)::int as n from compliance_tasks where organisation_id = ${org.organisationId}`,
      ),
    ).toBe(tasks);

    // Work under one key never overlaps, whichever instance runs it.
    const events: string[] = [];
    const key = `compliance.recompute:${org.organisationId}`;
    let letAFinish!: () => void;
    const aHolds = new Promise<void>((resolve) => {
      letAFinish = resolve;
    });
    let aStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      aStarted = resolve;
    });
    const first = exclusively(a.database, key, async () => {
      events.push('A starts');
      aStarted();
      await aHolds;
      events.push('A ends');
    });
    await started;
    const second = exclusively(b.database, key, async () => {
      events.push('B starts');
    });
    expect(await b.database.isLocked(key)).toBe(true);
    letAFinish();
    await Promise.all([first, second]);
    expect(events).toEqual(['A starts', 'A ends', 'B starts']);
    expect(await b.database.isLocked(key)).toBe(false);
  });

  it('run each daily job once per organisation and send each prompt once, however both schedulers interleave', async () => {
    const mailBefore = await count(sql`select count(*)::int as n from mail_messages`);
    const [ranA, ranB] = await Promise.all([a.runScheduledJobs(), b.runScheduledJobs()]);
    const jobs = a.dailyJobs.length;
    expect(ranA + ranB).toBe(jobs * 2);
    const runs = await rawRows<{ job: string; organisation_id: string; n: number; done: number }>(
      a.database.db,
      sql`select job, organisation_id, count(*)::int as n, count(*) filter (where outcome = 'done')::int as done
          from job_runs group by job, organisation_id`,
    );
    expect(runs).toHaveLength(jobs * 2);
    for (const r of runs) expect([r.n, r.done]).toEqual([1, 1]);
    const owners = await rawRows<{ instance: string }>(
      a.database.db,
      sql`select distinct instance from job_runs`,
    );
    for (const o of owners) expect([a.instance.id, b.instance.id]).toContain(o.instance);

    // Prompts: each person's digest once, and the job's count is what was sent.
    const mail = await rawRows<{ to_address: string; subject: string; n: number }>(
      a.database.db,
      sql`select to_address, subject, count(*)::int as n from mail_messages
          where subject like 'Oversight:%' group by to_address, subject`,
    );
    expect(mail.length).toBeGreaterThan(0);
    for (const m of mail) expect(m.n, `${m.to_address}: ${m.subject}`).toBe(1);
    const prompted = await count(sql`select count(*)::int as n from compliance_prompts`);
    expect(await count(sql`select count(*)::int as n from mail_messages`)).toBe(mailBefore + prompted);
    expect(mail.reduce((n, m) => n + m.n, 0)).toBe(prompted);

    // Again, later the same day, in either order: nothing more.
    clock.advanceMinutes(10);
    expect(await Promise.all([b.runScheduledJobs(), a.runScheduledJobs()])).toEqual([0, 0]);
    expect(await count(sql`select count(*)::int as n from mail_messages`)).toBe(mailBefore + prompted);
  });

  it('honour a session made on the other instance: no sticky sessions needed', async () => {
    const onA = new Agent(a.app, config.sessionSecret);
    await onA.get('/sign-in');
    const email = org.users.find((u) => u.role === 'practitioner')!.email;
    const signIn = await onA.post('/sign-in', { email, password: DEMO_PASSWORD });
    expect(signIn.statusCode, signIn.body).toBe(302);
    expect(signIn.headers.location).toBe('/');

    const onB = new Agent(b.app, config.sessionSecret);
    for (const [k, v] of onA.cookies) onB.cookies.set(k, v);
    const home = await onB.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Sign out');
    // A form posted to B with the token A's page gave (the CSRF token is bound to the session, not the instance).
    const out = await onB.post('/sign-out');
    expect(out.statusCode).toBe(302);
    const after = await onA.get('/');
    expect(after.statusCode).toBe(302);
    expect(after.headers.location).toContain('/sign-in');
  });

  it('fail at start-up the imports of an instance that is gone, at once, and leave those of a live one', async () => {
    // D: another process, which holds its instance's lock as every instance does.
    const databaseD = await sameDatabase(databaseA);
    const d = randomUUID();
    const dLock = await databaseD.lock(`oversight.instance:${d}`);
    expect(await a.instance.isLive(d)).toBe(true);
    const running = (o: DemoOrganisation, owner: string) =>
      rawRows<{ id: string }>(
        a.database.db,
        sql`insert into case_imports (organisation_id, origin, mode, status, phase, created_at, heartbeat_at, owner)
            values (${o.organisationId}, 'upload', 'full', 'applying', 'Writing ssd_person', ${clock.now()}, ${clock.now()}, ${owner})
            returning id`,
      );
    const [ofA] = await running(org, a.instance.id);
    const [ofD] = await running(other, d);

    // D is killed: on a server its connection ends without a word (and the lock with it); embedded, it is gone from memory.
    if (databaseD.kind === 'server') {
      const ended = await rawRows<{ ended: boolean }>(
        a.database.db,
        sql`select pg_terminate_backend(pid, 10000) as ended from pg_locks
            where locktype = 'advisory' and granted and objsubid = 1
              and ((classid::bigint << 32) | objid::bigint) = hashtextextended(${`oversight.instance:${d}`}, 0)`,
      );
      expect(ended).toEqual([{ ended: true }]);
      await dLock.lost;
    }
    await dLock.release();
    expect(await a.instance.isLive(d)).toBe(false);

    // A third instance starts: D's import is failed at once (no 15-minute wait); A's, still running, is left alone.
    const databaseC = await sameDatabase(databaseA);
    const c = await createOversight(config, { clock, database: databaseC });
    try {
      await c.app.ready();
      const rows = await rawRows<{ id: string; status: string; failure: string | null }>(
        a.database.db,
        sql`select id, status, failure from case_imports where id in (${ofA!.id}, ${ofD!.id})`,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(ofD!.id)).toMatchObject({ status: 'failed', failure: INTERRUPTED });
      expect(byId.get(ofA!.id)).toMatchObject({ status: 'applying', failure: null });

      const start = (o: DemoOrganisation) =>
        startImport(c.database.db, {
          organisationId: o.organisationId,
          userId: o.userIds.administrator,
          origin: 'upload',
          mode: 'partial',
          files: extractFiles({}),
          clock,
          audit: audit(o),
          concurrentProgress: c.database.kind === 'server',
          instance: c.instance,
        });
      // The other organisation may import again straight away; A's import still blocks its own organisation.
      const next = await start(other);
      expect((await importSettled(next))?.status).toBe('rejected');
      await expect(start(org)).rejects.toMatchObject({
        fields: { files: expect.stringContaining('Another import is in progress') },
      });
    } finally {
      await c.close();
      await databaseD.close().catch(() => undefined);
    }
  });
});
