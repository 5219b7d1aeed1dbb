/**
 * The quarterly key data page: aggregates only, for the people who prepare
 * the committee's papers. "As published" applies small-number suppression.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { cellText, suppressCount } from '../../platform/disclosure/suppression';
import { financialYearOf, financialYearQuarters, KEY_DATA_ROWS, keyDataFor } from './key-data';
import { keyDataEpisodes } from './overview';

const query = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  view: z.enum(['internal', 'public']).catch('internal'),
});

export async function keyDataRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  app.get('/missing/key-data', { config: { permission: 'missing.keydata' } }, async (req, reply) => {
    const q = query.parse(req.query ?? {});
    const current = financialYearOf(today(clock));
    const year = q.year ?? current;
    const quarters = financialYearQuarters(year);
    const episodes = await keyDataEpisodes(db, req.actor!.organisationId, clock.now());
    const figures = quarters.map((quarter) => keyDataFor(episodes, quarter));
    const rows = KEY_DATA_ROWS.map((r) => ({
      label: r.label,
      cells: figures.map((f) =>
        q.view === 'public' ? cellText(suppressCount(f[r.key])) : f[r.key].toLocaleString('en-GB'),
      ),
    }));
    return reply.render('missing/views/key-data.njk', {
      title: 'Missing children: quarterly key data',
      year,
      span: `${year}-${String((year + 1) % 100).padStart(2, '0')}`,
      years: [current - 2, current - 1, current],
      view: q.view,
      quarters,
      rows,
    });
  });
}
