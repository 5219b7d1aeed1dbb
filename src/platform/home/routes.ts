import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { today } from '../clock';
import { loadHomeGroups, needingAction } from './items';

/**
 * The home page: what needs this person's attention today, gathered from
 * every module's home-page items. It imports no module.
 */
export async function renderHome(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const providers = app.deps.modules.flatMap((m) => m.homeItems ?? []);
  const groups = await loadHomeGroups(providers, app, req.actor!, req.log);
  return reply.render('home.njk', {
    groups,
    needingAction: needingAction(groups),
    anyFailed: groups.some((g) => g.failed),
    today: today(app.deps.clock),
  });
}
