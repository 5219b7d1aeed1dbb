/**
 * Permissions and navigation of the practice half of the cases module: the
 * child's pages, the child's own words, oversight and supervision. Merged
 * into the cases module's permissions in index.ts. Which children a holder
 * sees is still limited by ROLE_CASE_SCOPE: these say what a role may do,
 * not to whom. Finding and reading a child needs 'cases.read', declared
 * by the register (index.ts).
 */
import type { NavItem } from '../../platform/http/module';
import type { PermissionSet } from '../../platform/permissions';

export const practicePermissions = {
  'cases.mine': {
    description: 'See the children allocated to you',
    roles: ['practitioner', 'team_manager'],
  },
  'cases.team': {
    description: "See a team's children and who they are allocated to",
    roles: ['team_manager', 'service_manager', 'senior_leader', 'qa_officer'],
  },
  'cases.chronology.annotate': {
    description: 'Add what an event meant for the child to the chronology',
    roles: ['practitioner', 'team_manager', 'service_manager'],
  },
  'cases.voice.record': {
    description: "Record the child's views in their own words",
    roles: ['practitioner', 'team_manager', 'service_manager'],
  },
  'cases.voice.indicator': {
    description: "See how many open cases have the child's views recorded, by team and worker",
    roles: ['team_manager', 'service_manager', 'senior_leader', 'qa_officer'],
  },
  'cases.oversight.record': {
    description: 'Record a management oversight decision on a case',
    roles: ['team_manager', 'service_manager', 'senior_leader'],
  },
  'supervision.record': {
    description: 'Record supervision of a worker, with cases discussed and actions',
    roles: ['team_manager', 'service_manager'],
  },
  'supervision.repeated': {
    description:
      'See supervision actions repeated at three supervisions without being done: a team manager for their team, others across the service',
    roles: ['team_manager', 'service_manager', 'senior_leader'],
  },
  'supervision.mine': {
    description: 'See the actions agreed at your own supervisions that are still yours to do',
    roles: ['practitioner', 'team_manager'],
  },
} satisfies PermissionSet;

export const practiceNav: NavItem[] = [
  { href: '/children/mine', text: 'My cases', permission: 'cases.mine' },
  { href: '/children/team', text: 'Team cases', permission: 'cases.team' },
  { href: '/children', text: 'Find a child', permission: 'cases.read' },
  { href: '/supervision', text: 'Supervision', permission: 'supervision.record' },
];
