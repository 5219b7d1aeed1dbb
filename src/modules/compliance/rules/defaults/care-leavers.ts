import type { RuleDefinition } from '../model';
import { CARE_PLANNING, LOCAL, months, weeks } from './units';

const ELIGIBILITY_NOTICE =
  'Eligibility (13 weeks looked after since 14, still looked after at 16) counts the periods of care in the SSD extract only; a child without a date of birth gets no task.';

/** Eligible children and care leavers. */
export const CARE_LEAVER_RULES: readonly RuleDefinition[] = [
  {
    key: 'pathway-plan',
    name: 'Pathway plan by 16 (eligible child)',
    serviceLevel: 'looked_after',
    taskType: 'plan',
    scope: 'looked_after',
    // Clock at 15 and a half; due on the 16th birthday, counted from the date of birth so a month end stays one.
    start: { kind: 'age', months: 186 },
    completion: 'pathway_plan',
    recurrence: 'once',
    intervals: [months(6)],
    eligibleAtSixteen: true,
    amberWorkingDays: 20,
    source: LOCAL,
    sourceType: 'local',
    notice: ELIGIBILITY_NOTICE,
    tracked: true,
  },
  {
    key: 'needs-assessment',
    name: 'Eligible child’s needs assessment',
    serviceLevel: 'looked_after',
    taskType: 'assessment',
    scope: 'looked_after',
    start: { kind: 'eligible-child' },
    completion: 'needs_assessment',
    recurrence: 'once',
    intervals: [months(3)],
    amberWorkingDays: 20,
    source: `${CARE_PLANNING}, regulation 42`,
    sourceType: 'regulation',
    notice: ELIGIBILITY_NOTICE,
    tracked: false,
  },
  {
    key: 'pathway-plan-review',
    name: 'Pathway plan reviewed',
    serviceLevel: 'care_leaver',
    taskType: 'review',
    scope: 'care_leaver',
    // From the last review before leaving care, not from the day the young person became a care leaver.
    start: { kind: 'last-event-before-start', event: 'pathway_plan' },
    completion: 'pathway_plan',
    recurrence: 'recurring',
    intervals: [months(6)],
    amberWorkingDays: 20,
    source: 'Care Leavers (England) Regulations 2010, regulation 7; statutory guidance',
    sourceType: 'regulation',
    tracked: true,
  },
  {
    key: 'care-leaver-contact',
    name: 'Personal adviser contact (keeping in touch)',
    serviceLevel: 'care_leaver',
    taskType: 'visit',
    scope: 'care_leaver',
    start: { kind: 'episode-start' },
    completion: 'care_leaver_contact',
    recurrence: 'recurring',
    intervals: [weeks(8)],
    amberWorkingDays: 10,
    source: LOCAL,
    sourceType: 'local',
    tracked: true,
  },
];
