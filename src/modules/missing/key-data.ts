/**
 * The committee's quarterly key data on missing children (vocabularies.md,
 * "Missing key data"), computed from episodes. Pure.
 *
 * By financial-year quarter (platform/calendar/quarters). An episode counts:
 * - as "missing at the end of the period" in each quarter it is open across
 *   the quarter's last moment (began on or before the last day, not back by
 *   the end of it);
 * - as an episode, and its child as going missing, in the quarter it began;
 * - for return interviews, in the quarter the child came back.
 * "Absent episodes" are those classified absent or away from placement
 * without authorisation; "missing episodes" those classified missing.
 * "Children missing education" is counted from the CME register, not from
 * episodes: each child with a case open on any day of the quarter (reported
 * to the authority on or before its last day, not closed before its first).
 */
import type { Quarter } from '../../platform/calendar/quarters';
import { londonDateOf } from './london-time';
import type { EpisodeType } from './vocab';

export interface KeyDataEpisode {
  personId: string;
  startAt: Date;
  endAt: Date | null;
  type: EpisodeType;
  /** Looked after when the episode began. */
  lookedAfter: boolean;
  interviewOffered: boolean;
  interviewAccepted: boolean;
  /** Interview done within 72 hours of the return. */
  interviewWithin72Hours: boolean;
}

/** A case on the children missing education register, in the key data's terms. */
export interface KeyDataCme {
  personId: string;
  /** The day the child was reported (referred) to the authority: the case is open from then. */
  reportedOn: string;
  /** The day the case was closed: open up to and including it; null while open. */
  closedOn: string | null;
}

export const KEY_DATA_ROWS = [
  { key: 'lacMissingAtEnd', label: 'Looked-after children missing at the end of the period', children: true },
  {
    key: 'lacWentMissing',
    label: 'Looked-after children who went missing during the period',
    children: true,
  },
  { key: 'missingEpisodes', label: 'Missing episodes', children: false },
  {
    key: 'absentEpisodes',
    label: 'Absent episodes (including away from placement without authorisation)',
    children: false,
  },
  { key: 'childrenMissingFromHome', label: 'Children missing from home (not looked after)', children: true },
  { key: 'childrenMissingEducation', label: 'Children missing education', children: true },
  { key: 'interviewsOffered', label: 'Return interviews offered', children: false },
  { key: 'interviewsAccepted', label: 'Return interviews accepted', children: false },
  { key: 'interviewsWithin72', label: 'Return interviews completed within 72 hours', children: false },
  {
    key: 'missingInterviewsOffered',
    label: 'Missing episodes only: return interviews offered',
    children: false,
  },
  {
    key: 'missingInterviewsAccepted',
    label: 'Missing episodes only: return interviews accepted',
    children: false,
  },
  {
    key: 'missingInterviewsWithin72',
    label: 'Missing episodes only: completed within 72 hours',
    children: false,
  },
] as const;

export type KeyDataKey = (typeof KEY_DATA_ROWS)[number]['key'];
/** The row counted from the children missing education register rather than from episodes. */
export const CME_KEY = 'childrenMissingEducation' satisfies KeyDataKey;
export type EpisodeKeyDataKey = Exclude<KeyDataKey, typeof CME_KEY>;

/** The definition of the children missing education row, as the table's notes give it. */
export const CME_ROW_DEFINITION =
  'Children missing education: each child with a case on the children missing education register open on any day of the quarter (reported to the authority on or before its last day and not closed before its first day), counted once however many cases.';

/** Rows whose figure counts children (each child once) rather than episodes. */
export function countsChildren(key: KeyDataKey): boolean {
  return KEY_DATA_ROWS.find((r) => r.key === key)?.children === true;
}

/** A figure from the episodes behind it: distinct children, or episodes. */
export function figureOf(key: KeyDataKey, members: readonly { personId: string }[]): number {
  return countsChildren(key) ? new Set(members.map((e) => e.personId)).size : members.length;
}

/**
 * The episodes each figure counts in a quarter (for a children row, every
 * episode of the children it counts). keyDataFor counts these, so a list of
 * them always agrees with the figure.
 */
export function keyDataMembers<T extends KeyDataEpisode>(
  episodes: readonly T[],
  q: Quarter,
): Record<EpisodeKeyDataKey, T[]> {
  const startDate = (e: T) => londonDateOf(e.startAt);
  const endDate = (e: T) => (e.endAt ? londonDateOf(e.endAt) : null);
  const began = episodes.filter((e) => startDate(e) >= q.first && startDate(e) <= q.last);
  const returned = episodes.filter((e) => {
    const end = endDate(e);
    return end !== null && end >= q.first && end <= q.last;
  });
  const openAtEnd = episodes.filter((e) => {
    const end = endDate(e);
    return startDate(e) <= q.last && (end === null || end > q.last);
  });
  const missingOnly = returned.filter((e) => e.type === 'missing');
  return {
    lacMissingAtEnd: openAtEnd.filter((e) => e.lookedAfter),
    lacWentMissing: began.filter((e) => e.lookedAfter),
    missingEpisodes: began.filter((e) => e.type === 'missing'),
    absentEpisodes: began.filter((e) => e.type !== 'missing'),
    childrenMissingFromHome: began.filter((e) => !e.lookedAfter),
    interviewsOffered: returned.filter((e) => e.interviewOffered),
    interviewsAccepted: returned.filter((e) => e.interviewAccepted),
    interviewsWithin72: returned.filter((e) => e.interviewWithin72Hours),
    missingInterviewsOffered: missingOnly.filter((e) => e.interviewOffered),
    missingInterviewsAccepted: missingOnly.filter((e) => e.interviewAccepted),
    missingInterviewsWithin72: missingOnly.filter((e) => e.interviewWithin72Hours),
  };
}

/** The children missing education cases open on any day of the quarter (the CME row counts their children). */
export function cmeMembers<T extends KeyDataCme>(cases: readonly T[], q: Quarter): T[] {
  return cases.filter((c) => c.reportedOn <= q.last && (c.closedOn === null || c.closedOn >= q.first));
}

export function keyDataFor(
  episodes: readonly KeyDataEpisode[],
  q: Quarter,
  cme: readonly KeyDataCme[] = [],
): Record<KeyDataKey, number> {
  const members = { ...keyDataMembers(episodes, q), [CME_KEY]: cmeMembers(cme, q) };
  return Object.fromEntries(KEY_DATA_ROWS.map((r) => [r.key, figureOf(r.key, members[r.key])])) as Record<
    KeyDataKey,
    number
  >;
}
