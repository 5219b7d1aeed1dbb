/**
 * Demo improvement plans for Oakhaven: a service improvement plan (five
 * priorities, about seventy actions traced to an inspection, audits and a
 * survey), a thematic plan on exploitation and missing children, a
 * self-evaluation review and the Safeguarding Committee's outstanding
 * actions, with a year of updates and two published versions. Everything is
 * fictional and made through the plans service, in date order, so history
 * is written as it would have been. Deterministic: a fixed seed, dates
 * relative to the clock's today.
 */
import type { Oversight } from '../app';
import * as plans from '../modules/plans/service';
import { addDays, addMonths } from '../platform/calendar/working-days';
import { londonDateOf } from '../platform/clock';
import type { Actor } from '../platform/permissions';
import type { DemoScale } from './load';
import type { DemoOrganisation } from './organisation';
import { FOCUS, LEADS, PROGRESS, s } from './plans-content';
import { outstandingActionsDemo } from './plans-outstanding';
import { SIP } from './plans-sip';
import { actorFor, at } from './qa';
import { SeededRandom } from './random';

/**
 * Each action's story over the four quarters: the RAG at each update. Most
 * stay green; a few turn amber (with reasons); one goes red then recovers;
 * some complete with evidence.
 */
type Story = Array<'red' | 'amber' | 'green' | 'blue'>;

export async function plansDemo(
  oversight: Oversight,
  org: DemoOrganisation,
  _scale: DemoScale,
): Promise<void> {
  const db = oversight.database.db;
  const random = new SeededRandom(20260415);
  const today = londonDateOf(oversight.clock.now());
  const start = addMonths(today, -12);
  const quarters = [1, 2, 3, 4].map((q) => addDays(addMonths(start, 3 * q), -7));
  const manager = actorFor(org, 'service_manager');
  const senior = actorFor(org, 'senior_leader');
  const clerk = actorFor(org, 'committee_clerk');
  const administrator = actorFor(org, 'administrator');

  // The authority scores its actions 0 to 10 (red 0-3, amber 4-6, green 7-10), as its early help plan does.
  await plans.updateRagKey(
    db,
    administrator,
    at(administrator, start),
    plans.DEFAULT_RAG_KEY,
    plans.DEFAULT_RAG_SCALE,
  );

  // Leads roster
  const leadIds: Record<string, string> = {};
  const leadActor: Record<string, Actor | undefined> = {};
  for (const l of LEADS) {
    leadIds[l.key] = await plans.createLead(db, manager, at(manager, start), {
      jobTitle: l.title,
      initials: l.initials,
      holderUserId: l.role ? org.userIds[l.role] : null,
      holderName: l.role ? null : (l.name ?? null),
    });
    leadActor[l.key] = l.role ? actorFor(org, l.role) : undefined;
  }

  // The service improvement plan
  const sipId = await plans.createPlan(db, manager, at(manager, start), {
    type: 'service_improvement',
    name: 'Children’s Services Improvement Plan',
    durationFrom: start,
    durationTo: addDays(addMonths(start, 24), -1),
    relevantStrategies: 'Children and Young People’s Plan; Corporate Parenting Strategy; Workforce Strategy',
    previousVersions: 'Post-inspection action plan (superseded by this plan)',
    monitoringBoard: 'Children’s Services Improvement Board',
    owner: "Director of Children's Services",
    implementationDate: start,
    reviewDate: addMonths(start, 12),
    monitoringFrequency: 'quarterly',
    aims: 'Respond to the inspection’s eight recommendations and the findings of our own audits and surveys, so that every child is seen, heard and helped at the right time.',
    committeeName: null,
  });
  const sipActions: Array<{ id: string; lead: string; story: Story; late: boolean }> = [];
  const amberReasons = [
    'Recruitment delays in two teams have slowed progress.',
    'Partner agency capacity has delayed the joint work.',
    'Data quality issues mean the measure cannot yet be shown.',
    'Sickness in the team has put the timetable back by a quarter.',
    'Training dates were postponed; new dates agreed.',
    'The measure fell below target this quarter; recovery plan agreed.',
  ];
  let amberCount = 0;
  // Actions added after the first published version, so the comparison shows them as added.
  const lateActions: Array<() => Promise<unknown>> = [];
  for (const [pi, priority] of SIP.entries()) {
    const priorityId = await plans.createPriority(db, manager, at(manager, start), sipId, {
      number: pi + 1,
      title: priority.title,
    });
    for (const [ai, a] of priority.actions.entries()) {
      const n = pi + 1;
      // Priority 3 carries the letter-suffixed references plans use for late additions: 3.13a, 3.13b.
      const reference = n === 3 && ai >= 12 ? `3.12${ai === 12 ? 'a' : 'b'}` : `${n}.${ai + 1}`;
      const addedLater = ai === 13 && n !== 3; // added after the first published version
      const long = random.chance(0.5);
      const endDate = addMonths(start, long ? 21 : random.int(13, 20));
      const roll = random.next();
      let story: Story = ['green', 'green', 'green', 'green'];
      if (roll < 0.1) story = ['green', 'green', 'blue', 'blue'];
      else if (roll < 0.16) story = ['green', 'green', 'green', 'blue'];
      else if (roll < 0.26 && amberCount < 6) {
        story = random.chance(0.5)
          ? ['green', 'green', 'amber', 'amber']
          : ['green', 'amber', 'green', 'amber'];
        amberCount += 1;
      }
      if (n === 2 && ai === 3) story = ['green', 'red', 'amber', 'green'];
      const created = addedLater ? addDays(quarters[1]!, 10) : start;
      // The first two actions that end amber are past their target date: overdue.
      const overdue = story[3] === 'amber' && amberCount <= 2;
      const create = async () =>
        plans.createAction(db, manager, at(manager, addDays(created, 3)), sipId, {
          priorityId,
          reference,
          aim: a.aim ?? null,
          source: a.source,
          action: a.text,
          startDate: addDays(created, 3),
          endDate: overdue ? addMonths(today, -1) : endDate,
          measure: a.measure,
          outcomeForChildren: priority.outcome,
          leadOfficerId: leadIds[a.lead]!,
          seniorLeadId: leadIds[a.senior]!,
          areaLeadId: a.area ? leadIds[a.area]! : null,
          dateAdded: null,
          agendaItem: null,
        });
      if (addedLater)
        lateActions.push(async () =>
          sipActions.push({ id: await create(), lead: a.lead, story, late: true }),
        );
      else sipActions.push({ id: await create(), lead: a.lead, story, late: false });
    }
  }

  // The thematic plan: exploitation and missing children
  const thematicId = await plans.createPlan(db, manager, at(manager, start), {
    type: 'thematic',
    name: 'Child Exploitation and Missing Children Action Plan',
    durationFrom: start,
    durationTo: addDays(addMonths(start, 18), -1),
    relevantStrategies: 'Safeguarding partnership exploitation strategy',
    previousVersions: null,
    monitoringBoard: 'Exploitation and Missing Sub-group',
    owner: 'Head of Service, Assessment and Intervention',
    implementationDate: start,
    reviewDate: addMonths(start, 12),
    monitoringFrequency: 'quarterly',
    aims: 'Children at risk of exploitation, or who go missing, are identified early and protected by a joined-up response.',
    committeeName: null,
  });
  const thematicPriorities = [
    {
      title: 'Identify risk early',
      actions: [
        [
          'Exploitation screening tool used at every contact where exploitation is suspected',
          'Screening recorded for 90% of relevant contacts',
          'MEC',
        ],
        [
          'Schools briefed on signs of criminal exploitation and county lines',
          'Briefing delivered to all secondary schools',
          'MEC',
        ],
        [
          'Return home interviews offered within 72 hours of a child coming back',
          '85% offered within 72 hours',
          'MEC',
        ],
        [
          'Missing episodes mapped monthly to find locations and associates',
          'Monthly map shared with police',
          'PAM',
        ],
      ],
    },
    {
      title: 'Respond together',
      actions: [
        [
          'Multi-agency exploitation meeting held fortnightly',
          'Meetings held; actions tracked to completion',
          'HAI',
        ],
        [
          'Disruption activity recorded against each identified location',
          'Disruption recorded for every identified location',
          'MEC',
        ],
        [
          'Children at high risk have a named lead professional',
          'Named lead for 100% of high-risk children',
          'HAI',
        ],
        [
          'Transitional safeguarding protocol agreed with adult services for 17 year olds',
          'Protocol agreed and in use',
          'HCIC',
        ],
      ],
    },
    {
      title: 'Learn and improve',
      actions: [
        ['Thematic audit of exploitation cases completed', 'Audit reported to the sub-group', 'QAM'],
        [
          'Young people’s views on the response gathered through a peer research project',
          'Report co-produced with young people',
          'PSW',
        ],
        [
          'Training on contextual safeguarding for practitioners and partners',
          '80% of practitioners trained',
          'WDL',
        ],
      ],
    },
  ] as const;
  const thematicActions: Array<{ id: string; lead: string; story: Story }> = [];
  for (const [pi, p] of thematicPriorities.entries()) {
    const priorityId = await plans.createPriority(db, manager, at(manager, start), thematicId, {
      number: pi + 1,
      title: p.title,
    });
    for (const [ai, [text, measure, lead]] of p.actions.entries()) {
      const id = await plans.createAction(db, manager, at(manager, addDays(start, 5)), thematicId, {
        priorityId,
        reference: `${pi + 1}.${ai + 1}`,
        aim: null,
        source: pi === 2 ? s.audit('Exploitation thematic audit') : s.fresh(),
        action: text,
        startDate: addDays(start, 5),
        endDate: addMonths(start, random.int(13, 18)),
        measure,
        outcomeForChildren:
          'Children at risk are kept safe and feel that professionals act on what they say.',
        leadOfficerId: leadIds[lead]!,
        seniorLeadId: leadIds.HAI!,
        areaLeadId: null,
        dateAdded: null,
        agendaItem: null,
      });
      thematicActions.push({
        id,
        lead,
        story:
          ai === 1 && pi === 0
            ? ['green', 'green', 'blue', 'blue']
            : ['green', 'green', 'green', pi === 1 && ai === 1 ? 'amber' : 'green'],
      });
    }
  }
  // Return home interviews (thematic 1.3) also sit in the service improvement plan, under priority 2.
  const sipPriorities = await plans.listPriorities(db, manager, sipId);
  await plans.linkAction(db, manager, at(manager, addDays(start, 6)), thematicActions[2]!.id, {
    planId: sipId,
    priorityId: sipPriorities[1]!.id,
    reference: '2.15',
  });

  // The self-evaluation areas for development
  const selfEvalId = await plans.createPlan(db, manager, at(manager, start), {
    type: 'self_evaluation',
    name: 'Self-evaluation: areas for development',
    durationFrom: start,
    durationTo: addDays(addMonths(start, 12), -1),
    relevantStrategies: 'Annual self-evaluation of social work practice',
    previousVersions: 'Self-evaluation areas for development (previous year)',
    monitoringBoard: 'Senior Leadership Team',
    owner: 'Quality Assurance Manager',
    implementationDate: start,
    reviewDate: addMonths(start, 12),
    monitoringFrequency: 'six_monthly',
    aims: 'Act on what our self-evaluation told us we need to do better.',
    committeeName: null,
  });
  const selfEvalAreas = [
    [
      'Consistency of written plans',
      [
        ['Plans are SMART and written so that families understand them', 'QAM'],
        ['Contingency plans say what will happen if things do not improve', 'PSW'],
      ],
    ],
    [
      'Impact of early help',
      [
        ['Outcome scores recorded at start, review and closure for every family', 'HEH'],
        ['Early help step-up and step-down decisions are timely and explained to families', 'HEH'],
      ],
    ],
    [
      'Health of children in care',
      [
        ['Review health assessments completed on time and their actions followed up', 'HCIC'],
        ['Emotional wellbeing scores used to plan support', 'TMC'],
      ],
    ],
  ] as const;
  const selfEvalActions: Array<{ id: string; lead: string; story: Story }> = [];
  for (const [pi, [title, items]] of selfEvalAreas.entries()) {
    const priorityId = await plans.createPriority(db, manager, at(manager, start), selfEvalId, {
      number: pi + 1,
      title,
    });
    for (const [ai, [text, lead]] of items.entries()) {
      const id = await plans.createAction(db, manager, at(manager, addDays(start, 7)), selfEvalId, {
        priorityId,
        reference: `${pi + 1}.${ai + 1}`,
        aim: null,
        source: s.selfEval(),
        action: text,
        startDate: addDays(start, 7),
        endDate: addMonths(start, 12),
        measure: null,
        outcomeForChildren: null,
        leadOfficerId: leadIds[lead]!,
        seniorLeadId: leadIds.DCS!,
        areaLeadId: null,
        dateAdded: null,
        agendaItem: null,
      });
      selfEvalActions.push({
        id,
        lead,
        story: ['green', 'green', 'green', pi === 2 && ai === 1 ? 'amber' : 'green'],
      });
    }
  }

  // A year of quarterly updates, in date order, with two versions published along the way.
  const updateActor = (lead: string) => leadActor[lead] ?? manager;
  const quarterlyUpdate = async (
    entry: { id: string; lead: string; story: Story },
    q: number,
    previous: string,
    selfEval = false,
  ) => {
    const rag = entry.story[q]!;
    const who = updateActor(entry.lead);
    const date = quarters[q]!;
    const changing = rag !== previous;
    await plans.addUpdate(db, who, at(who, date), entry.id, {
      date,
      progress:
        rag === 'blue'
          ? 'Completed: the measure has been met for two consecutive quarters and the change is part of everyday practice.'
          : selfEval
            ? `${random.pick(PROGRESS)} Evidence gathered for the six-monthly review.`
            : random.pick(PROGRESS),
      focus: rag === 'blue' ? null : random.pick(FOCUS),
      rag,
      // A score in the status's band, varied by quarter without drawing on the seeded sequence.
      score:
        rag === 'green' ? 7 + (q % 3) : rag === 'amber' ? 4 + (q % 3) : rag === 'red' ? 1 + (q % 3) : null,
      reason: changing
        ? rag === 'amber'
          ? random.pick(amberReasons)
          : rag === 'red'
            ? 'The measure has fallen well below target and needs escalation to the Improvement Board.'
            : rag === 'green'
              ? 'Recovery plan has worked; back on track.'
              : null
        : null,
      evidence:
        rag === 'blue' && previous !== 'blue'
          ? {
              text: `Quarterly performance report to the Improvement Board, ${date}; audit sample confirms the change.`,
              link: null,
              file: null,
            }
          : { text: null, link: null, file: null },
    });
  };

  const stale = new Set([sipActions[4]!.id, sipActions[19]!.id, sipActions[47]!.id]);
  for (let q = 0; q < 4; q++) {
    for (const entry of sipActions) {
      if (entry.late && q < 2) continue;
      if (q === 3 && stale.has(entry.id)) continue;
      const previous = q === 0 || (entry.late && q === 2) ? 'green' : entry.story[q - 1]!;
      if (previous === 'blue' && entry.story[q] === 'blue') continue;
      await quarterlyUpdate(entry, q, previous);
    }
    if (q === 1 || q === 3) {
      for (const entry of thematicActions) {
        const previous = q === 1 ? 'green' : entry.story[1]!;
        if (previous === 'blue') continue;
        await quarterlyUpdate(entry, q, previous);
      }
    }
    if (q === 1 || q === 3) {
      for (const entry of selfEvalActions)
        await quarterlyUpdate(entry, q, q === 1 ? 'green' : entry.story[1]!, true);
    }
    if (q === 1 || q === 2) {
      await plans.publishSnapshot(db, senior, at(senior, addDays(quarters[q]!, 5)), sipId, {
        asAt: addDays(quarters[q]!, 3),
      });
    }
    if (q === 1) for (const create of lateActions) await create();
  }

  await outstandingActionsDemo(db, clerk, today);
}
