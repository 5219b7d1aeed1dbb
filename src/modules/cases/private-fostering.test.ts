import { describe, expect, it } from 'vitest';
import { checkArrangement } from './private-fostering';

const base = {
  carerName: 'Ada Linwood',
  carerRelationship: null,
  notificationDate: '2026-11-02',
  startDate: '2026-11-01',
  endDate: null,
  assessmentDate: null,
};

describe('checking a private fostering arrangement’s dates', () => {
  it('accepts a proposed arrangement starting after today, notified today', () => {
    expect(
      checkArrangement({ ...base, notificationDate: '2026-11-16', startDate: '2026-11-30' }, '2026-11-16'),
    ).toEqual({});
  });

  it('refuses a notification or an assessment in the future, and an end before the start or in the future', () => {
    expect(
      checkArrangement(
        { ...base, notificationDate: '2026-11-17', assessmentDate: '2026-11-20', endDate: '2026-10-31' },
        '2026-11-16',
      ),
    ).toEqual({
      notificationDate: 'The date the council was told must be today or in the past',
      endDate: 'The date it ended must be the same as or after the date it started',
      assessmentDate: 'The date of the assessment must be today or in the past',
    });
    expect(checkArrangement({ ...base, endDate: '2026-11-17' }, '2026-11-16')).toEqual({
      endDate: 'The date it ended must be today or in the past',
    });
  });
});
