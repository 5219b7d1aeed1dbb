import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { featureModules } from './modules/index';
import { accountModule } from './platform/account/routes';
import { adminModule } from './platform/admin/routes';
import { syncGrants } from './platform/auth/grants';
import { seedBankHolidays } from './platform/calendar/service';
import { type Clock, systemClock } from './platform/clock';
import type { Config } from './platform/config';
import { type Database, openDatabase } from './platform/db/client';
import { MigrationsPendingError, pendingMigrations } from './platform/db/migrations';
import { holdsSuperuser, superuserWarning } from './platform/db/privileges';
import type { OversightModule } from './platform/http/module';
import { buildApp, type LogStream } from './platform/http/server';
import { sweepStaleUploads } from './platform/http/uploads';
import { type Instance, startInstance } from './platform/instance';
import { type DailyJob, runDueDailyJobs } from './platform/jobs';
import { createMailer, type Mailer } from './platform/mail/service';
import type { PermissionSet } from './platform/permissions';
import { platformModule } from './platform/routes';

/** How often the scheduler looks for daily jobs that are due. */
const SCHEDULER_INTERVAL_MS = 5 * 60_000;

export const allModules: OversightModule[] = [platformModule, adminModule, accountModule, ...featureModules];

export function allPermissions(modules: OversightModule[] = allModules): PermissionSet {
  const merged: PermissionSet = {};
  for (const m of modules) {
    for (const [key, def] of Object.entries(m.permissions)) {
      if (merged[key]) throw new Error(`Permission ${key} is declared twice (module ${m.name})`);
      merged[key] = def;
    }
  }
  return merged;
}

export interface Oversight {
  app: FastifyInstance;
  database: Database;
  clock: Clock;
  mailer: Mailer;
  /** This instance among those sharing the database. */
  instance: Instance;
  /** Every module's daily jobs, for the scheduler (and tests, which run them directly). */
  dailyJobs: DailyJob[];
  /** Run the daily jobs that are due and not yet claimed by any instance; resolves with how many ran here. */
  runScheduledJobs(): Promise<number>;
  /** Run due daily jobs now and every few minutes; returns a function that stops it. */
  startScheduler(): () => void;
  close(): Promise<void>;
}

/**
 * Open the database, bring its schema up to date, load reference data and
 * build the web application. The one place the parts are put together.
 */
export async function createOversight(
  config: Config,
  options: { clock?: Clock; database?: Database; logStream?: LogStream } = {},
): Promise<Oversight> {
  const clock = options.clock ?? systemClock;
  const database =
    options.database ??
    (await openDatabase({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pg`,
      poolSize: config.databasePoolSize,
      onIdleError: (e) =>
        console.error(`database: an idle connection was closed by the server (${e.message})`),
    }));
  // Instances starting together bring the schema and reference data up to date one at a time.
  const startUp = await database.lock('oversight.start-up');
  let grants!: Awaited<ReturnType<typeof syncGrants>>;
  let pending: Awaited<ReturnType<typeof pendingMigrations>> = [];
  try {
    if (config.migrateOnStart) await database.migrate();
    else pending = await pendingMigrations(database.db);
    if (pending.length === 0) {
      grants = await syncGrants(database.db, allPermissions());
      await seedBankHolidays(database.db);
    }
  } finally {
    await startUp.release();
  }
  if (pending.length > 0) {
    await database.close();
    throw new MigrationsPendingError(pending);
  }
  let log: Pick<FastifyBaseLogger, 'error'> | undefined;
  const instance = await startInstance(database, (e) =>
    (log ?? console).error(
      { err: e },
      'this instance lost the lock that tells other instances it is alive; taking it back',
    ),
  );
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock });
  const app = await buildApp(
    {
      database,
      db: database.db,
      instance,
      clock,
      config,
      mailer,
      grants,
      sessionSettings: {
        secret: config.sessionSecret,
        idleMinutes: config.sessionIdleMinutes,
        absoluteHours: config.sessionAbsoluteHours,
      },
      modules: allModules,
    },
    { logStream: options.logStream },
  );
  log = app.log;
  // Upload folders a crashed process left behind hold children's data: removed at start-up.
  const swept = await sweepStaleUploads({ now: clock.now() });
  if (swept.length)
    app.log.warn({ folders: swept.length }, 'removed upload folders left by a stopped process');
  const roleWarning = superuserWarning(config.env, await holdsSuperuser(database.db));
  if (roleWarning) app.log.warn(roleWarning);
  const dailyJobs = allModules.flatMap((m) => m.dailyJobs?.(app) ?? []);
  let timer: NodeJS.Timeout | undefined;
  const runScheduledJobs = () => runDueDailyJobs(database.db, clock, dailyJobs, app.log, instance.id);
  return {
    app,
    database,
    clock,
    mailer,
    instance,
    dailyJobs,
    runScheduledJobs,
    startScheduler() {
      const tick = () => {
        runScheduledJobs().catch((e) => app.log.error({ err: e }, 'scheduler failed'));
      };
      tick();
      timer = setInterval(tick, SCHEDULER_INTERVAL_MS);
      timer.unref();
      return () => clearInterval(timer);
    },
    async close() {
      if (timer) clearInterval(timer);
      await app.close();
      await app.deps.background.idle();
      await instance.close();
      await database.close();
    },
  };
}
