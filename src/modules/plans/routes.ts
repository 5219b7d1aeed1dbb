/**
 * Improvement plan pages: parse and check what was sent, call the service,
 * render. Every route names its permission; the service checks the finer
 * rules (a lead may update only their own actions; clerks keep only the
 * committee's outstanding actions lists).
 */
import type { FastifyInstance } from 'fastify';
import { actionRoutes } from './action-routes';
import { exportRoutes } from './export-routes';
import { importRoutes } from './import-routes';
import { planRoutes } from './plan-routes';
import { rosterRoutes } from './roster-routes';
import { snapshotRoutes } from './snapshot-routes';
import { updateRoutes } from './update-routes';

export async function plansRoutes(app: FastifyInstance): Promise<void> {
  await planRoutes(app);
  await actionRoutes(app);
  await updateRoutes(app);
  await snapshotRoutes(app);
  await exportRoutes(app);
  await importRoutes(app);
  await rosterRoutes(app);
}
