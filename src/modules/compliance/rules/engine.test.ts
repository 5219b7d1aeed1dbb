import { describe, expect, it } from 'vitest';
import bankHolidays from '../../../platform/calendar/bank-holidays.json' with { type: 'json' };
import { DEFAULT_RULES } from './defaults';
import { evaluateRule, type RuleVersion, versionInForce } from './engine';
import { addInterval, formatIntervalSequence, parseInterval, parseIntervalSequence } from './interval';
import type { CaseEvent, CaseFacts, Episode, RuleDefinition } from './model';
import { taskStatus } from './status';

const holidays = new Set(bankHolidays.events.map((e) => e.date));
const TODAY = '2026-11-16'; // a Monday

function rule(key: string): RuleDefinition {
  const r = DEFAULT_RULES.find((x) => x.key === key);
  if (!r) throw new Error(`no rule ${key}`);
  return r;
}

function facts(episodes: Episode[], events: CaseEvent[] = [], dateOfBirth?: string): CaseFacts {
  return { personId: 'child-1', dateOfBirth, episodes, events };
}

/** Evaluate a default rule as written, computed even where the register has no data for it yet. */
function run(key: string, f: CaseFacts, today = TODAY) {
  return evaluateRule({ ...rule(key), tracked: true }, f, { today, holidays });
}

describe('intervals', () => {
  it('adds working days over weekends and bank holidays', () => {
    expect(addInterval('2026-11-20', { amount: 1, unit: 'working_days' }, holidays)).toBe('2026-11-23');
    // Christmas Day (Fri), the weekend and Boxing Day's substitute (Mon 28th) are skipped.
    expect(addInterval('2026-12-24', { amount: 1, unit: 'working_days' }, holidays)).toBe('2026-12-29');
    // Good Friday, Easter Monday, early May and spring bank holidays all fall inside 45 working days.
    expect(addInterval('2026-03-30', { amount: 45, unit: 'working_days' }, holidays)).toBe('2026-06-05');
  });

  it('keeps month ends and leap days', () => {
    expect(addInterval('2026-01-31', { amount: 3, unit: 'months' }, holidays)).toBe('2026-04-30');
    expect(addInterval('2026-11-30', { amount: 3, unit: 'months' }, holidays)).toBe('2027-02-28');
    expect(addInterval('2027-11-29', { amount: 3, unit: 'months' }, holidays)).toBe('2028-02-29');
    expect(addInterval('2028-02-29', { amount: 1, unit: 'years' }, holidays)).toBe('2029-02-28');
  });

  it('rounds hours up to whole days and counts weeks as seven days', () => {
    expect(addInterval('2026-11-13', { amount: 72, unit: 'hours' }, holidays)).toBe('2026-11-16');
    expect(addInterval('2026-11-13', { amount: 4, unit: 'hours' }, holidays)).toBe('2026-11-14');
    expect(addInterval('2026-11-13', { amount: 6, unit: 'weeks' }, holidays)).toBe('2026-12-25');
  });

  it('reads and writes intervals as people write them', () => {
    expect(parseInterval('20 WD')).toEqual({ amount: 20, unit: 'working_days' });
    expect(parseInterval('1 month')).toEqual({ amount: 1, unit: 'months' });
    expect(parseInterval('six weeks')).toBeUndefined();
    expect(parseInterval('0 days')).toBeUndefined();
    const seq = parseIntervalSequence('20 working days, then 3 months, then 6 months');
    expect(seq).toEqual([
      { amount: 20, unit: 'working_days' },
      { amount: 3, unit: 'months' },
      { amount: 6, unit: 'months' },
    ]);
    expect(formatIntervalSequence(seq!)).toBe('20 working days, then 3 months, then 6 months');
    expect(parseIntervalSequence('3 months, then soon')).toBeUndefined();
  });
});

describe('traffic lights', () => {
  const base = { amberWorkingDays: 3, holidays };
  it('is red once the due date has passed and it is not done, with days overdue', () => {
    expect(taskStatus({ ...base, due: '2026-11-13', today: TODAY })).toEqual({
      status: 'overdue',
      daysLate: 3,
    });
  });
  it('is amber within the window, counted in working days, and on the due day itself', () => {
    expect(taskStatus({ ...base, due: '2026-11-19', today: TODAY }).status).toBe('due-soon');
    expect(taskStatus({ ...base, due: TODAY, today: TODAY }).status).toBe('due-soon');
    expect(taskStatus({ ...base, due: '2026-11-20', today: TODAY }).status).toBe('upcoming');
  });
  it('records done on time and done late with the days late', () => {
    expect(taskStatus({ ...base, due: '2026-11-13', completedOn: '2026-11-13', today: TODAY })).toEqual({
      status: 'done',
      daysLate: 0,
    });
    expect(taskStatus({ ...base, due: '2026-11-13', completedOn: '2026-11-02', today: TODAY }).status).toBe(
      'done',
    );
    expect(taskStatus({ ...base, due: '2026-11-13', completedOn: '2026-11-16', today: TODAY })).toEqual({
      status: 'done-late',
      daysLate: 3,
    });
  });
});

describe('default rules, worked', () => {
  it('contact decision: next working day, even for a contact on a Saturday', () => {
    const [friday] = run('contact-decision', facts([{ id: 'c1', type: 'contact', start: '2026-11-13' }]));
    expect(friday).toMatchObject({ due: '2026-11-16', status: 'due-soon', daysLate: 0 });
    const [saturday] = run(
      'contact-decision',
      facts(
        [{ id: 'c2', type: 'contact', start: '2026-11-14', end: null }],
        [{ type: 'contact_decision', date: '2026-11-16', episodeId: 'c2' }],
      ),
    );
    expect(saturday).toMatchObject({ due: '2026-11-16', completedOn: '2026-11-16', status: 'done' });
  });

  it('assessment: 45 working days from the referral; none owed when the episode closes first', () => {
    const [open] = run('assessment', facts([{ id: 'r1', type: 'child_in_need', start: '2026-09-07' }]));
    expect(open).toMatchObject({ due: '2026-11-09', status: 'overdue', daysLate: 7, episodeOpen: true });
    const closedEarly = run(
      'assessment',
      facts([{ id: 'r2', type: 'child_in_need', start: '2026-10-01', end: '2026-10-20' }]),
    );
    expect(closedEarly).toEqual([]);
    const [closedLate] = run(
      'assessment',
      facts([{ id: 'r3', type: 'child_in_need', start: '2026-01-05', end: '2026-06-30' }]),
    );
    expect(closedLate).toMatchObject({ due: '2026-03-09', status: 'overdue', episodeOpen: false });
    const [done] = run(
      'assessment',
      facts(
        [{ id: 'r4', type: 'child_in_need', start: '2026-09-07' }],
        [{ type: 'assessment_completed', date: '2026-11-12', episodeId: 'r4' }],
      ),
    );
    expect(done).toMatchObject({ completedOn: '2026-11-12', status: 'done-late', daysLate: 3 });
  });

  it('initial conference: 15 working days from the first strategy discussion of the enquiry', () => {
    const s47: Episode = { id: 's1', type: 's47', start: '2026-10-01' };
    const strategy: CaseEvent[] = [
      { type: 'strategy_discussion', date: '2026-10-01', episodeId: 's1' },
      { type: 'strategy_discussion', date: '2026-10-05', episodeId: 's1' },
    ];
    // From Thursday 1 October 2026: 2, 5-9 (6), 12-16 (11), 19-22 (15).
    const [onTime] = run(
      'initial-conference',
      facts([s47], [...strategy, { type: 'initial_conference', date: '2026-10-22', episodeId: 's1' }]),
    );
    expect(onTime).toMatchObject({ clockStart: '2026-10-01', due: '2026-10-22', status: 'done' });
    const [late] = run(
      'initial-conference',
      facts([s47], [...strategy, { type: 'initial_conference', date: '2026-10-28', episodeId: 's1' }]),
    );
    expect(late).toMatchObject({ status: 'done-late', daysLate: 6 });
  });

  it('review conferences: 3 months after the plan starts, then every 6 months from the last', () => {
    const plan: Episode = { id: 'p1', type: 'child_protection_plan', start: '2026-01-31' };
    const tasks = run(
      'review-conference',
      facts([plan], [{ type: 'review_conference', date: '2026-04-28', episodeId: 'p1' }]),
    );
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({
      occurrence: 0,
      due: '2026-04-30',
      completedOn: '2026-04-28',
      status: 'done',
    });
    expect(tasks[1]).toMatchObject({
      occurrence: 1,
      clockStart: '2026-04-28',
      due: '2026-10-28',
      status: 'overdue',
      daysLate: 19,
    });
  });

  it('child protection visits: every 10 working days, amber inside 3 working days, clock starting on a weekend', () => {
    const plan: Episode = { id: 'p2', type: 'child_protection_plan', start: '2026-11-07' };
    expect(run('cp-visit', facts([plan]))[0]).toMatchObject({ due: '2026-11-20', status: 'upcoming' });
    expect(run('cp-visit', facts([plan]), '2026-11-17')[0]).toMatchObject({ status: 'due-soon' });
    const visited = run(
      'cp-visit',
      facts([plan], [{ type: 'cp_visit', date: '2026-11-12', episodeId: 'p2' }]),
    );
    expect(visited.map((t) => [t.due, t.status])).toEqual([
      ['2026-11-20', 'done'],
      ['2026-11-26', 'upcoming'],
    ]);
  });

  it('looked-after reviews: 20 working days (skipping the summer bank holiday), 3 months, then 6 months', () => {
    const episode: Episode = { id: 'la1', type: 'looked_after', start: '2026-08-03' };
    const tasks = run(
      'cla-review',
      facts([episode], [{ type: 'looked_after_review', date: '2026-08-27', episodeId: 'la1' }]),
    );
    expect(tasks[0]).toMatchObject({ due: '2026-09-01', status: 'done' });
    expect(tasks[1]).toMatchObject({ due: '2026-11-27', status: 'due-soon' });
    const third = run(
      'cla-review',
      facts(
        [episode],
        [
          { type: 'looked_after_review', date: '2026-08-27', episodeId: 'la1' },
          { type: 'looked_after_review', date: '2026-11-10', episodeId: 'la1' },
        ],
      ),
    );
    expect(third[2]).toMatchObject({ clockStart: '2026-11-10', due: '2027-05-10', status: 'upcoming' });
  });

  it('regulation 28 visits: a week, six-weekly in the first year, then three-monthly only for long-term placements', () => {
    const visits: CaseEvent[] = [
      { type: 'looked_after_visit', date: '2025-01-10' },
      { type: 'looked_after_visit', date: '2025-02-20' },
      { type: 'looked_after_visit', date: '2026-01-10' },
    ];
    const longTerm = run(
      'cla-visit',
      facts([{ id: 'pl1', type: 'placement', start: '2025-01-06', longTerm: true }], visits),
    );
    expect(longTerm.map((t) => [t.due, t.status])).toEqual([
      ['2025-01-13', 'done'],
      ['2025-02-21', 'done'],
      ['2025-04-03', 'done-late'],
      ['2026-04-10', 'overdue'],
    ]);
    const shortTerm = run(
      'cla-visit',
      facts([{ id: 'pl2', type: 'placement', start: '2025-01-06' }], visits),
    );
    expect(shortTerm[3]).toMatchObject({ due: '2026-02-21', status: 'overdue' });
  });

  it('regulation 28 visits run per placement: a move starts a new clock', () => {
    const tasks = run(
      'cla-visit',
      facts(
        [
          { id: 'a', type: 'placement', start: '2026-09-01', end: '2026-11-01' },
          { id: 'b', type: 'placement', start: '2026-11-02' },
        ],
        [{ type: 'looked_after_visit', date: '2026-09-05' }],
      ),
    );
    const forB = tasks.filter((t) => t.episodeId === 'b');
    expect(forB).toEqual([
      expect.objectContaining({ due: '2026-11-09', status: 'overdue', episodeOpen: true }),
    ]);
  });

  it('pathway plan: by 16 for a child in care at 15 and a half', () => {
    const [task] = run(
      'pathway-plan',
      facts([{ id: 'la2', type: 'looked_after', start: '2024-01-01' }], [], '2010-05-15'),
    );
    expect(task).toMatchObject({
      clockStart: '2025-11-15',
      due: '2026-05-15',
      status: 'overdue',
      daysLate: 185,
    });
    expect(
      run(
        'pathway-plan',
        facts([{ id: 'la3', type: 'looked_after', start: '2024-01-01' }], [], '2012-05-15'),
      ),
    ).toEqual([]);
  });

  it('return interviews: one per return, due 72 hours later', () => {
    const tasks = run(
      'return-interview',
      facts(
        [
          { id: 'm1', type: 'missing', start: '2026-11-01', end: '2026-11-03' },
          { id: 'm2', type: 'missing', start: '2026-11-12', end: '2026-11-13' },
        ],
        [{ type: 'return_interview', date: '2026-11-05', episodeId: 'm1' }],
      ),
    );
    expect(tasks.map((t) => [t.clockStart, t.due, t.status])).toEqual([
      ['2026-11-03', '2026-11-06', 'done'],
      ['2026-11-13', '2026-11-16', 'due-soon'],
    ]);
  });

  it('care leaver contact: every 8 weeks from the last contact', () => {
    const tasks = run(
      'care-leaver-contact',
      facts(
        [{ id: 'cl', type: 'care_leaver', start: '2026-06-01' }],
        [{ type: 'care_leaver_contact', date: '2026-07-20' }],
      ),
    );
    expect(tasks.map((t) => [t.due, t.status])).toEqual([
      ['2026-07-27', 'done'],
      ['2026-09-14', 'overdue'],
    ]);
  });

  it('ignores events of another episode of the same type', () => {
    const tasks = run(
      'cp-visit',
      facts(
        [
          { id: 'old', type: 'child_protection_plan', start: '2025-01-06', end: '2025-06-30' },
          { id: 'new', type: 'child_protection_plan', start: '2026-11-09' },
        ],
        [{ type: 'cp_visit', date: '2026-11-10', episodeId: 'old' }],
      ),
    );
    const current = tasks.filter((t) => t.episodeId === 'new');
    expect(current).toEqual([expect.objectContaining({ due: '2026-11-23', completedOn: null })]);
  });

  it('computes nothing for a rule the register has no data for', () => {
    const plan = facts([{ id: 'p', type: 'child_protection_plan', start: '2026-01-05' }]);
    expect(evaluateRule(rule('core-group'), plan, { today: TODAY, holidays })).toEqual([]);
    expect(run('core-group', plan)).not.toEqual([]);
  });

  it('every default rule has a name, a source, intervals and an amber window', () => {
    for (const r of DEFAULT_RULES) {
      expect(r.name.length, r.key).toBeGreaterThan(5);
      expect(r.source.length, r.key).toBeGreaterThan(3);
      expect(r.intervals.length, r.key).toBeGreaterThan(0);
      expect(r.amberWorkingDays, r.key).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(DEFAULT_RULES.map((r) => r.key)).size).toBe(DEFAULT_RULES.length);
  });
});

describe('rule versions', () => {
  const base = rule('cp-visit');
  const versions: RuleVersion[] = [
    { version: 1, effectiveFrom: '2020-01-01', retired: false, definition: base },
    {
      version: 2,
      effectiveFrom: '2026-11-11',
      retired: false,
      definition: { ...base, intervals: [{ amount: 15, unit: 'working_days' }] },
    },
  ];

  it('computes each occurrence by the version in force when its clock started', () => {
    const tasks = evaluateRule(
      versions,
      facts(
        [{ id: 'p', type: 'child_protection_plan', start: '2026-11-02' }],
        [{ type: 'cp_visit', date: '2026-11-12', episodeId: 'p' }],
      ),
      { today: TODAY, holidays },
    );
    expect(tasks.map((t) => [t.ruleVersion, t.clockStart, t.due])).toEqual([
      [1, '2026-11-02', '2026-11-16'],
      [2, '2026-11-12', '2026-12-03'],
    ]);
  });

  it('picks the latest version on or before a date', () => {
    expect(versionInForce(versions, '2026-11-10')?.version).toBe(1);
    expect(versionInForce(versions, '2026-11-11')?.version).toBe(2);
    expect(versionInForce(versions, '2019-12-31')).toBeUndefined();
  });

  it('gives no new tasks once a rule is retired, but keeps those whose clock started before', () => {
    const retired: RuleVersion[] = [
      ...versions,
      { version: 3, effectiveFrom: '2026-11-13', retired: true, definition: base },
    ];
    const tasks = evaluateRule(
      retired,
      facts(
        [{ id: 'p', type: 'child_protection_plan', start: '2026-11-02' }],
        [{ type: 'cp_visit', date: '2026-11-13', episodeId: 'p' }],
      ),
      { today: TODAY, holidays },
    );
    expect(tasks.map((t) => t.clockStart)).toEqual(['2026-11-02']);
  });

  it('recomputes termly PEPs from a change of term dates only for terms starting on or after its date', () => {
    const pep = rule('pep');
    const pepVersions: RuleVersion[] = [
      { version: 1, effectiveFrom: '2020-01-01', retired: false, definition: { ...pep, tracked: true } },
      {
        version: 2,
        effectiveFrom: '2027-01-01',
        retired: false,
        definition: {
          ...pep,
          tracked: true,
          terms: [
            { name: 'Autumn term', start: '09-02', end: '12-18' },
            { name: 'Spring term', start: '01-05', end: '03-26' },
            { name: 'Summer term', start: '04-12', end: '07-21' },
          ],
        },
      },
    ];
    // In care from Monday 20 April 2026: first PEP within 10 working days (early May
    // bank holiday skipped), 5 May, done 28 April for the summer term. The autumn term
    // started before the change (due 20 December); the spring term after it (26 March).
    const tasks = evaluateRule(
      pepVersions,
      facts(
        [{ id: 'la', type: 'looked_after', start: '2026-04-20' }],
        [{ type: 'personal_education_plan', date: '2026-04-28' }],
        '2015-05-01',
      ),
      { today: '2027-02-01', holidays },
    );
    expect(tasks.map((t) => [t.ruleVersion, t.clockStart, t.due])).toEqual([
      [1, '2026-04-20', '2026-05-05'],
      [1, '2026-09-01', '2026-12-20'],
      [2, '2027-01-05', '2027-03-26'],
    ]);
  });
});
