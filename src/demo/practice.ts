/**
 * Demo practice records for Oakhaven, made through the practice service
 * after the case register is loaded: the children's own words (some recent,
 * some older than three months, so the indicator has something to show),
 * what events meant for the children in the chronology, management
 * oversight decisions, and three rounds of supervision for the Children in
 * Care Team in which one action is carried forward twice (so the service
 * manager's list of repeated actions is not empty).
 *
 * Fictional words and names only. Deterministic: a fixed seed, dates
 * relative to the clock's today.
 */
import type { Oversight } from '../app';
import { casesModule } from '../modules/cases/index';
import * as practice from '../modules/cases/practice-service';
import type { CaptureMethod } from '../modules/cases/voice-rules';
import type { AuditContext } from '../platform/audit/service';
import { addDays } from '../platform/calendar/working-days';
import { today as todayOf } from '../platform/clock';
import type { Actor, Role } from '../platform/permissions';
import type { DemoScale } from './load';
import { DEMO_USERS, type DemoOrganisation } from './organisation';
import { SeededRandom } from './random';

const CHILDRENS_WORDS: ReadonlyArray<{ words: string; method: CaptureMethod }> = [
  { words: 'I like living here because Jan makes pancakes on Sundays and nobody shouts.', method: 'direct' },
  { words: 'I miss my mum. I want to see her more than once a month.', method: 'direct' },
  { words: 'School is OK but I hate lunchtimes. Nobody plays with me.', method: 'app' },
  {
    words: 'Please stop changing my social worker. I have to tell my story again every time.',
    method: 'direct',
  },
  { words: 'I feel safe here. I don’t want to move again.', method: 'consultation_booklet' },
  { words: 'I want to do football on Saturdays like my friends.', method: 'survey' },
  { words: 'I don’t want to talk about it with lots of people in the room.', method: 'advocate' },
  {
    words:
      'Drew the house with three people and a dog. Put a sad face by the front door and a happy face by the garden, and said “the garden is where I go when it’s loud”.',
    method: 'drawing',
  },
  { words: 'I want to stay at this school until I finish Year 11.', method: 'direct' },
  { words: 'Nobody asked me before I moved. Next time I want to be asked.', method: 'audio_video' },
  { words: 'I am learning English fast. I want to go to college and be an electrician.', method: 'direct' },
  {
    words: 'I want to know what is happening with my Home Office interview. Waiting makes me not sleep.',
    method: 'advocate',
  },
];

const WHAT_CHANGED = [
  'Contact with mum moved from monthly to fortnightly.',
  'A football club place was found and is paid for from the placement budget.',
  'The next review will be held in two parts so the child can speak to the chair alone.',
  'An advocate was arranged for the next review.',
];

const SIGNIFICANCE = [
  '{name} was seen alone and talked about feeling lonely at weekends. This is why weekend activities were added to the plan.',
  '{name} said the review felt like it was about them, not with them. They will chair part of the next one.',
  '{name} moved placement and lost daily contact with school friends; {name} said “I have to start again”.',
  '{name} met the new carers for the first time and asked to keep their own room. The move felt calm.',
];

const DECISIONS: ReadonlyArray<{ decision: string; reasons: string }> = [
  {
    decision: 'Continue the current plan; statutory visits to stay six-weekly.',
    reasons: '{name} is settled, says they feel safe, and school attendance is above 95%.',
  },
  {
    decision:
      'Increase visits to fortnightly and hold a strategy discussion if there is another missing episode.',
    reasons: 'Two missing episodes this month; {name} has said they are meeting older friends in town.',
  },
  {
    decision: 'Ask the independent reviewing officer to bring the review forward.',
    reasons:
      '{name} has asked to live nearer to their sister, and the placement is willing to talk about it.',
  },
  {
    decision: 'Allocate an advocate before the next review.',
    reasons:
      '{name} finds it hard to speak in meetings and has asked for someone to help them say what they want.',
  },
];

const ACTIONS = [
  'Record what the last placement move meant for the child in the chronology',
  'See the child alone at school before the review',
  'Ask the virtual school for the personal education plan targets',
  'Arrange the first life story work session',
  "Record the child's views before the review",
  'Complete the pathway plan review with the personal adviser',
];

function actorFor(org: DemoOrganisation, role: Role, teamId: string | null): Actor {
  const user = DEMO_USERS.find((u) => u.role === role)!;
  return {
    userId: org.userIds[role],
    organisationId: org.organisationId,
    organisationName: org.organisationName,
    name: user.name,
    email: user.email,
    role,
    teamId,
    permissions: new Set(
      Object.entries(casesModule.permissions)
        .filter(([, def]) => def.roles.includes(role))
        .map(([key]) => key),
    ),
  };
}

function at(actor: Actor, date: string): AuditContext {
  return {
    organisationId: actor.organisationId,
    userId: actor.userId,
    ip: null,
    userAgent: 'demo generator',
    requestId: null,
    at: new Date(`${date}T11:00:00Z`),
  };
}

/** At most this many children get recorded views (the practitioner's first, then the team's). */
const VOICE_CHILDREN = 250;

const named = (text: string, name: string) => text.replaceAll('{name}', name);

export async function practiceDemo(
  oversight: Oversight,
  org: DemoOrganisation,
  _scale: DemoScale,
): Promise<void> {
  const db = oversight.database.db;
  const today = todayOf(oversight.clock);
  const rnd = new SeededRandom(20_261_122);
  const team = org.teamIds['children-in-care'] ?? null;
  const worker = actorFor(org, 'practitioner', team);
  const manager = actorFor(org, 'team_manager', team);
  const now = at(worker, today);

  // The children's own words: the practitioner's caseload, then the rest of the team's (captured by their worker).
  const mine = await practice.myCases(db, worker, now);
  const mineIds = new Set(mine.map((c) => c.id));
  const wholeTeam = await practice.teamCases(db, manager, at(manager, today));
  const teamChildren = wholeTeam.filter((c) => !mineIds.has(c.id));
  let n = 0;
  // A few hundred at most, so the large authority's demo loads in reasonable time.
  for (const [i, child] of [...mine, ...teamChildren].slice(0, VOICE_CHILDREN).entries()) {
    if (!rnd.chance(i < mine.length ? 0.75 : 0.5)) continue;
    const ownCase = mineIds.has(child.id);
    const by = ownCase ? worker : manager;
    const said = CHILDRENS_WORDS[n++ % CHILDRENS_WORDS.length]!;
    // Most within the last three months; some older, so the indicator is not all green.
    const recordedOn = addDays(today, -rnd.int(3, rnd.chance(0.7) ? 85 : 150));
    const changed = rnd.chance(0.35);
    await practice.recordVoice(
      db,
      by,
      child.id,
      {
        recordedOn,
        words: said.words,
        captureMethod: said.method,
        capturedBy: ownCase ? 'me' : 'other',
        capturedByName: ownCase ? undefined : `${child.workerName ?? 'Allocated worker'}, social worker`,
        changedSomething: changed,
        whatChanged: changed ? rnd.pick(WHAT_CHANGED) : undefined,
      },
      at(by, today),
    );
  }

  // What events meant for the children: the practitioner's notes on a few of her children's visits.
  for (const child of mine.slice(0, 4)) {
    const chronology = await practice.chronology(db, worker, child.id, { categories: ['looked after'] }, now);
    const visits = chronology.events.filter(
      (e) => e.title === 'Statutory visit' || e.title === 'Placement started',
    );
    for (const event of visits.slice(-2)) {
      await practice.addChronologyNote(
        db,
        worker,
        child.id,
        {
          eventTable: event.eventTable,
          eventSourceId: event.eventSourceId,
          eventDate: event.date,
          significance: named(rnd.pick(SIGNIFICANCE), child.forename ?? 'The child'),
        },
        now,
      );
    }
  }

  // Management oversight on some of the team's children.
  for (const child of wholeTeam.filter((_, i) => i % 3 === 0).slice(0, 10)) {
    const d = rnd.pick(DECISIONS);
    const name = child.forename ?? 'The child';
    await practice.recordOversight(
      db,
      manager,
      child.id,
      { decidedOn: addDays(today, -rnd.int(1, 60)), decision: d.decision, reasons: named(d.reasons, name) },
      at(manager, today),
    );
  }

  // Supervision: three rounds, four weeks apart, for up to three of the team's workers.
  const workers = (await practice.superviseesFor(db, manager, now))
    .filter((w) => w.openAllocations > 0)
    .slice(0, 3);
  for (const [w, supervisee] of workers.entries()) {
    for (const [round, daysAgo] of [84, 56, 28].entries()) {
      const heldOn = addDays(today, -daysAgo - w);
      const ctx = at(manager, heldOn);
      const form = await practice.supervisionForm(db, manager, supervisee.id, ctx);
      const carry: Record<string, string> = {};
      for (const [k, a] of form.openActions.entries()) {
        // The first worker's first action is never done: carried twice, it reaches the service manager.
        const stuck = w === 0 && k === 0;
        // Others are sometimes carried once, never twice.
        carry[practice.carryField(a.action.id)] =
          stuck || (a.appearances < 2 && rnd.chance(0.3)) ? 'carry' : 'done';
      }
      const discussed = form.children.slice(0, 3);
      await practice.recordSupervision(
        db,
        manager,
        {
          workerId: supervisee.id,
          heldOn,
          reflection: `We talked about ${discussed.map((c) => c.forename ?? 'a child').join(', ') || 'the caseload'}: what each child has said recently and whether the plans reflect it. ${supervisee.name} has ${form.children.length} children allocated and said the workload is ${rnd.pick(['manageable', 'heavy this month', 'manageable but the court work is stressful'])}.`,
          personIds: discussed.map((c) => c.id),
          carry,
          actions:
            round === 2 && w > 0
              ? []
              : [
                  {
                    description: ACTIONS[(w * 2 + round) % ACTIONS.length]!,
                    ownerKind: 'worker' as const,
                    dueOn: addDays(heldOn, 14),
                  },
                  ...(round === 0
                    ? [
                        {
                          description: ACTIONS[(w * 2 + round + 1) % ACTIONS.length]!,
                          ownerKind: 'supervisor' as const,
                          dueOn: addDays(heldOn, 21),
                        },
                      ]
                    : []),
                ],
        },
        ctx,
      );
    }
  }
}
