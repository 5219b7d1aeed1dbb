/**
 * Demo missing episodes for Oakhaven, recorded through the missing module's
 * services after the case register is loaded: for looked-after children on
 * the demo practitioner's caseload, one episode taken up from the SSD
 * extract (so it shows once, merged), one child missing now, one back two
 * days ago who declined the interview, and one back ten days ago whose
 * interview was done (the child's own words kept as theirs), with a risk
 * assessment updated after it, and a trigger plan for the child missing now;
 * then two years of closed episodes on other looked-after children
 * (missing-history.ts).
 *
 * Fictional words only. Deterministic: dates relative to the clock's today,
 * fixed times of day.
 */
import type { Oversight } from '../app';
import { caseloadFor, importedMissingEpisodes } from '../modules/cases/service';
import { saveInterview } from '../modules/missing/interviews';
import { londonInstant } from '../modules/missing/london-time';
import { RISK_FACTORS, type RiskFactors } from '../modules/missing/risk';
import { saveRiskAssessment, saveTriggerPlan } from '../modules/missing/risk-records';
import * as missing from '../modules/missing/service';
import type { RecordedHighRisk } from '../modules/missing/vocab';
import { addDays } from '../platform/calendar/working-days';
import { today as todayOf } from '../platform/clock';
import type { DemoScale } from './load';
import { blankInterview, demoAuditContext, missingDemoActor } from './missing-common';
import { missingHistoryDemo } from './missing-history';
import type { DemoOrganisation } from './organisation';

const none = {
  policeReference: null,
  policeRisk: null,
  highRiskCircumstances: [] as RecordedHighRisk[],
  withWhom: null,
};

export async function missingDemo(
  oversight: Oversight,
  org: DemoOrganisation,
  _scale: DemoScale,
): Promise<void> {
  const db = oversight.database.db;
  const now = oversight.clock.now();
  const today = todayOf(oversight.clock);
  const worker = missingDemoActor(org, 'practitioner');
  const ctx = demoAuditContext(worker, now);
  const children = (await caseloadFor(db, worker, ctx))
    .filter((c) => c.serviceLevel === 'looked_after')
    .sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  const on = (daysAgo: number, time: string) => londonInstant(addDays(today, -daysAgo), time);

  // One episode the extract holds, taken up here: the same episode, not a second one.
  const imported = await importedMissingEpisodes(db, org.organisationId, {
    personIds: children.map((c) => c.id),
  });
  const fromExtract = imported.find((i) => i.endAt);
  if (fromExtract) {
    // The extract has the day only: an evening hour, never after the return it records.
    const from = fromExtract.startAt!.getTime();
    const start = new Date(from + Math.min(20 * 3_600_000, (fromExtract.endAt!.getTime() - from) / 2));
    await missing.recordEpisode(db, worker, ctx, fromExtract.personId, {
      ...none,
      startAt: start,
      type: fromExtract.episodeType === 'A' ? 'away' : 'missing',
      reportedBy: 'Foster carer',
      reportedAt: new Date(start.getTime() + 30 * 60_000),
      ssdSourceId: fromExtract.sourceId,
    });
  }
  const others = children.filter((c) => c.id !== fromExtract?.personId);

  // Missing now, since yesterday evening: police told, one attempt to locate.
  const [now1, back2, back10] = others;
  if (now1) {
    const id = await missing.recordEpisode(db, worker, ctx, now1.id, {
      startAt: on(1, '21:30'),
      type: 'missing',
      reportedBy: 'Residential key worker',
      reportedAt: on(1, '21:45'),
      policeReference: 'CAD 4471/DEMO',
      policeRisk: 'medium',
      highRiskCircumstances: [],
      withWhom: 'Thought to be with older friends from the estate',
    });
    await missing.recordNotifications(db, worker, ctx, id, {
      policeToldAt: on(1, '22:10'),
      adToldAt: null,
      leadMemberToldAt: null,
      socialWorkerContactAt: null,
    });
    await missing.addLocateAttempt(db, worker, ctx, id, {
      at: on(1, '23:00'),
      contacted: 'Aunt, by phone',
      result: 'Not seen today; will call if the young person arrives',
    });
  }
  // Back two days ago; declined the interview, the social worker offered to do it instead.
  if (back2) {
    const id = await missing.recordEpisode(db, worker, ctx, back2.id, {
      ...none,
      startAt: on(3, '16:00'),
      type: 'absent',
      reportedBy: 'Foster carer',
      reportedAt: on(3, '19:00'),
    });
    await missing.recordReturn(db, worker, ctx, id, { endAt: on(2, '10:30'), whereFound: 'Came home alone' });
    await saveInterview(db, worker, ctx, id, {
      ...blankInterview,
      offeredAt: on(2, '15:00'),
      offeredBy: 'Return interview service (independent)',
      independent: true,
      response: 'declined',
      respondedOn: addDays(today, -2),
      socialWorkerOffered: true,
    });
  }
  // Back ten days ago: strategy meeting held, interview done.
  if (back10) {
    const id = await missing.recordEpisode(db, worker, ctx, back10.id, {
      ...none,
      startAt: on(12, '18:00'),
      type: 'missing',
      reportedBy: 'Foster carer',
      reportedAt: on(12, '18:20'),
      policeRisk: 'high',
    });
    await missing.recordNotifications(db, worker, ctx, id, {
      policeToldAt: on(12, '18:30'),
      adToldAt: on(11, '09:30'),
      leadMemberToldAt: on(11, '12:00'),
      socialWorkerContactAt: null,
    });
    await missing.addStrategyMeeting(db, worker, ctx, id, {
      heldOn: addDays(today, -11),
      chair: 'Service manager, Children in Care',
      attendees: 'Police missing persons unit; social worker; foster carer',
      decisions:
        'Share the grab pack with the police; check the places the young person has been found before.',
      nextDate: null,
    });
    await missing.recordReturn(db, worker, ctx, id, {
      endAt: on(10, '08:15'),
      whereFound: 'Railway station, by the police',
    });
    await missing.recordNotifications(db, worker, ctx, id, {
      policeToldAt: on(12, '18:30'),
      adToldAt: on(11, '09:30'),
      leadMemberToldAt: on(11, '12:00'),
      socialWorkerContactAt: on(10, '15:00'),
    });
    await saveInterview(db, worker, ctx, id, {
      ...blankInterview,
      offeredAt: on(10, '16:00'),
      offeredBy: 'Return interview service (independent)',
      independent: true,
      response: 'accepted',
      respondedOn: addDays(today, -10),
      completedOn: addDays(today, -9),
      completedBy: 'Return interview worker',
      childAccount: 'I just wanted to see my brother. Nobody tells me when I can see him.',
      pushFactors: 'Not knowing when family time will happen',
      pullFactors: 'Wanting to see an older brother',
      whereWent: 'Brother’s flat, then the station',
      withWhom: 'Brother',
      exploitationConcerns: 'None identified',
      actions: 'Social worker to set a fixed time each week for contact with the brother.',
    });
    // The risk assessment updated the day after the return; the child back two days ago has none yet (prompted).
    await saveRiskAssessment(
      db,
      worker,
      back10.id,
      {
        factors: demoFactors,
        summary: 'Medium risk. Goes missing to see an older brother; no exploitation identified.',
        actions: 'Weekly family time agreed; grab pack shared with the police.',
        reviewOn: addDays(today, 81),
        completedOn: addDays(today, -9),
        completedBy: 'Priya Ashdown, social worker',
      },
      ctx,
    );
  }
  // The child missing now has a trigger plan from before this episode.
  if (now1) {
    await saveTriggerPlan(
      db,
      worker,
      now1.id,
      {
        likelihoodFactors: 'Goes missing after arguments at home, usually on Friday evenings, to the estate.',
        protectiveFactors: 'Trusts the residential key worker; answers calls from an aunt.',
        contacts: 'Key worker (home phone); aunt, mobile on the grab pack',
        seenByChild: true,
        seenByChildOn: addDays(today, -30),
      },
      ctx,
    );
  }
  // Two years of closed episodes on other looked-after children, for the quarterly key data.
  await missingHistoryDemo(oversight, org);
}

/** Every factor answered, most no; those that apply with details. */
const demoFactors: RiskFactors = Object.fromEntries(
  RISK_FACTORS.map((f) => [f.key, { answer: 'no' as const, details: null }]),
);
Object.assign(demoFactors, {
  age_band: { answer: 'yes', details: '15 to 18' },
  family_problems: { answer: 'yes', details: 'Irregular family time with an older brother' },
  state_of_mind: { answer: 'unknown', details: 'Quiet since the last placement move' },
});
