import { createOrganisation, createTeam, createUser } from '../platform/admin/service';
import type { AuditContext } from '../platform/audit/service';
import { hashPassword } from '../platform/auth/passwords';
import type { Db } from '../platform/db/client';
import type { Role } from '../platform/permissions';

/** Demo only: a fictional authority. Never a real council, never real people. */
export const DEMO_ORGANISATION = { name: 'Oakhaven Borough Council', code: 'OAK' };
export const DEMO_PASSWORD = 'oakhaven-demo-2026';
export const DEMO_EMAIL_DOMAIN = 'oakhaven.example';

export const DEMO_TEAMS = [
  { key: 'front-door', name: 'Front Door and MASH', service: 'Front door' },
  { key: 'assessment', name: 'Assessment Team', service: 'Assessment and intervention' },
  {
    key: 'safeguarding',
    name: 'Safeguarding and Family Support Team',
    service: 'Assessment and intervention',
  },
  { key: 'children-in-care', name: 'Children in Care Team', service: 'Children in care' },
  { key: 'uasc', name: 'Unaccompanied Young People Team', service: 'Children in care' },
  { key: 'leaving-care', name: 'Leaving Care Team', service: 'Care leavers' },
  { key: 'early-help', name: 'Early Help Team', service: 'Early help' },
  { key: 'quality', name: 'Quality Assurance Service', service: 'Quality assurance' },
] as const;

/** One demo account per role; the README lists these. */
export const DEMO_USERS: ReadonlyArray<{
  role: Role;
  email: string;
  name: string;
  jobTitle: string;
  team?: string;
}> = [
  {
    role: 'practitioner',
    email: `practitioner@${DEMO_EMAIL_DOMAIN}`,
    name: 'Priya Ashdown',
    jobTitle: 'Social worker',
    team: 'children-in-care',
  },
  {
    role: 'team_manager',
    email: `team.manager@${DEMO_EMAIL_DOMAIN}`,
    name: 'Tom Marlow',
    jobTitle: 'Team manager',
    team: 'children-in-care',
  },
  {
    role: 'service_manager',
    email: `service.manager@${DEMO_EMAIL_DOMAIN}`,
    name: 'Sara Okafor-Lind',
    jobTitle: 'Head of service, children in care',
  },
  {
    role: 'qa_officer',
    email: `qa.officer@${DEMO_EMAIL_DOMAIN}`,
    name: 'Quinn Adebayo-Hart',
    jobTitle: 'Quality assurance officer',
    team: 'quality',
  },
  {
    role: 'independent_auditor',
    email: `auditor@${DEMO_EMAIL_DOMAIN}`,
    name: 'Ines Varga-Holm',
    jobTitle: 'Independent auditor',
  },
  {
    role: 'senior_leader',
    email: `senior.leader@${DEMO_EMAIL_DOMAIN}`,
    name: 'Sam Lindqvist',
    jobTitle: "Director of children's services",
  },
  {
    role: 'committee_clerk',
    email: `clerk@${DEMO_EMAIL_DOMAIN}`,
    name: 'Clara Pemberton-Voss',
    jobTitle: 'Democratic services officer',
  },
  {
    role: 'committee_member',
    email: `councillor@${DEMO_EMAIL_DOMAIN}`,
    name: 'Cllr Morgan Ellery-Fox',
    jobTitle: 'Elected member',
  },
  {
    role: 'administrator',
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    name: 'Ada Kowalczyk-Reed',
    jobTitle: 'Systems administrator',
  },
];

export interface DemoOrganisation {
  organisationId: string;
  organisationName: string;
  teamIds: Record<string, string>;
  userIds: Record<Role, string>;
  users: ReadonlyArray<{ role: Role; email: string }>;
  password: string;
}

/** The demo organisation, its teams and one account per role, made through the admin service. */
export async function createDemoOrganisation(
  db: Db,
  at: Date,
  identity: { name: string; code: string; emailDomain: string } = {
    ...DEMO_ORGANISATION,
    emailDomain: DEMO_EMAIL_DOMAIN,
  },
  options: {
    /** The demo password's hash for every account; made at the service's cost when not given. */
    passwordHash?: string;
  } = {},
): Promise<DemoOrganisation> {
  const org = await createOrganisation(db, { name: identity.name, code: identity.code });
  const email = (demoEmail: string) => demoEmail.replace(DEMO_EMAIL_DOMAIN, identity.emailDomain);
  const ctx: AuditContext & { organisationId: string } = {
    organisationId: org.id,
    userId: null,
    ip: null,
    userAgent: 'demo generator',
    requestId: null,
    at,
  };
  const teamIds: Record<string, string> = {};
  for (const t of DEMO_TEAMS) {
    teamIds[t.key] = (
      await createTeam(db, org.id, {
        name: t.name,
        service: t.service,
        sourceId: `DEPT-${t.key.toUpperCase()}`,
      })
    ).id;
  }
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const userIds = {} as Record<Role, string>;
  for (const u of DEMO_USERS) {
    const created = await createUser(db, ctx, {
      email: email(u.email),
      name: u.name,
      role: u.role,
      jobTitle: u.jobTitle,
      teamId: u.team ? teamIds[u.team] : null,
      passwordHash,
    });
    userIds[u.role] = created.id;
  }
  return {
    organisationId: org.id,
    organisationName: identity.name,
    teamIds,
    userIds,
    users: DEMO_USERS.map((u) => ({ role: u.role, email: email(u.email) })),
    password: DEMO_PASSWORD,
  };
}
