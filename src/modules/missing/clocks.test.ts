/**
 * Hand-worked clocks. Bank holidays: Monday 31 August 2026; Friday 25 and
 * Monday 28 December 2026. British Summer Time (UTC+1) until 25 October 2026.
 */
import { describe, expect, it } from 'vitest';
import { type EpisodeClockInput, episodeClocks, lightOf, nextStrategyMeetingDue } from './clocks';
import { endOfLondonDay, londonInstant } from './london-time';

const holidays = new Set(['2026-08-31', '2026-12-25', '2026-12-28', '2027-01-01']);
const at = (date: string, time: string) => londonInstant(date, time);
const base: EpisodeClockInput = {
  startAt: at('2026-11-16', '09:00'),
  endAt: null,
  lookedAfter: true,
  protectionPlanOrEnquiry: false,
  policeToldAt: null,
  adToldAt: null,
  leadMemberToldAt: null,
  socialWorkerContactAt: null,
  interviewOfferedAt: null,
  meetingsHeld: [],
};
const summary = (clocks: ReturnType<typeof episodeClocks>) =>
  clocks.map((c) => `${c.key}#${c.sequence} ${c.dueAt.toISOString()} ${c.light}`);

describe('London time', () => {
  it('turns wall-clock times into instants in summer and winter time', () => {
    expect(at('2026-08-28', '19:30').toISOString()).toBe('2026-08-28T18:30:00.000Z');
    expect(at('2026-11-16', '09:00').toISOString()).toBe('2026-11-16T09:00:00.000Z');
    expect(endOfLondonDay('2026-08-28').toISOString()).toBe('2026-08-28T23:00:00.000Z');
    expect(endOfLondonDay('2026-10-24').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(endOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});

describe('the first strategy meeting', () => {
  it('is due by the end of the first working day after the start when that is sooner than 72 hours', () => {
    // Monday 16 November 09:00: Tuesday 17 ends before Thursday 19 at 09:00.
    expect(nextStrategyMeetingDue(at('2026-11-16', '09:00'), [], holidays)).toEqual({
      dueAt: endOfLondonDay('2026-11-17'),
      unit: 'day',
    });
  });

  it('is due at 72 hours when the first working day is later (Friday evening before a bank holiday Monday)', () => {
    // Friday 28 August 19:30: the first working day is Tuesday 1 September; 72 hours is Monday 31 at 19:30.
    expect(nextStrategyMeetingDue(at('2026-08-28', '19:30'), [], holidays)).toEqual({
      dueAt: at('2026-08-31', '19:30'),
      unit: 'hours',
    });
    // Christmas Eve 20:00: Christmas Day, the weekend and the Boxing Day substitute pass; 72 hours is Sunday 27 at 20:00.
    expect(nextStrategyMeetingDue(at('2026-12-24', '20:00'), [], holidays).dueAt).toEqual(
      at('2026-12-27', '20:00'),
    );
  });

  it('then 7 days after the first, fortnightly after the one before, monthly from 3 months after the start', () => {
    const start = at('2026-11-02', '10:00');
    expect(nextStrategyMeetingDue(start, ['2026-11-03'], holidays).dueAt).toEqual(
      endOfLondonDay('2026-11-10'),
    );
    expect(nextStrategyMeetingDue(start, ['2026-11-03', '2026-11-10'], holidays).dueAt).toEqual(
      endOfLondonDay('2026-11-24'),
    );
    // The day before three months (2 February 2027) is still fortnightly; on it, monthly.
    expect(nextStrategyMeetingDue(start, ['2026-11-03', '2027-02-01'], holidays).dueAt).toEqual(
      endOfLondonDay('2027-02-15'),
    );
    expect(nextStrategyMeetingDue(start, ['2026-11-03', '2027-02-02'], holidays).dueAt).toEqual(
      endOfLondonDay('2027-03-02'),
    );
  });
});

describe('the clocks of an episode', () => {
  it('a looked-after child still missing: police 4 hours, first meeting, AD 3 days, lead member 7 days', () => {
    const clocks = episodeClocks(
      { ...base, startAt: at('2026-08-28', '19:30'), policeToldAt: at('2026-08-28', '21:00') },
      at('2026-08-31', '10:00'),
      holidays,
    );
    expect(summary(clocks)).toEqual([
      'police_told#1 2026-08-28T22:30:00.000Z done',
      'strategy_meeting#1 2026-08-31T18:30:00.000Z amber',
      'ad_told#1 2026-08-31T23:00:00.000Z amber',
      'lead_member_told#1 2026-09-04T23:00:00.000Z green',
    ]);
    expect(clocks.find((c) => c.key === 'ad_told')?.dueDate).toBe('2026-08-31');
  });

  it('a return on a Friday evening before a bank holiday Monday: 24 and 72 hours run through the weekend and the holiday', () => {
    const input = {
      ...base,
      startAt: at('2026-08-27', '14:00'),
      endAt: at('2026-08-28', '21:00'),
      policeToldAt: at('2026-08-27', '15:10'),
    };
    const clocks = episodeClocks(input, at('2026-08-31', '22:00'), holidays);
    // The first meeting (due by the end of Friday 28) and the AD and lead member (30 August, 3 September)
    // were not yet due when the child came back at 21:00 on Friday: not due.
    expect(summary(clocks)).toEqual([
      'police_told#1 2026-08-27T17:00:00.000Z done',
      'sw_contact#1 2026-08-29T20:00:00.000Z red',
      'return_interview#1 2026-08-31T20:00:00.000Z red',
    ]);
    // Recorded on the bank holiday Monday at 19:45: in time.
    const done = episodeClocks(
      {
        ...input,
        socialWorkerContactAt: at('2026-08-29', '12:00'),
        interviewOfferedAt: at('2026-08-31', '19:45'),
      },
      at('2026-09-01', '09:00'),
      holidays,
    );
    expect(done.map((c) => c.light)).toEqual(['done', 'done', 'done']);
  });

  it('a clock overdue at the return stays overdue; one done late is done late', () => {
    const clocks = episodeClocks(
      {
        ...base,
        startAt: at('2026-11-16', '09:00'),
        endAt: at('2026-11-20', '18:00'),
        policeToldAt: at('2026-11-16', '14:00'),
      },
      at('2026-11-21', '09:00'),
      holidays,
    );
    expect(summary(clocks)).toEqual([
      'police_told#1 2026-11-16T13:00:00.000Z done_late',
      'strategy_meeting#1 2026-11-18T00:00:00.000Z red',
      'ad_told#1 2026-11-20T00:00:00.000Z red',
      'sw_contact#1 2026-11-21T18:00:00.000Z green',
      'return_interview#1 2026-11-23T18:00:00.000Z green',
    ]);
  });

  it('strategy meetings held are numbered and judged against the schedule before them', () => {
    const clocks = episodeClocks(
      { ...base, startAt: at('2026-11-02', '10:00'), meetingsHeld: ['2026-11-10', '2026-11-03'] },
      at('2026-11-20', '09:00'),
      holidays,
    ).filter((c) => c.key === 'strategy_meeting');
    expect(clocks.map((c) => [c.sequence, c.dueDate, c.light])).toEqual([
      [1, '2026-11-03', 'done'],
      [2, '2026-11-10', 'done'],
      [3, '2026-11-24', 'green'],
    ]);
  });

  it('a child on a protection plan missing from home: one meeting in 7 days, no police, AD or lead member clock', () => {
    const clocks = episodeClocks(
      { ...base, lookedAfter: false, protectionPlanOrEnquiry: true },
      at('2026-11-23', '12:00'),
      holidays,
    );
    expect(summary(clocks)).toEqual(['strategy_meeting#1 2026-11-24T00:00:00.000Z amber']);
    expect(episodeClocks({ ...base, lookedAfter: false }, at('2026-11-23', '12:00'), holidays)).toEqual([]);
  });

  it('traffic lights: amber inside the clock’s window, red once the moment passes', () => {
    const due = at('2026-11-16', '13:00');
    expect(lightOf('police_told', due, null, at('2026-11-16', '11:59'))).toBe('green');
    expect(lightOf('police_told', due, null, at('2026-11-16', '12:00'))).toBe('amber');
    expect(lightOf('police_told', due, null, at('2026-11-16', '13:01'))).toBe('red');
    expect(lightOf('police_told', due, at('2026-11-16', '13:00'), at('2026-11-17', '00:00'))).toBe('done');
  });
});
