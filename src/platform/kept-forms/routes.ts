/** Forms kept across a session timeout, offered back after signing in: send each on as it was, or discard it. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../audit/service';
import { auditContext } from '../http/server';
import { SIGNED_IN } from '../permissions';
import { keptFormsOf, takeKeptForm } from './service';

const params = z.object({ id: z.string().uuid() });

export async function keptFormRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get('/kept-forms', { config: { permission: SIGNED_IN } }, async (req, reply) => {
    const kept = await keptFormsOf(db, req.actor!.userId, clock.now());
    return reply.render('kept-forms.njk', {
      kept: kept.map((k) => ({
        ...k,
        // Hidden inputs carry the fields back exactly as they were posted (lists as repeated fields).
        hidden: Object.entries(k.fields).flatMap(([name, v]) =>
          (Array.isArray(v) ? v : [v]).map((value) => ({ name, value })),
        ),
        preview: Object.entries(k.fields)
          .filter(([, v]) => typeof v === 'string' && v.trim().length > 20)
          .map(([, v]) => String(v).slice(0, 200))
          .slice(0, 3),
      })),
    });
  });

  // Sending on: the kept form is taken (deleted) and the browser is sent to post it again where it was going (307 keeps the method and body).
  app.post('/kept-forms/:id/send', { config: { permission: SIGNED_IN } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const kept = await takeKeptForm(db, req.actor!.userId, id, clock.now());
    if (!kept) return reply.code(404).render('errors/404.njk');
    await recordAudit(db, auditContext(req, clock), {
      action: 'kept-form.send',
      recordType: 'user',
      recordId: req.actor!.userId,
      detail: kept.url.split('?')[0]!.slice(0, 200),
    });
    return reply.redirect(kept.url, 307);
  });

  app.post('/kept-forms/:id/discard', { config: { permission: SIGNED_IN } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    await takeKeptForm(db, req.actor!.userId, id, clock.now());
    reply.flash('The kept form was discarded');
    return reply.redirect('/kept-forms');
  });
}
