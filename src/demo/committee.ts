/**
 * Demo committee business for Oakhaven: the Safeguarding Sub-Committee with
 * its terms of reference, the demo member as chairman and the demo clerk, and
 * a year of quarterly meetings: three held, with published packs, and the next
 * one with its agenda published. Each agenda has the standard items, a public
 * performance report embedding the latest published improvement-plan snapshot
 * and a non-public report. Each held meeting has its attendance and minutes,
 * with an action for the performance report on the committee's outstanding
 * actions list; the minutes of a meeting are approved at the next one, so the
 * last held meeting's stay in draft. Everything goes through the committee
 * services, in date order. Deterministic: fixed text, dates relative to the clock's today.
 */
import type { Oversight } from '../app';
import { committeeModule } from '../modules/committee/index';
import * as committee from '../modules/committee/service';
import { indicatorReportComponent } from '../modules/kpis/embed';
import { keyDataComponent } from '../modules/missing/embed';
import { plansModule } from '../modules/plans/index';
import {
  completeAction,
  getOutstandingDocument,
  listPlans,
  listPublishedSnapshots,
  planSnapshotComponent,
} from '../modules/plans/service';
import { roundSummaryComponent } from '../modules/qa/embed';
import type { AuditContext } from '../platform/audit/service';
import { addDays, addMonths } from '../platform/calendar/working-days';
import { londonDateOf } from '../platform/clock';
import { componentRegistry } from '../platform/components';
import type { Db } from '../platform/db/client';
import type { Actor, Role } from '../platform/permissions';
import type { DemoScale } from './load';
import { DEMO_USERS, type DemoOrganisation } from './organisation';

function actorFor(org: DemoOrganisation, role: Role): Actor {
  return {
    userId: org.userIds[role],
    organisationId: org.organisationId,
    organisationName: org.organisationName,
    name: role,
    email: `${role}@demo.invalid`,
    role,
    teamId: null,
    permissions: new Set(
      Object.entries({ ...committeeModule.permissions, ...plansModule.permissions })
        .filter(([, def]) => def.roles.includes(role))
        .map(([key]) => key),
    ),
  };
}

function at(actor: Actor, date: string, hour = 10): AuditContext {
  return {
    organisationId: actor.organisationId,
    userId: actor.userId,
    ip: null,
    userAgent: 'demo generator',
    requestId: null,
    at: new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`),
  };
}

const DUTIES = [
  'To oversee the arrangements for safeguarding children and adults at risk in the borough',
  'To receive and scrutinise reports on safeguarding performance, including the statutory timescales',
  'To monitor the Children’s Services Improvement Plan and the response to inspection',
  'To receive the findings of case file audits and the actions taken on them',
  'To receive reports on children missing from home, care and education',
  'To report to the Community and Children’s Services Committee',
];

const PERFORMANCE = {
  summary:
    'This report sets out the service’s performance against its safeguarding measures for the quarter, and progress on the improvement plan.',
  recommendations:
    'Members are asked to:\n- note the report\n- note the progress on the improvement plan in Appendix 1',
  mainReport: [
    '## Background',
    'The committee receives a performance report each quarter. Figures are drawn from the case management system through the Standard Safeguarding Dataset.',
    '',
    '## Current position',
    'Visits to children on child protection (CP) plans within timescale remain above target, and reviews chaired by the IRO for each CLA are on time. Small numbers are shown as [c] to protect the children concerned.',
    '',
    '| Measure | This quarter | Target |',
    '|---|---|---|',
    '| Child protection visits within timescale (%) | 92 | 90 |',
    '| Reviews of children in care on time (%) | 96 | 95 |',
    '| Children missing from care offered a return home interview (RHI) | [c] | All |',
    '',
    '## Proposals',
    '- Continue the weekly tracking of visits in every team',
    '- Report on return home interviews in the next quarter',
  ].join('\n'),
  implications:
    'There are no additional financial, legal or equalities implications arising from this report.',
  conclusion: 'Performance is stable; the improvement plan is on track.',
  backgroundPapers: 'None.',
};

const REVIEW = {
  summary: 'An update on the local child safeguarding practice review and the actions agreed with partners.',
  recommendations: 'Members are asked to:\n- note the report',
  mainReport:
    '## Current position\nThe review panel has met twice this quarter. The actions for Children’s Services are set out below and are on track.\n\n- Strengthen management oversight of step-down decisions\n- Share the learning with partner agencies',
  implications:
    'Legal: the review is subject to statutory guidance; its details are exempt under paragraphs 1 and 2.',
  conclusion: null,
  backgroundPapers: null,
};

const DATE_NOT_A_BIRTHDAY = 'A date in the improvement plan’s progress, not a child’s date of birth.';

/** The cover sheet of a demo report: the director's, written by the head of quality assurance. */
export function demoReportCover(subject: string) {
  return {
    subject,
    corporateOutcomes: 'Children and young people are safe and supported',
    spending: null,
    reportOf: 'Director of Children’s Services',
    author: 'Head of Quality Assurance and Safeguarding',
    authorContact: 'qa@oakhaven.example',
  };
}
export async function committeeDemo(
  oversight: Oversight,
  org: DemoOrganisation,
  _scale: DemoScale,
): Promise<void> {
  const db = oversight.database.db;
  const today = londonDateOf(oversight.clock.now());
  const clerk = actorFor(org, 'committee_clerk');
  const manager = actorFor(org, 'service_manager');
  const senior = actorFor(org, 'senior_leader');
  const embedded = [indicatorReportComponent, roundSummaryComponent, keyDataComponent];
  const kinds = componentRegistry([{ name: 'demo', components: [planSnapshotComponent, ...embedded] }]);
  const start = addMonths(today, -10);

  const committeeId = await committee.createCommittee(db, clerk, at(clerk, start), {
    name: 'Safeguarding Sub-Committee',
    parentId: null,
    memberCount: 7,
    quorum: 3,
    duties: DUTIES,
    frequency: 'Quarterly',
    clerkUserId: clerk.userId,
  });
  await committee.addMember(db, clerk, at(clerk, start), committeeId, {
    userId: org.userIds.committee_member,
    role: 'chairman',
    termStart: start,
    termEnd: addDays(addMonths(start, 12), -1),
  });

  for (const [acronym, meaning] of GLOSSARY)
    await committee.addGlossaryEntry(db, clerk, at(clerk, start), { acronym, meaning });

  const heldIds: string[] = [];
  const meetings = [addMonths(today, -9), addMonths(today, -6), addMonths(today, -3), addMonths(today, 1)];
  for (const [n, date] of meetings.entries()) {
    const prepared = addDays(date, -21);
    const meetingId = await committee.createMeeting(db, clerk, at(clerk, prepared), committeeId, {
      date,
      startTime: '14:00',
      venue: 'Committee Room 2, Oakhaven Guildhall',
      virtualLink: null,
      recordingLink: n < 3 ? `https://webcasts.oakhaven.example/safeguarding/${date}` : null,
    });
    await committee.addStandardItems(db, clerk, at(clerk, prepared), meetingId);
    for (const [part, title] of [
      [1, 'Safeguarding performance report'],
      [2, 'Local child safeguarding practice review: update'],
    ] as const) {
      await committee.addItem(db, clerk, at(clerk, prepared), meetingId, {
        title,
        part,
        paragraphs: part === 2 ? [1, 2] : [],
        purpose: 'information',
        fromOfficer: 'Director of Children’s Services',
      });
    }
    const { items } = await committee.getMeeting(db, clerk, at(clerk, prepared), meetingId);
    const drafted = addDays(date, -14);
    for (const item of items.filter((i) => i.standard === null)) {
      const body = item.part === 1 ? PERFORMANCE : REVIEW;
      const reportId = await committee.saveReport(db, manager, at(manager, drafted), item.id, {
        cover: demoReportCover(item.title),
        body,
      });
      if (item.part === 1) {
        const snapshot = (await listPublishedSnapshots(db, org.organisationId)).find(
          (s) => s.publishedAt <= at(manager, drafted).at && s.planType === 'service_improvement',
        );
        if (snapshot)
          await committee.addAppendix(db, manager, at(manager, drafted), kinds, reportId, {
            title: 'Children’s Services Improvement Plan: progress',
            public: true,
            componentKind: planSnapshotComponent.kind,
            componentRef: snapshot.id,
          });
        // The next meeting's paper also embeds the latest indicator report, audit round and missing key data.
        if (n === meetings.length - 1)
          for (const kind of embedded) {
            const [latest] = await kind.choices(db, manager, at(manager, drafted).at);
            if (latest)
              await committee.addAppendix(db, manager, at(manager, drafted), kinds, reportId, {
                title: kind.name.replace(/ \(.*\)$/, ''),
                public: true,
                componentKind: kind.kind,
                componentRef: latest.ref,
              });
          }
      }
      await committee.sendForSignOff(db, manager, at(manager, drafted, 11), reportId, senior.userId);
      await committee.signOff(db, senior, at(senior, addDays(drafted, 2)), reportId);
      await committee.acceptReport(db, clerk, at(clerk, addDays(drafted, 3)), reportId);
    }
    const publishing = at(clerk, addDays(date, -7));
    // The next meeting's public pack ends with the acronyms it uses.
    if (n === meetings.length - 1)
      await committee.chooseMeetingGlossary(db, clerk, at(clerk, prepared), meetingId, 'used');
    // At the large authority nearly every recent date is some child's date of birth: the clerk lets
    // through the plan's own dates, as a clerk would, and anything else still stops publication.
    const check = await committee.checkPublication(db, clerk, kinds, meetingId, publishing.at);
    for (const f of check.findings.filter((x) => x.kind === 'date_of_birth' && x.overridden === null))
      await committee.overrideFinding(db, clerk, publishing, kinds, meetingId, f.key, DATE_NOT_A_BIRTHDAY);
    await committee.publishPacks(db, clerk, publishing, kinds, meetingId);
    if (date < today) {
      await committee.advanceStatus(db, clerk, at(clerk, date, 17), meetingId, 'held');
      await minutesDemo(db, clerk, org.userIds.committee_member, meetingId, date, n);
      // The previous meeting's minutes are approved under this meeting's "minutes" item.
      const previous = heldIds.at(-1);
      if (previous)
        await committee.approveMinutes(db, clerk, at(clerk, date, 18), previous, { how: 'at_meeting' });
      heldIds.push(meetingId);
      // The first action is done after the second meeting: the third meeting's list shows it
      // completed, the next meeting's list no longer does.
      if (n === 1) await completeFirstAction(db, clerk, addDays(date, 21));
    }
  }
}

async function completeFirstAction(db: Db, clerk: Actor, on: string) {
  const plan = (await listPlans(db, clerk)).find(
    (p) => p.type === 'committee_outstanding' && p.committeeName === 'Safeguarding Sub-Committee',
  );
  if (!plan) return;
  const doc = await getOutstandingDocument(db, clerk, plan.id, on);
  const first = doc.priorities[0]?.actions[0];
  if (first)
    await completeAction(db, clerk, at(clerk, on), first.actionId, {
      completedOn: on,
      evidence: { text: 'Figures reported to members by email', link: null, file: null },
      note: null,
    });
}

/** The organisation's glossary: acronyms a committee paper on children's safeguarding uses. */
const GLOSSARY: ReadonlyArray<readonly [string, string]> = [
  ['CIN', 'Child in need'],
  ['CLA', 'Child looked after (a child in care)'],
  ['CME', 'Children missing education'],
  ['CP', 'Child protection'],
  ['CSE', 'Child sexual exploitation'],
  ['EHCP', 'Education, health and care plan'],
  ['IRO', 'Independent reviewing officer'],
  ['LADO', 'Local authority designated officer (allegations against people who work with children)'],
  ['MASH', 'Multi-agency safeguarding hub'],
  ['RHI', 'Return home interview (after a child has been missing)'],
  ['SEND', 'Special educational needs and disabilities'],
  ['SGO', 'Special guardianship order'],
  ['UASC', 'Unaccompanied asylum-seeking child'],
];

/** What each held meeting minuted: discussion, resolutions, one action for the performance report. */
const ACTIONS = [
  [
    'Report the return interview figures for children missing from care, by team',
    'Head of Service, Children in Care',
  ],
  [
    'Bring the findings of the thematic audit of step-down decisions to the committee',
    'Head of Quality Assurance',
  ],
  ['Circulate the briefing on the new practice standards to members', 'Principal Social Worker'],
] as const;

async function minutesDemo(
  db: Db,
  clerk: Actor,
  memberId: string,
  meetingId: string,
  date: string,
  n: number,
) {
  const drafted = addDays(date, 7);
  const { items } = await committee.getMeeting(db, clerk, at(clerk, drafted), meetingId);
  await committee.recordAttendance(db, clerk, at(clerk, date, 16), meetingId, {
    members: [{ userId: memberId, status: 'present' }],
    officers: [
      { name: 'Director of Children’s Services', department: 'Children’s Services' },
      { name: 'Head of Quality Assurance', department: 'Children’s Services' },
    ],
  });
  for (const item of items) {
    const minuted = MINUTED[item.standard ?? (item.part === 1 ? 'report' : 'report-private')];
    if (!minuted) continue;
    const [discussion, resolution] = minuted;
    const action = item.standard === null && item.part === 1 ? ACTIONS[n % ACTIONS.length]! : null;
    await committee.saveItemMinutes(db, clerk, at(clerk, drafted), meetingId, item.id, {
      discussion,
      resolutions: resolution ? [resolution] : [],
      action: action ? { description: action[0], officer: action[1], dueDate: addMonths(date, 3) } : null,
    });
  }
  // A member's question under the performance report; every other meeting the answer came in writing.
  const report = items.find((i) => i.standard === null && i.part === 1);
  if (report) {
    const [question, answer, answeredBy] = QUESTIONS[n % QUESTIONS.length]!;
    await committee.saveQuestion(db, clerk, at(clerk, drafted), meetingId, report.id, null, {
      askedBy: MEMBER_NAME,
      question,
      answer,
      answeredBy,
      afterMeeting: n % 2 === 1,
    });
  }
  await committee.saveEndedAt(db, clerk, at(clerk, drafted), meetingId, '15:45');
}

/** The demo committee member, as the minutes name them. */
const MEMBER_NAME = DEMO_USERS.find((u) => u.role === 'committee_member')!.name;

/** Members' questions and their answers under the performance report. */
const QUESTIONS = [
  [
    'How many return interviews were offered within 72 hours this quarter, and what stops the rest?',
    'Most were offered in time; the rest were for young people placed out of the borough, where the provider is now commissioned to offer them.',
    'Head of Service, Children in Care',
  ],
  [
    'Are caseloads in the assessment teams back within the agreed range?',
    'Two teams are above the range; agency staff start next month and caseloads are reviewed weekly.',
    'Director of Children’s Services',
  ],
  [
    'What do the audits say about how well children’s views are recorded?',
    'Most audited files recorded the child’s views in their own words; the practice standards now ask for it at every visit.',
    'Head of Quality Assurance',
  ],
] as const;

const MINUTED: Record<string, readonly [string, string | null]> = {
  apologies: ['There were no apologies.', null],
  declarations: ['There were no declarations of interest.', null],
  minutes: [
    'The minutes of the previous meeting were agreed as a correct record.',
    'That the minutes be approved',
  ],
  outstanding: ['Members reviewed the outstanding actions list.', 'That the list be noted'],
  report: [
    'The Director introduced the report. Members asked how the service tracks visits that fall outside timescale; officers explained the weekly tracking in every team.\n\n- Members welcomed the improvement in visits within timescale\n- Members asked for return interview figures by team',
    'That the report be noted',
  ],
  questions: ['There were no questions.', null],
  urgent: ['There was no urgent business.', null],
  'report-private': [
    'Members discussed the practice review panel’s update and the actions agreed with partners.',
    'That the update be noted',
  ],
};
