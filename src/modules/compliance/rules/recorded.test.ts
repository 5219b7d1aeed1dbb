import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, defaultRule } from './defaults';
import { evaluateCase, type RuleVersion } from './engine';
import { RECORDED_EVENT_TYPES } from './model';
import { activeByRecording, needsRecordedEvent, withRecordedRules } from './recorded';

const ctx = { today: '2026-11-16', holidays: new Set<string>() };
const versions = (key: string): RuleVersion[] => [
  { version: 1, effectiveFrom: '2000-01-01', retired: false, definition: defaultRule(key)! },
];
const child = {
  personId: 'p1',
  dateOfBirth: '2014-05-01',
  episodes: [{ id: 'cla:LA1', type: 'looked_after' as const, start: '2026-10-26', end: null }],
  events: [] as Array<{ type: 'care_plan'; date: string; episodeId: string | null }>,
};

describe('rules that wait for an event recorded by form', () => {
  it('are the No data yet rules whose completion is an event no extract holds, not the placement-kind visits', () => {
    const waiting = DEFAULT_RULES.filter(needsRecordedEvent).map((r) => r.key);
    expect(waiting).toEqual(
      expect.arrayContaining([
        'care-plan',
        'placement-plan',
        'placement-notification',
        'iro-informed',
        'iro-appointed',
        'needs-assessment',
        'sdq',
        'virtual-school-introduction',
        // Recorded against an arrangement in the private fostering register.
        'private-fostering-visit',
      ]),
    );
    // The placement-kind visits are computed from the register (the kind from the codes or set by hand).
    expect(waiting).not.toContain('visit-parent-before-assessment');
    expect(waiting).not.toContain('cla-visit');
    for (const r of DEFAULT_RULES.filter(needsRecordedEvent))
      expect(RECORDED_EVENT_TYPES as readonly string[]).toContain(r.completion);
  });

  it('wait for exactly the events the cases module records by form (kept in step by hand: the modules share no code)', () => {
    expect([...RECORDED_EVENT_TYPES].sort()).toEqual(
      [
        'care_plan',
        'placement_plan',
        'placement_notification',
        'iro_appointed',
        'iro_informed',
        'needs_assessment',
        'sdq',
        'virtual_school_introduction',
        'private_fostering_visit',
      ].sort(),
    );
  });

  it('start working only once the organisation has recorded an event of their kind', () => {
    const carePlan = defaultRule('care-plan')!;
    expect(activeByRecording(carePlan, new Set())).toBe(false);
    expect(activeByRecording(carePlan, new Set(['sdq']))).toBe(false);
    expect(activeByRecording(carePlan, new Set(['care_plan']))).toBe(true);
    // A rule already computed from the extract is never touched.
    expect(activeByRecording(defaultRule('cla-visit')!, new Set(['looked_after_visit']))).toBe(false);
  });

  it('compute no task while nothing is recorded, then due, overdue or done per child', () => {
    const none = withRecordedRules([versions('care-plan')], new Set());
    expect(evaluateCase(none, child, ctx)).toEqual([]);
    const on = withRecordedRules([versions('care-plan')], new Set(['care_plan']));
    // 10 working days from Mon 26 Oct: Mon 9 Nov.
    const [overdue] = evaluateCase(on, child, ctx);
    expect(overdue).toMatchObject({
      ruleKey: 'care-plan',
      due: '2026-11-09',
      status: 'overdue',
      daysLate: 7,
    });
    const withPlan = {
      ...child,
      events: [{ type: 'care_plan' as const, date: '2026-11-02', episodeId: 'cla:LA1' }],
    };
    const [done] = evaluateCase(on, withPlan, ctx);
    expect(done).toMatchObject({ status: 'done', completedOn: '2026-11-02' });
  });
});
