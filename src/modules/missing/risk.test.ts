import { describe, expect, it } from 'vitest';
import { assessmentStatus, factorsOfConcern, RISK_FACTORS } from './risk';

const today = '2026-11-16';

describe('when a missing child risk assessment is due', () => {
  it('asks for nothing when the child has never been missing nor assessed', () => {
    expect(assessmentStatus(null, [], today)).toEqual({ state: 'not_needed' });
  });

  it('asks for one once the child has been missing, from the latest return', () => {
    expect(
      assessmentStatus(
        null,
        [
          { startDate: '2026-10-01', endDate: '2026-10-02' },
          { startDate: '2026-11-09', endDate: '2026-11-10' },
        ],
        today,
      ),
    ).toEqual({ state: 'none', since: '2026-11-10' });
  });

  it('asks for an update when an episode ended after the latest assessment', () => {
    const latest = { completedOn: '2026-11-09', reviewOn: '2027-02-01' };
    expect(assessmentStatus(latest, [{ startDate: '2026-11-08', endDate: '2026-11-10' }], today)).toEqual({
      state: 'after_episode',
      since: '2026-11-10',
    });
  });

  it('counts an assessment completed on the day of the return as the update', () => {
    const latest = { completedOn: '2026-11-10', reviewOn: '2027-02-01' };
    expect(assessmentStatus(latest, [{ startDate: '2026-11-08', endDate: '2026-11-10' }], today)).toEqual({
      state: 'current',
    });
  });

  it('while the child is still missing, an assessment on or after the start covers it', () => {
    const open = [{ startDate: '2026-11-14', endDate: null }];
    expect(assessmentStatus({ completedOn: '2026-11-13', reviewOn: null }, open, today).state).toBe(
      'after_episode',
    );
    expect(assessmentStatus({ completedOn: '2026-11-14', reviewOn: null }, open, today).state).toBe(
      'current',
    );
  });

  it('flags a review date that has passed, but not one due today', () => {
    const episodes = [{ startDate: '2026-08-01', endDate: '2026-08-02' }];
    expect(assessmentStatus({ completedOn: '2026-08-03', reviewOn: '2026-11-15' }, episodes, today)).toEqual({
      state: 'review_overdue',
      since: '2026-11-15',
    });
    expect(assessmentStatus({ completedOn: '2026-08-03', reviewOn: today }, episodes, today).state).toBe(
      'current',
    );
  });

  it('an episode after the assessment comes before an overdue review', () => {
    const latest = { completedOn: '2026-08-03', reviewOn: '2026-09-01' };
    expect(assessmentStatus(latest, [{ startDate: '2026-11-01', endDate: '2026-11-02' }], today).state).toBe(
      'after_episode',
    );
  });
});

describe('the factors', () => {
  it('are the nineteen of the vocabulary, each with its own key', () => {
    expect(RISK_FACTORS).toHaveLength(19);
    expect(new Set(RISK_FACTORS.map((f) => f.key)).size).toBe(19);
  });

  it('lists those answered yes, in the form’s order', () => {
    expect(
      factorsOfConcern({
        gang_association: { answer: 'yes', details: 'Seen with older youths' },
        medication: { answer: 'no', details: null },
        risky_adults: { answer: 'yes', details: null },
        weather: { answer: 'unknown', details: null },
      }),
    ).toEqual(['Associates with adults posing risk', 'Gang association']);
  });
});
