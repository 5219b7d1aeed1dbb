import type { FastifyInstance } from 'fastify';
import { nonWorkingDaysFor } from '../../platform/calendar/service';
import type { OversightModule } from '../../platform/http/module';
import { onRegisterChanged } from '../cases/service';
import { dashboardRoutes } from './dashboard-routes';
import { complianceRoutes } from './routes';
import { refreshTasks, sendDailyPrompts } from './service';

async function routes(app: FastifyInstance): Promise<void> {
  await complianceRoutes(app);
  await dashboardRoutes(app);
  // After an import, recompute in the background: the person who imported is not kept waiting.
  const { db, clock, background } = app.deps;
  const stop = onRegisterChanged(({ organisationId }) => {
    background.run('compliance.refresh-after-import', () => refreshTasks(db, organisationId, 'all', clock));
  });
  app.addHook('onClose', async () => stop());
}

export const complianceModule: OversightModule = {
  name: 'compliance',
  permissions: {
    'compliance.mine': {
      description: 'See the statutory tasks of your own caseload',
      roles: ['practitioner', 'team_manager'],
    },
    'compliance.team': {
      description: "See a team's statutory tasks, by worker",
      roles: ['team_manager', 'service_manager', 'senior_leader', 'qa_officer'],
    },
    'compliance.service': {
      description: 'See statutory timescales across the service, by team and service level',
      roles: ['service_manager', 'senior_leader', 'qa_officer'],
    },
    'compliance.rules.read': {
      description: 'Read the statutory timescale rules',
      roles: [
        'administrator',
        'service_manager',
        'senior_leader',
        'qa_officer',
        'team_manager',
        'practitioner',
      ],
    },
    'compliance.rules.edit': {
      description: 'Change, add versions to and retire timescale rules',
      roles: ['administrator'],
    },
  },
  nav: [
    { href: '/tasks', text: 'My tasks', permission: 'compliance.mine' },
    { href: '/timescales/team', text: 'Team timescales', permission: 'compliance.team' },
    { href: '/timescales', text: 'Timescales', permission: 'compliance.service' },
    { href: '/timescales/rules', text: 'Timescale rules', permission: 'compliance.rules.edit' },
  ],
  routes,
  dailyJobs: (app) => [
    {
      name: 'compliance.recompute',
      at: '01:00',
      run: async (organisationId) =>
        (await refreshTasks(app.deps.db, organisationId, 'all', app.deps.clock)).tasks,
    },
    {
      name: 'compliance.prompts',
      at: '07:00',
      run: async (organisationId, today) => {
        const result = await sendDailyPrompts(
          app.deps.db,
          { mailer: app.deps.mailer, publicUrl: app.deps.config.publicUrl },
          organisationId,
          { today, holidays: await nonWorkingDaysFor(app.deps.db, organisationId), at: app.deps.clock.now() },
        );
        return result.workers + result.managers + result.escalations;
      },
    },
  ],
};
