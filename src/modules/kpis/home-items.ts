/**
 * What the indicators put on the home page of senior leaders and service
 * managers: the indicators off target (red) and near it (amber) in the last
 * complete quarter, each count linking to the indicators page.
 */
import { today } from '../../platform/clock';
import type { HomeItemProvider } from '../../platform/home/items';
import { lastCompleteQuarter } from './catalogue';
import { indicatorTable } from './figures';

export const kpisHomeItems: HomeItemProvider[] = [
  {
    heading: 'Performance indicators',
    order: 50,
    permission: 'kpis.watch',
    load: async (app, actor) => {
      const { db, clock } = app.deps;
      const quarter = lastCompleteQuarter(today(clock));
      const rows = await indicatorTable(db, actor.organisationId, quarter, clock.now());
      const href = `/indicators?quarter=${quarter.first}`;
      return [
        {
          text: `Indicators off target in ${quarter.label}`,
          count: rows.filter((r) => r.rag === 'red').length,
          href: `${href}#off-target`,
          tone: 'overdue',
        },
        {
          text: `Indicators near target (amber) in ${quarter.label}`,
          count: rows.filter((r) => r.rag === 'amber').length,
          href,
          tone: 'due',
        },
      ];
    },
  },
];
