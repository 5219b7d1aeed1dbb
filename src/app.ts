import type { FastifyInstance } from 'fastify';
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
import { buildApp } from './platform/http/server';
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
  /** Every module's daily jobs, for the scheduler (and tests, which run them directly). */
  dailyJobs: DailyJob[];
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
  options: { clock?: Clock; database?: Database } = {},
): Promise<Oversight> {
  const clock = options.clock ?? systemClock;
  const database =
    options.database ??
    (await openDatabase({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pg`,
      onIdleError: (e) =>
        console.error(`database: an idle connection was closed by the server (${e.message})`),
    }));
  if (config.migrateOnStart) await database.migrate();
  else {
    const pending = await pendingMigrations(database.db);
    if (pending.length > 0) {
      await database.close();
      throw new MigrationsPendingError(pending);
    }
  }
  const grants = await syncGrants(database.db, allPermissions());
  await seedBankHolidays(database.db);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock });
  const app = await buildApp({
    database,
    db: database.db,
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
  });
  const roleWarning = superuserWarning(config.env, await holdsSuperuser(database.db));
  if (roleWarning) app.log.warn(roleWarning);
  const dailyJobs = allModules.flatMap((m) => m.dailyJobs?.(app) ?? []);
  let timer: NodeJS.Timeout | undefined;
  return {
    app,
    database,
    clock,
    mailer,
    dailyJobs,
    startScheduler() {
      const tick = () => {
        runDueDailyJobs(database.db, clock, dailyJobs, app.log).catch((e) =>
          app.log.error({ err: e }, 'scheduler failed'),
        );
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
      await database.close();
    },
  };
}
