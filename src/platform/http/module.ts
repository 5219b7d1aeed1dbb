import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AdminSection } from '../admin/sections';
import type { EmbeddableComponentKind } from '../components';
import type { HomeItemProvider } from '../home/items';
import type { DailyJob } from '../jobs';
import type { Actor, PermissionSet } from '../permissions';
import { can } from '../permissions';
import type { TimescaleSource } from '../timescales/sources';

export interface NavItem {
  href: string;
  text: string;
  /** Shown only to people holding this permission. */
  permission: string;
}

/**
 * A section one module adds to another module's record page (the child's
 * statutory tasks on the child's page) without either importing the other.
 * The page owner checks the person may see the record before asking.
 */
export interface RecordPanel {
  recordType: 'child';
  /** Lower comes first. */
  order: number;
  /** Shown only to people holding this permission. */
  permission: string;
  /** The template to include and what it needs; null to show nothing. */
  load(
    app: FastifyInstance,
    actor: Actor,
    recordId: string,
  ): Promise<{ template: string; context: Record<string, unknown> } | null>;
}

/** What a module gives the platform: its permissions, navigation and routes. */
export interface OversightModule {
  name: string;
  permissions: PermissionSet;
  nav?: NavItem[];
  routes: FastifyPluginAsync;
  /** Jobs the platform runs once a day per organisation, given the running app. */
  dailyJobs?: (app: FastifyInstance) => DailyJob[];
  /** Sections for other modules' record pages. */
  recordPanels?: RecordPanel[];
  /** Counts of what needs attention, for the home page. */
  homeItems?: HomeItemProvider[];
  /** Frozen, publishable renderings of the module's data that committee reports embed. */
  components?: EmbeddableComponentKind[];
  /** Sections of the Administration page (the module's settings), each behind its own permission. */
  adminSections?: AdminSection[];
  /** Clocks the module keeps itself, counted by traffic light for the service's timescales dashboard. */
  timescaleSources?: TimescaleSource[];
}

/** The panels every module contributes to a record page, loaded for this person, in order. */
export async function loadRecordPanels(
  app: FastifyInstance,
  actor: Actor,
  recordType: RecordPanel['recordType'],
  recordId: string,
): Promise<Array<{ template: string; context: Record<string, unknown> }>> {
  const panels = app.deps.modules
    .flatMap((m) => m.recordPanels ?? [])
    .filter((p) => p.recordType === recordType && can(actor, p.permission))
    .sort((a, b) => a.order - b.order);
  const loaded = await Promise.all(panels.map((p) => p.load(app, actor, recordId)));
  return loaded.filter((p): p is NonNullable<typeof p> => p !== null);
}
