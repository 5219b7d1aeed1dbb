import { count, eq, sql } from 'drizzle-orm';
import type { Oversight } from '../app';
import type { Config } from '../platform/config';
import { organisations } from '../platform/schema';
import { adultsDemo } from './adults';
import { loadCaseDemo } from './cases';
import { committeeDemo } from './committee';
import { earlyHelpDemo } from './early-help';
import { kpisDemo } from './kpis';
import { missingDemo } from './missing';
import { missingEducationDemo } from './missing-education';
import {
  createDemoOrganisation,
  DEMO_ORGANISATION,
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoOrganisation,
} from './organisation';
import { plansDemo } from './plans';
import { practiceDemo } from './practice';
import { qaDemo } from './qa';
import { qaPracticeDemo } from './qa-practice';
import { qaProvidersDemo } from './qa-providers';

export type DemoScale = 'small' | 'large';

export interface DemoSummary {
  organisationName: string;
  users: ReadonlyArray<{ role: string; email: string }>;
  password: string;
  /** True when this start loaded it; false when it was already there. */
  loaded: boolean;
}

/**
 * Build the demo authority at a scale: the organisation, teams and one user
 * per role, then each module's own demo data, always through the same
 * services (and for case data, the same SSD import) that real data takes.
 */
export async function loadDemo(oversight: Oversight, scale: DemoScale): Promise<DemoOrganisation> {
  const org = await oversight.database.db.transaction(async (tx) =>
    createDemoOrganisation(tx, oversight.clock.now()),
  );
  // Work the steps ask for in the background (recomputing every child's timescales after the
  // import, and again after the first supervision) waits until the last step: done once, not
  // once per asking, which at the large authority is minutes. The demo is ready when it is done.
  const background = oversight.app.deps.background;
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  background.run('demo.load', () => held);
  try {
    for (const step of demoSteps) {
      await step(oversight, org, scale);
    }
  } finally {
    release();
  }
  await background.idle();
  // Fresh statistics for the planner over everything the demo wrote (QA's, plans', committee's tables
  // as well as the register): the embedded database has no autovacuum to gather them, and on a server
  // they would come only a while later, so the first pages would be planned blind.
  await oversight.database.db.execute(sql`analyze`);
  return org;
}

/** Each module adds its demo data here, in dependency order (cases before compliance, and so on). */
export type DemoStep = (oversight: Oversight, org: DemoOrganisation, scale: DemoScale) => Promise<void>;
export const demoSteps: DemoStep[] = [];
demoSteps.push(loadCaseDemo);
demoSteps.push(practiceDemo);
demoSteps.push(missingDemo);
demoSteps.push(earlyHelpDemo);
demoSteps.push(missingEducationDemo);
demoSteps.push(plansDemo);
demoSteps.push(qaDemo);
demoSteps.push(kpisDemo);
demoSteps.push(adultsDemo);
demoSteps.push(qaPracticeDemo);
demoSteps.push(qaProvidersDemo);
demoSteps.push(committeeDemo);

/**
 * At start-up: load the demo authority into an empty database. Refused in
 * production; a database that already holds an organisation is left alone.
 */
export async function loadDemoIfEmpty(
  oversight: Oversight,
  config: Config,
): Promise<DemoSummary | undefined> {
  if (config.env === 'production' || config.demo === 'none') return undefined;
  const db = oversight.database.db;
  const [row] = await db.select({ n: count() }).from(organisations);
  const summary = {
    organisationName: DEMO_ORGANISATION.name,
    users: DEMO_USERS.map((u) => ({ role: u.role, email: u.email })),
    password: DEMO_PASSWORD,
  };
  if (Number(row?.n ?? 0) === 0) {
    await loadDemo(oversight, config.demo);
    return { ...summary, loaded: true };
  }
  const [demo] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, DEMO_ORGANISATION.code));
  return demo ? { ...summary, loaded: false } : undefined;
}
