import { describe, expect, it } from 'vitest';
import type { Grants } from '../auth/sessions';
import type { OversightModule } from '../http/module';
import { ROLES, type Role } from '../permissions';
import { CASE_SCOPE_TEXT, permissionMatrix, ROLE_DESCRIPTIONS, roleSummaries } from './roles';

const modules: OversightModule[] = [
  { name: 'empty', permissions: {}, routes: async () => {} },
  {
    name: 'plans',
    permissions: {
      'plans.write': { description: 'Change plans', roles: ['service_manager'] },
      'plans.read': { description: 'Read plans', roles: ['service_manager', 'senior_leader'] },
    },
    routes: async () => {},
  },
];

describe('permissionMatrix', () => {
  it('shows the grants in force, not the defaults, grouped by module and sorted by key', () => {
    // The grants table says committee members may read plans too; defaults do not matter here.
    const grants: Grants = new Map<Role, Set<string>>([
      ['service_manager', new Set(['plans.read', 'plans.write'])],
      ['committee_member', new Set(['plans.read'])],
    ]);
    const [group, ...rest] = permissionMatrix(modules, grants);
    expect(rest).toEqual([]);
    expect(group!.module).toBe('plans');
    expect(group!.permissions.map((p) => p.key)).toEqual(['plans.read', 'plans.write']);
    const read = group!.permissions[0]!;
    expect(read.description).toBe('Read plans');
    expect(read.held).toHaveLength(ROLES.length);
    const holders = ROLES.filter((_, i) => read.held[i]);
    expect(holders).toEqual(['service_manager', 'committee_member']);
  });
});

describe('roleSummaries', () => {
  it('describes every role, what children it may see and how many permissions it holds', () => {
    const grants: Grants = new Map<Role, Set<string>>([['administrator', new Set(['a', 'b'])]]);
    const summaries = roleSummaries(grants);
    expect(summaries.map((s) => s.role)).toEqual([...ROLES]);
    const admin = summaries.find((s) => s.role === 'administrator')!;
    expect(admin.permissionCount).toBe(2);
    expect(admin.sees).toBe(CASE_SCOPE_TEXT.none);
    expect(summaries.find((s) => s.role === 'practitioner')!.sees).toBe(CASE_SCOPE_TEXT.own);
    expect(summaries.find((s) => s.role === 'practitioner')!.permissionCount).toBe(0);
    for (const role of ROLES) expect(ROLE_DESCRIPTIONS[role].length).toBeGreaterThan(10);
  });
});
