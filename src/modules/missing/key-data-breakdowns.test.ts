/**
 * 2026-27, hand-built:
 *   A: F, WBRI, born 2011-06-01 (14 on 1 May 2026, 15 from 1 June), not UASC:
 *      1 May 2026 20:00 -> 2 May 08:00 (12 h, found "Friend's house");
 *      10 Jun 2026 20:00 -> 14 Jun 20:00 (4 days, "friend's house ").
 *   B: M, BAFR, born 2009-01-10 (17), UASC: 1 Jul 2026 -> 12 Jul (11 days, "Police station");
 *      1 Aug, 1 Sep, 1 Oct (each 30 h, no place recorded) -> 4 episodes.
 *   C: M, no ethnicity, born 2017-03-01 (9): 20 Mar 2027 still missing.
 *   D: F, 2026-03-20 -> before the year, not counted.
 */
import { describe, expect, it } from 'vitest';
import {
  ageBand,
  type BreakdownEpisode,
  ethnicGroup,
  keyDataBreakdowns,
  timeMissing,
} from './key-data-breakdowns';
import { londonInstant } from './london-time';

const at = londonInstant;
const A = { personId: 'A', sex: 'F', ethnicity: 'WBRI', dateOfBirth: '2011-06-01', uasc: false };
const B = { personId: 'B', sex: 'M', ethnicity: 'BAFR', dateOfBirth: '2009-01-10', uasc: true };
const C = { personId: 'C', sex: 'M', ethnicity: null, dateOfBirth: '2017-03-01', uasc: false };
const D = { personId: 'D', sex: 'F', ethnicity: 'WBRI', dateOfBirth: '2010-01-01', uasc: false };
const ep = (who: typeof A | typeof C, start: Date, end: Date | null, whereFound: string | null = null) =>
  ({ ...who, startAt: start, endAt: end, whereFound }) as BreakdownEpisode;
const episodes: BreakdownEpisode[] = [
  ep(A, at('2026-05-01', '20:00'), at('2026-05-02', '08:00'), 'Friend’s house'),
  ep(A, at('2026-06-10', '20:00'), at('2026-06-14', '20:00'), 'friend’s house '),
  ep(B, at('2026-07-01', '12:00'), at('2026-07-12', '12:00'), 'Police station'),
  ...['2026-08-01', '2026-09-01', '2026-10-01']
    .map((d) => ep(B, at(d, '06:00'), at(d, '06:00')))
    .map((e) => ({
      ...e,
      endAt: new Date(e.startAt.getTime() + 30 * 3_600_000),
    })),
  ep(C, at('2027-03-20', '18:00'), null),
  ep(D, at('2026-03-20', '18:00'), at('2026-03-21', '18:00')),
];
const rowsOf = (key: string, audience: 'internal' | 'public' = 'internal') => {
  const b = keyDataBreakdowns(episodes, 2026, audience).find((x) => x.key === key)!;
  return [...b.rows.map((r) => `${r.label}: ${r.text}`), `Total: ${b.total.text}`];
};

describe('the pure rules', () => {
  it('bands age on the day the episode began', () => {
    expect(ageBand('2011-06-01', '2026-05-31')).toBe('11 to 14');
    expect(ageBand('2011-06-01', '2026-06-01')).toBe('15 to 18');
    expect(ageBand('2016-01-01', '2026-12-31')).toBe('10 or under');
    expect(ageBand(null, '2026-12-31')).toBe('Not known');
  });
  it('groups ethnicity codes', () => {
    expect(['WBRI', 'MWBC', 'AIND', 'BCRB', 'CHNE', 'OOTH', 'REFU', null].map(ethnicGroup)).toEqual([
      'White',
      'Mixed or multiple',
      'Asian or Asian British',
      'Black or Black British',
      'Any other ethnic group',
      'Any other ethnic group',
      'Not known',
      'Not known',
    ]);
  });
  it('bands the time missing at 24 hours, 3 days and 7 days', () => {
    const s = at('2026-05-01', '00:00');
    const h = (n: number) => new Date(s.getTime() + n * 3_600_000);
    expect([h(23), h(24), h(72), h(73), h(168), h(169)].map((e) => timeMissing(s, e))).toEqual([
      'Under 24 hours',
      '24 hours to 3 days',
      '24 hours to 3 days',
      'More than 3 days, up to 7',
      'More than 3 days, up to 7',
      'More than 7 days',
    ]);
    expect(timeMissing(s, null)).toBe('Still missing');
  });
});

describe('the breakdowns of 2026-27', () => {
  it('count episodes begun in the year by age band, and children by sex, ethnicity, UASC and repeats', () => {
    expect(rowsOf('age')).toEqual([
      '10 or under: 1',
      '11 to 14: 1',
      '15 to 18: 5',
      'Not known: 0',
      'Total: 7',
    ]);
    expect(rowsOf('sex')).toEqual(['Female: 1', 'Male: 2', 'Not known: 0', 'Total: 3']);
    expect(rowsOf('ethnicity')).toEqual([
      'White: 1',
      'Mixed or multiple: 0',
      'Asian or Asian British: 0',
      'Black or Black British: 1',
      'Any other ethnic group: 0',
      'Not known: 1',
      'Total: 3',
    ]);
    expect(rowsOf('uasc')).toEqual([
      'Unaccompanied asylum-seeking children: 1',
      'Other children: 2',
      'Total: 3',
    ]);
    expect(rowsOf('repeat')).toEqual([
      '1 episode: 1',
      '2 episodes: 1',
      '3 to 5 episodes: 1',
      '6 or more episodes: 0',
      'Total: 3',
    ]);
    expect(rowsOf('time')).toEqual([
      'Under 24 hours: 1',
      '24 hours to 3 days: 3',
      'More than 3 days, up to 7: 1',
      'More than 7 days: 1',
      'Still missing: 1',
      'Total: 7',
    ]);
  });

  it('groups where found as written, without case or spaces, with those not recorded', () => {
    expect(rowsOf('where')).toEqual([
      'Friend’s house: 2',
      'Police station: 1',
      'Elsewhere: 0',
      'Not recorded: 3',
      'Total: 6',
    ]);
  });

  it('when public, suppresses small cells so the total cannot reveal one, and leaves out where found', () => {
    expect(rowsOf('sex', 'public')).toEqual(['Female: [c]', 'Male: [c]', 'Not known: 0', 'Total: [c]']);
    expect(rowsOf('age', 'public')).toEqual([
      '10 or under: [c]',
      '11 to 14: [c]',
      '15 to 18: [c]',
      'Not known: 0',
      'Total: 7',
    ]);
    expect(keyDataBreakdowns(episodes, 2026, 'public').map((b) => b.key)).not.toContain('where');
  });
});
