import type { Grants } from '../auth/sessions';
import type { OversightModule } from '../http/module';
import { type CaseScope, ROLE_CASE_SCOPE, ROLE_NAMES, ROLES, type Role } from '../permissions';

/** What each role is for, in words an administrator choosing a role can use (from DESIGN.md). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  practitioner: 'Records visits and the child’s views, responds to audits',
  team_manager: 'Oversight and supervision, signs off case recommendations',
  service_manager: 'Dashboards and improvement plans for the whole service',
  qa_officer: 'Audit programmes, moderation, the quality assurance calendar, surveys and observations',
  independent_auditor: 'Completes audits of the cases assigned to them',
  senior_leader: 'Signs off reports and plans',
  committee_clerk: 'Committees, meetings, agendas, minutes and publication',
  committee_member: 'Reads the papers of their own committees and asks questions',
  administrator: 'Users, roles, reference data, timescale rules and the access audit',
};

export const CASE_SCOPE_TEXT: Record<CaseScope, string> = {
  own: 'Only children on their own caseload',
  team: 'Children allocated to their own team',
  organisation: 'Every child in the organisation',
  assigned: 'Only children whose cases they are assigned to audit, while the audit round is open',
  none: 'No child-level records',
};

export interface PermissionRow {
  key: string;
  description: string;
  /** Whether each role holds it, in the order of ROLES. */
  held: boolean[];
}

export interface PermissionGroup {
  module: string;
  permissions: PermissionRow[];
}

/** Permissions by role, grouped by the module that declares them, from the grants in force. */
export function permissionMatrix(modules: readonly OversightModule[], grants: Grants): PermissionGroup[] {
  return modules
    .filter((m) => Object.keys(m.permissions).length > 0)
    .map((m) => ({
      module: m.name,
      permissions: Object.entries(m.permissions)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, def]) => ({
          key,
          description: def.description,
          held: ROLES.map((role) => grants.get(role)?.has(key) ?? false),
        })),
    }));
}

export function roleSummaries(grants: Grants) {
  return ROLES.map((role) => ({
    role,
    name: ROLE_NAMES[role],
    description: ROLE_DESCRIPTIONS[role],
    sees: CASE_SCOPE_TEXT[ROLE_CASE_SCOPE[role]],
    permissionCount: grants.get(role)?.size ?? 0,
  }));
}
