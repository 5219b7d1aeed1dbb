import { describe, expect, it } from 'vitest';
import type { Actor } from '../permissions';
import { adminSectionsFor } from './sections';

const actor = (permissions: string[]): Actor => ({
  userId: 'u',
  organisationId: 'o',
  organisationName: 'Org',
  name: 'A',
  email: 'a@example.org',
  role: 'administrator',
  teamId: null,
  permissions: new Set(permissions),
});

const platform = [{ href: '/admin/users', title: 'Users', description: 'd', permission: 'admin.users' }];
const modules = [
  {},
  { adminSections: [{ href: '/x/settings', title: 'X', description: 'd', permission: 'x.settings' }] },
];

describe('administration sections', () => {
  it('lists the platform’s sections, then the modules’, each only for those holding its permission', () => {
    const hrefs = (p: string[]) => adminSectionsFor(actor(p), platform, modules).map((s) => s.href);
    expect(hrefs(['admin.users', 'x.settings'])).toEqual(['/admin/users', '/x/settings']);
    expect(hrefs(['admin.users'])).toEqual(['/admin/users']);
    expect(hrefs(['x.settings'])).toEqual(['/x/settings']);
    expect(hrefs([])).toEqual([]);
  });
});
