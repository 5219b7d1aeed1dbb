/** Who does what in the plans demo: an actor holding a role's plans permissions, and when. */
import { plansModule } from '../modules/plans/index';
import type { AuditContext } from '../platform/audit/service';
import type { Actor, Role } from '../platform/permissions';
import type { DemoOrganisation } from './organisation';

/** The demo organisation's user in a role, holding the plans permissions the role has. */
export function actorFor(org: DemoOrganisation, role: Role): Actor {
  return {
    userId: org.userIds[role],
    organisationId: org.organisationId,
    organisationName: org.organisationName,
    name: role,
    email: `${role}@demo.invalid`,
    role,
    teamId: null,
    permissions: new Set(
      Object.entries(plansModule.permissions)
        .filter(([, def]) => def.roles.includes(role))
        .map(([key]) => key),
    ),
  };
}

/** An audit context at 10:00 on a calendar date (UTC noon-ish keeps the London date right all year). */
export function at(actor: Actor, date: string): AuditContext {
  return {
    organisationId: actor.organisationId,
    userId: actor.userId,
    ip: null,
    userAgent: 'demo generator',
    requestId: null,
    at: new Date(`${date}T10:00:00Z`),
  };
}
