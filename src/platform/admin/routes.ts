import type { FastifyInstance } from 'fastify';
import type { OversightModule } from '../http/module';

async function adminRoutes(app: FastifyInstance): Promise<void> {
  app.get('/admin', { config: { permission: 'admin.users' } }, async (_req, reply) =>
    reply.render('admin/index.njk'),
  );
}

export const adminModule: OversightModule = {
  name: 'admin',
  permissions: {},
  nav: [{ href: '/admin', text: 'Administration', permission: 'admin.users' }],
  routes: adminRoutes,
};
