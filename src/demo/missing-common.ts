/**
 * What the missing demos share: the demo's people as actors of the missing
 * module (the practitioner who records on her caseload, a service manager
 * who records the authority's history), and a blank return home interview.
 */
import { casesModule } from '../modules/cases/index';
import { missingModule } from '../modules/missing/index';
import type { AuditContext } from '../platform/audit/service';
import type { Actor, Role } from '../platform/permissions';
import { DEMO_USERS, type DemoOrganisation } from './organisation';

/** A demo user of the role as an actor, with the cases and missing permissions the role holds, in the team given. */
export function missingDemoActor(
  org: DemoOrganisation,
  role: Extract<Role, 'practitioner' | 'service_manager'>,
  teamKey: string | null = role === 'practitioner' ? 'children-in-care' : null,
): Actor {
  const user = DEMO_USERS.find((u) => u.role === role)!;
  const grants = { ...casesModule.permissions, ...missingModule.permissions };
  return {
    userId: org.userIds[role]!,
    organisationId: org.organisationId,
    organisationName: org.organisationName,
    name: user.name,
    email: user.email,
    role,
    teamId: teamKey ? (org.teamIds[teamKey] ?? null) : null,
    permissions: new Set(
      Object.entries(grants)
        .filter(([, def]) => def.roles.includes(role))
        .map(([key]) => key),
    ),
  };
}

/** The demo generator's audit context for an actor at an instant. */
export function demoAuditContext(actor: Actor, at: Date): AuditContext {
  return {
    organisationId: actor.organisationId,
    userId: actor.userId,
    ip: null,
    userAgent: 'demo generator',
    requestId: null,
    at,
  };
}

export const blankInterview = {
  offeredAt: null,
  offeredBy: null,
  independent: null,
  response: null,
  respondedOn: null,
  socialWorkerOffered: null,
  completedOn: null,
  completedBy: null,
  childAccount: null,
  pushFactors: null,
  pullFactors: null,
  whereWent: null,
  withWhom: null,
  exploitationConcerns: null,
  actions: null,
} as const;
