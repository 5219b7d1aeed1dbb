/**
 * The quarterly key data page: aggregates only, for the people who prepare
 * the committee's papers. "As published" applies small-number suppression.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/service';
import { financialYearLabel, financialYearOf } from '../../platform/calendar/quarters';
import { today } from '../../platform/clock';
import { safeCsv } from '../../platform/csv';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { auditContext } from '../../platform/http/server';
import { type Actor, ROLE_CASE_SCOPE } from '../../platform/permissions';
import { childSourceIds } from '../cases/service';
import { keyDataCme, keyDataListCme } from './cme-service';
import { CME_KEY, KEY_DATA_ROWS, type KeyDataKey } from './key-data';
import { keyDataBreakdowns } from './key-data-breakdowns';
import { cmeKeyDataList, keyDataList } from './key-data-list';
import { keyDataTable } from './key-data-table';
import { breakdownEpisodes, keyDataEpisodes, keyDataListEpisodes } from './overview';
import { SSDA903_MISSING_HEADER, ssda903MissingRows } from './ssda903';

const query = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  view: z.enum(['internal', 'public']).catch('internal'),
});

const listParams = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
  row: z.enum(KEY_DATA_ROWS.map((r) => r.key) as [KeyDataKey, ...KeyDataKey[]]),
});

/** The lists name children: only for those who may see every child of the organisation. */
export const mayListKeyData = (actor: Actor) =>
  actor.permissions.has('missing.keydata.children') && ROLE_CASE_SCOPE[actor.role] === 'organisation';

export async function keyDataRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  app.get('/missing/key-data', { config: { permission: 'missing.keydata' } }, async (req, reply) => {
    const q = query.parse(req.query ?? {});
    const current = financialYearOf(today(clock));
    const year = q.year ?? current;
    const [episodes, forBreakdowns, cme] = await Promise.all([
      keyDataEpisodes(db, req.actor!.organisationId, clock.now()),
      breakdownEpisodes(db, req.actor!.organisationId, clock.now()),
      keyDataCme(db, req.actor!.organisationId),
    ]);
    const table = keyDataTable(episodes, year, q.view, today(clock), cme);
    return reply.render('missing/views/key-data.njk', {
      title: 'Missing children: quarterly key data',
      year,
      span: table.financialYear,
      years: [current - 2, current - 1, current],
      view: q.view,
      quarters: table.quarters,
      rows: table.rows,
      breakdowns: keyDataBreakdowns(forBreakdowns, year, q.view),
      mayExport: req.actor!.permissions.has('missing.export'),
      mayList: q.view === 'internal' && mayListKeyData(req.actor!),
    });
  });

  // The episodes (or children) behind one internal figure: child-level, so its own permission, and audited.
  app.get(
    '/missing/key-data/:year/:quarter/:row',
    { config: { permission: 'missing.keydata.children' } },
    async (req, reply) => {
      const actor = req.actor!;
      if (!mayListKeyData(actor)) throw new ForbiddenError();
      const p = listParams.safeParse(req.params);
      if (!p.success) throw new NotFoundError('key data figure');
      const { year, quarter, row } = p.data;
      const list =
        row === CME_KEY
          ? cmeKeyDataList(await keyDataListCme(db, actor.organisationId), year, quarter as 1 | 2 | 3 | 4)
          : keyDataList(
              await keyDataListEpisodes(db, actor.organisationId, clock.now()),
              year,
              quarter as 1 | 2 | 3 | 4,
              row,
            );
      await recordAudit(db, auditContext(req, clock), {
        action: 'missing.keydata.list',
        recordType: 'child',
        detail: `${list.quarterLabel}, ${row}: ${list.entries.length} ${list.unit}`,
      });
      return reply.render('missing/views/key-data-list.njk', {
        title: `${list.rowLabel}, ${list.quarterLabel}`,
        year,
        list,
        cme: row === CME_KEY,
      });
    },
  );

  // The return's missing table: child-level (the authority's child ids), so its own permission, and audited.
  app.get('/missing/ssda903.csv', { config: { permission: 'missing.export' } }, async (req, reply) => {
    const q = query.parse(req.query ?? {});
    const year = q.year ?? financialYearOf(today(clock));
    const organisationId = req.actor!.organisationId;
    const episodes = await keyDataEpisodes(db, organisationId, clock.now());
    const ids = await childSourceIds(db, organisationId, [...new Set(episodes.map((e) => e.personId))]);
    const rows = ssda903MissingRows(
      episodes.map((e) => ({ ...e, childId: ids.get(e.personId) ?? e.personId })),
      year,
    );
    await recordAudit(db, auditContext(req, clock), {
      action: 'missing.ssda903.export',
      recordType: 'child',
      detail: `${financialYearLabel(year)}: ${rows.length} episodes of ${new Set(rows.map((r) => r[0])).size} children`,
    });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="ssda903-missing-${year}.csv"`)
      .header('cache-control', 'no-store')
      .send(safeCsv(SSDA903_MISSING_HEADER, rows));
  });
}
