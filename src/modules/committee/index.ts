import type { OversightModule } from '../../platform/http/module';
import { COMMITTEE, committeePermissions } from './access';
import { glossaryRoutes } from './glossary-routes';
import { committeeHomeItems } from './home-items';
import { meetingRoutes } from './meeting-routes';
import { minutesQuestionRoutes } from './minutes-questions-routes';
import { minutesRoutes } from './minutes-routes';
import { notesRoutes } from './notes-routes';
import { packFileRoutes } from './pack-routes';
import { publicPackRoutes } from './public-pack-routes';
import { publicCommitteeRoutes } from './public-routes';
import { reportRoutes } from './report-routes';
import { committeeRoutes } from './routes';

/**
 * Committee business: committees and their members, meetings, agendas with
 * Part 1 and Part 2 items, officers' reports with embedded components,
 * publication of packs with disclosure control, and the public site under
 * /committees. Committee roles never reach a child-level record here.
 */
export const committeeModule: OversightModule = {
  name: 'committee',
  permissions: committeePermissions,
  nav: [
    { href: '/committee-business', text: 'Committees', permission: COMMITTEE.read },
    { href: '/committee-business/glossary', text: 'Glossary', permission: COMMITTEE.glossary },
  ],
  routes: async (app) => {
    await committeeRoutes(app);
    await meetingRoutes(app);
    await reportRoutes(app);
    await glossaryRoutes(app);
    await minutesRoutes(app);
    await minutesQuestionRoutes(app);
    await notesRoutes(app);
    await publicCommitteeRoutes(app);
    await packFileRoutes(app);
    await publicPackRoutes(app);
  },
  homeItems: committeeHomeItems,
};
