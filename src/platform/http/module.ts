import type { FastifyPluginAsync } from 'fastify';
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
}
