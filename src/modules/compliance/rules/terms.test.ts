import { describe, expect, it } from 'vitest';
import { ENGLAND_TERMS, parseTermDates, schoolAgeRange, termsBetween } from './terms';

describe('school terms', () => {
  it('lists terms in order, a holiday counting towards the term after it', () => {
    const terms = termsBetween(ENGLAND_TERMS, '2026-12-01', '2027-05-01');
    expect(terms.map((t) => [t.name, t.windowStart, t.start, t.end])).toEqual([
      ['Autumn term', '2026-07-21', '2026-09-01', '2026-12-20'],
      ['Spring term', '2026-12-21', '2027-01-04', '2027-03-31'],
      ['Summer term', '2027-04-01', '2027-04-14', '2027-07-20'],
    ]);
  });

  it('counts compulsory school age from the term after the fifth birthday to the end of the school year of the sixteenth', () => {
    // Fifth birthday 10 October 2026 (spring term next); 16 on 10 October 2037, in the school year ending 31 August 2038.
    expect(schoolAgeRange('2021-10-10', ENGLAND_TERMS, 5, 16)).toEqual({
      from: '2027-01-04',
      until: '2038-08-31',
    });
    // 16 on 1 June 2031: that school year ends 31 August 2031.
    expect(schoolAgeRange('2015-06-01', ENGLAND_TERMS, 5, 16).until).toBe('2031-08-31');
  });

  it('reads term dates as people write them', () => {
    expect(parseTermDates('1 September to 20 December')).toEqual({ start: '09-01', end: '12-20' });
    expect(parseTermDates('5 Jan - 27 Mar')).toEqual({ start: '01-05', end: '03-27' });
    expect(parseTermDates('31 February to 1 March')).toBeUndefined();
    expect(parseTermDates('September to December')).toBeUndefined();
  });
});
