import type { OversightModule } from '../../platform/http/module';
import { earlyHelpRoutes } from './routes';
import { BAND_NAMES, band, STAGE_NAMES } from './rules';
import { EARLY_HELP, goalsForChild } from './service';

const BAND_TAGS = { red: 'govuk-tag--red', amber: 'govuk-tag--orange', green: 'govuk-tag--green' };

/**
 * Early help outcomes: goals set with a family, scored 0 to 10 at
 * assessment, each review and closure, on the child's record; the service's
 * figures by quarter. Committee roles and administrators hold nothing here.
 */
export const earlyHelpModule: OversightModule = {
  name: 'early-help',
  permissions: {
    [EARLY_HELP.read]: {
      description: "Read the early help goals and scores of children you may see, on the child's record",
      roles: ['practitioner', 'team_manager', 'service_manager', 'qa_officer', 'senior_leader'],
    },
    [EARLY_HELP.record]: {
      description:
        'Add goals set with a family and record their scores at reviews and closure (children you may see)',
      roles: ['practitioner', 'team_manager', 'service_manager'],
    },
    [EARLY_HELP.figures]: {
      description:
        'Read the early help outcome figures by quarter: distance travelled and goals ending green',
      roles: ['team_manager', 'service_manager', 'qa_officer', 'senior_leader'],
    },
  },
  nav: [{ href: '/early-help', text: 'Early help outcomes', permission: EARLY_HELP.figures }],
  routes: earlyHelpRoutes,
  recordPanels: [
    {
      recordType: 'child',
      order: 25,
      permission: EARLY_HELP.read,
      load: async (app, actor, personId) => {
        const goals = await goalsForChild(app.deps.db, actor, personId, app.deps.clock.now());
        const mayRecord = actor.permissions.has(EARLY_HELP.record);
        if (!goals.length && !mayRecord) return null;
        return {
          template: 'early-help/views/child-panel.njk',
          context: {
            personId,
            goals,
            band,
            bandNames: BAND_NAMES,
            bandTags: BAND_TAGS,
            stageNames: STAGE_NAMES,
            mayRecord,
          },
        };
      },
    },
  ],
};
