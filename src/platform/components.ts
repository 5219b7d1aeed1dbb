/**
 * Embeddable components: a module offers a frozen, publishable rendering of
 * its data (a plan snapshot table, an indicator report, an audit round
 * summary, the missing key data table) that committee reports embed. The
 * module registers a kind (OversightModule.components); the committee module
 * asks for the choices an author may pick, and at publication stores the
 * rendering it is given, so that the paper shows the data as it then stood.
 */
import type { Db } from './db/client';
import type { Actor } from './permissions';

export interface ComponentChoice {
  /** The module's own reference to what is embedded (a snapshot id...). */
  ref: string;
  label: string;
}

export interface ComponentRendering {
  title: string;
  /** An HTML fragment the module built, every value escaped; headings start at h3. */
  html: string;
  /** The data behind it, as published (kept with the frozen copy). */
  data: unknown;
  /**
   * True when the rendering may appear in a public paper as it is: no
   * child-level data and every small number suppressed. A rendering that is
   * not public-safe may only be a non-public appendix.
   */
  publicSafe: boolean;
}

export interface EmbeddableComponentKind {
  /** Unique across modules, e.g. "plans.snapshot". */
  kind: string;
  /** What an author picks from, e.g. "Improvement plan (published snapshot)". */
  name: string;
  /** What the author may choose from, in this organisation, at `at` (the injected clock's now). */
  choices(db: Db, actor: Actor, at: Date): Promise<ComponentChoice[]>;
  /**
   * The frozen rendering, as the data stands at `at`; another organisation's
   * or a missing ref throws NotFoundError.
   */
  render(db: Db, organisationId: string, ref: string, at: Date): Promise<ComponentRendering>;
}

/** The kinds every module offers, by kind; a kind offered twice is a programming error. */
export function componentRegistry(
  modules: ReadonlyArray<{ name: string; components?: readonly EmbeddableComponentKind[] }>,
): Map<string, EmbeddableComponentKind> {
  const kinds = new Map<string, EmbeddableComponentKind>();
  for (const m of modules) {
    for (const c of m.components ?? []) {
      if (kinds.has(c.kind)) throw new Error(`Component kind ${c.kind} is offered twice (module ${m.name})`);
      kinds.set(c.kind, c);
    }
  }
  return kinds;
}
