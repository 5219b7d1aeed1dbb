import { describe, expect, it } from 'vitest';
import { change, possibleNames, responseRate, totalResponses } from './surveys-rules';

describe('response rates', () => {
  it('are responses of all modes over those eligible, to one decimal place', () => {
    const responses = totalResponses({ post: 10, telephone: 12, visit: 9, online: 8 });
    expect(responses).toBe(39);
    expect(responseRate(responses, 62)).toBe(62.9);
    expect(responseRate(1, 3)).toBe(33.3);
    expect(responseRate(2, 3)).toBe(66.7);
    expect(responseRate(0, 0)).toBeNull();
  });

  it('compare with last year in percentage points, or not at all without last year', () => {
    expect(change(62.9, 55.1)).toBe(7.8);
    expect(change(40, 45.5)).toBe(-5.5);
    expect(change(40, null)).toBeNull();
    expect(change(null, 40)).toBeNull();
  });
});

describe('checking a quote for names', () => {
  const register = new Set(['jayden', 'smith', 'amelia', 'al']);

  it('flags a forename or surname in the register wherever it is and however it is written', () => {
    expect(possibleNames('my worker helped jayden a lot', register)).toEqual(['jayden']);
    expect(possibleNames("Amelia's plan was explained to us.", register)).toEqual(['Amelia']);
    // Too short to be told from ordinary words.
    expect(possibleNames('al was there', register)).toEqual([]);
  });

  it('flags capitalised name-like words within a sentence, but not common ones or the first word', () => {
    expect(possibleNames('I liked it when Priya came on Tuesday with my Mum.', register)).toEqual(['Priya']);
    expect(possibleNames('Sometimes it was hard. Things got better at school.', register)).toEqual([]);
    expect(possibleNames('She listened. "Thank you" is all I can say to Dr Okafor', register)).toEqual([
      'Okafor',
    ]);
  });

  it('finds nothing in a quote with no name', () => {
    expect(possibleNames('They listened to me and things changed at home.', register)).toEqual([]);
  });
});
