import type { OversightModule } from '../../platform/http/module';
import { complianceRoutes } from './routes';

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
  nav: [{ href: '/timescales/rules', text: 'Timescale rules', permission: 'compliance.rules.edit' }],
  routes: complianceRoutes,
};
