/**
 * A small section of the child's record linking to what Oversight records
 * beside the extract: private fostering arrangements, placements' visiting
 * kinds, and the events recorded by form (to withdraw a wrong one).
 */
import type { RecordPanel } from '../../platform/http/module';
import { can } from '../../platform/permissions';
import { arrangementsOf } from './private-fostering-repository';

export const recordingPanel: RecordPanel = {
  recordType: 'child',
  order: 20,
  permission: 'cases.read',
  load: async (app, actor, personId) => {
    const arrangements = await arrangementsOf(app.deps.db, actor.organisationId, personId);
    return {
      template: 'cases/views/private-fostering/panel.njk',
      context: {
        personId,
        openArrangements: arrangements.filter((a) => !a.endDate).length,
        arrangements: arrangements.length,
        mayRecordArrangement: can(actor, 'cases.private-fostering.record'),
        mayRecordEvents: can(actor, 'cases.events.record'),
      },
    };
  },
};
