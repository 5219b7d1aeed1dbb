/**
 * Hand-worked. Day 1 is Thursday 17 December 2026; the school's Christmas
 * holiday runs from Monday 21 December to Friday 1 January (with the bank
 * holidays inside it). School day 2 is Friday 18 December, day 3 Monday
 * 4 January 2027, day 4 Tuesday 5 January.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/calendar/working-days';
import { type CmeCase, cmeClocks } from './cme-clocks';

const holidays = new Set([...Array(12).keys()].map((i) => addDays('2026-12-21', i)));
const blank: CmeCase = {
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
};
const view = (c: CmeCase, today: string) =>
  cmeClocks(c, today, holidays).map((k) => `${k.key} ${k.dueOn} ${k.state}`);

describe('the clocks of a child missing education', () => {
  it('counts school days across the holiday, day 1 to day 4', () => {
    expect(
      view({ ...blank, parentsContactedOn: '2026-12-17', recontactOn: '2026-12-21' }, '2027-01-04'),
    ).toEqual([
      'parents_contacted 2026-12-17 done',
      'recontact 2026-12-18 done_late',
      'dsl_told 2026-12-18 overdue',
      'home_visit 2027-01-04 due',
      'cme_officer 2027-01-04 due',
      'police_welfare_check 2027-01-05 due',
    ]);
  });

  it('drops what was not yet due when the child is located, and the police check when located by day 3', () => {
    const located = { ...blank, parentsContactedOn: '2026-12-17', locatedOn: '2026-12-18' };
    expect(view(located, '2027-01-10')).toEqual(['parents_contacted 2026-12-17 done']);
    // Located on day 4: the day 3 steps were due and stay overdue; the police check was due that day.
    expect(view({ ...blank, locatedOn: '2027-01-05' }, '2027-01-10')).toEqual([
      'parents_contacted 2026-12-17 overdue',
      'recontact 2026-12-18 overdue',
      'dsl_told 2026-12-18 overdue',
      'home_visit 2027-01-04 overdue',
      'cme_officer 2027-01-04 overdue',
    ]);
  });

  it('allows taking off roll from 4 weeks after day 1, and times the records transfer in school days', () => {
    const early = cmeClocks({ ...blank, offRollOn: '2027-01-13' }, '2027-01-13', holidays);
    expect(early.find((k) => k.key === 'off_roll')).toMatchObject({
      dueOn: '2027-01-14',
      state: 'too_early',
    });
    const onTime = cmeClocks(
      { ...blank, offRollOn: '2027-01-14', recordsTransferredOn: '2027-02-05' },
      '2027-02-10',
      holidays,
    );
    expect(onTime.find((k) => k.key === 'off_roll')!.state).toBe('done');
    // 15 school days after Thursday 14 January 2027: Thursday 4 February.
    expect(onTime.find((k) => k.key === 'records_transferred')).toMatchObject({
      dueOn: '2027-02-04',
      state: 'done_late',
    });
  });
});
