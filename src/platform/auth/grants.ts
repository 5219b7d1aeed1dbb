import type { Db } from '../db/client';
import { defaultGrants, isRole, type PermissionSet, type Role } from '../permissions';
import { rolePermissions } from '../schema';
import type { Grants } from './sessions';

/**
 * Make sure every declared permission is granted to its default roles, then
 * read all grants back. Grants for permissions no longer declared are ignored.
 */
export async function syncGrants(db: Db, definitions: PermissionSet): Promise<Grants> {
  const defaults = defaultGrants(definitions);
  if (defaults.length > 0) {
    await db.insert(rolePermissions).values(defaults).onConflictDoNothing();
  }
  const known = new Set(Object.keys(definitions));
  const rows = await db.select().from(rolePermissions);
  const grants = new Map<Role, Set<string>>();
  for (const row of rows) {
    if (!isRole(row.role) || !known.has(row.permission)) continue;
    let set = grants.get(row.role);
    if (!set) {
      set = new Set();
      grants.set(row.role, set);
    }
    set.add(row.permission);
  }
  return grants;
}
