/**
 * Clocks kept outside the compliance module's statutory tasks (a missing
 * episode's follow-ups, the checks on a child missing education), shown on
 * the service's timescales dashboard beside the tasks. A module registers a
 * source through `timescaleSources` on its module definition; each gives the
 * open clocks, by traffic light, of the children the person may see, and the
 * list behind them. Aggregates only: no child is named.
 */
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../permissions';
import { can } from '../permissions';

export interface LightCounts {
  /** Overdue. */
  red: number;
  /** Due soon. */
  amber: number;
  /** Not yet due. */
  green: number;
}

export interface TimescaleSource {
  /** What the clocks are: "Missing from home and care: follow-ups". */
  title: string;
  /** The list of the cases behind the counts; the permission must open it. */
  href: string;
  /** Lower comes first. */
  order: number;
  /** Asked only for people holding this permission. */
  permission: string;
  load(app: FastifyInstance, actor: Actor): Promise<LightCounts>;
}

export interface TimescaleSourceRow extends LightCounts {
  title: string;
  href: string;
  total: number;
}

/** Every module's sources this person may read, in order, with their counts. */
export async function loadTimescaleSources(
  app: FastifyInstance,
  actor: Actor,
  modules: ReadonlyArray<{ timescaleSources?: readonly TimescaleSource[] }>,
): Promise<TimescaleSourceRow[]> {
  const sources = modules
    .flatMap((m) => m.timescaleSources ?? [])
    .filter((s) => can(actor, s.permission))
    .sort((a, b) => a.order - b.order);
  const counts = await Promise.all(sources.map((s) => s.load(app, actor)));
  return sources.map((s, i) => {
    const c = counts[i]!;
    return { title: s.title, href: s.href, ...c, total: c.red + c.amber + c.green };
  });
}
