import { onFigureSourceChanged } from '../../platform/figure-sources';
import type { OversightModule } from '../../platform/http/module';
import { onRegisterChanged } from '../cases/service';
import { benchmarkRoutes } from './benchmark-routes';
import { indicatorReportComponent } from './embed';
import { kpisHomeItems } from './home-items';
import { reportRoutes } from './report-routes';
import { kpisRoutes } from './routes';
import { forgetStoredTables, refreshLatestFigures, refreshStoredFigures } from './stored-figures';

/**
 * Performance indicators: the catalogue (versioned definitions, targets,
 * benchmarks), figures computed from the case register or entered by hand,
 * and the children behind a figure for those who may see them. Oversight has
 * no performance officer role: the quality assurance officer and service
 * manager keep the catalogue (DESIGN.md: QA officers run quality assurance,
 * service managers the dashboards); committee roles see no indicator page here.
 */
export const kpisModule: OversightModule = {
  name: 'kpis',
  permissions: {
    'kpis.read': {
      description: 'Read the performance indicators: figures, targets, RAG and benchmarks (aggregates only)',
      roles: ['service_manager', 'qa_officer', 'senior_leader'],
    },
    'kpis.edit': {
      description:
        'Change indicator definitions and targets (as new versions), enter benchmarks and partner figures',
      roles: ['qa_officer', 'service_manager'],
    },
    'kpis.comment': {
      description: 'Write the officer’s commentary on the quarterly performance report',
      roles: ['qa_officer', 'service_manager'],
    },
    'kpis.signoff': {
      description: 'Sign off the quarterly performance report, freezing it for the committee',
      roles: ['senior_leader'],
    },
    'kpis.watch': {
      description: 'See the indicators off target on the home page',
      roles: ['service_manager', 'senior_leader'],
    },
    'kpis.children': {
      description: 'See the children behind an indicator’s figure (children you may see)',
      roles: ['service_manager', 'qa_officer', 'senior_leader'],
    },
  },
  nav: [{ href: '/indicators', text: 'Indicators', permission: 'kpis.read' }],
  routes: async (app) => {
    await kpisRoutes(app);
    await reportRoutes(app);
    await benchmarkRoutes(app);
    // After an import, the stored tables are forgotten at once and the figures computed again in the background (stored-figures.ts).
    const { db, clock, background } = app.deps;
    const stop = onRegisterChanged(async ({ organisationId, personIds }) => {
      if (personIds) return;
      await forgetStoredTables(db, organisationId);
      background.run('kpis.refresh-after-import', () => refreshStoredFigures(db, organisationId, clock));
    });
    // A concern entered or an early help goal scored by form: the stored tables are forgotten in its transaction.
    const stopSources = onFigureSourceChanged((tx, organisationId) => forgetStoredTables(tx, organisationId));
    app.addHook('onClose', async () => {
      stop();
      stopSources();
    });
  },
  homeItems: kpisHomeItems,
  dailyJobs: (app) => [
    {
      // After the timescales' nightly recomputation (01:00), before the morning: the home page's indicator figures.
      name: 'kpis.refresh-figures',
      at: '02:45',
      run: async (organisationId) =>
        (await refreshLatestFigures(app.deps.db, organisationId, app.deps.clock)).figures.length,
    },
  ],
  components: [indicatorReportComponent],
};
