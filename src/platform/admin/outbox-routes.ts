import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditContext } from '../http/server';
import { actorOf, idParam, pageParam } from './http';
import { outbox, outboxEntry } from './outbox-service';
import { paginate } from './pagination';

const OUTBOX_PAGE_SIZE = 50;
const PERMISSION = { config: { permission: 'admin.outbox' } };

export async function outboxRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, mailer } = app.deps;

  app.get('/admin/outbox', PERMISSION, async (req, reply) => {
    const { page, status } = z
      .object({ page: pageParam, status: z.enum(['failed']).optional().catch(undefined) })
      .parse(req.query ?? {});
    const result = await outbox(db, actorOf(req), { page, pageSize: OUTBOX_PAGE_SIZE }, status);
    return reply.render('admin/outbox/index.njk', {
      messages: result.rows,
      failedOnly: status === 'failed',
      mode: mailer.mode,
      pagination: paginate(
        result.total,
        { page, pageSize: OUTBOX_PAGE_SIZE },
        (p) => `/admin/outbox?${status ? `status=${status}&` : ''}page=${p}`,
      ),
    });
  });

  app.get('/admin/outbox/:id', PERMISSION, async (req, reply) => {
    const message = await outboxEntry(db, actorOf(req), auditContext(req, clock), idParam(req));
    return reply.render('admin/outbox/message.njk', { message });
  });
}
