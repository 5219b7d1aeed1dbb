/** The list behind the home page's count of stale actions across the service. */
import type { FastifyInstance } from 'fastify';
import { today } from '../../platform/clock';
import { getRagKey, PERMISSIONS as P } from './service';
import { staleActions } from './stale';
import { RAG_TAG_CLASS, ragLabel } from './vocab';

export async function staleRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  app.get('/plans/stale-actions', { config: { permission: P.manage } }, async (req, reply) => {
    const [actions, key] = await Promise.all([
      staleActions(db, req.actor!, today(clock)),
      getRagKey(db, req.actor!.organisationId),
    ]);
    return reply.render('plans/views/stale-actions.njk', {
      actions: actions.map((a) => ({
        ...a,
        ragView: { code: a.rag, label: ragLabel(key, a.rag), tagClass: RAG_TAG_CLASS[a.rag] },
      })),
    });
  });
}
