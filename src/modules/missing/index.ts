import type { OversightModule } from '../../platform/http/module';
import { formatDate } from '../../platform/http/views';
import { cmeRoutes } from './cme-routes';
import { cmeForChild } from './cme-service';
import { cmePanelRows } from './cme-view-models';
import { EDUCATION_LIST_LABELS, type EducationList } from './education-lists';
import { educationListRoutes } from './education-lists-routes';
import { listEntriesOfChild } from './education-lists-service';
import { keyDataComponent } from './embed';
import { grabPackRoutes } from './grab-pack-routes';
import { missingHomeItems } from './home-items';
import { keyDataRoutes } from './key-data-routes';
import { episodesForChild } from './overview';
import { photoRoutes } from './photo-routes';
import { riskRecordsOf } from './risk-records';
import { riskRoutes } from './risk-routes';
import { riskPanel } from './risk-view-models';
import { missingRoutes } from './routes';
import { settingsRoutes } from './settings-routes';
import { missingTimescaleSources } from './timescale-sources';
import { summaryRow } from './view-models';

/**
 * Children missing from home and care: episodes recorded by form and merged
 * with those the SSD extract holds, their clocks (police, strategy meetings,
 * notifications, the social worker's contact, the return home interview) and
 * return home interviews; and the register of children missing education
 * with its day-by-day checks. Committee roles hold none of these permissions:
 * every page here is about a child.
 */
export const missingModule: OversightModule = {
  name: 'missing',
  permissions: {
    'missing.read': {
      description:
        "Read missing episodes, return home interviews and children missing education cases of children you may see, on the child's record",
      roles: ['practitioner', 'team_manager', 'service_manager', 'qa_officer', 'senior_leader'],
    },
    'missing.record': {
      description:
        'Record missing episodes, returns, notifications, strategy meetings, return home interviews and children missing education (children you may see)',
      roles: ['practitioner', 'team_manager', 'service_manager'],
    },
    'missing.grabpack': {
      description:
        "Open a looked-after child's grab pack for the police, giving a reason each time (kept in the access audit)",
      roles: ['practitioner', 'team_manager', 'service_manager', 'senior_leader'],
    },
    'missing.keydata': {
      description:
        'Read the quarterly key data on missing children (aggregates only; as published, with small numbers suppressed)',
      roles: ['service_manager', 'qa_officer', 'senior_leader'],
    },
    'missing.keydata.children': {
      description:
        'Open the list of episodes and children behind a key data figure (names children: only roles that see every child of the organisation; audited)',
      roles: ['service_manager', 'qa_officer', 'senior_leader'],
    },
    'missing.export': {
      description:
        'Download the SSDA903 missing table for a year (the authority’s child ids, for the statutory return; audited)',
      roles: ['service_manager', 'qa_officer'],
    },
    'missing.settings': {
      description: 'Set the organisation’s rule for children going missing repeatedly (episodes within days)',
      roles: ['administrator'],
    },
    'missing.followups': {
      description:
        'List missing episodes with open or overdue follow-ups, and the children missing education register, for children you may see',
      roles: ['practitioner', 'team_manager', 'service_manager', 'qa_officer', 'senior_leader'],
    },
  },
  nav: [{ href: '/missing', text: 'Missing children', permission: 'missing.followups' }],
  routes: async (app) => {
    await missingRoutes(app);
    await keyDataRoutes(app);
    await grabPackRoutes(app);
    await riskRoutes(app);
    await photoRoutes(app);
    await settingsRoutes(app);
    await cmeRoutes(app);
    await educationListRoutes(app);
  },
  homeItems: missingHomeItems,
  timescaleSources: missingTimescaleSources,
  adminSections: [
    {
      href: '/missing/settings',
      title: 'Missing children settings',
      description:
        'The rule for listing children who go missing repeatedly: how many episodes within how many days.',
      permission: 'missing.settings',
    },
  ],
  components: [keyDataComponent],
  recordPanels: [
    {
      recordType: 'child',
      order: 20,
      permission: 'missing.read',
      load: async (app, actor, personId) => {
        const rows = await episodesForChild(app.deps.db, actor, personId, app.deps.clock.now());
        return {
          template: 'missing/views/child-panel.njk',
          context: {
            personId,
            rows: rows.map(summaryRow),
            mayRecord: actor.permissions.has('missing.record'),
            mayGrabPack: actor.permissions.has('missing.grabpack'),
          },
        };
      },
    },
    {
      recordType: 'child',
      order: 21,
      permission: 'missing.read',
      load: async (app, actor, personId) => {
        const records = await riskRecordsOf(app.deps.db, actor, personId, app.deps.clock.now());
        return {
          template: 'missing/views/risk-panel.njk',
          context: { personId, ...riskPanel(records), mayRecord: actor.permissions.has('missing.record') },
        };
      },
    },
    {
      recordType: 'child',
      order: 22,
      permission: 'missing.read',
      load: async (app, actor, personId) => {
        const [cases, lists] = await Promise.all([
          cmeForChild(app.deps.db, actor, personId, app.deps.clock.now()),
          listEntriesOfChild(app.deps.db, actor.organisationId, personId),
        ]);
        return {
          template: 'missing/views/cme-panel.njk',
          context: {
            personId,
            rows: cmePanelRows(cases),
            lists: lists.map((e) => ({
              id: e.id,
              label: EDUCATION_LIST_LABELS[e.list as EducationList] ?? e.list,
              from: formatDate(e.fromOn),
              to: e.toOn ? formatDate(e.toOn) : null,
            })),
            mayRecord: actor.permissions.has('missing.record'),
          },
        };
      },
    },
  ],
};
