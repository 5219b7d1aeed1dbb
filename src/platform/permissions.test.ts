import { describe, expect, it } from 'vitest';
import {
  type Actor,
  can,
  decide,
  defaultGrants,
  isRole,
  PUBLIC,
  platformPermissions,
  ROLE_CASE_SCOPE,
  ROLE_NAMES,
  ROLES,
  type Role,
  SIGNED_IN,
} from './permissions';

const ORG = '11111111-1111-1111-1111-111111111111';
const OTHER_ORG = '22222222-2222-2222-2222-222222222222';
const TEAM = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';
const OTHER_TEAM = 'bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb';

function actor(role: Role, permissions: string[] = ['cases.read'], teamId: string | null = TEAM): Actor {
  return {
    userId: `user-${role}`,
    organisationId: ORG,
    organisationName: 'Oakhaven Borough Council',
    name: role,
    email: `${role}@oakhaven.example`,
    role,
    teamId,
    permissions: new Set(permissions),
  };
}

describe('roles', () => {
  it('names every role and gives each a case scope', () => {
    expect(ROLES).toHaveLength(9);
    for (const role of ROLES) {
      expect(ROLE_NAMES[role]).toBeTruthy();
      expect(ROLE_CASE_SCOPE[role]).toBeTruthy();
      expect(isRole(role)).toBe(true);
    }
    expect(isRole('superuser')).toBe(false);
  });

  it('never lets committee roles or administrators see a child', () => {
    expect(ROLE_CASE_SCOPE.committee_member).toBe('none');
    expect(ROLE_CASE_SCOPE.committee_clerk).toBe('none');
    expect(ROLE_CASE_SCOPE.administrator).toBe('none');
  });
});

describe('can', () => {
  it('lets anyone through PUBLIC, anyone signed in through SIGNED_IN, and only holders through a grant', () => {
    expect(can(undefined, PUBLIC)).toBe(true);
    expect(can(undefined, SIGNED_IN)).toBe(false);
    expect(can(undefined, 'cases.read')).toBe(false);
    const a = actor('practitioner');
    expect(can(a, SIGNED_IN)).toBe(true);
    expect(can(a, 'cases.read')).toBe(true);
    expect(can(a, 'admin.users')).toBe(false);
  });
});

describe('defaultGrants', () => {
  it('turns declarations into one grant per role and permission', () => {
    const grants = defaultGrants(platformPermissions);
    expect(grants).toContainEqual({ role: 'administrator', permission: 'admin.users' });
    expect(grants).toContainEqual({ role: 'senior_leader', permission: 'admin.audit' });
    expect(grants).not.toContainEqual({ role: 'senior_leader', permission: 'admin.users' });
    expect(grants.filter((g) => g.role === 'committee_member')).toEqual([]);
    const total = Object.values(platformPermissions).reduce((n, p) => n + p.roles.length, 0);
    expect(grants).toHaveLength(total);
  });
});

describe('decide', () => {
  const record = {
    organisationId: ORG,
    workerIds: ['user-practitioner'],
    teamIds: [TEAM],
    assignedUserIds: ['user-independent_auditor'],
  };

  it('answers not-found for a record of another organisation, whatever the role and grants', () => {
    for (const role of ROLES) {
      expect(decide(actor(role), 'cases.read', { ...record, organisationId: OTHER_ORG }), role).toBe(
        'not-found',
      );
      expect(decide(actor(role, []), 'cases.read', { ...record, organisationId: OTHER_ORG }), role).toBe(
        'not-found',
      );
    }
  });

  it('denies without the permission, even within scope', () => {
    expect(decide(actor('senior_leader', []), 'cases.read', record)).toBe('deny');
    expect(decide(actor('practitioner', ['plans.read']), 'cases.read', record)).toBe('deny');
  });

  it('organisation scope: allows any record of the organisation', () => {
    for (const role of ['service_manager', 'qa_officer', 'senior_leader'] as const) {
      expect(decide(actor(role), 'cases.read', { organisationId: ORG }), role).toBe('allow');
    }
  });

  it('team scope: allows records of the manager’s team only', () => {
    expect(decide(actor('team_manager'), 'cases.read', record)).toBe('allow');
    expect(decide(actor('team_manager'), 'cases.read', { ...record, teamIds: [OTHER_TEAM] })).toBe('deny');
    expect(decide(actor('team_manager'), 'cases.read', { organisationId: ORG })).toBe('deny');
    expect(decide(actor('team_manager', ['cases.read'], null), 'cases.read', record)).toBe('deny');
  });

  it('own scope: allows only records the practitioner is allocated to', () => {
    expect(decide(actor('practitioner'), 'cases.read', record)).toBe('allow');
    expect(decide(actor('practitioner'), 'cases.read', { ...record, workerIds: ['someone-else'] })).toBe(
      'deny',
    );
    // Being in the record's team is not enough for a practitioner.
    expect(decide(actor('practitioner'), 'cases.read', { organisationId: ORG, teamIds: [TEAM] })).toBe(
      'deny',
    );
  });

  it('assigned scope: allows only records assigned to the auditor', () => {
    expect(decide(actor('independent_auditor'), 'cases.read', record)).toBe('allow');
    expect(decide(actor('independent_auditor'), 'cases.read', { ...record, assignedUserIds: [] })).toBe(
      'deny',
    );
    expect(
      decide(actor('independent_auditor'), 'cases.read', {
        organisationId: ORG,
        workerIds: ['user-independent_auditor'],
      }),
    ).toBe('deny');
  });

  it('no scope: committee roles and administrators are denied every child-level record', () => {
    for (const role of ['committee_clerk', 'committee_member', 'administrator'] as const) {
      expect(
        decide(actor(role), 'cases.read', {
          organisationId: ORG,
          workerIds: [`user-${role}`],
          teamIds: [TEAM],
          assignedUserIds: [`user-${role}`],
        }),
        role,
      ).toBe('deny');
    }
  });
});
