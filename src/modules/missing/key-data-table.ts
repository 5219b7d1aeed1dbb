/**
 * The quarterly key data as a table document: what the key data page shows
 * and what a committee report embeds. Plain data (no ids, no names: counts
 * only), self-contained, so that the report that embeds it keeps it frozen
 * as it stood when published. "public" applies small-number suppression to
 * every count. Pure.
 */
import { financialYearLabel, financialYearQuarters } from '../../platform/calendar/quarters';
import {
  type Cell,
  cellText,
  DEFAULT_SUPPRESSION,
  suppressCount,
} from '../../platform/disclosure/suppression';
import {
  CME_ROW_DEFINITION,
  KEY_DATA_ROWS,
  type KeyDataCme,
  type KeyDataEpisode,
  type KeyDataKey,
  keyDataFor,
} from './key-data';

export type Audience = 'internal' | 'public';

export interface KeyDataTable {
  kind: 'missing-key-data';
  version: 1;
  title: string;
  /** "2026-27" */
  financialYear: string;
  startYear: number;
  /** The day the figures were computed (London date). */
  asAt: string;
  audience: Audience;
  quarters: Array<{ label: string; first: string; last: string }>;
  rows: Array<{ key: KeyDataKey; label: string; cells: Array<{ text: string } & Cell> }>;
  notes: string[];
}

export function keyDataTable(
  episodes: readonly KeyDataEpisode[],
  startYear: number,
  audience: Audience,
  asAt: string,
  cme: readonly KeyDataCme[] = [],
): KeyDataTable {
  const quarters = financialYearQuarters(startYear);
  const figures = quarters.map((q) => keyDataFor(episodes, q, cme));
  const cell = (value: number): Cell =>
    audience === 'public' ? suppressCount(value) : { value, suppressed: false };
  const notes = [
    'Episodes count in the quarter they began; children missing at the end of a quarter, in each quarter they were still missing at its end; return interviews, in the quarter the child came back.',
    'Absent episodes include away from placement without authorisation.',
    CME_ROW_DEFINITION,
    'For episodes only the SSD extract holds, the extract does not say when an interview was done, so they never count as completed within 72 hours.',
  ];
  if (audience === 'public')
    notes.push(
      `Counts from ${DEFAULT_SUPPRESSION.min} to ${DEFAULT_SUPPRESSION.max} are shown as [c] so that no child can be identified.`,
    );
  return {
    kind: 'missing-key-data',
    version: 1,
    title: `Missing children: key data, ${financialYearLabel(startYear)}`,
    financialYear: financialYearLabel(startYear),
    startYear,
    asAt,
    audience,
    quarters: quarters.map((q) => ({ label: q.label, first: q.first, last: q.last })),
    rows: KEY_DATA_ROWS.map((r) => ({
      key: r.key,
      label: r.label,
      cells: figures.map((f) => {
        const c = cell(f[r.key]);
        return { ...c, text: cellText(c) };
      }),
    })),
    notes,
  };
}
