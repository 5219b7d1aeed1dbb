import type { OversightModule } from '../../platform/http/module';
import { adultsRoutes } from './routes';

/**
 * The adults' safeguarding register: concerns, section 42 decisions and
 * enquiries with their outcomes, recorded by form or imported from a CSV laid
 * out like the Safeguarding Adults Collection. It feeds the adults'
 * safeguarding indicators and report (kpis, through this module's service).
 * Person-level data: held by the roles that see the whole service and keep
 * its performance figures (DESIGN.md); never committee roles, clerks,
 * administrators or the public, who see only the report's aggregates.
 */
export const adultsModule: OversightModule = {
  name: 'adults',
  permissions: {
    'adults.read': {
      description:
        'Read the adults’ safeguarding register: concerns, enquiries and outcomes of adults by reference (person-level; audited)',
      roles: ['service_manager', 'qa_officer', 'senior_leader'],
    },
    'adults.edit': {
      description: 'Record and change adults’ safeguarding concerns, and import them from a SAC-style CSV',
      roles: ['qa_officer', 'service_manager'],
    },
  },
  nav: [{ href: '/adults/concerns', text: 'Adults', permission: 'adults.read' }],
  routes: adultsRoutes,
};
