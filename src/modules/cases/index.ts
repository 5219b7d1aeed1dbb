import type { OversightModule } from '../../platform/http/module';
import { childRoutes } from './child-routes';
import { chronologyRoutes } from './chronology-routes';
import { eventRoutes } from './event-routes';
import { casesHomeItems } from './home-items';
import { recoverInterruptedImports } from './import-recovery';
import { importSettingsRoutes } from './import-settings-routes';
import { sweepStaging } from './import-staging';
import { importsFinished } from './importer';
import { placementKindRoutes } from './placement-kind-routes';
import { practiceNav, practicePermissions } from './practice-permissions';
import { practiceRoutes } from './practice-routes';
import { privateFosteringRoutes } from './private-fostering-routes';
import { recordingPanel } from './recording-panel';
import { closedCasesDue, removeImportProblemValues } from './retention';
import { casesRoutes } from './routes';
import { supervisionRoutes } from './supervision-routes';
import { visitRoutes } from './visit-routes';
import { withdrawalRoutes } from './withdrawal-routes';

/**
 * The children's case register. Administrators and service managers import
 * the SSD extract (there is no separate "data officer" role); the roles that
 * work with children read records within ROLE_CASE_SCOPE.
 */
export const casesModule: OversightModule = {
  name: 'cases',
  permissions: {
    'cases.read': {
      description:
        "Read children's records within the role's scope (own caseload, team, organisation, assigned)",
      roles: [
        'practitioner',
        'team_manager',
        'service_manager',
        'qa_officer',
        'independent_auditor',
        'senior_leader',
      ],
    },
    'cases.import': {
      description: 'Import Standard Safeguarding Dataset extracts and read the import history',
      roles: ['administrator', 'service_manager'],
    },
    'cases.import.settings': {
      description: 'Choose whether notices in an SSD extract reject it like errors',
      roles: ['administrator'],
    },
    'cases.visits.record': {
      description: "Record a statutory visit on a child's record (children you may see)",
      roles: ['practitioner', 'team_manager'],
    },
    'cases.events.record': {
      description:
        "Record on a child's record a statutory event no SSD extract holds, such as a care plan or the IRO appointed (children you may see)",
      roles: ['practitioner', 'team_manager'],
    },
    'cases.events.withdraw': {
      description:
        "Withdraw an event recorded wrongly on a child's record (a team manager: events recorded in their team; service managers and senior leaders: any)",
      roles: ['team_manager', 'service_manager', 'senior_leader'],
    },
    'cases.placements.kind': {
      description: "Set a placement's regulation 28 visiting kind where the SSD extract cannot say it",
      roles: ['practitioner', 'team_manager', 'service_manager'],
    },
    'cases.private-fostering.record': {
      description:
        "Record and update private fostering arrangements on a child's record (children you may see)",
      roles: ['practitioner', 'team_manager', 'service_manager'],
    },
    ...practicePermissions,
  },
  nav: [...practiceNav, { href: '/cases/import', text: 'SSD import', permission: 'cases.import' }],
  homeItems: casesHomeItems,
  recordPanels: [recordingPanel],
  routes: async (app) => {
    await casesRoutes(app);
    await importSettingsRoutes(app);
    await childRoutes(app);
    await chronologyRoutes(app);
    await practiceRoutes(app);
    await supervisionRoutes(app);
    await visitRoutes(app);
    await eventRoutes(app);
    await withdrawalRoutes(app);
    await placementKindRoutes(app);
    await privateFosteringRoutes(app);
    // A clean stop finishes the imports this instance is running before it lets go of its lock.
    app.addHook('onClose', () => importsFinished());
    // At start-up, imports whose instance is gone are marked failed at once, not after 15 minutes.
    app.addHook('onReady', async () => {
      const { db, clock, instance } = app.deps;
      try {
        const failed = await recoverInterruptedImports(db, { at: clock.now(), instance });
        if (failed.length)
          app.log.warn({ imports: failed }, 'imports interrupted by a restart were marked failed');
        // Rows a dead import left in staging (never part of the register) are removed.
        const swept = await sweepStaging(db);
        if (swept) app.log.info({ rows: swept }, 'rows staged by interrupted imports were removed');
      } catch (e) {
        app.log.error({ err: e }, 'could not check for interrupted imports');
      }
    });
  },
  dailyJobs: (app) => [
    {
      name: 'cases.import-problems-retention',
      at: '03:15',
      run: (organisationId) =>
        removeImportProblemValues(
          app.deps.db,
          organisationId,
          new Date(
            app.deps.clock.now().getTime() - app.deps.config.retention.importProblemsDays * 86_400_000,
          ),
        ),
    },
    {
      // A report, not a removal: the count is recorded in job_runs and `npm run retention:report` lists them.
      name: 'cases.closed-cases-retention-report',
      at: '03:30',
      run: async (organisationId, today) =>
        (await closedCasesDue(app.deps.db, organisationId, today, app.deps.config.retention)).length,
    },
  ],
};
