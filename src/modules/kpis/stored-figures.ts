/**
 * The indicators' latest figures, kept: computed for the last complete
 * quarter by the nightly job and after each import (and after a definition,
 * target, entered figure or benchmark changes), stored per indicator, and
 * read by the home page in one query with the time they were computed.
 * Computing every measure on each home page load cost a dozen queries over
 * the whole register. The whole table of each audience (children's, adults')
 * is stored with them, for the indicators page and the draft report of that
 * quarter; other quarters are computed when asked for.
 */

import { lastCompleteQuarter, type Quarter } from '../../platform/calendar/quarters';
import type { Clock } from '../../platform/clock';
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import type { Audience, Rag } from './catalogue';
import { type IndicatorRow, indicatorTable } from './figures';
import * as repo from './repository';

export interface LatestFigures {
  quarter: Quarter;
  computedAt: Date;
  figures: Array<{ code: string; value: number | null; rag: Rag | null }>;
}

/** The children's figures the home page shows, from their table. */
const figuresOf = (rows: readonly IndicatorRow[]) =>
  rows.map((r) => ({ code: r.code, value: r.current.value, rag: r.rag }));

/**
 * Store what was computed at a generation (repository storeIfCurrent): not
 * written if the tables were forgotten meanwhile, since it was computed from
 * the figures as they stood before the change; the next refresh stores them.
 */
function store(
  db: Db,
  organisationId: string,
  generation: number,
  quarter: Quarter,
  computedAt: Date,
  tables: ReadonlyArray<{ audience: Audience; rows: IndicatorRow[] }>,
): Promise<boolean> {
  const children = tables.find((t) => t.audience === 'children');
  return repo.storeIfCurrent(db, organisationId, {
    generation,
    tables: tables.map((t) => ({ audience: t.audience, quarter: quarter.first, rows: t.rows, computedAt })),
    figures: children && figuresOf(children.rows).map((f) => ({ ...f, quarter: quarter.first, computedAt })),
  });
}

/**
 * Compute every indicator of each audience for the last complete quarter and
 * store the tables and the children's figures, replacing the last ones
 * (unless a change made them out of date while they were computed).
 */
export async function refreshLatestFigures(
  db: Db,
  organisationId: string,
  clock: Clock,
): Promise<LatestFigures> {
  const computedAt = clock.now();
  const quarter = lastCompleteQuarter(londonDateOf(computedAt));
  const generation = await repo.storedGeneration(db, organisationId);
  const [children, adults] = await Promise.all(
    (['children', 'adults'] as const).map((audience) =>
      indicatorTable(db, organisationId, quarter, computedAt, { audience }),
    ),
  );
  await store(db, organisationId, generation, quarter, computedAt, [
    { audience: 'children', rows: children! },
    { audience: 'adults', rows: adults! },
  ]);
  return { quarter, computedAt, figures: figuresOf(children!) };
}

/**
 * Compute again only if figures or tables are stored already (after an
 * import or a change): an organisation whose pages have never shown them
 * gets them on the first load or from the nightly job, and an import is not
 * followed by work nobody asked for.
 */
export async function refreshStoredFigures(
  db: Db,
  organisationId: string,
  clock: Clock,
): Promise<LatestFigures | null> {
  if (!(await repo.hasStoredFigures(db, organisationId))) return null;
  return refreshLatestFigures(db, organisationId, clock);
}

/**
 * Something the figures are computed from changed (an import landed, or a
 * concern or early help score was entered by form, in its transaction):
 * forget the stored tables at once, so pages compute afresh until the
 * refresh has stored them again. The home page's figures stay, with their time.
 */
export async function forgetStoredTables(db: Db, organisationId: string): Promise<void> {
  await repo.dropStoredTables(db, organisationId);
}

/**
 * The stored figures, when they are of the last complete quarter; else (none
 * yet, or the quarter has turned since the last refresh) computed and stored now.
 */
export async function latestFigures(db: Db, organisationId: string, clock: Clock): Promise<LatestFigures> {
  const quarter = lastCompleteQuarter(londonDateOf(clock.now()));
  const stored = await repo.latestFigures(db, organisationId);
  if (!stored.length || stored.some((s) => s.quarter !== quarter.first)) {
    return refreshLatestFigures(db, organisationId, clock);
  }
  return {
    quarter,
    // One refresh writes every row in one transaction, with one time.
    computedAt: stored[0]!.computedAt,
    figures: stored.map((s) => ({ code: s.code, value: s.value, rag: s.rag as Rag | null })),
  };
}

export interface TableAsAt {
  rows: IndicatorRow[];
  /** When the figures were computed: now, unless read from the stored table. */
  computedAt: Date;
  stored: boolean;
}

/**
 * An audience's indicator table for a quarter: for the last complete quarter
 * the stored one (computed and stored now if there is none of that quarter),
 * for any other quarter computed now.
 */
export async function indicatorTableAsAt(
  db: Db,
  organisationId: string,
  quarter: Quarter,
  clock: Clock,
  audience: Audience = 'children',
): Promise<TableAsAt> {
  const now = clock.now();
  if (quarter.first !== lastCompleteQuarter(londonDateOf(now)).first) {
    return {
      rows: await indicatorTable(db, organisationId, quarter, now, { audience }),
      computedAt: now,
      stored: false,
    };
  }
  const stored = await repo.storedTable(db, organisationId, audience);
  if (stored?.quarter === quarter.first) {
    return { rows: stored.rows as IndicatorRow[], computedAt: stored.computedAt, stored: true };
  }
  const generation = await repo.storedGeneration(db, organisationId);
  const rows = await indicatorTable(db, organisationId, quarter, now, { audience });
  await store(db, organisationId, generation, quarter, now, [{ audience, rows }]);
  return { rows, computedAt: now, stored: false };
}
