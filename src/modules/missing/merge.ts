/**
 * Episodes recorded here and episodes imported from the SSD extract
 * (ssd_missing), merged so that one episode recorded in both shows once.
 *
 * A recorded episode is the same as an imported one when it names the
 * imported episode's SSD id (recorded "from" it), or else when it is the same
 * child and began on the same London date (the first such imported episode
 * not already taken). What was recorded here wins; what the extract adds (an
 * end the form does not have yet) fills the gaps. Imported episodes nobody
 * recorded are shown as they are, and can be taken up by recording them.
 */
import { londonDateOf, londonTimeOf } from './london-time';
import { type EpisodeType, typeFromSsd } from './vocab';

export interface ImportedEpisode {
  sourceId: string;
  personId: string;
  startDate: string;
  /** The instant, where the extract has the time of day. */
  startAt: Date | null;
  endDate: string | null;
  endAt: Date | null;
  episodeType: string | null;
  interviewOffered: boolean | null;
  interviewAccepted: boolean | null;
}

export interface RecordedEpisodeKey {
  id: string;
  personId: string;
  ssdSourceId: string | null;
  startAt: Date;
  endAt: Date | null;
  type: EpisodeType;
}

export interface MergedEpisode<R extends RecordedEpisodeKey> {
  personId: string;
  recorded: R | null;
  imported: ImportedEpisode | null;
  startAt: Date;
  /** Known only as a date (an imported episode without the time of day). */
  startTimeKnown: boolean;
  endAt: Date | null;
  endDate: string | null;
  type: EpisodeType;
}

/** Midday London time stands for an imported date without a time, so that its date reads right. */
const middayOf = (date: string) => new Date(`${date}T12:00:00Z`);

export function mergeEpisodes<R extends RecordedEpisodeKey>(
  recorded: readonly R[],
  imported: readonly ImportedEpisode[],
): MergedEpisode<R>[] {
  const taken = new Set<string>();
  const bySource = new Map(imported.map((i) => [i.sourceId, i]));
  const matchOf = new Map<string, ImportedEpisode>();
  for (const r of recorded) {
    const named = r.ssdSourceId ? bySource.get(r.ssdSourceId) : undefined;
    if (named && !taken.has(named.sourceId)) {
      taken.add(named.sourceId);
      matchOf.set(r.id, named);
    }
  }
  for (const r of recorded) {
    if (matchOf.has(r.id) || r.ssdSourceId) continue;
    const day = londonDateOf(r.startAt);
    const same = imported.find(
      (i) => !taken.has(i.sourceId) && i.personId === r.personId && i.startDate === day,
    );
    if (same) {
      taken.add(same.sourceId);
      matchOf.set(r.id, same);
    }
  }
  const merged: MergedEpisode<R>[] = recorded.map((r) => {
    const i = matchOf.get(r.id) ?? null;
    const endAt = r.endAt ?? i?.endAt ?? (i?.endDate ? middayOf(i.endDate) : null);
    return {
      personId: r.personId,
      recorded: r,
      imported: i,
      startAt: r.startAt,
      startTimeKnown: true,
      endAt,
      endDate: r.endAt ? londonDateOf(r.endAt) : (i?.endDate ?? null),
      type: r.type,
    };
  });
  for (const i of imported) {
    if (taken.has(i.sourceId)) continue;
    merged.push({
      personId: i.personId,
      recorded: null,
      imported: i,
      startAt: i.startAt ?? middayOf(i.startDate),
      // The importer keeps a date without a time as London midnight: that is not a time anyone recorded.
      startTimeKnown: i.startAt !== null && londonTimeOf(i.startAt) !== '00:00',
      endAt: i.endAt ?? (i.endDate ? middayOf(i.endDate) : null),
      endDate: i.endDate,
      type: typeFromSsd(i.episodeType),
    });
  }
  return merged.sort((a, b) => b.startAt.getTime() - a.startAt.getTime());
}
