import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC, ROLES, type Role, SIGNED_IN } from '../../src/platform/permissions';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
const agents = new Map<Role, Agent>();

beforeAll(async () => {
  ctx = await startTestApp();
  for (const role of ROLES) agents.set(role, await signedIn(ctx, emailOf(ctx.org, role)));
});
afterAll(async () => ctx.close());

const NIL_ID = '00000000-0000-4000-8000-000000000000';

function holds(role: Role, permission: string | undefined): boolean {
  if (permission === SIGNED_IN) return true;
  return permission !== undefined && (ctx.app.deps.grants.get(role)?.has(permission) ?? false);
}

/** Routes a signed-in person may reach, other than public pages and static files. */
function guardedRoutes(method: string) {
  return ctx.app.routeTable.filter(
    (r) => r.method === method && r.permission !== PUBLIC && !r.url.includes('*'),
  );
}

/**
 * Pages that, for a role allowed in, answer something other than 200 on an
 * empty organisation. Each entry says why. Keep this list short and honest.
 */
const ALLOWED_STATUS: Record<string, { status: number; why: string }> = {
  '/supervision/new': {
    status: 400,
    why: 'needs ?worker=<id>; without one it shows the supervision list with "Select the worker you supervised"',
  },
  '/admin/backup/download': {
    status: 404,
    why: 'a backup holds every organisation: offered only on an embedded database holding one (the test app has two)',
  },
};

describe('role by route', () => {
  it('covers the platform pages', () => {
    const urls = guardedRoutes('GET').map((r) => r.url);
    for (const url of [
      '/',
      '/admin',
      '/admin/users',
      '/admin/users/invite',
      '/admin/audit',
      '/admin/audit/export.csv',
      '/admin/outbox',
      '/admin/calendar',
      '/admin/roles',
      '/admin/branding',
      '/admin/backup',
      '/account',
      '/account/messages',
    ]) {
      expect(urls).toContain(url);
    }
  });

  it('answers every page without a path parameter with 200 to roles holding its permission and 403 to the rest', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of guardedRoutes('GET').filter((r) => !r.url.includes(':'))) {
      for (const role of ROLES) {
        const expected = holds(role, route.permission) ? (ALLOWED_STATUS[route.url]?.status ?? 200) : 403;
        const res = await agents.get(role)!.get(route.url);
        checked += 1;
        if (res.statusCode !== expected) {
          failures.push(
            `${role} GET ${route.url} (${route.permission}): expected ${expected}, got ${res.statusCode}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(11 * ROLES.length);
  });

  it('refuses every other route, whatever the record, to roles without its permission', async () => {
    const failures: string[] = [];
    const routes = [...guardedRoutes('GET').filter((r) => r.url.includes(':')), ...guardedRoutes('POST')];
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      const url = route.url.replace(/:[A-Za-z]+/g, NIL_ID);
      for (const role of ROLES) {
        if (holds(role, route.permission)) continue;
        const a = agents.get(role)!;
        const res = route.method === 'GET' ? await a.get(url) : await a.post(url, {});
        if (res.statusCode !== 403) {
          failures.push(
            `${role} ${route.method} ${route.url} (${route.permission}): expected 403, got ${res.statusCode}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('administration grants, stated outright', () => {
  // If a grant drifts (in permissions.ts or in the role_permissions table), this table catches it.
  const Y = 200;
  const N = 403;
  // biome-ignore format: a table reads best aligned
  const EXPECTED: Record<string, number[]> = {
    //                          practitioner, team_manager, service_manager, qa_officer, independent_auditor, senior_leader, committee_clerk, committee_member, administrator
    '/admin':                  [N, N, N, N, N, Y, N, N, Y],
    '/admin/users':            [N, N, N, N, N, N, N, N, Y],
    '/admin/users/invite':     [N, N, N, N, N, N, N, N, Y],
    '/admin/audit':            [N, N, N, N, N, Y, N, N, Y],
    '/admin/audit/export.csv': [N, N, N, N, N, Y, N, N, Y],
    '/admin/outbox':           [N, N, N, N, N, N, N, N, Y],
    '/admin/calendar':         [N, N, N, N, N, N, N, N, Y],
    '/admin/roles':            [N, N, N, N, N, Y, N, N, Y],
    '/admin/branding':         [N, N, N, N, N, N, N, N, Y],
    '/account':                [Y, Y, Y, Y, Y, Y, Y, Y, Y],
    '/account/messages':       [Y, Y, Y, Y, Y, Y, Y, Y, Y],
    '/':                       [Y, Y, Y, Y, Y, Y, Y, Y, Y],
  };

  it('lists the roles in the order of the table', () => {
    expect(ROLES).toEqual([
      'practitioner',
      'team_manager',
      'service_manager',
      'qa_officer',
      'independent_auditor',
      'senior_leader',
      'committee_clerk',
      'committee_member',
      'administrator',
    ]);
  });

  for (const [url, statuses] of Object.entries(EXPECTED)) {
    it(`GET ${url}`, async () => {
      const got: number[] = [];
      for (const role of ROLES) got.push((await agents.get(role)!.get(url)).statusCode);
      expect(got).toEqual(statuses);
    });
  }

  it('refuses administration changes to everyone but the administrator', async () => {
    const target = ctx.org.userIds.practitioner;
    for (const role of ROLES.filter((r) => r !== 'administrator')) {
      const a = agents.get(role)!;
      expect((await a.post(`/admin/users/${target}/deactivate`, {})).statusCode, role).toBe(403);
      expect((await a.post('/admin/calendar', { name: 'x' })).statusCode, role).toBe(403);
      expect((await a.post('/admin/branding', { protectiveMarking: 'OFFICIAL' })).statusCode, role).toBe(403);
      expect((await a.post('/admin/branding/logo/remove', {})).statusCode, role).toBe(403);
    }
    expect((await agents.get('practitioner')!.get('/')).statusCode).toBe(200);
  });

  it('shows the Administration link only to roles that can open it', async () => {
    for (const role of ROLES) {
      const home = await agents.get(role)!.get('/');
      const shown = home.body.includes('href="/admin"');
      expect(shown, role).toBe(role === 'administrator' || role === 'senior_leader');
    }
  });

  it('shows each role only the administration sections it holds', async () => {
    const leader = (await agents.get('senior_leader')!.get('/admin')).body;
    expect(leader).toContain('href="/admin/audit"');
    expect(leader).toContain('href="/admin/roles"');
    expect(leader).not.toContain('href="/admin/users"');
    expect(leader).not.toContain('href="/admin/outbox"');
    expect(leader).not.toContain('href="/admin/branding"');
    // A module's section (registered by the missing module) only for those holding its permission.
    expect(leader).not.toContain('href="/missing/settings"');
    const administrator = (await agents.get('administrator')!.get('/admin')).body;
    for (const section of ['users', 'audit', 'outbox', 'calendar', 'branding', 'roles']) {
      expect(administrator).toContain(`href="/admin/${section}"`);
    }
    expect(administrator).toContain('href="/missing/settings"');
    expect(administrator).toContain('Missing children settings');
  });
});
