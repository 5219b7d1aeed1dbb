import type { OversightModule } from '../../platform/http/module';
import { childRoutes } from './child-routes';
import { casesHomeItems } from './home-items';
import { practiceNav, practicePermissions } from './practice-permissions';
import { casesRoutes } from './routes';
import { visitRoutes } from './visit-routes';

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
    'cases.visits.record': {
      description: "Record a statutory visit on a child's record (children you may see)",
      roles: ['practitioner', 'team_manager'],
    },
    ...practicePermissions,
  },
  nav: [...practiceNav, { href: '/cases/import', text: 'SSD import', permission: 'cases.import' }],
  homeItems: casesHomeItems,
  routes: async (app) => {
    await casesRoutes(app);
    await childRoutes(app);
    await visitRoutes(app);
  },
};
