/**
 * The episodes (or children) behind one figure of the quarterly key data:
 * one row and one quarter. Built from keyDataMembers, the function the
 * figures are counted from, so the list always has as many entries as the
 * figure says. Pure.
 */
import { financialYearQuarters } from '../../platform/calendar/quarters';
import {
  CME_KEY,
  cmeMembers,
  countsChildren,
  type EpisodeKeyDataKey,
  KEY_DATA_ROWS,
  type KeyDataCme,
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

/** A children missing education case, with what a list needs to name and link it. */
export interface KeyDataListCme extends KeyDataCme {
  id: string;
  childName: string;
  school: string;
}

export interface KeyDataListEntry {
  personId: string;
  childName: string;
  episodes: Array<{ href: string | null; type: string; startAt: Date; endAt: Date | null }>;
  /** For the children missing education row: the cases that counted the child. */
  cases?: Array<{ href: string; school: string; reportedOn: string; closedOn: string | null }>;
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

const rowLabel = (key: KeyDataKey) => KEY_DATA_ROWS.find((r) => r.key === key)!.label;

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
  key: EpisodeKeyDataKey,
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
    rowLabel: rowLabel(key),
    quarterLabel: q.label,
    first: q.first,
    last: q.last,
    unit: children ? 'children' : 'episodes',
    entries,
  };
}

/** The children behind the children missing education figure: each child once, with the cases open in the quarter. */
export function cmeKeyDataList(
  cases: readonly KeyDataListCme[],
  startYear: number,
  quarter: 1 | 2 | 3 | 4,
): KeyDataList {
  const q = financialYearQuarters(startYear)[quarter - 1]!;
  const members = [...cmeMembers(cases, q)].sort(
    (a, b) => a.reportedOn.localeCompare(b.reportedOn) || a.id.localeCompare(b.id),
  );
  const byChild = new Map<string, KeyDataListEntry>();
  for (const c of members) {
    const entry = byChild.get(c.personId) ?? {
      personId: c.personId,
      childName: c.childName,
      episodes: [],
      cases: [],
    };
    entry.cases!.push({
      href: `/missing/cme/${c.id}`,
      school: c.school,
      reportedOn: c.reportedOn,
      closedOn: c.closedOn,
    });
    byChild.set(c.personId, entry);
  }
  return {
    rowLabel: rowLabel(CME_KEY),
    quarterLabel: q.label,
    first: q.first,
    last: q.last,
    unit: 'children',
    entries: [...byChild.values()].sort((a, b) => a.childName.localeCompare(b.childName)),
  };
}
