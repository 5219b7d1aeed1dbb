/**
 * Two years of closed missing episodes for Oakhaven, as a small inner London
 * authority sees them: a handful of looked-after children missing each
 * quarter, most of them older unaccompanied young people, each back within
 * the day, told to the police and seen by the social worker, offered an
 * independent return home interview (most accepted and done, a few
 * declined). Recorded by the service manager, through the missing module's
 * services, on looked-after children other than the practitioner's (whose
 * four episodes the browser journeys rely on), so that the quarterly key
 * data has figures for the current quarter and the seven before it.
 *
 * Every episode is back within 20 hours, so no strategy meeting or
 * notification to the assistant director falls due, and every clock that
 * does is done: the history adds nothing to anyone's overdue list.
 * Deterministic (a seeded generator; dates relative to the clock's today);
 * no names are written, only the demo's synthetic children are used.
 */
import type { Oversight } from '../app';
import { childPeriods, importedMissingEpisodes, teamCaseload } from '../modules/cases/service';
import { saveInterview } from '../modules/missing/interviews';
import { londonDateOf, londonInstant } from '../modules/missing/london-time';
import * as missing from '../modules/missing/service';
import type { EpisodeType } from '../modules/missing/vocab';
import type { AuditContext } from '../platform/audit/service';
import { financialYearOf, financialYearQuarters, type Quarter } from '../platform/calendar/quarters';
import { addDays } from '../platform/calendar/working-days';
import { today as todayOf } from '../platform/clock';
import type { Db } from '../platform/db/client';
import type { Actor } from '../platform/permissions';
import { blankInterview, demoAuditContext, missingDemoActor } from './missing-common';
import type { DemoOrganisation } from './organisation';
import { SeededRandom } from './random';

const HOUR = 3_600_000;
const QUARTERS = 8;

/** The current financial quarter and the ones before it, oldest first. */
export function lastQuarters(today: string, n: number): Quarter[] {
  const year = financialYearOf(today);
  return [year - 2, year - 1, year]
    .flatMap((y) => financialYearQuarters(y))
    .filter((q) => q.first <= today)
    .slice(-n);
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

const REPORTERS = ['Supported accommodation key worker', 'Foster carer', 'Residential key worker'];
const FOUND = [
  'Came back alone',
  'Found by the police at a friend’s flat',
  'Came back with a friend from college',
  'Found by the police at a railway station',
  'Collected by the key worker from a relative’s',
];
const STARTS = ['16:30', '19:00', '20:45', '22:00', '23:15'];

interface Candidate {
  id: string;
  uasc: boolean;
  dateOfBirth: string | null;
  lookedAfter: Array<{ start: string; end: string | null }>;
  importedStarts: Set<string>;
}

export async function missingHistoryDemo(oversight: Oversight, org: DemoOrganisation): Promise<void> {
  const db = oversight.database.db;
  const now = oversight.clock.now();
  const today = todayOf(oversight.clock);
  const manager = missingDemoActor(org, 'service_manager');
  const ctx = demoAuditContext(manager, now);
  const practitioner = missingDemoActor(org, 'practitioner');

  // Children of the children in care and leaving care teams, less the practitioner's own: those
  // looked after on the day of an episode (a care leaver now may have been looked after then).
  const rows = [];
  for (const team of ['uasc', 'children-in-care', 'leaving-care'])
    rows.push(...(await teamCaseload(db, { ...manager, teamId: org.teamIds[team] ?? null }, ctx)));
  const others = rows
    .filter((c) => c.workerUserId !== practitioner.userId)
    .sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  const ids = [...new Set(others.map((r) => r.id))];
  const [periods, imported] = await Promise.all([
    childPeriods(db, org.organisationId, ids),
    importedMissingEpisodes(db, org.organisationId, { personIds: ids }),
  ]);
  const candidates: Candidate[] = ids.map((id) => {
    const row = others.find((r) => r.id === id)!;
    return {
      id,
      uasc: row.uasc,
      dateOfBirth: row.dateOfBirth,
      lookedAfter: (periods.get(id)?.periods ?? []).filter((p) => p.type === 'looked_after'),
      importedStarts: new Set(
        imported.filter((i) => i.personId === id && i.startAt).map((i) => londonDateOf(i.startAt!)),
      ),
    };
  });
  if (!candidates.length) return;

  // Older young people (13 and over), looked after on the day, with no episode of the extract that day.
  const fits = (c: Candidate, date: string) =>
    c.lookedAfter.some((p) => p.start <= date && (!p.end || p.end >= date)) &&
    (!c.dateOfBirth || addDays(c.dateOfBirth, Math.round(13 * 365.25)) <= date) &&
    !c.importedStarts.has(date);

  const rnd = new SeededRandom(1403);
  let n = 0;
  // Episodes end by a week ago, so that the interview offered and done after them is in the past.
  const lastStart = addDays(today, -8);
  for (const q of lastQuarters(today, QUARTERS)) {
    const last = [q.last, lastStart].sort()[0]!;
    if (last < q.first) continue;
    const used = new Set<string>();
    const episodes = rnd.int(3, 4);
    for (let e = 0; e < episodes; e++) {
      // A day, then one of the children who fit it (nine times in ten an unaccompanied young person, when one fits); another day if none do.
      let child: Candidate | undefined;
      let date = q.first;
      for (let attempt = 0; attempt < 8 && !child; attempt++) {
        date = addDays(q.first, rnd.int(0, daysBetween(q.first, last)));
        const fit = candidates.filter((c) => !used.has(c.id) && fits(c, date));
        const fitUasc = fit.filter((c) => c.uasc);
        const fitOthers = fit.filter((c) => !c.uasc);
        const pool = fitUasc.length && (!fitOthers.length || rnd.chance(0.9)) ? fitUasc : fitOthers;
        if (pool.length) child = rnd.pick(pool);
      }
      if (!child) continue;
      used.add(child.id);
      n += 1;
      await historyEpisode(db, manager, ctx, rnd, child.id, date, n);
    }
  }
}

async function historyEpisode(
  db: Db,
  manager: Actor,
  ctx: AuditContext,
  rnd: SeededRandom,
  personId: string,
  date: string,
  n: number,
): Promise<void> {
  const startAt = londonInstant(date, rnd.pick(STARTS));
  const type: EpisodeType = rnd.pick(['missing', 'missing', 'missing', 'absent', 'away']);
  const id = await missing.recordEpisode(db, manager, ctx, personId, {
    startAt,
    type,
    reportedBy: rnd.pick(REPORTERS),
    reportedAt: new Date(startAt.getTime() + 30 * 60_000),
    policeReference: `CAD ${String(5000 + n * 37)}/DEMO`,
    policeRisk: type === 'missing' ? 'medium' : null,
    highRiskCircumstances: [],
    withWhom: null,
  });
  const endAt = new Date(startAt.getTime() + rnd.int(3, 20) * HOUR);
  await missing.recordReturn(db, manager, ctx, id, { endAt, whereFound: rnd.pick(FOUND) });
  await missing.recordNotifications(db, manager, ctx, id, {
    policeToldAt: new Date(startAt.getTime() + 45 * 60_000),
    adToldAt: null,
    leadMemberToldAt: null,
    socialWorkerContactAt: new Date(endAt.getTime() + rnd.int(2, 12) * HOUR),
  });
  const offeredAt = new Date(endAt.getTime() + rnd.int(4, 40) * HOUR);
  const offered = {
    ...blankInterview,
    offeredAt,
    offeredBy: 'Return interview service (independent)',
    independent: true,
    respondedOn: londonDateOf(offeredAt),
  };
  if (rnd.chance(0.18)) {
    await saveInterview(db, manager, ctx, id, {
      ...offered,
      response: 'declined',
      socialWorkerOffered: rnd.chance(0.7),
    });
    return;
  }
  await saveInterview(db, manager, ctx, id, {
    ...offered,
    response: 'accepted',
    // Most within the 72 hours, a few a few days later.
    completedOn: addDays(londonDateOf(offeredAt), rnd.chance(0.8) ? rnd.int(0, 1) : rnd.int(3, 5)),
    completedBy: 'Return interview worker',
    pushFactors: 'Boredom in the placement; wanting to be with friends',
    pullFactors: 'Friends from college and the community',
    whereWent: 'A friend’s flat in the borough',
    exploitationConcerns: 'None identified',
    actions: 'Key worker to agree evening plans each week.',
  });
}
