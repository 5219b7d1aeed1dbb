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
import { plansModule } from '../modules/plans/index';
import * as plans from '../modules/plans/service';
import type { Source } from '../modules/plans/vocab';
import type { AuditContext } from '../platform/audit/service';
import { addDays, addMonths } from '../platform/calendar/working-days';
import { londonDateOf } from '../platform/clock';
import type { Actor, Role } from '../platform/permissions';
import type { DemoScale } from './load';
import type { DemoOrganisation } from './organisation';
import { SeededRandom } from './random';

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
      Object.entries(plansModule.permissions)
        .filter(([, def]) => def.roles.includes(role))
        .map(([key]) => key),
    ),
  };
}

/** An audit context at 10:00 on a calendar date (UTC noon-ish keeps the London date right all year). */
function at(actor: Actor, date: string): AuditContext {
  return {
    organisationId: actor.organisationId,
    userId: actor.userId,
    ip: null,
    userAgent: 'demo generator',
    requestId: null,
    at: new Date(`${date}T10:00:00Z`),
  };
}

const s = {
  rec: (n: number): Source => ({ kind: 'inspection_recommendation', detail: String(n) }),
  para: (n: number): Source => ({ kind: 'inspection_paragraph', detail: String(n) }),
  audit: (which: string): Source => ({ kind: 'case_audit', detail: which }),
  survey: (which: string): Source => ({ kind: 'survey', detail: which }),
  selfEval: (): Source => ({ kind: 'self_evaluation', detail: null }),
  fresh: (): Source => ({ kind: 'new', detail: null }),
};

/** Posts on the leads roster: initials, job title, and who holds it (a demo role, a name, or vacant). */
const LEADS: ReadonlyArray<{
  key: string;
  initials: string | null;
  title: string;
  role?: Role;
  name?: string;
}> = [
  { key: 'DCS', initials: 'DCS', title: "Director of Children's Services", role: 'senior_leader' },
  { key: 'HCIC', initials: 'HCIC', title: 'Head of Service, Children in Care', role: 'service_manager' },
  {
    key: 'HAI',
    initials: 'HAI',
    title: 'Head of Service, Assessment and Intervention',
    name: 'Jonah Pellew-Grant',
  },
  { key: 'HEH', initials: 'HEH', title: 'Head of Service, Early Help', name: 'Marisol Achterberg' },
  { key: 'QAM', initials: 'QAM', title: 'Quality Assurance Manager', role: 'qa_officer' },
  { key: 'TMC', initials: 'TMC', title: 'Team Manager, Children in Care', role: 'team_manager' },
  { key: 'SSW', initials: 'SSW', title: 'Senior Social Worker, Children in Care', role: 'practitioner' },
  { key: 'PSW', initials: 'PSW', title: 'Principal Social Worker', name: 'Odile Farthing-Reyes' },
  { key: 'WDL', initials: 'WDL', title: 'Workforce Development Lead' },
  {
    key: 'MEC',
    initials: 'MEC',
    title: 'Missing and Exploitation Coordinator',
    name: 'Kwame Hollis-Baptiste',
  },
  { key: 'IROM', initials: 'IROM', title: 'Independent Reviewing Service Manager', name: 'Beatrix Lanyon' },
  { key: 'PAM', initials: 'PAM', title: 'Performance and Intelligence Manager', name: 'Rafe Okonkwo-Steele' },
];

interface DemoAction {
  text: string;
  measure: string;
  source: Source;
  lead: string;
  senior: string;
  area?: string;
  aim?: string;
}

/** Five priorities; each action names its source, lead and senior lead by roster key. */
const SIP: ReadonlyArray<{ title: string; outcome: string; actions: DemoAction[] }> = [
  {
    title: 'Children are seen and heard, and their views shape their plans',
    outcome:
      'Children say they know why a social worker is involved and that their views change what happens.',
    actions: [
      {
        text: 'Record the child’s own words, not a summary, in every assessment and plan',
        measure: 'Monthly audit finds the child’s words in 85% of assessments',
        source: s.rec(1),
        lead: 'PSW',
        senior: 'HAI',
        aim: 'Improve how consistently the views and experiences of children are recorded and used',
      },
      {
        text: 'Introduce a direct work toolkit for under-fives and non-verbal children',
        measure: 'Toolkit in use in every team; audits show age-appropriate direct work',
        source: s.para(21),
        lead: 'PSW',
        senior: 'HAI',
      },
      {
        text: 'Children in care see their social worker alone at every statutory visit where safe to do so',
        measure: '95% of visits record whether the child was seen alone',
        source: s.rec(1),
        lead: 'TMC',
        senior: 'HCIC',
        area: 'SSW',
      },
      {
        text: 'Write to children in plain language after every review, explaining what was decided',
        measure: 'Letters sent after 90% of reviews',
        source: s.survey('Children in care survey 2026'),
        lead: 'IROM',
        senior: 'HCIC',
      },
      {
        text: 'Advocacy offered to every child at the start of child protection enquiries',
        measure: 'Advocacy offer recorded for 90% of section 47 enquiries',
        source: s.para(24),
        lead: 'HAI',
        senior: 'DCS',
      },
      {
        text: 'Children in Care Council co-produces the pledge refresh',
        measure: 'Refreshed pledge signed off by the Corporate Parenting Panel',
        source: s.survey('Children in care survey 2026'),
        lead: 'HCIC',
        senior: 'DCS',
      },
      {
        text: 'Independent reviewing officers meet children before every review',
        measure: 'Pre-review contact recorded for 90% of reviews',
        source: s.rec(2),
        lead: 'IROM',
        senior: 'HCIC',
      },
      {
        text: 'Young people help recruit social workers and managers',
        measure: 'A young people’s panel sits on every permanent social work interview',
        source: s.selfEval(),
        lead: 'WDL',
        senior: 'DCS',
      },
      {
        text: 'Care leavers’ feedback gathered at each pathway plan review',
        measure: 'Feedback recorded at 80% of pathway plan reviews',
        source: s.survey('Care leavers survey 2026'),
        lead: 'TMC',
        senior: 'HCIC',
      },
      {
        text: 'Practice standards updated to set out what “seeing the child” means at each stage',
        measure: 'Standards published and briefed to all teams',
        source: s.audit('Voice of the child thematic audit'),
        lead: 'PSW',
        senior: 'DCS',
      },
      {
        text: 'Disabled children’s communication needs recorded on the front sheet of the file',
        measure: 'Communication needs recorded for 95% of disabled children',
        source: s.para(27),
        lead: 'HAI',
        senior: 'HAI',
      },
      {
        text: 'Feedback from children summarised for each quarterly performance meeting',
        measure: 'Summary presented at each quarterly meeting',
        source: s.fresh(),
        lead: 'PAM',
        senior: 'HCIC',
      },
      {
        text: 'Life story work started for every child with a plan for permanence',
        measure: 'Life story work started within 3 months of the permanence decision for 80% of children',
        source: s.audit('Permanence audit'),
        lead: 'SSW',
        senior: 'HCIC',
      },
      {
        text: 'Exit interviews offered to children when their case closes',
        measure: 'Exit feedback offered to 75% of children at closure',
        source: s.selfEval(),
        lead: 'QAM',
        senior: 'HAI',
      },
    ],
  },
  {
    title: 'Help and protection are timely and proportionate',
    outcome:
      'Children get the right help at the right time and do not wait for decisions about their safety.',
    actions: [
      {
        text: 'Decisions on contacts at the front door made within one working day',
        measure: '95% of contacts decided within 1 working day',
        source: s.rec(3),
        lead: 'HAI',
        senior: 'DCS',
      },
      {
        text: 'Strategy discussions include police, health and education every time',
        measure: 'Three-agency attendance at 90% of strategy discussions',
        source: s.para(31),
        lead: 'HAI',
        senior: 'DCS',
      },
      {
        text: 'Assessments completed within 45 working days, with a quality check before sign-off',
        measure: '90% of assessments within 45 working days; audit grades good or better in 70%',
        source: s.rec(3),
        lead: 'HAI',
        senior: 'HAI',
      },
      {
        text: 'Initial child protection conferences held within 15 working days of the strategy discussion',
        measure: '90% of initial conferences in time',
        source: s.para(33),
        lead: 'IROM',
        senior: 'HAI',
      },
      {
        text: 'Step-down to early help agreed at a joint meeting with the family',
        measure: 'Joint meeting recorded for 85% of step-downs',
        source: s.audit('Step-down audit'),
        lead: 'HEH',
        senior: 'HAI',
      },
      {
        text: 'Re-referrals within 12 months reviewed monthly to learn why',
        measure: 'Monthly learning note to the senior leadership team',
        source: s.selfEval(),
        lead: 'PAM',
        senior: 'HAI',
      },
      {
        text: 'Out-of-hours service shares information with day teams by 9am',
        measure: 'Handover recorded by 9am for 95% of out-of-hours contacts',
        source: s.para(29),
        lead: 'HAI',
        senior: 'HAI',
      },
      {
        text: 'Neglect toolkit used in every child in need and child protection assessment where neglect is a concern',
        measure: 'Toolkit completed in 80% of relevant assessments',
        source: s.audit('Neglect thematic audit'),
        lead: 'PSW',
        senior: 'HAI',
      },
      {
        text: 'Children on plans for two years or more reviewed by a senior manager',
        measure: 'Senior review recorded for every child on a plan for 18 months',
        source: s.rec(4),
        lead: 'HAI',
        senior: 'DCS',
      },
      {
        text: 'Pre-proceedings letters followed by a meeting within 10 working days',
        measure: 'Meeting held within 10 working days in 85% of cases',
        source: s.para(36),
        lead: 'HCIC',
        senior: 'DCS',
      },
      {
        text: 'Private fostering arrangements assessed within statutory timescales',
        measure: 'All notifications visited within 7 working days',
        source: s.selfEval(),
        lead: 'HCIC',
        senior: 'HCIC',
      },
      {
        text: 'Domestic abuse notifications triaged jointly with police daily',
        measure: 'Daily triage held on 95% of working days',
        source: s.para(30),
        lead: 'HAI',
        senior: 'DCS',
      },
      {
        text: 'Early help assessments completed within 30 working days',
        measure: '85% within 30 working days',
        source: s.audit('Early help audit'),
        lead: 'HEH',
        senior: 'HEH',
      },
      {
        text: 'Children’s needs reassessed when circumstances change, not only at review',
        measure: 'Audit shows updated assessments in 75% of cases with a significant change',
        source: s.audit('Casefile audit, autumn round'),
        lead: 'HAI',
        senior: 'HAI',
      },
    ],
  },
  {
    title: 'Children in care and care leavers have stable homes and good futures',
    outcome:
      'Children live with people who care for them, stay in the same school where possible and leave care ready for adult life.',
    actions: [
      {
        text: 'Sufficiency strategy refreshed with a plan for more local foster homes',
        measure: '15 new fostering households approved in the year',
        source: s.rec(5),
        lead: 'HCIC',
        senior: 'DCS',
      },
      {
        text: 'Placement stability meetings held when a child has a second move in a year',
        measure: 'Stability meeting for every child with a second move',
        source: s.para(42),
        lead: 'TMC',
        senior: 'HCIC',
      },
      {
        text: 'Personal education plans reviewed every term with the virtual school',
        measure: '95% of PEPs in date',
        source: s.para(45),
        lead: 'TMC',
        senior: 'HCIC',
      },
      {
        text: 'Health assessments completed within 20 working days of coming into care',
        measure: '85% of initial health assessments in time',
        source: s.rec(6),
        lead: 'HCIC',
        senior: 'HCIC',
      },
      {
        text: 'Pathway plans written with the young person and reviewed every six months',
        measure: '90% of pathway plans in date',
        source: s.rec(7),
        lead: 'TMC',
        senior: 'HCIC',
      },
      {
        text: 'Staying Put offered to every care leaver in foster care at 18',
        measure: 'Offer recorded for all eligible young people',
        source: s.selfEval(),
        lead: 'HCIC',
        senior: 'DCS',
      },
      {
        text: 'Care leavers in suitable accommodation; no young person in bed and breakfast',
        measure: '90% in suitable accommodation; none in bed and breakfast',
        source: s.para(50),
        lead: 'HCIC',
        senior: 'DCS',
      },
      {
        text: 'Family time plans reviewed at every looked-after review',
        measure: 'Family time reviewed at 90% of reviews',
        source: s.survey('Children in care survey 2026'),
        lead: 'IROM',
        senior: 'HCIC',
      },
      {
        text: 'Permanence decided at the second looked-after review',
        measure: 'Permanence plan recorded by second review for 85% of children',
        source: s.audit('Permanence audit'),
        lead: 'SSW',
        senior: 'HCIC',
      },
      {
        text: 'Unaccompanied young people have an age-appropriate health and education offer within four weeks',
        measure: 'Offer in place within 4 weeks for 90%',
        source: s.para(47),
        lead: 'TMC',
        senior: 'HCIC',
      },
      {
        text: 'Supported lodgings scheme extended to 16 and 17 year olds',
        measure: 'Eight supported lodgings hosts approved',
        source: s.fresh(),
        lead: 'HCIC',
        senior: 'DCS',
      },
      {
        text: 'Care leavers’ local offer published in a young-person-friendly format',
        measure: 'Offer published and reviewed by the Care Leavers Forum',
        source: s.survey('Care leavers survey 2026'),
        lead: 'TMC',
        senior: 'HCIC',
      },
      {
        text: 'Celebrate achievement: an annual awards evening planned with young people',
        measure: 'Event held, planned by young people',
        source: s.selfEval(),
        lead: 'SSW',
        senior: 'HCIC',
      },
      {
        text: 'Council tax exemption for care leavers extended to age 25',
        measure: 'Exemption agreed by the council',
        source: s.fresh(),
        lead: 'HCIC',
        senior: 'DCS',
      },
    ],
  },
  {
    title: 'Leaders and managers know their practice and make it better',
    outcome: 'Children benefit from consistent, reflective oversight of the work done with them.',
    actions: [
      {
        text: 'Management oversight recorded on every child’s file at least monthly, with clear direction',
        measure: 'Audit finds purposeful oversight in 80% of files',
        source: s.rec(8),
        lead: 'TMC',
        senior: 'HCIC',
      },
      {
        text: 'Reflective supervision for every social worker at least monthly',
        measure: '90% of supervisions in time; quality sampled quarterly',
        source: s.para(55),
        lead: 'PSW',
        senior: 'DCS',
      },
      {
        text: 'Casefile audit programme: half of open cases independently audited twice a year',
        measure: 'Both rounds completed; findings reported to the board',
        source: s.audit('Independent audit programme'),
        lead: 'QAM',
        senior: 'DCS',
      },
      {
        text: 'Audit recommendations followed up with practitioners within two months',
        measure: '85% of recommendations signed off on evidence within two months',
        source: s.audit('Independent audit programme'),
        lead: 'QAM',
        senior: 'HAI',
      },
      {
        text: 'Performance clinics for team managers every month',
        measure: 'Clinic held monthly; actions tracked',
        source: s.selfEval(),
        lead: 'PAM',
        senior: 'HAI',
      },
      {
        text: 'Practice observations at all tiers, including senior leaders',
        measure: 'Every manager observes two practice episodes a quarter',
        source: s.para(57),
        lead: 'PSW',
        senior: 'DCS',
      },
      {
        text: 'Quality assurance framework refreshed with partners',
        measure: 'Framework agreed by the safeguarding partnership',
        source: s.selfEval(),
        lead: 'QAM',
        senior: 'DCS',
      },
      {
        text: 'Moderation of audit grades by a second auditor for one in five audits',
        measure: 'Moderation completed for 20% of audits; agreement above 80%',
        source: s.audit('Independent audit programme'),
        lead: 'QAM',
        senior: 'HAI',
      },
      {
        text: 'Learning from reviews shared in practice weeks',
        measure: 'Two practice weeks held; attendance above 70%',
        source: s.fresh(),
        lead: 'PSW',
        senior: 'DCS',
      },
      {
        text: 'Data dashboards for team managers show timeliness by worker',
        measure: 'Dashboards used at every team meeting',
        source: s.rec(8),
        lead: 'PAM',
        senior: 'HAI',
      },
      {
        text: 'Senior leaders’ monthly practice summary to the lead member',
        measure: 'Summary shared monthly',
        source: s.fresh(),
        lead: 'DCS',
        senior: 'DCS',
      },
      {
        text: 'Thresholds document revised with partners and briefed to schools',
        measure: 'Briefing delivered to every school’s designated safeguarding lead',
        source: s.para(18),
        lead: 'HAI',
        senior: 'DCS',
      },
      {
        text: 'Escalation protocol used by independent reviewing officers reported quarterly',
        measure: 'Quarterly report to the senior leadership team',
        source: s.rec(2),
        lead: 'IROM',
        senior: 'HCIC',
      },
      {
        text: 'Annual self-evaluation produced with frontline staff',
        measure: 'Self-evaluation published, with staff contributions',
        source: s.selfEval(),
        lead: 'QAM',
        senior: 'DCS',
      },
    ],
  },
  {
    title: 'A stable, skilled and supported workforce',
    outcome: 'Children keep the same social worker for longer and build trusting relationships.',
    actions: [
      {
        text: 'Reduce agency social workers to under 15% of the workforce',
        measure: 'Agency rate below 15% at year end',
        source: s.para(60),
        lead: 'WDL',
        senior: 'DCS',
      },
      {
        text: 'Caseloads kept within 18 children for social workers in children in care teams',
        measure: 'Average caseload below 18',
        source: s.para(59),
        lead: 'HCIC',
        senior: 'DCS',
      },
      {
        text: 'Newly qualified social workers have a protected caseload and a practice educator',
        measure: 'All newly qualified workers on the programme',
        source: s.selfEval(),
        lead: 'WDL',
        senior: 'HAI',
      },
      {
        text: 'Career pathway from social worker to advanced practitioner published',
        measure: 'Pathway published; first progressions made',
        source: s.survey('Staff survey 2026'),
        lead: 'WDL',
        senior: 'DCS',
      },
      {
        text: 'Training programme on trauma-informed practice for all practitioners',
        measure: '85% of practitioners trained',
        source: s.audit('Casefile audit, spring round'),
        lead: 'WDL',
        senior: 'HAI',
      },
      {
        text: 'Exit interviews analysed quarterly to understand why staff leave',
        measure: 'Quarterly analysis to the workforce board',
        source: s.survey('Staff survey 2026'),
        lead: 'WDL',
        senior: 'DCS',
      },
      {
        text: 'Team managers complete a leadership programme',
        measure: 'All team managers enrolled; 80% completed',
        source: s.selfEval(),
        lead: 'WDL',
        senior: 'DCS',
      },
      {
        text: 'Wellbeing support and clinical consultation available to every team',
        measure: 'Monthly consultation offered to every team',
        source: s.survey('Staff survey 2026'),
        lead: 'PSW',
        senior: 'DCS',
      },
      {
        text: 'Business support reviewed so social workers spend more time with children',
        measure: 'Time-with-children survey shows an increase',
        source: s.fresh(),
        lead: 'HAI',
        senior: 'DCS',
      },
      {
        text: 'Recruitment campaign for experienced social workers in the children in care service',
        measure: 'Ten permanent appointments',
        source: s.para(60),
        lead: 'WDL',
        senior: 'HCIC',
      },
      {
        text: 'Mobile working: every social worker has a working laptop and phone',
        measure: 'Equipment audit finds 100% equipped',
        source: s.survey('Staff survey 2026'),
        lead: 'PAM',
        senior: 'DCS',
      },
      {
        text: 'Practice educators increased to support student placements',
        measure: 'Twelve student placements hosted',
        source: s.fresh(),
        lead: 'WDL',
        senior: 'HAI',
      },
      {
        text: 'Staff survey repeated and results shared with action taken',
        measure: 'Survey response rate above 60%; “you said, we did” published',
        source: s.survey('Staff survey 2026'),
        lead: 'WDL',
        senior: 'DCS',
      },
      {
        text: 'Induction for all new starters within their first two weeks',
        measure: '95% inducted within two weeks',
        source: s.selfEval(),
        lead: 'WDL',
        senior: 'HAI',
      },
    ],
  },
];

const PROGRESS = [
  'Reviewed with team managers; most teams on track and the approach is being embedded.',
  'Progress checked against the measure this quarter: improving steadily, with one team behind.',
  'Data for the quarter shows the measure met in most months; learning shared at the practice meeting.',
  'Sampled files show the change in practice; feedback from children and families is positive.',
  'Work continues as planned; partners engaged through the safeguarding partnership sub-group.',
  'Briefings delivered to all teams; early signs of impact in audit findings.',
];
const FOCUS = [
  'Embed across all teams and check again in the next audit round.',
  'Focus on the teams below the measure; share good examples.',
  'Agree the next steps with partners and report to the board.',
  'Sustain progress and gather feedback from children and families.',
];

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

  // The Safeguarding Committee's outstanding actions: some from each meeting, some done.
  const meetings = [addMonths(today, -9), addMonths(today, -6), addMonths(today, -3), addMonths(today, -1)];
  const outstanding: Array<[number, string, string, string, number, boolean]> = [
    [
      0,
      'Report on the timeliness of return home interviews, with the reasons for delays',
      'Item 6: Missing children quarterly report',
      'Missing and Exploitation Coordinator',
      3,
      true,
    ],
    [
      0,
      'Circulate the refreshed corporate parenting pledge to members',
      'Item 8: Corporate parenting update',
      'Head of Service, Children in Care',
      2,
      true,
    ],
    [
      1,
      'Provide a breakdown of agency social workers by team',
      'Item 5: Workforce report',
      'Workforce Development Lead',
      3,
      true,
    ],
    [
      1,
      'Arrange a visit for members to the Front Door and MASH',
      'Item 9: Any other business',
      'Democratic Services Officer',
      4,
      false,
    ],
    [
      2,
      'Bring the independent audit findings for the autumn round to the next meeting',
      'Item 7: Quality assurance report',
      'Quality Assurance Manager',
      3,
      false,
    ],
    [
      2,
      'Explain the rise in re-referrals within 12 months in the next performance report',
      'Item 6: Performance report',
      'Performance and Intelligence Manager',
      3,
      false,
    ],
    [
      3,
      'Share the care leavers’ local offer with members before publication',
      'Item 5: Care leavers update',
      'Head of Service, Children in Care',
      2,
      false,
    ],
  ];
  for (const [meeting, action, item, officer, months, done] of outstanding) {
    const dateAdded = meetings[meeting]!;
    const created = await plans.addOutstandingAction(db, clerk, at(clerk, dateAdded), {
      committeeName: 'Safeguarding Committee',
      action,
      dateAdded,
      agendaItem: item,
      officer,
      targetDate: addMonths(dateAdded, months),
    });
    if (done) {
      const completedOn = addMonths(dateAdded, months - 1);
      await plans.completeAction(db, clerk, at(clerk, completedOn), created.actionId, {
        completedOn,
        note: 'Reported to the committee',
        evidence: {
          text: `Presented at the meeting of ${completedOn}; minutes record it as received.`,
          link: null,
          file: null,
        },
      });
    }
  }
}
