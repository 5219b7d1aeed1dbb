import { and, eq, gte } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Clock, londonDateOf } from './clock';
import type { Db } from './db/client';
import { jobRuns, organisations } from './schema';

/**
 * Work done after a response, one piece at a time, so a person never waits on
 * it (recomputing timescales after an import). Failures are logged, never thrown
 * at whoever queued the work. Tests await idle().
 */
export class BackgroundQueue {
  private tail: Promise<void> = Promise.resolve();
  constructor(private readonly log?: FastifyBaseLogger) {}

  run(label: string, work: () => Promise<unknown>): void {
    this.tail = this.tail.then(async () => {
      try {
        await work();
      } catch (e) {
        this.log?.error({ err: e, job: label }, 'background work failed');
      }
    });
  }

  /** Resolves when everything queued so far has finished. */
  idle(): Promise<void> {
    return this.tail;
  }
}

/** A job that runs once a day per organisation, at or after a London time. */
export interface DailyJob {
  name: string;
  /** "HH:MM", Europe/London. */
  at: string;
  run(organisationId: string, today: string): Promise<unknown>;
}

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Run every daily job whose time has come today and that has not yet run
 * today for an organisation. Called every few minutes and at start-up, so a
 * job missed while the service was down runs when it is back.
 */
export async function runDueDailyJobs(
  db: Db,
  clock: Clock,
  jobs: readonly DailyJob[],
  log?: FastifyBaseLogger,
): Promise<number> {
  const now = clock.now();
  const today = londonDateOf(now);
  const time = londonTime.format(now);
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  let ran = 0;
  for (const job of jobs) {
    if (time < job.at) continue;
    for (const org of orgs) {
      const name = `${job.name}:${org.id}`;
      const startOfToday = new Date(`${today}T00:00:00Z`);
      const already = await db
        .select({ id: jobRuns.id, detail: jobRuns.detail })
        .from(jobRuns)
        .where(
          and(eq(jobRuns.name, name), gte(jobRuns.startedAt, new Date(startOfToday.getTime() - 86_400_000))),
        );
      if (already.some((r) => r.detail === today)) continue;
      const [row] = await db
        .insert(jobRuns)
        .values({ name, startedAt: clock.now(), detail: today })
        .returning({ id: jobRuns.id });
      try {
        const result = await job.run(org.id, today);
        await db
          .update(jobRuns)
          .set({
            finishedAt: clock.now(),
            outcome: 'done',
            items: typeof result === 'number' ? result : null,
          })
          .where(eq(jobRuns.id, row!.id));
      } catch (e) {
        log?.error({ err: e, job: name }, 'daily job failed');
        await db
          .update(jobRuns)
          .set({ finishedAt: clock.now(), outcome: `failed: ${(e as Error).message.slice(0, 300)}` })
          .where(eq(jobRuns.id, row!.id));
      }
      ran += 1;
    }
  }
  return ran;
}
