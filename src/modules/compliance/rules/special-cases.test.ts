/**
 * Issue 17, the rest: regulation 28's special placements (and regulation 48's
 * short breaks), and private fostering visits (regulation 8 of the Children
 * (Private Arrangements for Fostering) Regulations 2005). Worked by hand;
 * each date is in the comment. "weeks" and "months" are calendar.
 */
import { describe, expect, it } from 'vitest';
import bankHolidays from '../../../platform/calendar/bank-holidays.json' with { type: 'json' };
import { DEFAULT_RULES } from './defaults';
import { evaluateRule } from './engine';
import type { CaseEvent, CaseFacts, Episode, RuleDefinition } from './model';

const holidays = new Set(bankHolidays.events.map((e) => e.date));

function rule(key: string): RuleDefinition {
  const r = DEFAULT_RULES.find((x) => x.key === key);
  if (!r) throw new Error(`no rule ${key}`);
  return r;
}
const facts = (episodes: Episode[], events: CaseEvent[] = []): CaseFacts => ({
  personId: 'child-1',
  episodes,
  events,
});
const run = (key: string, f: CaseFacts, today: string) =>
  evaluateRule({ ...rule(key), tracked: true }, f, { today, holidays });
const dues = (key: string, f: CaseFacts, today: string) =>
  run(key, f, today).map((t) => [t.due, t.completedOn, t.status]);

const placement = (kind: Episode['kind'], extra: Partial<Episode> = {}): Episode => ({
  id: 'pl1',
  type: 'placement',
  start: '2026-01-05',
  end: null,
  kind,
  ...extra,
});
const visit = (date: string): CaseEvent => ({ type: 'looked_after_visit', date });

describe('regulation 28 special placements', () => {
  it('every special kind is computed from the register (no longer "No data yet")', () => {
    for (const key of [
      'visit-parent-before-assessment',
      'visit-connected-person-temporary',
      'visit-interim-care-order-home',
      'visit-care-order-home',
      'visit-short-breaks',
    ])
      expect(rule(key).tracked, key).toBe(true);
  });

  it('at home under a care order: within a week, then every 6 weeks (28(5))', () => {
    // Placed Monday 5 January 2026: first visit due 12 January; visited Friday 9
    // January; next due 9 January + 6 weeks = Friday 20 February.
    const f = facts([placement('care_order_at_home')], [visit('2026-01-09')]);
    expect(dues('visit-care-order-home', f, '2026-02-02')).toEqual([
      ['2026-01-12', '2026-01-09', 'done'],
      ['2026-02-20', null, 'upcoming'],
    ]);
    // The ordinary visit rule leaves this placement alone.
    expect(run('cla-visit', f, '2026-02-02')).toEqual([]);
  });

  it('at home under an interim care order: weekly until the first review, then every 4 weeks (28(4))', () => {
    // Placed 5 January 2026; visits on 9 and 16 January: each due a week after the
    // last (12 and 16 + 7 = 23 January). First review Friday 30 January. A visit on
    // 23 January is still before it, so the next is due a week later, 30 January,
    // and the visit of Friday 6 February is a week late. With the review behind it,
    // the next is due 6 February + 4 weeks = Friday 6 March.
    const f = facts(
      [placement('interim_care_order_at_home')],
      [
        visit('2026-01-09'),
        visit('2026-01-16'),
        visit('2026-01-23'),
        { type: 'looked_after_review', date: '2026-01-30' },
        visit('2026-02-06'),
      ],
    );
    expect(dues('visit-interim-care-order-home', f, '2026-02-09')).toEqual([
      ['2026-01-12', '2026-01-09', 'done'],
      ['2026-01-16', '2026-01-16', 'done'],
      ['2026-01-23', '2026-01-23', 'done'],
      ['2026-01-30', '2026-02-06', 'done-late'],
      ['2026-03-06', null, 'upcoming'],
    ]);
  });

  it('placed with a parent before assessment: weekly until the first review, then every 6 weeks (28(3))', () => {
    // Placed 5 January 2026, visited 9 January, reviewed 30 January, visited 2
    // February: 2 February + 6 weeks = Monday 16 March. Today 20 January the visit
    // due 16 January (9 + 7) is overdue.
    const events = [visit('2026-01-09')];
    expect(
      dues(
        'visit-parent-before-assessment',
        facts([placement('parent_before_assessment')], events),
        '2026-01-20',
      ),
    ).toEqual([
      ['2026-01-12', '2026-01-09', 'done'],
      ['2026-01-16', null, 'overdue'],
    ]);
    const later = [
      ...events,
      { type: 'looked_after_review' as const, date: '2026-01-30' },
      visit('2026-02-02'),
    ];
    expect(
      dues(
        'visit-parent-before-assessment',
        facts([placement('parent_before_assessment')], later),
        '2026-02-03',
      ).at(-1),
    ).toEqual(['2026-03-16', null, 'upcoming']);
  });

  it('a connected person on temporary approval: weekly to the first review, then every 4 weeks (28(4))', () => {
    // Review 30 January, visit 2 February: next due 2 February + 4 weeks = Monday 2 March.
    const f = facts(
      [placement('connected_person_temporary')],
      [visit('2026-01-09'), { type: 'looked_after_review', date: '2026-01-30' }, visit('2026-02-02')],
    );
    expect(dues('visit-connected-person-temporary', f, '2026-02-03').at(-1)).toEqual([
      '2026-03-02',
      null,
      'upcoming',
    ]);
  });

  it('short breaks: within 3 months of the first placement, then every 6 months (regulation 48)', () => {
    // Placed 5 January 2026: first visit due 5 April; visited Wednesday 1 April,
    // next due 1 October 2026.
    const f = facts([placement('short_breaks')], [visit('2026-04-01')]);
    expect(dues('visit-short-breaks', f, '2026-04-02')).toEqual([
      ['2026-04-05', '2026-04-01', 'done'],
      ['2026-10-01', null, 'upcoming'],
    ]);
    expect(run('cla-visit', f, '2026-04-02')).toEqual([]);
  });

  it('a long-term foster placement agreed: 3-monthly after the first year; 6-weekly otherwise', () => {
    // Placed 5 January 2026, visited 8 January 2027 (a year on): 8 January + 3
    // months = Thursday 8 April 2027 when long term; + 6 weeks = 19 February otherwise.
    const events = [visit('2026-01-08'), visit('2026-02-12'), visit('2026-03-20'), visit('2027-01-08')];
    const longTerm = run('cla-visit', facts([placement(null, { longTerm: true })], events), '2027-01-10');
    const other = run('cla-visit', facts([placement(null)], events), '2027-01-10');
    expect(longTerm.at(-1)).toMatchObject({ clockStart: '2027-01-08', due: '2027-04-08' });
    expect(other.at(-1)).toMatchObject({ clockStart: '2027-01-08', due: '2027-02-19' });
  });
});

describe('private fostering visits', () => {
  const arrangement: Episode = { id: 'PF-1', type: 'private_fostering', start: '2026-03-02', end: null };
  const pfVisit = (date: string): CaseEvent => ({ type: 'private_fostering_visit', date, episodeId: 'PF-1' });

  it('within 7 days of notification, then every 6 weeks in the first year', () => {
    // Notified Monday 2 March 2026: first visit due Monday 9 March. Visited Friday 6
    // March: next due 6 March + 6 weeks = Friday 17 April. Today 20 April: overdue.
    expect(
      dues('private-fostering-visit', facts([arrangement], [pfVisit('2026-03-06')]), '2026-04-20'),
    ).toEqual([
      ['2026-03-09', '2026-03-06', 'done'],
      ['2026-04-17', null, 'overdue'],
    ]);
  });

  it('every 12 weeks once the arrangement is a year old', () => {
    // A visit on Friday 20 February 2027 (under a year): + 6 weeks = Friday 3 April
    // 2027. A visit on Friday 5 March 2027 (a year and 3 days on): + 12 weeks =
    // Friday 28 May 2027.
    const early = dues(
      'private-fostering-visit',
      facts([arrangement], [pfVisit('2026-03-06'), pfVisit('2027-02-20')]),
      '2027-02-21',
    );
    expect(early.at(-1)).toEqual(['2027-04-03', null, 'upcoming']);
    const late = dues(
      'private-fostering-visit',
      facts([arrangement], [pfVisit('2026-03-06'), pfVisit('2027-03-05')]),
      '2027-03-06',
    );
    expect(late.at(-1)).toEqual(['2027-05-28', null, 'upcoming']);
  });

  it('an arrangement that ended before the next visit fell due owes none; another arrangement’s visit does not count', () => {
    // Ended 10 April 2026, before the visit due 17 April: nothing more is owed.
    const ended = { ...arrangement, end: '2026-04-10' };
    expect(dues('private-fostering-visit', facts([ended], [pfVisit('2026-03-06')]), '2026-04-20')).toEqual([
      ['2026-03-09', '2026-03-06', 'done'],
    ]);
    // A visit recorded for another arrangement (PF-2) does not count for PF-1.
    const other = facts(
      [arrangement, { id: 'PF-2', type: 'private_fostering', start: '2026-01-05', end: '2026-02-27' }],
      [{ type: 'private_fostering_visit', date: '2026-03-06', episodeId: 'PF-2' }],
    );
    expect(run('private-fostering-visit', other, '2026-03-10').filter((t) => t.episodeId === 'PF-1')).toEqual(
      [expect.objectContaining({ due: '2026-03-09', status: 'overdue', completedOn: null })],
    );
  });
});
