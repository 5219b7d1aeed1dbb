/**
 * The indicators' latest figures, kept: computed for the last complete
 * quarter by the nightly job and after each import (and after a definition,
 * target or entered figure changes), stored per indicator, and read by the
 * home page in one query with the time they were computed. Computing every
 * measure on each home page load cost a dozen queries over the whole register.
 */

import { lastCompleteQuarter, type Quarter } from '../../platform/calendar/quarters';
import type { Clock } from '../../platform/clock';
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import type { Rag } from './catalogue';
import { indicatorTable } from './figures';
import * as repo from './repository';

export interface LatestFigures {
  quarter: Quarter;
  computedAt: Date;
  figures: Array<{ code: string; value: number | null; rag: Rag | null }>;
}

/** Compute every indicator for the last complete quarter and store the figures, replacing the last ones. */
export async function refreshLatestFigures(
  db: Db,
  organisationId: string,
  clock: Clock,
): Promise<LatestFigures> {
  const computedAt = clock.now();
  const quarter = lastCompleteQuarter(londonDateOf(computedAt));
  const rows = await indicatorTable(db, organisationId, quarter, computedAt);
  const figures = rows.map((r) => ({ code: r.code, value: r.current.value, rag: r.rag }));
  await repo.replaceLatestFigures(
    db,
    organisationId,
    figures.map((f) => ({ ...f, quarter: quarter.first, computedAt })),
  );
  return { quarter, computedAt, figures };
}

/**
 * Compute again only if figures are stored already (after an import or a
 * change): an organisation whose home page has never shown them gets them
 * on its first load or from the nightly job, and an import is not followed by
 * work nobody asked for.
 */
export async function refreshStoredFigures(
  db: Db,
  organisationId: string,
  clock: Clock,
): Promise<LatestFigures | null> {
  if (!(await repo.latestFigures(db, organisationId)).length) return null;
  return refreshLatestFigures(db, organisationId, clock);
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
