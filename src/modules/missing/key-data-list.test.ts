/**
 * The list behind each figure, on a hand-built set for 2026-27: for every row
 * and every quarter, as many entries as the figure says.
 *   A (looked after): missing 20 Dec 2026 -> 3 Jan 2027, offered, accepted, within 72 hours;
 *     absent 5 Nov 2026, same day, offered.
 *   B (looked after): away 31 Dec 2026 23:30 -> 1 Jan 2027, offered, accepted.
 *   C (at home): missing 10 Oct -> 11 Oct 2026; and again 12 Oct (still missing).
 *   D (looked after): missing 15 Sep 2026, still missing (only the extract holds it).
 */
import { describe, expect, it } from 'vitest';
import { financialYearQuarters } from '../../platform/calendar/quarters';
import { CME_KEY, KEY_DATA_ROWS, keyDataFor } from './key-data';
import { cmeKeyDataList, type KeyDataListCme, type KeyDataListEpisode, keyDataList } from './key-data-list';
import { londonInstant as at } from './london-time';

const ep = (over: Partial<KeyDataListEpisode>): KeyDataListEpisode => ({
  id: 'e',
  childName: 'Alex',
  personId: 'A',
  startAt: at('2026-10-01', '12:00'),
  endAt: null,
  type: 'missing',
  lookedAfter: true,
  interviewOffered: false,
  interviewAccepted: false,
  interviewWithin72Hours: false,
  ...over,
});
const episodes = [
  ep({
    id: 'a1',
    startAt: at('2026-12-20', '22:00'),
    endAt: at('2027-01-03', '10:00'),
    interviewOffered: true,
    interviewAccepted: true,
    interviewWithin72Hours: true,
  }),
  ep({
    id: 'a2',
    type: 'absent',
    startAt: at('2026-11-05', '09:00'),
    endAt: at('2026-11-05', '17:00'),
    interviewOffered: true,
  }),
  ep({
    id: 'b1',
    personId: 'B',
    childName: 'Bo',
    type: 'away',
    startAt: at('2026-12-31', '23:30'),
    endAt: at('2027-01-01', '01:00'),
    interviewOffered: true,
    interviewAccepted: true,
  }),
  ep({
    id: 'c1',
    personId: 'C',
    childName: 'Cam',
    lookedAfter: false,
    startAt: at('2026-10-10', '20:00'),
    endAt: at('2026-10-11', '08:00'),
  }),
  ep({ id: 'c2', personId: 'C', childName: 'Cam', lookedAfter: false, startAt: at('2026-10-12', '20:00') }),
  ep({ id: null, personId: 'D', childName: 'Dee', startAt: at('2026-09-15', '10:00') }),
];

describe('the list behind a key data figure', () => {
  it('has as many entries as the figure, for every row and quarter', () => {
    const quarters = financialYearQuarters(2026);
    let nonZero = 0;
    for (const [i, q] of quarters.entries()) {
      const figures = keyDataFor(episodes, q);
      for (const row of KEY_DATA_ROWS) {
        if (row.key === CME_KEY) continue;
        const list = keyDataList(episodes, 2026, (i + 1) as 1 | 2 | 3 | 4, row.key);
        expect(list.entries.length, `${row.key} ${q.label}`).toBe(figures[row.key]);
        expect(list.unit).toBe(row.children ? 'children' : 'episodes');
        if (figures[row.key] > 0) nonZero += 1;
      }
    }
    // The set exercises most rows, not just zeros.
    expect(nonZero).toBeGreaterThan(12);
  });

  it('lists each child once with the episodes that counted them, linking recorded episodes only', () => {
    const atEnd = keyDataList(episodes, 2026, 3, 'lacMissingAtEnd');
    expect(atEnd.quarterLabel).toBe('2026-27 Q3');
    expect(atEnd.entries.map((e) => e.childName)).toEqual(['Alex', 'Bo', 'Dee']);
    expect(atEnd.entries.find((e) => e.personId === 'D')!.episodes[0]!.href).toBeNull();
    expect(atEnd.entries.find((e) => e.personId === 'A')!.episodes.map((e) => e.href)).toEqual([
      '/missing/episodes/a1',
    ]);
    const home = keyDataList(episodes, 2026, 3, 'childrenMissingFromHome');
    expect(home.entries).toHaveLength(1);
    expect(home.entries[0]!.episodes).toHaveLength(2);
    const missing = keyDataList(episodes, 2026, 3, 'missingEpisodes');
    expect(missing.entries.map((e) => e.episodes[0]!.href)).toEqual([
      '/missing/episodes/c1',
      '/missing/episodes/c2',
      '/missing/episodes/a1',
    ]);
    expect(missing.entries[0]!.episodes[0]!.type).toBe('Missing');
  });
});

describe('the list behind the children missing education figure', () => {
  const cases: KeyDataListCme[] = [
    {
      id: 'k1',
      personId: 'E',
      childName: 'Eli',
      school: 'Ashby Primary',
      reportedOn: '2026-12-14',
      closedOn: '2027-01-12',
    },
    {
      id: 'k2',
      personId: 'E',
      childName: 'Eli',
      school: 'Ashby Primary',
      reportedOn: '2026-10-05',
      closedOn: '2026-10-20',
    },
    {
      id: 'k3',
      personId: 'F',
      childName: 'Fay',
      school: 'Beck Academy',
      reportedOn: '2026-09-28',
      closedOn: '2026-10-01',
    },
    {
      id: 'k4',
      personId: 'G',
      childName: 'Gus',
      school: 'Cole School',
      reportedOn: '2026-12-31',
      closedOn: null,
    },
  ];

  it('has as many children as the figure, each once with the cases open in the quarter, linked', () => {
    const quarters = financialYearQuarters(2026);
    for (const [i, q] of quarters.entries()) {
      const list = cmeKeyDataList(cases, 2026, (i + 1) as 1 | 2 | 3 | 4);
      expect(list.entries.length, q.label).toBe(keyDataFor([], q, cases).childrenMissingEducation);
    }
    const q3 = cmeKeyDataList(cases, 2026, 3);
    expect(q3.rowLabel).toBe('Children missing education');
    expect(q3.unit).toBe('children');
    expect(q3.entries.map((e) => e.childName)).toEqual(['Eli', 'Fay', 'Gus']);
    expect(q3.entries[0]!.cases!.map((c) => c.href)).toEqual(['/missing/cme/k2', '/missing/cme/k1']);
    expect(cmeKeyDataList(cases, 2026, 4).entries.map((e) => e.childName)).toEqual(['Eli', 'Gus']);
  });
});
