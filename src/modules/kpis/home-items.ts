/**
 * What the indicators put on the home page of senior leaders and service
 * managers: the indicators off target (red) and near it (amber) in the last
 * complete quarter, each count linking to the indicators page. Read from the
 * figures the nightly and after-import refresh stored (stored-figures.ts), in
 * one query, with the time they were computed.
 */
import type { HomeItemProvider } from '../../platform/home/items';
import { latestFigures } from './stored-figures';

export const kpisHomeItems: HomeItemProvider[] = [
  {
    heading: 'Performance indicators',
    order: 50,
    permission: 'kpis.watch',
    load: async (app, actor) => {
      const { db, clock } = app.deps;
      const { quarter, computedAt, figures } = await latestFigures(db, actor.organisationId, clock);
      const href = `/indicators?quarter=${quarter.first}`;
      return [
        {
          text: `Indicators off target in ${quarter.label}`,
          count: figures.filter((r) => r.rag === 'red').length,
          href: `${href}#off-target`,
          tone: 'overdue',
          asAt: computedAt,
        },
        {
          text: `Indicators near target (amber) in ${quarter.label}`,
          count: figures.filter((r) => r.rag === 'amber').length,
          href,
          tone: 'due',
          asAt: computedAt,
        },
      ];
    },
  },
];
