/**
 * Roles, permissions and the one policy that answers "may this user do this
 * to this record". Permissions are data: each module declares its own with the
 * roles that hold them by default; the platform stores the grants in the
 * role_permissions table and reads them back at start-up.
 */

export const ROLES = [
  'practitioner',
  'team_manager',
  'service_manager',
  'qa_officer',
  'independent_auditor',
  'senior_leader',
  'committee_clerk',
  'committee_member',
  'administrator',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  practitioner: 'Practitioner',
  team_manager: 'Team manager',
  service_manager: 'Service manager',
  qa_officer: 'Quality assurance officer',
  independent_auditor: 'Independent auditor',
  senior_leader: 'Senior leader',
  committee_clerk: 'Committee clerk',
  committee_member: 'Committee member',
  administrator: 'Administrator',
};

/**
 * Which children's records a role may see. Committee members, clerks and
 * administrators never see a child-level record.
 */
export type CaseScope = 'own' | 'team' | 'organisation' | 'assigned' | 'none';

export const ROLE_CASE_SCOPE: Record<Role, CaseScope> = {
  practitioner: 'own',
  team_manager: 'team',
  service_manager: 'organisation',
  qa_officer: 'organisation',
  independent_auditor: 'assigned',
  senior_leader: 'organisation',
  committee_clerk: 'none',
  committee_member: 'none',
  administrator: 'none',
};

export interface PermissionDefinition {
  description: string;
  /** Roles granted this permission by default. */
  roles: readonly Role[];
}

export type PermissionSet = Record<string, PermissionDefinition>;

/** Route permissions that are not grants: anyone, or anyone signed in. */
export const PUBLIC = 'public';
export const SIGNED_IN = 'signed-in';

export const platformPermissions = {
  'admin.users': {
    description: 'Invite, change, deactivate users and reset their passwords',
    roles: ['administrator'],
  },
  'admin.audit': {
    description: 'Read and export the access audit',
    roles: ['administrator', 'senior_leader'],
  },
  'admin.outbox': { description: 'Read messages the service has sent', roles: ['administrator'] },
  'admin.approve-roles': {
    description: 'Approve or reject a role that sees children, asked for by an administrator',
    roles: ['senior_leader'],
  },
  'admin.calendar': { description: 'Add non-working days to the calendar', roles: ['administrator'] },
  'admin.branding': {
    description:
      'Change the organisation’s protective marking, feedback link and logo shown on every page and document',
    roles: ['administrator'],
  },
  'admin.backup': {
    description:
      'Download a backup of the embedded database (it holds every child’s record, so only roles that see them all)',
    roles: ['senior_leader'],
  },
  'admin.roles': {
    description: 'See which permissions each role holds',
    roles: ['administrator', 'senior_leader'],
  },
} satisfies PermissionSet;

export interface Actor {
  userId: string;
  organisationId: string;
  organisationName: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  permissions: ReadonlySet<string>;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Grants by role, built from permission definitions. */
export function defaultGrants(definitions: PermissionSet): Array<{ role: Role; permission: string }> {
  const grants: Array<{ role: Role; permission: string }> = [];
  for (const [permission, def] of Object.entries(definitions)) {
    for (const role of def.roles) grants.push({ role, permission });
  }
  return grants;
}

export function can(actor: Actor | undefined, permission: string): boolean {
  if (permission === PUBLIC) return true;
  if (!actor) return false;
  if (permission === SIGNED_IN) return true;
  return actor.permissions.has(permission);
}

/** A record's ownership, as far as the policy needs to know it. */
export interface RecordOwnership {
  organisationId: string;
  /** Workers currently (or at the time that matters) allocated. */
  workerIds?: readonly string[];
  teamIds?: readonly string[];
  /** Auditors assigned to the record for an open audit round. */
  assignedUserIds?: readonly string[];
}

export type RecordDecision = 'allow' | 'deny' | 'not-found';

/**
 * May this actor, holding this permission, act on this person-level record?
 * A record of another organisation is "not found" (404), never "forbidden".
 */
export function decide(actor: Actor, permission: string, record: RecordOwnership): RecordDecision {
  if (record.organisationId !== actor.organisationId) return 'not-found';
  if (!can(actor, permission)) return 'deny';
  switch (ROLE_CASE_SCOPE[actor.role]) {
    case 'organisation':
      return 'allow';
    case 'team':
      return actor.teamId && record.teamIds?.includes(actor.teamId) ? 'allow' : 'deny';
    case 'own':
      return record.workerIds?.includes(actor.userId) ? 'allow' : 'deny';
    case 'assigned':
      return record.assignedUserIds?.includes(actor.userId) ? 'allow' : 'deny';
    case 'none':
      return 'deny';
  }
}
