/**
 * The episodes (or children) behind one figure of the quarterly key data:
 * one row and one quarter. Built from keyDataMembers, the function the
 * figures are counted from, so the list always has as many entries as the
 * figure says. Pure.
 */
import { financialYearQuarters } from '../../platform/calendar/quarters';
import {
  countsChildren,
  KEY_DATA_ROWS,
  type KeyDataEpisode,
  type KeyDataKey,
  keyDataMembers,
} from './key-data';
import { EPISODE_TYPE_LABELS } from './vocab';

/** An episode in the key data's terms, with what a list needs to name and link it. */
export interface KeyDataListEpisode extends KeyDataEpisode {
  /** The recorded episode; null when only the SSD extract holds it. */
  id: string | null;
  childName: string;
}

export interface KeyDataListEntry {
  personId: string;
  childName: string;
  episodes: Array<{ href: string | null; type: string; startAt: Date; endAt: Date | null }>;
}

export interface KeyDataList {
  rowLabel: string;
  quarterLabel: string;
  first: string;
  last: string;
  unit: 'children' | 'episodes';
  /** One entry per child for a children row, one per episode otherwise: as many as the figure. */
  entries: KeyDataListEntry[];
}

const byStart = (a: KeyDataListEpisode, b: KeyDataListEpisode) =>
  a.startAt.getTime() - b.startAt.getTime() || a.childName.localeCompare(b.childName);

function episodeView(e: KeyDataListEpisode) {
  return {
    href: e.id ? `/missing/episodes/${e.id}` : null,
    type: EPISODE_TYPE_LABELS[e.type],
    startAt: e.startAt,
    endAt: e.endAt,
  };
}

export function keyDataList(
  episodes: readonly KeyDataListEpisode[],
  startYear: number,
  quarter: 1 | 2 | 3 | 4,
  key: KeyDataKey,
): KeyDataList {
  const q = financialYearQuarters(startYear)[quarter - 1]!;
  const members = [...keyDataMembers(episodes, q)[key]].sort(byStart);
  const children = countsChildren(key);
  let entries: KeyDataListEntry[];
  if (children) {
    const byChild = new Map<string, KeyDataListEntry>();
    for (const e of members) {
      const entry = byChild.get(e.personId) ?? { personId: e.personId, childName: e.childName, episodes: [] };
      entry.episodes.push(episodeView(e));
      byChild.set(e.personId, entry);
    }
    entries = [...byChild.values()].sort((a, b) => a.childName.localeCompare(b.childName));
  } else {
    entries = members.map((e) => ({
      personId: e.personId,
      childName: e.childName,
      episodes: [episodeView(e)],
    }));
  }
  return {
    rowLabel: KEY_DATA_ROWS.find((r) => r.key === key)!.label,
    quarterLabel: q.label,
    first: q.first,
    last: q.last,
    unit: children ? 'children' : 'episodes',
    entries,
  };
}
