import type { FastifyInstance } from 'fastify';
import { backupRoutes } from '../backup/routes';
import { brandingRoutes } from '../branding/routes';
import type { OversightModule } from '../http/module';
import { ROLE_NAMES, ROLES } from '../permissions';
import { approvalRoutes } from './approvals-routes';
import { auditRoutes } from './audit-routes';
import { calendarRoutes } from './calendar-routes';
import { adminHomeItems } from './home-items';
import { actorOf } from './http';
import { outboxRoutes } from './outbox-routes';
import { permissionMatrix, roleSummaries } from './roles';
import { type AdminSection, adminSectionsFor } from './sections';
import { userRoutes } from './users-routes';

/**
 * The platform's administration pages, each guarded by its own permission; the
 * index shows only what the person may use, then the sections modules register.
 */
const SECTIONS: readonly AdminSection[] = [
  {
    href: '/admin/users',
    title: 'Users',
    description:
      'Invite people, change their role and team, deactivate accounts and send links to set a password.',
    permission: 'admin.users',
  },
  {
    href: '/admin/audit',
    title: 'Access audit',
    description: 'Who read or changed what, and when. Filter the events and download them as CSV.',
    permission: 'admin.audit',
  },
  {
    href: '/admin/outbox',
    title: 'Outbox',
    description: 'Messages the service has sent, or is keeping because it does not send email.',
    permission: 'admin.outbox',
  },
  {
    href: '/admin/calendar',
    title: 'Calendar',
    description:
      'Bank holidays and your organisation’s own non-working days, used for working-day timescales.',
    permission: 'admin.calendar',
  },
  {
    href: '/admin/branding',
    title: 'Branding and protective marking',
    description:
      'Your organisation’s logo, the protective marking on every page and document, and the feedback link.',
    permission: 'admin.branding',
  },
  {
    href: '/admin/backup',
    title: 'Backup',
    description: 'Download a backup of the embedded database, or read how the database server is backed up.',
    permission: 'admin.backup',
  },
  {
    href: '/admin/approvals',
    title: 'Roles waiting for approval',
    description: 'Approve or reject roles that see children, asked for by an administrator.',
    permission: 'admin.approve-roles',
  },
  {
    href: '/admin/roles',
    title: 'Roles and permissions',
    description: 'What each role may do, and which children’s records each role may see.',
    permission: 'admin.roles',
  },
];

async function adminRoutes(app: FastifyInstance): Promise<void> {
  app.get('/admin', { config: { permission: 'admin.view' } }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.render('admin/index.njk', {
      adminSections: adminSectionsFor(actor, SECTIONS, app.deps.modules),
    });
  });

  app.get('/admin/roles', { config: { permission: 'admin.roles' } }, async (_req, reply) => {
    const { modules, grants } = app.deps;
    return reply.render('admin/roles.njk', {
      roles: ROLES.map((r) => ({ key: r, name: ROLE_NAMES[r] })),
      summaries: roleSummaries(grants),
      groups: permissionMatrix(modules, grants),
    });
  });

  await userRoutes(app);
  await auditRoutes(app);
  await outboxRoutes(app);
  await calendarRoutes(app);
  await app.register(brandingRoutes);
  await backupRoutes(app);
  await approvalRoutes(app);
}

export const adminModule: OversightModule = {
  name: 'admin',
  permissions: {
    'admin.view': {
      description:
        'Open the administration section (each administration page needs its own permission as well)',
      roles: ['administrator', 'senior_leader'],
    },
  },
  nav: [{ href: '/admin', text: 'Administration', permission: 'admin.view' }],
  routes: adminRoutes,
  homeItems: adminHomeItems,
};
