/**
 * Two years of closed cases on Oakhaven's children missing education
 * register: a handful reported each quarter, for the current quarter and the
 * seven before it, so that the quarterly key data's "Children missing
 * education" row has figures as far back as the missing episodes' history
 * (missing-history.ts). Most children are back at school, or found on roll
 * elsewhere, within a few days; some moved out of the area or abroad; a few
 * are electively home educated; now and then one's whereabouts stay unknown
 * and, after four weeks of enquiries, the child is taken off roll and the
 * records transferred.
 *
 * Recorded by the service manager, through the missing module's services, on
 * children of compulsory school age (5 to 15 on the first day of absence) of
 * the assessment, child protection, children in care and early help teams,
 * less the practitioner's own (whose cases the browser journeys rely on).
 * Every check is done on its school day and every case is closed, so nothing
 * falls due or overdue. Deterministic (a seeded generator; dates relative to
 * the clock's today); fictional schools; no names are written.
 */
import type { Oversight } from '../app';
import { teamCaseload } from '../modules/cases/service';
import {
  type CmeProgressInput,
  type CmeReferralInput,
  recordCme,
  updateCme,
} from '../modules/missing/cme-service';
import type { CmeOutcome, CmeReason } from '../modules/missing/cme-vocab';
import { nonWorkingDaysFor } from '../platform/calendar/service';
import { addDays, addWorkingDays } from '../platform/calendar/working-days';
import { today as todayOf } from '../platform/clock';
import { demoAuditContext, missingDemoActor } from './missing-common';
import { lastQuarters } from './missing-history';
import type { DemoOrganisation } from './organisation';
import { SeededRandom } from './random';

const QUARTERS = 8;
const TEAMS = ['assessment', 'safeguarding', 'children-in-care', 'early-help'];
const PRIMARY = ['Oakhaven Primary Academy', 'Marsh Lane Primary School', 'Canal Side Primary School'];
const SECONDARY = ['Riverside Community School', 'Hillcrest High School', 'Northgate Academy'];

interface Scenario {
  outcome: CmeOutcome;
  reasons: readonly CmeReason[];
  /** The school day the child was located and confirmed; null: never (taken off roll). */
  locatedDay: number | null;
  details: string;
}

const SCENARIOS: readonly Scenario[] = [
  {
    outcome: 'found_in_school',
    reasons: ['stopped_attending'],
    locatedDay: 3,
    details:
      'Not in school for three days; the home visit found the family, and the child was back the next day.',
  },
  {
    outcome: 'found_in_school',
    reasons: ['moved_no_school', 'no_school_place'],
    locatedDay: 2,
    details: 'The family moved within the borough; the child is on roll at a school nearer the new address.',
  },
  {
    outcome: 'moved_out_of_area',
    reasons: ['moved_no_school'],
    locatedDay: 6,
    details: 'Moved to a neighbouring authority; its CME officer confirmed a school place.',
  },
  {
    outcome: 'elective_home_education',
    reasons: ['removed_from_roll'],
    locatedDay: 2,
    details: 'A parent wrote to say the child would be taught at home; confirmed at a visit.',
  },
  {
    outcome: 'moved_abroad',
    reasons: ['moved_no_school', 'stopped_attending'],
    locatedDay: 9,
    details: 'The family returned abroad; confirmed by the previous school and a relative.',
  },
  {
    outcome: 'whereabouts_unknown',
    reasons: ['stopped_attending', 'moved_no_school'],
    locatedDay: null,
    details: 'The flat was empty at the home visit; no trace after four weeks of enquiries.',
  },
];
/** Mostly back at school within days; the rarer outcomes now and then. */
const WEIGHTS = [0, 0, 0, 1, 1, 2, 3, 4, 5];

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
const ageOn = (dateOfBirth: string, date: string) =>
  Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4)) - (date.slice(5) < dateOfBirth.slice(5) ? 1 : 0);

export async function missingEducationHistoryDemo(
  oversight: Oversight,
  org: DemoOrganisation,
): Promise<void> {
  const db = oversight.database.db;
  const today = todayOf(oversight.clock);
  const manager = missingDemoActor(org, 'service_manager');
  const ctx = demoAuditContext(manager, oversight.clock.now());
  const practitioner = missingDemoActor(org, 'practitioner');
  const rows = [];
  for (const team of TEAMS)
    rows.push(...(await teamCaseload(db, { ...manager, teamId: org.teamIds[team] ?? null }, ctx)));
  const byId = new Map(
    rows
      .filter((c) => c.workerUserId !== practitioner.userId && c.dateOfBirth)
      .sort((a, b) => a.sourceId.localeCompare(b.sourceId))
      .map((c) => [c.id, c.dateOfBirth!]),
  );
  const candidates = [...byId.entries()];
  if (!candidates.length) return;
  const holidays = await nonWorkingDaysFor(db, org.organisationId);
  const schoolDay = (first: string, n: number) => addWorkingDays(first, n - 1, holidays);
  const isSchoolDay = (date: string) => schoolDay(addDays(date, -1), 2) === date;

  const rnd = new SeededRandom(1404);
  // Cases start three weeks ago at the latest, so that each is closed by today.
  const lastStart = addDays(today, -21);
  for (const q of lastQuarters(today, QUARTERS)) {
    const last = [q.last, lastStart].sort()[0]!;
    if (last < q.first) continue;
    const used = new Set<string>();
    const cases = rnd.int(3, 5);
    for (let k = 0; k < cases; k++) {
      let child: [string, string] | undefined;
      let first = q.first;
      for (let attempt = 0; attempt < 8 && !child; attempt++) {
        first = addDays(q.first, rnd.int(0, daysBetween(q.first, last)));
        if (!isSchoolDay(first)) continue;
        const fit = candidates.filter(
          ([id, dob]) => !used.has(id) && ageOn(dob, first) >= 5 && ageOn(dob, first) <= 15,
        );
        if (fit.length) child = rnd.pick(fit);
      }
      if (!child) continue;
      used.add(child[0]);
      let scenario = SCENARIOS[rnd.pick(WEIGHTS)]!;
      // Four weeks of enquiries and the records transferred must be over by today.
      if (scenario.locatedDay === null && addDays(first, 50) > today) scenario = SCENARIOS[0]!;
      const day = (n: number) => schoolDay(first, n);
      const referral: CmeReferralInput = {
        school: rnd.pick(ageOn(child[1], first) < 11 ? PRIMARY : SECONDARY),
        reportedOn: day(rnd.int(1, 2)),
        reporterKind: scenario.outcome === 'elective_home_education' || rnd.chance(0.8) ? 'school' : 'other',
        reportedBy: rnd.pick(['Designated safeguarding lead', 'Attendance officer', 'Head of year']),
        firstAbsentOn: first,
        reason: rnd.pick(scenario.reasons),
        reasonDetails: scenario.details,
      };
      const located = scenario.locatedDay === null ? null : day(scenario.locatedDay);
      // Each check on its school day, those falling due before the child was located.
      const by = (n: number) => (located && located < day(n) ? null : day(n));
      const offRollOn = located ? null : addDays(first, 28 + rnd.int(0, 3));
      const recordsTransferredOn = offRollOn ? addWorkingDays(offRollOn, rnd.int(2, 10), holidays) : null;
      const progress: CmeProgressInput = {
        parentsContactedOn: day(1),
        recontactOn: by(2),
        dslToldOn: by(2),
        homeVisitOn: by(3),
        cmeOfficerToldOn: by(3),
        policeWelfareCheckOn: located && located <= day(3) ? null : day(4),
        outcome: scenario.outcome,
        locatedOn: located,
        offRollOn,
        recordsTransferredOn,
        closedOn: recordsTransferredOn ?? addDays(located!, rnd.int(1, 5)),
      };
      const id = await recordCme(db, manager, ctx, child[0], referral);
      await updateCme(db, manager, ctx, id, { referral, progress });
    }
  }
}
