import type { FastifyInstance } from 'fastify';
import { nonWorkingDaysFor } from '../../platform/calendar/service';
import { today } from '../../platform/clock';
import type { OversightModule } from '../../platform/http/module';
import { exclusively } from '../../platform/instance';
import { can } from '../../platform/permissions';
import { onRegisterChanged } from '../cases/service';
import { dashboardRoutes } from './dashboard-routes';
import { complianceHomeItems } from './home-items';
import { VISIT_KINDS } from './labels';
import { complianceRoutes } from './routes';
import { STATUS_LABELS, STATUS_TAG } from './rules/status';
import { latestComputation, listRules, refreshTasks, sendDailyPrompts, tasksForChild } from './service';

/**
 * Recompute every task of an organisation. Never two at once for one
 * organisation, even in different instances: the second waits, then
 * recomputes from what is there by then.
 */
function recomputeOrganisation(app: FastifyInstance, organisationId: string) {
  const { database, db, clock } = app.deps;
  return exclusively(database, `compliance.recompute:${organisationId}`, () =>
    refreshTasks(db, organisationId, 'all', clock),
  );
}

async function routes(app: FastifyInstance): Promise<void> {
  await complianceRoutes(app);
  await dashboardRoutes(app);
  // After an import, recompute in the background: the person who imported is not kept waiting.
  const { db, clock, background } = app.deps;
  // One queued recomputation per organisation is enough: it reads the register when it starts, so
  // changes told before then are in it (a large authority's recomputation takes a minute or more).
  const queued = new Set<string>();
  // After a form, bring that child up to date before the person sees the next page.
  const stop = onRegisterChanged(async ({ organisationId, personIds }) => {
    if (personIds) {
      await refreshTasks(db, organisationId, personIds, clock);
      return;
    }
    if (queued.has(organisationId)) return;
    queued.add(organisationId);
    background.run('compliance.refresh-after-import', () => {
      queued.delete(organisationId);
      return recomputeOrganisation(app, organisationId);
    });
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
    'compliance.list': {
      description: 'List and download statutory tasks within your own view (caseload, team or service)',
      roles: ['practitioner', 'team_manager', 'service_manager', 'senior_leader', 'qa_officer'],
    },
    'compliance.child': {
      description: "See a child's statutory tasks on the child's page (for children you may see)",
      roles: [
        'practitioner',
        'team_manager',
        'service_manager',
        'qa_officer',
        'senior_leader',
        'independent_auditor',
      ],
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
  homeItems: complianceHomeItems,
  recordPanels: [
    {
      recordType: 'child',
      order: 10,
      permission: 'compliance.child',
      load: async (app, actor, personId) => {
        const { db, clock } = app.deps;
        const [tasks, rules] = await Promise.all([
          tasksForChild(db, actor.organisationId, personId),
          listRules(db, actor.organisationId, today(clock), clock.now()),
        ]);
        const byKey = new Map(rules.map((r) => [r.key, r]));
        // Events no extract holds are recorded by form: a link beside each such task, and one for the rest.
        // Visits by the visit form, the child's record being where the person returns.
        const mayRecord = can(actor, 'cases.events.record');
        const mayVisit = can(actor, 'cases.visits.record');
        const back = `back=/children/${personId}`;
        const record = (ruleKey: string): { href: string; text: string } | undefined => {
          const rule = byKey.get(ruleKey);
          if (mayVisit && VISIT_KINDS[ruleKey]) {
            return {
              href: `/children/${personId}/visits/new?kind=${VISIT_KINDS[ruleKey]}&${back}`,
              text: 'Record a visit',
            };
          }
          return mayRecord && rule?.recordable
            ? {
                href: `/children/${personId}/events/new?type=${rule.current.definition.completion}&${back}`,
                text: 'Record an event',
              }
            : undefined;
        };
        return {
          template: 'compliance/views/child-panel.njk',
          context: {
            tasks: tasks.map((t) => ({
              ...t,
              ruleName: byKey.get(t.ruleKey)?.current.definition.name ?? t.ruleKey,
              record: record(t.ruleKey),
            })),
            recordEventsHref: mayRecord ? `/children/${personId}/events/new` : undefined,
            overdue: tasks.filter((t) => t.status === 'overdue').length,
            dueSoon: tasks.filter((t) => t.status === 'due-soon').length,
            labels: STATUS_LABELS,
            tags: STATUS_TAG,
            computedOn: await latestComputation(db, actor.organisationId),
          },
        };
      },
    },
  ],
  dailyJobs: (app) => [
    {
      name: 'compliance.recompute',
      at: '01:00',
      run: async (organisationId) => (await recomputeOrganisation(app, organisationId)).tasks,
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
