/**
 * The cases worked by hand for issue 17 ("Timescales correct in law"). Each
 * gave a wrong date (or no task, or a task not owed) before the fix; the
 * working is in the comments. Bank holidays are England and Wales.
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

function facts(episodes: Episode[], events: CaseEvent[] = [], dateOfBirth?: string): CaseFacts {
  return { personId: 'child-1', dateOfBirth, episodes, events };
}

/** A default rule as written, computed even where the register has no data for it yet. */
function run(key: string, f: CaseFacts, today: string, changes: Partial<RuleDefinition> = {}) {
  return evaluateRule({ ...rule(key), ...changes, tracked: true }, f, { today, holidays });
}

describe('return home interview', () => {
  it('stays due after the missing episode ends: the return is what starts it', () => {
    // Missing Wednesday 1 to Friday 3 April 2026 (Good Friday). 72 hours from the
    // return: 3 April + 3 days = Monday 6 April (Easter Monday: hours are not working days).
    const tasks = run(
      'return-interview',
      facts([{ id: 'm1', type: 'missing', start: '2026-04-01', end: '2026-04-03' }]),
      '2026-04-06',
    );
    expect(tasks).toEqual([
      expect.objectContaining({
        clockStart: '2026-04-03',
        due: '2026-04-06',
        status: 'due-soon',
        episodeOpen: true,
      }),
    ]);
  });

  it('counts an interview recorded without its episode for the latest return before it, until the child goes missing again', () => {
    // First episode 1-3 April (due 6 April); missing again and back on Tuesday 7 April
    // (due 10 April). An interview on 8 April without an episode counts for the
    // return of 7 April, not the first: the first is overdue.
    const tasks = run(
      'return-interview',
      facts(
        [
          { id: 'm1', type: 'missing', start: '2026-04-01', end: '2026-04-03' },
          { id: 'm2', type: 'missing', start: '2026-04-07', end: '2026-04-07' },
        ],
        [{ type: 'return_interview', date: '2026-04-08' }],
      ),
      '2026-04-13',
    );
    expect(tasks.map((t) => [t.episodeId, t.due, t.completedOn, t.status])).toEqual([
      ['m1', '2026-04-06', null, 'overdue'],
      ['m2', '2026-04-10', '2026-04-08', 'done'],
    ]);
  });
});

describe('initial child protection conference', () => {
  it('counts 15 working days from the strategy discussion at which the s47 enquiry started, not the last', () => {
    // From Wednesday 25 March 2026: 26, 27, 30, 31 March, 1, 2 April (6); Good Friday
    // 3 April and Easter Monday 6 April skipped; 7-10 April (10); 13-17 April (15):
    // due Friday 17 April. (From the later discussion on 30 March it was 22 April.)
    const [task] = run(
      'initial-conference',
      facts(
        [{ id: 's1', type: 's47', start: '2026-03-25' }],
        [
          { type: 'strategy_discussion', date: '2026-03-25', episodeId: 's1' },
          { type: 'strategy_discussion', date: '2026-03-30', episodeId: 's1' },
        ],
      ),
      '2026-04-10',
    );
    expect(task).toMatchObject({ clockStart: '2026-03-25', due: '2026-04-17' });
  });

  it('is still owed when the enquiry ends with the conference pending', () => {
    // Strategy discussion Monday 2 November 2026: 3-6 (4), 9-13 (9), 16-20 (14),
    // 23 November (15). The enquiry ends on 16 November, conference pending.
    const [task] = run(
      'initial-conference',
      facts(
        [{ id: 's2', type: 's47', start: '2026-11-02', end: '2026-11-16', noFurtherAction: false }],
        [{ type: 'strategy_discussion', date: '2026-11-02', episodeId: 's2' }],
      ),
      '2026-11-17',
    );
    expect(task).toMatchObject({ due: '2026-11-23', status: 'due-soon', episodeOpen: true });
  });

  it('is not owed at all when the enquiry ends with no further action, even after the due date', () => {
    // Due 23 November as above; the enquiry ends with no further action on 4 December.
    const tasks = run(
      'initial-conference',
      facts(
        [{ id: 's3', type: 's47', start: '2026-11-02', end: '2026-12-04', noFurtherAction: true }],
        [{ type: 'strategy_discussion', date: '2026-11-02', episodeId: 's3' }],
      ),
      '2026-12-07',
    );
    expect(tasks).toEqual([]);
  });
});

describe('pathway plan and eligibility', () => {
  it('keeps the month end: born 31 August 2010, due on the 16th birthday, 31 August 2026', () => {
    // 15 years 6 months is 28 February 2026 (no 31st); adding 6 months to that gave
    // 28 August. Counted from the date of birth, 192 months: 31 August 2026.
    const [task] = run(
      'pathway-plan',
      facts([{ id: 'la', type: 'looked_after', start: '2024-01-01' }], [], '2010-08-31'),
      '2026-03-01',
    );
    expect(task).toMatchObject({ clockStart: '2026-02-28', due: '2026-08-31', status: 'upcoming' });
  });

  it('is for eligible children only: 13 weeks looked after since 14, and looked after at 16', () => {
    // In care from 1 July 2026: 61 days by the 16th birthday on 31 August, short of
    // 13 weeks (91 days), so not eligible at 16 and no plan by 16 is owed.
    const late = facts([{ id: 'la', type: 'looked_after', start: '2026-07-01' }], [], '2010-08-31');
    expect(run('pathway-plan', late, '2026-08-01')).toEqual([]);
    // 1 September to 31 December 2024 (age 14, 121 days), then again from 1 August 2026:
    // the periods add up, so the plan is owed by 31 August 2026.
    const twoPeriods = facts(
      [
        { id: 'la1', type: 'looked_after', start: '2024-09-01', end: '2024-12-31' },
        { id: 'la2', type: 'looked_after', start: '2026-08-01' },
      ],
      [],
      '2010-08-31',
    );
    expect(run('pathway-plan', twoPeriods, '2026-08-10')).toEqual([
      expect.objectContaining({ episodeId: 'la2', due: '2026-08-31' }),
    ]);
  });

  it("gives the eligible child's needs assessment 3 months from becoming eligible", () => {
    // 61 days by 31 August 2026; 30 more reach 13 weeks on 30 September 2026, the
    // day the child becomes eligible: due 3 months later, 30 December 2026.
    const [task] = run(
      'needs-assessment',
      facts([{ id: 'la', type: 'looked_after', start: '2026-07-01' }], [], '2010-08-31'),
      '2026-10-01',
    );
    expect(task).toMatchObject({ clockStart: '2026-09-30', due: '2026-12-30' });
  });

  it('reviews the pathway plan 6 months from the last review before 18, not from leaving care', () => {
    // Reviewed 10 March 2026 while looked after; a care leaver from 31 May 2026:
    // due 10 September 2026 (from leaving care it was 30 November).
    const [task] = run(
      'pathway-plan-review',
      facts(
        [
          { id: 'la', type: 'looked_after', start: '2020-01-01', end: '2026-05-31' },
          { id: 'cl', type: 'care_leaver', start: '2026-05-31' },
        ],
        [{ type: 'pathway_plan', date: '2026-03-10', episodeId: 'la' }],
      ),
      '2026-11-16',
    );
    expect(task).toMatchObject({ clockStart: '2026-03-10', due: '2026-09-10', status: 'overdue' });
  });
});

describe('review health assessment', () => {
  it('runs from the initial assessment, not entering care, and does not count the initial one as a review', () => {
    // Born 1 March 2022 (3 at the assessment: under 5, so 6 months). In care from
    // 2 June 2025, initial assessment 20 June 2025: first review due 20 December 2025
    // (not 2 December, 6 months from entering care, "done" by the initial one).
    const tasks = run(
      'review-health',
      facts(
        [{ id: 'la', type: 'looked_after', start: '2025-06-02' }],
        [{ type: 'health_assessment', date: '2025-06-20' }],
        '2022-03-01',
      ),
      '2025-12-01',
    );
    expect(tasks).toEqual([
      expect.objectContaining({
        occurrence: 0,
        clockStart: '2025-06-20',
        due: '2025-12-20',
        completedOn: null,
      }),
    ]);
  });

  it('moves to 12 months once the child was 5 at the last assessment', () => {
    const tasks = run(
      'review-health',
      facts(
        [{ id: 'la', type: 'looked_after', start: '2025-06-02' }],
        [
          { type: 'health_assessment', date: '2025-06-20' },
          { type: 'health_assessment', date: '2025-12-15' },
          { type: 'health_assessment', date: '2027-03-10' },
        ],
        '2022-03-01',
      ),
      '2027-04-01',
    );
    // 15 December 2025 (aged 3) + 6 months = 15 June 2026; 10 March 2027 (aged 5) + 12 months.
    expect(tasks.map((t) => [t.due, t.status])).toEqual([
      ['2025-12-20', 'done'],
      ['2026-06-15', 'done-late'],
      ['2028-03-10', 'upcoming'],
    ]);
  });
});

describe('assessment update', () => {
  it('runs 6 months from the first assessment, without counting that assessment twice', () => {
    // Referral 5 January 2026, assessment completed 20 February 2026 (the 45-working-day
    // rule's task): the update is due 20 August 2026, the one task of this rule.
    const tasks = run(
      'assessment-update',
      facts(
        [{ id: 'r', type: 'child_in_need', start: '2026-01-05' }],
        [{ type: 'assessment_completed', date: '2026-02-20', episodeId: 'r' }],
      ),
      '2026-11-16',
    );
    expect(tasks.map((t) => [t.occurrence, t.clockStart, t.due, t.status])).toEqual([
      [0, '2026-02-20', '2026-08-20', 'overdue'],
    ]);
  });
});

describe('personal education plan, termly', () => {
  const child = (events: CaseEvent[], dob = '2015-05-01', start = '2026-09-01') =>
    facts([{ id: 'la', type: 'looked_after', start }], events, dob);

  it('is due in the spring term after a PEP in December, not 4 months later', () => {
    // In care from 1 September 2026: first PEP within 10 working days, by 15 September
    // (done 10 September, covering the autumn term). A PEP on 15 December is also in
    // the autumn term, so one is due by the end of the spring term, 31 March 2027
    // (every 4 months it would have been 15 April, in the summer term).
    const tasks = run(
      'pep',
      child([
        { type: 'personal_education_plan', date: '2026-09-10' },
        { type: 'personal_education_plan', date: '2026-12-15' },
      ]),
      '2027-03-25',
    );
    expect(tasks.map((t) => [t.clockStart, t.due, t.status])).toEqual([
      ['2026-09-01', '2026-09-15', 'done'],
      ['2027-01-04', '2027-03-31', 'due-soon'],
    ]);
  });

  it('uses the term dates the organisation sets', () => {
    const tasks = run('pep', child([{ type: 'personal_education_plan', date: '2026-09-10' }]), '2027-03-29', {
      terms: [
        { name: 'Autumn term', start: '09-02', end: '12-18' },
        { name: 'Spring term', start: '01-05', end: '03-26' },
        { name: 'Summer term', start: '04-12', end: '07-21' },
      ],
    });
    expect(tasks.at(-1)).toMatchObject({ clockStart: '2027-01-05', due: '2027-03-26', status: 'overdue' });
  });

  it('starts from the term after the fifth birthday and gives nothing to a younger child', () => {
    // Fifth birthday 10 October 2026: compulsory school age from the spring term.
    expect(run('pep', child([], '2023-01-01'), '2027-02-01')).toEqual([]);
    const tasks = run('pep', child([], '2021-10-10'), '2027-02-01');
    expect(tasks.map((t) => [t.clockStart, t.due])).toEqual([['2027-01-04', '2027-03-31']]);
  });
});

describe('regulation 28 special cases and other rules a council expects', () => {
  it('visits a child placed with a parent before assessment weekly until the first review, then 6-weekly', () => {
    const placement: Episode = {
      id: 'p',
      type: 'placement',
      start: '2026-09-01',
      kind: 'parent_before_assessment',
    };
    const tasks = run(
      'visit-parent-before-assessment',
      facts(
        [placement],
        [
          { type: 'looked_after_visit', date: '2026-09-07' },
          { type: 'looked_after_review', date: '2026-09-25' },
          { type: 'looked_after_visit', date: '2026-09-28' },
        ],
      ),
      '2026-10-01',
    );
    // 7 September + 1 week = 14 September (missed until 28 September); after the first
    // review on 25 September: 28 September + 6 weeks = 9 November.
    expect(tasks.map((t) => [t.due, t.status])).toEqual([
      ['2026-09-08', 'done'],
      ['2026-09-14', 'done-late'],
      ['2026-11-09', 'upcoming'],
    ]);
    // The ordinary regulation 28 rule leaves such a placement to its own rule.
    expect(run('cla-visit', facts([placement]), '2026-10-01')).toEqual([]);
  });

  it('visits private fostering arrangements in 7 days, 6-weekly in the first year, then 12-weekly', () => {
    const tasks = run(
      'private-fostering-visit',
      facts(
        [{ id: 'pf', type: 'private_fostering', start: '2025-01-06' }],
        [
          { type: 'private_fostering_visit', date: '2025-01-10' },
          { type: 'private_fostering_visit', date: '2026-01-12' },
        ],
      ),
      '2026-02-01',
    );
    expect(tasks.map((t) => t.due)).toEqual(['2025-01-13', '2025-02-21', '2026-04-06']);
  });

  it('asks for an SDQ yearly only from 4 to 16', () => {
    // Born 1 June 2022: 4 on 1 June 2026, so the first is due a year after that.
    const tasks = run(
      'sdq',
      facts([{ id: 'la', type: 'looked_after', start: '2025-01-01' }], [], '2022-06-01'),
      '2026-11-16',
    );
    expect(tasks).toEqual([expect.objectContaining({ clockStart: '2026-06-01', due: '2027-06-01' })]);
  });

  it('names the source of every default rule, and its kind', () => {
    for (const r of DEFAULT_RULES) {
      expect(['statute', 'regulation', 'guidance', 'local'], r.key).toContain(r.sourceType);
      if (r.sourceType === 'local') expect(r.source, r.key).toMatch(/local/i);
    }
    expect(rule('cin-visit').sourceType).toBe('local');
    for (const key of [
      'care-plan',
      'placement-plan',
      'placement-notification',
      'iro-appointed',
      'iro-informed',
      'needs-assessment',
      'private-fostering-visit',
      'sdq',
      'virtual-school-introduction',
      'case-supervision',
    ])
      expect(rule(key).tracked, key).toBe(false);
    // The placement-kind visits read the kind from the register (special-cases.test.ts).
    expect(rule('visit-care-order-home').tracked).toBe(true);
  });
});
