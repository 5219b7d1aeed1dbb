import type { FastifyInstance } from 'fastify';
import { auditContext } from '../http/server';
import { APPROVE_PERMISSION, decideRole, rolesAwaitingApproval } from './approvals';
import { actorOf, attempt, idParam } from './http';

const PERMISSION = { config: { permission: APPROVE_PERMISSION } };

/** Role approvals: a senior leader approves or rejects roles that see children, asked for by an administrator. */
export async function approvalRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  const page = async (req: Parameters<typeof actorOf>[0]) => ({
    requests: await rolesAwaitingApproval(db, actorOf(req)),
    actorId: actorOf(req).userId,
  });

  app.get('/admin/approvals', PERMISSION, async (req, reply) =>
    reply.render('admin/approvals.njk', await page(req)),
  );

  app.post('/admin/approvals/:id', PERMISSION, async (req, reply) => {
    const id = idParam(req);
    const decision = (req.body as Record<string, unknown> | undefined)?.decision;
    if (decision !== 'approve' && decision !== 'reject') {
      return reply.code(400).render('admin/approvals.njk', {
        ...(await page(req)),
        errors: { list: [{ text: 'Choose approve or reject', href: '#requests' }] },
      });
    }
    const result = await attempt(() => decideRole(db, actorOf(req), auditContext(req, clock), id, decision));
    if (!result.ok)
      return reply.code(400).render('admin/approvals.njk', { ...(await page(req)), errors: result.errors });
    reply.flash(decision === 'approve' ? 'Role approved' : 'Role request rejected');
    return reply.redirect('/admin/approvals');
  });
}
