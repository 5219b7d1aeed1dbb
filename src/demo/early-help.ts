/**
 * Demo early help outcomes for Oakhaven: for children with an early help
 * episode, two goals each set with the family at the start, scored at
 * assessment, reviewed every ten weeks or so, and closed when the episode
 * ended; one open goal is left past its review. Made through the early help
 * service; deterministic: a fixed seed, dates from the imported episodes.
 */
import { sql } from 'drizzle-orm';
import type { Oversight } from '../app';
import { addGoal, scoreGoal } from '../modules/early-help/service';
import { addDays, addMonths } from '../platform/calendar/working-days';
import { londonDateOf } from '../platform/clock';
import { rawRows } from '../platform/db/client';
import type { DemoScale } from './load';
import type { DemoOrganisation } from './organisation';
import { actorFor, at } from './qa';
import { SeededRandom } from './random';

const GOALS = [
  'The children get to school on time every day',
  'Mum feels less alone and has people to call on',
  'Bedtimes are calm and the children sleep through',
  'Dad and the children spend time together each week',
  'The family has enough food and the bills are paid',
  'Arguments at home do not turn into shouting',
];

export async function earlyHelpDemo(
  oversight: Oversight,
  org: DemoOrganisation,
  scale: DemoScale,
): Promise<void> {
  const db = oversight.database.db;
  const r = new SeededRandom(808);
  const today = londonDateOf(oversight.clock.now());
  const manager = actorFor(org, 'service_manager');
  const ctx = at(manager, today);
  const episodes = await rawRows<{ person_id: string; start_date: string; end_date: string | null }>(
    db,
    sql`select e.person_id, e.start_date::text, e.end_date::text
          from case_early_help_episodes e join case_people p on p.id = e.person_id
         where e.organisation_id = ${org.organisationId} and p.closed_at is null
           and e.start_date >= ${addMonths(today, -18)}
         order by p.source_id, e.start_date
         limit ${scale === 'large' ? 200 : 12}`,
  );
  for (const [n, e] of episodes.entries()) {
    for (const g of [0, 1]) {
      const goal = GOALS[(n * 2 + g) % GOALS.length]!;
      let score = r.int(1, 5);
      const made = await addGoal(db, manager, ctx, e.person_id, { goal, setOn: e.start_date, score });
      const end = e.end_date && e.end_date <= today ? e.end_date : null;
      let last = e.start_date;
      for (;;) {
        const next = addDays(last, r.int(56, 84));
        if ((end && next >= end) || next > today) break;
        score = Math.min(10, Math.max(0, score + r.int(-1, 3)));
        await scoreGoal(db, manager, ctx, made.id, { stage: 'review', scoredOn: next, score });
        last = next;
      }
      if (end) {
        score = Math.min(10, Math.max(0, score + r.int(-1, 4)));
        await scoreGoal(db, manager, ctx, made.id, { stage: 'closure', scoredOn: end, score });
      }
    }
  }
}
