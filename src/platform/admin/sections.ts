/**
 * Sections of the Administration page: the platform's own, and those modules
 * register (a module's settings page), each shown only to people holding its
 * permission. A module adds one through `adminSections` on its module
 * definition, as it adds home-page items or record panels.
 */
import type { Actor } from '../permissions';
import { can } from '../permissions';

export interface AdminSection {
  href: string;
  /** The link text: what the section is. */
  title: string;
  /** One sentence saying what can be done there. */
  description: string;
  /** Shown only to people holding this permission (the route names the same one). */
  permission: string;
}

/** The platform's sections first, in their order, then the modules' in module order; only those the person holds. */
export function adminSectionsFor(
  actor: Actor,
  platform: readonly AdminSection[],
  modules: ReadonlyArray<{ adminSections?: readonly AdminSection[] }>,
): AdminSection[] {
  return [...platform, ...modules.flatMap((m) => m.adminSections ?? [])].filter((s) =>
    can(actor, s.permission),
  );
}
