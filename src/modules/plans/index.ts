import type { OversightModule } from '../../platform/http/module';
import { planSnapshotComponent } from './embed';
import { plansHomeItems } from './home-items';
import { plansRoutes } from './routes';
import { staleRoutes } from './stale-routes';

/**
 * Improvement plans and action tracking. Committee members hold only
 * plans.published: they read published snapshots, never working drafts.
 */
export const plansModule: OversightModule = {
  name: 'plans',
  permissions: {
    'plans.read': {
      description: 'Read improvement plans as they stand, their actions and history',
      roles: [
        'practitioner',
        'team_manager',
        'service_manager',
        'qa_officer',
        'senior_leader',
        'committee_clerk',
      ],
    },
    'plans.published': {
      description: 'Read published versions (snapshots) of improvement plans',
      roles: [
        'practitioner',
        'team_manager',
        'service_manager',
        'qa_officer',
        'senior_leader',
        'committee_clerk',
        'committee_member',
      ],
    },
    'plans.update': {
      description: 'Add progress updates and set the RAG status of actions you lead',
      roles: ['practitioner', 'team_manager', 'service_manager', 'qa_officer', 'senior_leader'],
    },
    'plans.manage': {
      description: 'Create and edit plans, priorities and actions; keep the leads roster; import plans',
      roles: ['service_manager', 'qa_officer', 'senior_leader'],
    },
    'plans.committee': {
      description: "Keep committees' outstanding actions lists",
      roles: ['committee_clerk', 'service_manager', 'senior_leader'],
    },
    'plans.publish': {
      description: 'Publish a numbered, frozen version of a plan',
      roles: ['service_manager', 'senior_leader'],
    },
    'plans.export': {
      description: 'Export plans and published versions (XLSX, CSV, DOCX, PDF)',
      roles: ['team_manager', 'service_manager', 'qa_officer', 'senior_leader', 'committee_clerk'],
    },
    'plans.configure': {
      description:
        'Change the labels and meanings of the RAG key for plan actions, and whether actions are scored',
      roles: ['administrator'],
    },
  },
  nav: [
    { href: '/plans', text: 'Plans', permission: 'plans.published' },
    { href: '/plans/settings/rag-key', text: 'RAG key', permission: 'plans.configure' },
  ],
  routes: async (app) => {
    await plansRoutes(app);
    await staleRoutes(app);
  },
  homeItems: plansHomeItems,
  // A frozen table of a published plan, for committee reports to embed.
  components: [planSnapshotComponent],
};
