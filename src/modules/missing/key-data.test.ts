/**
 * A hand-built set of episodes for 2026-27 (Q3 is 1 October to 31 December 2026,
 * Q4 1 January to 31 March 2027):
 *   A (looked after): missing 20 Dec 2026 22:00 -> back 3 Jan 2027 (spans the Q3 end);
 *      interview offered, accepted, done within 72 hours.
 *   A again: absent 5 Nov 2026 -> back 5 Nov; offered, declined.
 *   B (looked after): away 31 Dec 2026 23:30 -> back 1 Jan 2027 01:00 (spans the end by hours);
 *      offered, accepted, not within 72 hours.
 *   C (at home): missing 10 Oct 2026 -> back 11 Oct; not offered.
 *   D (looked after): missing 15 Sep 2026 -> still missing (open across Q3 and Q4 ends).
 * And cases on the children missing education register:
 *   E: reported 14 Dec 2026 -> closed 12 Jan 2027 (spans the Q3 end); and again
 *      5 Oct -> 20 Oct 2026 (the same child twice in Q3).
 *   F: reported 28 Sep 2026 -> closed 1 Oct 2026 (closed on Q3's first day: counts in Q2 and Q3).
 *   G: reported 31 Dec 2026 (Q3's last day) -> still open.
 *   H: reported 1 Sep 2026 -> closed 30 Sep 2026 (Q2 only).
 *   I: reported 1 Apr 2027 (the next year).
 */
import { describe, expect, it } from 'vitest';
import { financialYearQuarters } from '../../platform/calendar/quarters';
import { cmeMembers, type KeyDataCme, type KeyDataEpisode, keyDataFor } from './key-data';
import { londonInstant } from './london-time';

const at = londonInstant;
const ep = (over: Partial<KeyDataEpisode>): KeyDataEpisode => ({
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
const cme: KeyDataCme[] = [
  { personId: 'E', reportedOn: '2026-12-14', closedOn: '2027-01-12' },
  { personId: 'E', reportedOn: '2026-10-05', closedOn: '2026-10-20' },
  { personId: 'F', reportedOn: '2026-09-28', closedOn: '2026-10-01' },
  { personId: 'G', reportedOn: '2026-12-31', closedOn: null },
  { personId: 'H', reportedOn: '2026-09-01', closedOn: '2026-09-30' },
  { personId: 'I', reportedOn: '2027-04-01', closedOn: null },
];
const episodes = [
  ep({
    startAt: at('2026-12-20', '22:00'),
    endAt: at('2027-01-03', '10:00'),
    interviewOffered: true,
    interviewAccepted: true,
    interviewWithin72Hours: true,
  }),
  ep({
    type: 'absent',
    startAt: at('2026-11-05', '09:00'),
    endAt: at('2026-11-05', '17:00'),
    interviewOffered: true,
  }),
  ep({
    personId: 'B',
    type: 'away',
    startAt: at('2026-12-31', '23:30'),
    endAt: at('2027-01-01', '01:00'),
    interviewOffered: true,
    interviewAccepted: true,
  }),
  ep({
    personId: 'C',
    lookedAfter: false,
    startAt: at('2026-10-10', '15:00'),
    endAt: at('2026-10-11', '08:00'),
  }),
  ep({ personId: 'D', startAt: at('2026-09-15', '20:00') }),
];

describe('the quarterly key data', () => {
  const [q1, q2, q3, q4] = financialYearQuarters(2026);

  it('Q3: episodes by the quarter they began, open ones at the end, interviews by the quarter of return', () => {
    expect(keyDataFor(episodes, q3!, cme)).toEqual({
      lacMissingAtEnd: 3, // A (20 Dec, back 3 Jan), B (31 Dec 23:30), D (since September)
      lacWentMissing: 2, // A (twice, one child) and B
      missingEpisodes: 2, // A 20 Dec, C 10 Oct
      absentEpisodes: 2, // A absent 5 Nov, B away 31 Dec
      childrenMissingFromHome: 1, // C
      childrenMissingEducation: 3, // E (twice, one child), F (closed 1 Oct), G (reported 31 Dec)
      interviewsOffered: 1, // A's absence, back 5 Nov (C was not offered)
      interviewsAccepted: 0,
      interviewsWithin72: 0,
      missingInterviewsOffered: 0, // C's was the only missing episode back in Q3
      missingInterviewsAccepted: 0,
      missingInterviewsWithin72: 0,
    });
  });

  it('Q4: the returns of episodes that spanned the year end count here, D is still missing at the end', () => {
    expect(keyDataFor(episodes, q4!, cme)).toEqual({
      lacMissingAtEnd: 1,
      lacWentMissing: 0,
      missingEpisodes: 0,
      absentEpisodes: 0,
      childrenMissingFromHome: 0,
      childrenMissingEducation: 2, // E (closed 12 Jan), G (still open)
      interviewsOffered: 2,
      interviewsAccepted: 2,
      interviewsWithin72: 1,
      missingInterviewsOffered: 1,
      missingInterviewsAccepted: 1,
      missingInterviewsWithin72: 1,
    });
    expect(keyDataFor(episodes, q2!).lacMissingAtEnd).toBe(1);
  });

  it('children missing education: each child with a case open on any day of the quarter, once', () => {
    expect(keyDataFor(episodes, q2!, cme).childrenMissingEducation).toBe(2); // F, H
    expect(cmeMembers(cme, q3!).map((c) => c.personId)).toEqual(['E', 'E', 'F', 'G']);
    expect(cmeMembers(cme, q1!)).toEqual([]);
    const [next] = financialYearQuarters(2027);
    expect(cmeMembers(cme, next!).map((c) => c.personId)).toEqual(['G', 'I']);
    // Without the register the row is zero, whatever the episodes.
    expect(keyDataFor(episodes, q3!).childrenMissingEducation).toBe(0);
  });
});
