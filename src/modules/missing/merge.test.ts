import { describe, expect, it } from 'vitest';
import { type ImportedEpisode, mergeEpisodes, type RecordedEpisodeKey } from './merge';

const imported = (over: Partial<ImportedEpisode>): ImportedEpisode => ({
  sourceId: 'MIS-1',
  personId: 'p1',
  startDate: '2026-11-10',
  startAt: null,
  endDate: '2026-11-11',
  endAt: null,
  episodeType: 'M',
  interviewOffered: true,
  interviewAccepted: false,
  ...over,
});
const recorded = (over: Partial<RecordedEpisodeKey>): RecordedEpisodeKey => ({
  id: 'r1',
  personId: 'p1',
  ssdSourceId: null,
  startAt: new Date('2026-11-10T21:30:00Z'),
  endAt: null,
  type: 'absent',
  ...over,
});

describe('merging recorded and imported episodes', () => {
  it('one episode recorded in both (same child, same start date) shows once, recorded values first, the import’s end filling the gap', () => {
    const merged = mergeEpisodes([recorded({})], [imported({})]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      type: 'absent',
      endDate: '2026-11-11',
      imported: { sourceId: 'MIS-1' },
    });
    expect(merged[0]?.recorded?.id).toBe('r1');
  });

  it('a recorded episode naming an SSD id takes that one even on another date; others stay apart', () => {
    const merged = mergeEpisodes(
      [recorded({ ssdSourceId: 'MIS-2' })],
      [imported({}), imported({ sourceId: 'MIS-2', startDate: '2026-11-09' })],
    );
    expect(merged.map((m) => [m.recorded?.id ?? null, m.imported?.sourceId ?? null])).toEqual([
      ['r1', 'MIS-2'],
      [null, 'MIS-1'],
    ]);
  });

  it('another child, or another day, is another episode; an imported episode is matched at most once', () => {
    const merged = mergeEpisodes(
      [recorded({}), recorded({ id: 'r2' }), recorded({ id: 'r3', personId: 'p2' })],
      [imported({})],
    );
    expect(merged.filter((m) => m.imported).map((m) => m.recorded?.id)).toEqual(['r1']);
    expect(merged).toHaveLength(3);
  });

  it('an imported episode alone keeps its type (A is away from placement) and its date reads right', () => {
    const [only] = mergeEpisodes([], [imported({ episodeType: 'A', endDate: null })]);
    expect(only).toMatchObject({ recorded: null, type: 'away', startTimeKnown: false, endAt: null });
    expect(only?.startAt.toISOString().slice(0, 10)).toBe('2026-11-10');
  });
});
