import { eq } from 'drizzle-orm';
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
 * job missed while the service was down runs when it is back. Each run is
 * first claimed by inserting its job_runs row (unique per job, organisation
 * and day): when several instances look at once, exactly one inserts it and
 * runs the job; the others find it claimed and move on.
 */
export async function runDueDailyJobs(
  db: Db,
  clock: Clock,
  jobs: readonly DailyJob[],
  log?: FastifyBaseLogger,
  instanceId?: string,
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
      const [claim] = await db
        .insert(jobRuns)
        .values({
          name,
          job: job.name,
          organisationId: org.id,
          runOn: today,
          instance: instanceId ?? null,
          startedAt: clock.now(),
          detail: today,
        })
        .onConflictDoNothing()
        .returning({ id: jobRuns.id });
      if (!claim) continue;
      try {
        const result = await job.run(org.id, today);
        await db
          .update(jobRuns)
          .set({
            finishedAt: clock.now(),
            outcome: 'done',
            items: typeof result === 'number' ? result : null,
          })
          .where(eq(jobRuns.id, claim.id));
      } catch (e) {
        log?.error({ err: e, job: name }, 'daily job failed');
        await db
          .update(jobRuns)
          .set({ finishedAt: clock.now(), outcome: `failed: ${(e as Error).message.slice(0, 300)}` })
          .where(eq(jobRuns.id, claim.id));
      }
      ran += 1;
    }
  }
  return ran;
}
