/**
 * The SSDA903 return's missing table for a collection year (1 April to 31
 * March): one row per episode of a looked-after child that began in the
 * year, classified missing (M) or away from placement without authorisation
 * (A). "Absent" is not a category of the return: such episodes are left
 * out. MIS_END is blank while the child was not back by 31 March. Dates as
 * the return writes them (DD/MM/YYYY). Pure.
 */
import { financialYear } from '../../platform/calendar/quarters';
import { londonDateOf } from './london-time';
import type { EpisodeType } from './vocab';

export const SSDA903_MISSING_HEADER = ['CHILD', 'MISSING', 'MIS_START', 'MIS_END'] as const;

export interface Ssda903Episode {
  /** The child's id in the authority's records (the SSD's person id). */
  childId: string;
  type: EpisodeType;
  startAt: Date;
  endAt: Date | null;
  /** Looked after when the episode began. */
  lookedAfter: boolean;
}

const returnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The rows of the missing table for the year beginning 1 April `startYear`, by child then start. */
export function ssda903MissingRows(episodes: readonly Ssda903Episode[], startYear: number): string[][] {
  const { first, last } = financialYear(startYear);
  return episodes
    .filter((e) => e.lookedAfter && e.type !== 'absent')
    .map((e) => ({ e, start: londonDateOf(e.startAt), end: e.endAt ? londonDateOf(e.endAt) : null }))
    .filter(({ start }) => start >= first && start <= last)
    .sort((a, b) => a.e.childId.localeCompare(b.e.childId) || a.start.localeCompare(b.start))
    .map(({ e, start, end }) => [
      e.childId,
      e.type === 'away' ? 'A' : 'M',
      returnDate(start),
      end && end <= last ? returnDate(end) : '',
    ]);
}
