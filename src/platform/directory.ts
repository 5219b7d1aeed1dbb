import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from './db/client';
import type { Role } from './permissions';
import { teams, users } from './schema';

export interface DirectoryEntry {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  jobTitle: string | null;
}

/** Active people of an organisation, optionally by role or team: for modules that address people (prompts, leads). */
export async function activeUsers(
  db: Db,
  organisationId: string,
  filter: { roles?: readonly Role[]; teamId?: string } = {},
): Promise<DirectoryEntry[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      teamId: users.teamId,
      jobTitle: users.jobTitle,
    })
    .from(users)
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(users.active, true),
        filter.roles?.length ? inArray(users.role, [...filter.roles]) : undefined,
        filter.teamId ? eq(users.teamId, filter.teamId) : undefined,
      ),
    )
    .orderBy(asc(users.name));
  return rows as DirectoryEntry[];
}

/** An organisation's teams, by name: for modules that show or filter by team. */
export async function teamsOf(
  db: Db,
  organisationId: string,
): Promise<Array<{ id: string; name: string; service: string }>> {
  return db
    .select({ id: teams.id, name: teams.name, service: teams.service })
    .from(teams)
    .where(eq(teams.organisationId, organisationId))
    .orderBy(asc(teams.name));
}
