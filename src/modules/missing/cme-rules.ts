/**
 * The rules of the children missing education register, pure: the traffic
 * light of each clock (cme-clocks.ts), the date the next clock falls due (what
 * the overdue filter pages on), counts by light, and the checks on a case's
 * dates before it is saved.
 */
import { addWorkingDays } from '../../platform/calendar/working-days';
import type { LightCounts } from '../../platform/timescales/sources';
import type { Light } from './clocks';
import { type CmeCase, type CmeClock, cmeClocks } from './cme-clocks';
import { type CmeOutcome, LOCATED_OUTCOMES } from './cme-vocab';

/** Lights as missing episodes use them, and one more: taken off roll before 4 weeks of enquiries. */
export type CmeLight = Light | 'too_early';

/**
 * Red: overdue. Amber: due by the end of the next school day. Green: due
 * later. A clock done on or before its day is done; after it, done late.
 */
export function cmeLight(c: CmeClock, today: string, holidays: ReadonlySet<string>): CmeLight {
  switch (c.state) {
    case 'done':
      return 'done';
    case 'done_late':
      return 'done_late';
    case 'too_early':
      return 'too_early';
    case 'overdue':
      return 'red';
    case 'due':
      return c.dueOn <= addWorkingDays(today, 1, holidays) ? 'amber' : 'green';
  }
}

export interface LitCmeClock extends CmeClock {
  light: CmeLight;
}

/** The clocks of a case with their lights. A closed case's undone clocks are no longer due. */
export function litCmeClocks(
  c: CmeCase & { closedOn: string | null },
  today: string,
  holidays: ReadonlySet<string>,
): LitCmeClock[] {
  return cmeClocks(c, today, holidays)
    .filter((k) => !c.closedOn || k.doneOn || k.state === 'too_early')
    .map((k) => ({ ...k, light: cmeLight(k, today, holidays) }));
}

/** The earliest due date of a clock not yet done: null when none is left. */
export function nextDueOf(clocks: readonly CmeClock[]): string | null {
  // ISO dates sort as text.
  return (
    clocks
      .filter((k) => !k.doneOn)
      .map((k) => k.dueOn)
      .sort()[0] ?? null
  );
}

export type { LightCounts };

/** Open clocks by light (done and too-early ones are not open). */
export function countByLight(lights: readonly CmeLight[]): LightCounts {
  const counts = { red: 0, amber: 0, green: 0 };
  for (const l of lights) if (l === 'red' || l === 'amber' || l === 'green') counts[l] += 1;
  return counts;
}

export interface CmeDates {
  reportedOn: string;
  firstAbsentOn: string;
  parentsContactedOn: string | null;
  recontactOn: string | null;
  dslToldOn: string | null;
  homeVisitOn: string | null;
  cmeOfficerToldOn: string | null;
  policeWelfareCheckOn: string | null;
  outcome: CmeOutcome | null;
  locatedOn: string | null;
  offRollOn: string | null;
  recordsTransferredOn: string | null;
  closedOn: string | null;
}

const STEP_NAMES: Array<[keyof CmeDates, string]> = [
  ['parentsContactedOn', 'parents were contacted'],
  ['recontactOn', 'parents were contacted again'],
  ['dslToldOn', 'the designated safeguarding lead was told'],
  ['homeVisitOn', 'of the home visit'],
  ['cmeOfficerToldOn', 'the CME officer was told'],
  ['policeWelfareCheckOn', 'of the police welfare check'],
  ['locatedOn', 'the child was located'],
  ['offRollOn', 'the child was taken off roll'],
  ['recordsTransferredOn', 'the records were transferred'],
  ['closedOn', 'the case was closed'],
];

/** What is wrong with a case's dates, by field, as messages saying how to put it right; empty when none. */
export function checkCmeDates(d: CmeDates, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (d.reportedOn > today) errors.reportedOn = 'The date it was reported must be today or in the past';
  if (d.firstAbsentOn > today) errors.firstAbsentOn = 'The first day of absence must be today or in the past';
  else if (d.firstAbsentOn > d.reportedOn)
    errors.firstAbsentOn = 'The first day of absence must be on or before the date it was reported';
  for (const [key, what] of STEP_NAMES) {
    const v = d[key] as string | null;
    if (!v || errors[key]) continue;
    if (v > today) errors[key] = `The date ${what} must be today or in the past`;
    else if (v < d.firstAbsentOn)
      errors[key] = `The date ${what} must be on or after the first day of absence`;
  }
  if (d.recordsTransferredOn && !d.offRollOn)
    errors.recordsTransferredOn ??= 'Enter the date the child was taken off roll before the records transfer';
  else if (d.recordsTransferredOn && d.offRollOn && d.recordsTransferredOn < d.offRollOn)
    errors.recordsTransferredOn ??=
      'The records can be transferred only on or after the day the child came off roll';
  if (d.outcome && LOCATED_OUTCOMES.has(d.outcome) && !d.locatedOn)
    errors.locatedOn ??= 'Enter the date the child was located and confirmed, for this outcome';
  if (d.outcome === 'whereabouts_unknown' && d.locatedOn)
    errors.locatedOn ??=
      'Leave the date located blank when the whereabouts are unknown, or choose another outcome';
  if (d.closedOn && !d.outcome) errors.outcome = 'Select the outcome before closing the case';
  return errors;
}
