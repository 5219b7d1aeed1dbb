import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { DailyJob } from '../jobs';
import type { PermissionSet } from '../permissions';

export interface NavItem {
  href: string;
  text: string;
  /** Shown only to people holding this permission. */
  permission: string;
}

/** What a module gives the platform: its permissions, navigation and routes. */
export interface OversightModule {
  name: string;
  permissions: PermissionSet;
  nav?: NavItem[];
  routes: FastifyPluginAsync;
  /** Jobs the platform runs once a day per organisation, given the running app. */
  dailyJobs?: (app: FastifyInstance) => DailyJob[];
}
