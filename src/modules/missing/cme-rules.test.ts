/**
 * Hand-worked. Day 1 is Thursday 17 December 2026; the school's Christmas
 * holiday runs from Monday 21 December to Friday 1 January. School day 2 is
 * Friday 18 December, day 3 Monday 4 January 2027, day 4 Tuesday 5 January.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/calendar/working-days';
import type { CmeCase } from './cme-clocks';
import { type CmeDates, checkCmeDates, countByLight, litCmeClocks, nextDueOf } from './cme-rules';

const holidays = new Set([...Array(12).keys()].map((i) => addDays('2026-12-21', i)));
const blank: CmeCase & { closedOn: string | null } = {
  firstAbsentOn: '2026-12-17',
  parentsContactedOn: null,
  recontactOn: null,
  dslToldOn: null,
  homeVisitOn: null,
  cmeOfficerToldOn: null,
  policeWelfareCheckOn: null,
  locatedOn: null,
  offRollOn: null,
  recordsTransferredOn: null,
  closedOn: null,
};
const lights = (c: typeof blank, today: string) =>
  litCmeClocks(c, today, holidays).map((k) => `${k.key} ${k.light}`);

describe('the lights of a child missing education', () => {
  it('is amber when due by the end of the next school day, green later, red when overdue', () => {
    // Friday 18 December: day 1 passed; day 2 due today; the next school day is Monday 4 January (day 3).
    expect(lights({ ...blank, parentsContactedOn: '2026-12-17' }, '2026-12-18')).toEqual([
      'parents_contacted done',
      'recontact amber',
      'dsl_told amber',
      'home_visit amber',
      'cme_officer amber',
      'police_welfare_check green',
    ]);
    expect(lights(blank, '2027-01-05')).toEqual([
      'parents_contacted red',
      'recontact red',
      'dsl_told red',
      'home_visit red',
      'cme_officer red',
      'police_welfare_check amber',
    ]);
  });

  it('drops the undone clocks of a closed case but keeps what was done and a too-early removal', () => {
    const closed = {
      ...blank,
      parentsContactedOn: '2026-12-17',
      offRollOn: '2027-01-06',
      closedOn: '2027-01-06',
    };
    expect(lights(closed, '2027-02-01')).toEqual(['parents_contacted done', 'off_roll too_early']);
  });

  it('gives the earliest date still to meet, and counts open clocks by light', () => {
    const clocks = litCmeClocks({ ...blank, parentsContactedOn: '2026-12-17' }, '2027-01-04', holidays);
    expect(nextDueOf(clocks)).toBe('2026-12-18');
    expect(countByLight(clocks.map((k) => k.light))).toEqual({ red: 2, amber: 3, green: 0 });
    const allDone = litCmeClocks(
      { ...blank, parentsContactedOn: '2026-12-17', locatedOn: '2026-12-17' },
      '2027-01-04',
      holidays,
    );
    expect(nextDueOf(allDone)).toBeNull();
  });
});

describe('the checks on a case’s dates', () => {
  const ok: CmeDates = {
    reportedOn: '2027-01-05',
    firstAbsentOn: '2026-12-17',
    parentsContactedOn: '2026-12-17',
    recontactOn: null,
    dslToldOn: null,
    homeVisitOn: null,
    cmeOfficerToldOn: null,
    policeWelfareCheckOn: null,
    outcome: null,
    locatedOn: null,
    offRollOn: null,
    recordsTransferredOn: null,
    closedOn: null,
  };
  it('accepts a consistent case', () => {
    expect(checkCmeDates(ok, '2027-01-06')).toEqual({});
  });
  it('says which date is wrong and how', () => {
    expect(
      checkCmeDates(
        {
          ...ok,
          firstAbsentOn: '2027-01-06',
          homeVisitOn: '2027-01-09',
          recordsTransferredOn: '2027-01-06',
          outcome: 'found_in_school',
          closedOn: '2027-01-06',
        },
        '2027-01-07',
      ),
    ).toEqual({
      firstAbsentOn: 'The first day of absence must be on or before the date it was reported',
      parentsContactedOn: 'The date parents were contacted must be on or after the first day of absence',
      homeVisitOn: 'The date of the home visit must be today or in the past',
      recordsTransferredOn: 'Enter the date the child was taken off roll before the records transfer',
      locatedOn: 'Enter the date the child was located and confirmed, for this outcome',
    });
    expect(checkCmeDates({ ...ok, closedOn: '2027-01-05' }, '2027-01-06')).toEqual({
      outcome: 'Select the outcome before closing the case',
    });
    expect(
      checkCmeDates({ ...ok, outcome: 'whereabouts_unknown', locatedOn: '2027-01-05' }, '2027-01-06')
        .locatedOn,
    ).toMatch(/Leave the date located blank/);
  });
});
