/**
 * The clocks of a child missing education (timescales.md, local protocol),
 * counted in school days from the first day of absence (school day 1):
 * - day 1: parents contacted;
 * - day 2: parents contacted again, and the designated safeguarding lead told;
 * - day 3: home visit; and, the child not found, the authority's CME officer
 *   told (read here as by the end of day 3);
 * - unresolved at the end of day 3: a police welfare check, by the end of day 4;
 * - taken off roll: not before 4 weeks (28 days) of enquiries from day 1;
 * - records transferred within 15 school days of coming off roll.
 * School days are working days less the school's holidays (passed in with
 * the bank holidays). A clock not yet due when the child is located is
 * dropped, as with missing episodes. Pure.
 */
import { addDays, addWorkingDays } from '../../platform/calendar/working-days';

export interface CmeCase {
  /** School day 1: the first day of absence. */
  firstAbsentOn: string;
  parentsContactedOn: string | null;
  recontactOn: string | null;
  dslToldOn: string | null;
  homeVisitOn: string | null;
  cmeOfficerToldOn: string | null;
  policeWelfareCheckOn: string | null;
  /** Located and confirmed. */
  locatedOn: string | null;
  offRollOn: string | null;
  recordsTransferredOn: string | null;
}

export type CmeClockState = 'done' | 'done_late' | 'overdue' | 'due' | 'too_early';

export interface CmeClock {
  key: string;
  name: string;
  /** Due by the end of this day; for taking off roll, the first day it may be done. */
  dueOn: string;
  doneOn: string | null;
  state: CmeClockState;
}

function stateOf(dueOn: string, doneOn: string | null, today: string): CmeClockState {
  if (doneOn) return doneOn <= dueOn ? 'done' : 'done_late';
  return today > dueOn ? 'overdue' : 'due';
}

export function cmeClocks(c: CmeCase, today: string, schoolHolidays: ReadonlySet<string>): CmeClock[] {
  const day = (n: number) => addWorkingDays(c.firstAbsentOn, n - 1, schoolHolidays);
  const [day1, day2, day3, day4] = [day(1), day(2), day(3), day(4)];
  const steps: Array<{ key: string; name: string; dueOn: string; doneOn: string | null }> = [
    {
      key: 'parents_contacted',
      name: 'Parents contacted (day 1)',
      dueOn: day1,
      doneOn: c.parentsContactedOn,
    },
    { key: 'recontact', name: 'Parents contacted again (day 2)', dueOn: day2, doneOn: c.recontactOn },
    { key: 'dsl_told', name: 'Designated safeguarding lead told (day 2)', dueOn: day2, doneOn: c.dslToldOn },
    { key: 'home_visit', name: 'Home visit (day 3)', dueOn: day3, doneOn: c.homeVisitOn },
    { key: 'cme_officer', name: 'CME officer told (day 3)', dueOn: day3, doneOn: c.cmeOfficerToldOn },
  ];
  const unresolvedAtDay3 = !c.locatedOn || c.locatedOn > day3;
  if (unresolvedAtDay3)
    steps.push({
      key: 'police_welfare_check',
      name: 'Police welfare check (unresolved at day 3)',
      dueOn: day4,
      doneOn: c.policeWelfareCheckOn,
    });
  // Once located, what was not yet due is dropped; what was already due stays until done.
  const kept = steps.filter((s) => s.doneOn || !c.locatedOn || c.locatedOn > s.dueOn);
  const clocks: CmeClock[] = kept.map((s) => ({ ...s, state: stateOf(s.dueOn, s.doneOn, today) }));
  if (c.offRollOn) {
    const earliest = addDays(c.firstAbsentOn, 28);
    clocks.push({
      key: 'off_roll',
      name: 'Taken off roll (not before 4 weeks of enquiries)',
      dueOn: earliest,
      doneOn: c.offRollOn,
      state: c.offRollOn < earliest ? 'too_early' : 'done',
    });
    const transferBy = addWorkingDays(c.offRollOn, 15, schoolHolidays);
    clocks.push({
      key: 'records_transferred',
      name: 'Records transferred (15 school days)',
      dueOn: transferBy,
      doneOn: c.recordsTransferredOn,
      state: stateOf(transferBy, c.recordsTransferredOn, today),
    });
  }
  return clocks;
}
