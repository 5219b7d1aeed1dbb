/**
 * Demo children missing education for Oakhaven, recorded through the missing
 * module's services on children of the demo practitioner's caseload: one
 * reported this week with checks overdue and an enquiry made, one reported
 * yesterday, and one closed as elective home education after the checks;
 * and the education service's lists: the first child on the attendance list
 * since before the absence, the third electively home educated since. Then
 * two years of closed cases on other children (missing-education-history.ts),
 * so the quarterly key data has children missing education in every quarter.
 * Fictional schools and words only; deterministic, with dates relative to the
 * clock's today.
 */
import type { Oversight } from '../app';
import { caseloadFor } from '../modules/cases/service';
import { addCmeEnquiry, recordCme, updateCme } from '../modules/missing/cme-service';
import { addToList } from '../modules/missing/education-lists-service';
import { addDays } from '../platform/calendar/working-days';
import { today as todayOf } from '../platform/clock';
import type { DemoScale } from './load';
import { demoAuditContext, missingDemoActor } from './missing-common';
import { missingEducationHistoryDemo } from './missing-education-history';
import type { DemoOrganisation } from './organisation';

const noProgress = {
  parentsContactedOn: null,
  recontactOn: null,
  dslToldOn: null,
  homeVisitOn: null,
  cmeOfficerToldOn: null,
  policeWelfareCheckOn: null,
  outcome: null,
  locatedOn: null,
  offRollOn: null,
  recordsTransferredOn: null,
  closedOn: null,
};

export async function missingEducationDemo(
  oversight: Oversight,
  org: DemoOrganisation,
  _scale: DemoScale,
): Promise<void> {
  const db = oversight.database.db;
  const today = todayOf(oversight.clock);
  const worker = missingDemoActor(org, 'practitioner');
  const ctx = demoAuditContext(worker, oversight.clock.now());
  const children = (await caseloadFor(db, worker, ctx)).sort((a, b) => b.sourceId.localeCompare(a.sourceId));
  const ago = (n: number) => addDays(today, -n);
  const [overdue, fresh, closed] = children;

  if (overdue) {
    const referral = {
      school: 'Riverside Community School',
      reportedOn: ago(5),
      reporterKind: 'school' as const,
      reportedBy: 'Designated safeguarding lead',
      firstAbsentOn: ago(8),
      reason: 'stopped_attending' as const,
      reasonDetails: 'Not in school since the half-term; phone numbers on file not answered.',
    };
    const id = await recordCme(db, worker, ctx, overdue.id, referral);
    await updateCme(db, worker, ctx, id, {
      referral,
      progress: { ...noProgress, parentsContactedOn: ago(8), recontactOn: ago(5), dslToldOn: ago(5) },
    });
    await addToList(db, worker, ctx, overdue.id, {
      list: 'attendance',
      fromOn: ago(70),
      note: 'Attendance 82% last term',
    });
    await addCmeEnquiry(db, worker, ctx, id, {
      madeOn: ago(4),
      contacted: 'Admissions team, neighbouring authority',
      result: 'No application for a school place received',
    });
  }
  if (fresh) {
    const referral = {
      school: 'Oakhaven Primary Academy',
      reportedOn: ago(1),
      reporterKind: 'other' as const,
      reportedBy: 'Family support worker',
      firstAbsentOn: ago(1),
      reason: 'moved_no_school' as const,
      reasonDetails: null,
    };
    const id = await recordCme(db, worker, ctx, fresh.id, referral);
    await updateCme(db, worker, ctx, id, {
      referral,
      progress: { ...noProgress, parentsContactedOn: ago(1) },
    });
  }
  if (closed) {
    const referral = {
      school: 'Hillcrest High School',
      reportedOn: ago(40),
      reporterKind: 'school' as const,
      reportedBy: 'Attendance officer',
      firstAbsentOn: ago(42),
      reason: 'removed_from_roll' as const,
      reasonDetails: 'A parent wrote to say the child would be taught at home.',
    };
    const id = await recordCme(db, worker, ctx, closed.id, referral);
    await updateCme(db, worker, ctx, id, {
      referral,
      progress: {
        ...noProgress,
        parentsContactedOn: ago(42),
        recontactOn: ago(41),
        dslToldOn: ago(41),
        outcome: 'elective_home_education',
        locatedOn: ago(41),
        closedOn: ago(35),
      },
    });
    await addToList(db, worker, ctx, closed.id, { list: 'ehe', fromOn: ago(41), note: null });
  }
  await missingEducationHistoryDemo(oversight, org);
}
