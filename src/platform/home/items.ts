import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Actor } from '../permissions';
import { can } from '../permissions';
import { withSharedReads } from '../shared-reads';

/**
 * One count on the home page: what needs a person's attention, linked to the
 * list that shows exactly those rows. Counts of zero are shown as "None":
 * knowing there is nothing overdue is worth knowing too.
 */
export interface HomeItem {
  /** What is counted, as a label: "Overdue tasks on your caseload". */
  text: string;
  count: number;
  /** Shown instead of the count when the figure is not a count ("85.2%"). */
  display?: string;
  /** The list, filtered to show these rows; the person must be allowed to open it. */
  href: string;
  /** "overdue": needs action now when not zero; "due": coming up; "info": worth knowing. */
  tone: 'overdue' | 'due' | 'info';
  /** When the figure was computed, for figures kept between refreshes rather than counted on each load. */
  asAt?: Date;
}

/**
 * What a module offers the home page: one heading of counts for people holding
 * a permission. The platform gathers every module's providers, so the home
 * page imports no module. Each provider should answer with set-based queries
 * (a count, a grouped count), never a query per child.
 */
export interface HomeItemProvider {
  /** The heading the items sit under: "Your statutory tasks". */
  heading: string;
  /** Lower comes first. */
  order: number;
  /** Asked only for people holding this permission. */
  permission: string;
  /** The items for this person; an empty list shows nothing (the heading does not apply to them). */
  load(app: FastifyInstance, actor: Actor): Promise<HomeItem[]>;
}

export interface HomeGroup {
  heading: string;
  items: HomeItem[];
  /** True when the provider failed: the page says the counts could not be loaded. */
  failed: boolean;
}

/**
 * Every provider the person may see, loaded side by side, in order. A provider
 * that fails is logged and shown as "could not be loaded"; the rest of the page
 * still answers.
 */
export async function loadHomeGroups(
  providers: readonly HomeItemProvider[],
  app: FastifyInstance,
  actor: Actor,
  log: FastifyBaseLogger,
): Promise<HomeGroup[]> {
  const mine = providers.filter((p) => can(actor, p.permission)).sort((a, b) => a.order - b.order);
  // The providers only read: what several of them ask for (the children in scope) is read once.
  const loaded = await withSharedReads(() =>
    Promise.all(
      mine.map(async (p): Promise<HomeGroup> => {
        try {
          return { heading: p.heading, items: await p.load(app, actor), failed: false };
        } catch (err) {
          log.error({ err, heading: p.heading }, 'home page item could not be loaded');
          return { heading: p.heading, items: [], failed: true };
        }
      }),
    ),
  );
  return loaded.filter((g) => g.failed || g.items.length > 0);
}

/** The items that need action now, for the summary at the top: overdue tones with something to count. */
export function needingAction(groups: readonly HomeGroup[]): HomeItem[] {
  return groups.flatMap((g) => g.items.filter((i) => i.tone === 'overdue' && i.count > 0));
}
