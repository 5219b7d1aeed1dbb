/**
 * Demo practice observations and QA calendar for Oakhaven: a year of
 * observations at every tier the demo staff hold, and the typical QA year
 * (vocabularies.md) as recurring activities with this year's dates, the past
 * ones mostly completed with evidence and a few left overdue. Made through
 * the qa services; deterministic: a fixed seed, dates relative to today.
 */
import type { Oversight } from '../app';
import { addActivity, calendarYear, completeItem } from '../modules/qa/calendar';
import * as feedback from '../modules/qa/feedback';
import { recordObservation } from '../modules/qa/observations';
import type {
  CalendarFrequency,
  ObservationSetting,
  ObservationTier,
  SurveyCohort,
} from '../modules/qa/practice-vocab';
import * as surveys from '../modules/qa/surveys';
import { addDays, addMonths } from '../platform/calendar/working-days';
import { londonDateOf } from '../platform/clock';
import type { Role } from '../platform/permissions';
import type { DemoScale } from './load';
import type { DemoOrganisation } from './organisation';
import { actorFor, at } from './qa';
import { SeededRandom } from './random';

const OBSERVED: Array<{ role: Role; tier: ObservationTier; observedRole: string; observer: Role }> = [
  {
    role: 'practitioner',
    tier: 'social_worker',
    observedRole: 'Social worker, children in care',
    observer: 'qa_officer',
  },
  {
    role: 'practitioner',
    tier: 'social_worker',
    observedRole: 'Social worker, children in care',
    observer: 'team_manager',
  },
  {
    role: 'team_manager',
    tier: 'team_manager',
    observedRole: 'Team manager, children in care',
    observer: 'service_manager',
  },
  {
    role: 'service_manager',
    tier: 'head_of_service',
    observedRole: 'Head of service, children in care',
    observer: 'senior_leader',
  },
  {
    role: 'senior_leader',
    tier: 'director',
    observedRole: "Director of children's services",
    observer: 'qa_officer',
  },
];

const NOTES: Record<ObservationSetting, { wentWell: string; evenBetterIf: string; agreedLearning: string }> =
  {
    home_visit: {
      wentWell: 'The child was seen alone and their wishes were recorded in their own words.',
      evenBetterIf: 'The visit had ended by agreeing the next steps with the carer.',
      agreedLearning: 'Close each visit by summarising what will happen next and when.',
    },
    meeting: {
      wentWell: 'The meeting kept the child at the centre; every agency was heard.',
      evenBetterIf: 'Actions had named owners and dates before people left.',
      agreedLearning: 'Record owners and dates for each action during the meeting.',
    },
    supervision: {
      wentWell: 'Reflective discussion of risk, with the worker leading the analysis.',
      evenBetterIf: 'The case direction had been recorded on the file the same day.',
      agreedLearning: 'Write the supervision decision on the child’s record within a day.',
    },
  };

/** The typical QA year: name, owner's role, frequency, months and due day. */
const TYPICAL_YEAR: Array<[string, Role, CalendarFrequency, number[], number]> = [
  ['Reflective supervision', 'team_manager', 'monthly', [], 28],
  ['SEND panel', 'service_manager', 'monthly', [], 20],
  [
    'Report on electively home educated children to the senior management team',
    'service_manager',
    'monthly',
    [],
    25,
  ],
  ['Practice observations at all tiers', 'qa_officer', 'monthly', [], 28],
  ['Update the service improvement plan', 'service_manager', 'quarterly', [1, 4, 7, 10], 15],
  ['Strategic placement group', 'service_manager', 'quarterly', [1, 4, 7, 10], 20],
  ['Personal education plans updated', 'team_manager', 'termly', [4, 7, 12], 15],
  ['Independent audit of half the open cases', 'qa_officer', 'twice_yearly', [5, 11], 31],
  ['Follow-up meeting on audit recommendations', 'qa_officer', 'twice_yearly', [1, 7], 15],
  ['Multi-agency audit', 'qa_officer', 'twice_yearly', [3, 9], 30],
  ['Appraisal and mid-year review', 'team_manager', 'twice_yearly', [4, 10], 30],
  ['Practice standards updated', 'senior_leader', 'twice_yearly', [2, 9], 28],
  ['Service user survey', 'qa_officer', 'yearly', [4], 30],
  [
    'Audits of independent fostering agencies and semi-independent accommodation',
    'qa_officer',
    'yearly',
    [6],
    30,
  ],
  ['Early years settings audits', 'qa_officer', 'yearly', [7], 15],
  ["Reviewing officers' annual report", 'service_manager', 'yearly', [8], 31],
  ['Inspection annual meeting and self-assessment', 'senior_leader', 'yearly', [10], 31],
];

export async function qaPracticeDemo(
  oversight: Oversight,
  org: DemoOrganisation,
  _scale: DemoScale,
): Promise<void> {
  const db = oversight.database.db;
  const r = new SeededRandom(1331);
  const today = londonDateOf(oversight.clock.now());
  const qa = actorFor(org, 'qa_officer');

  // About one observation a month over the last year, in date order.
  for (let month = 11; month >= 0; month--) {
    const o = OBSERVED[month % OBSERVED.length]!;
    const setting: ObservationSetting =
      o.tier === 'social_worker'
        ? r.pick(['home_visit', 'supervision'] as const)
        : r.pick(['meeting', 'supervision'] as const);
    const observedOn = addDays(addMonths(today, -month), -r.int(1, 20));
    await recordObservation(
      db,
      qa,
      at(qa, observedOn),
      {
        observerId: org.userIds[o.observer],
        observedId: org.userIds[o.role],
        tier: o.tier,
        observedRole: o.observedRole,
        observedOn,
        setting,
        ...NOTES[setting],
      },
      today,
    );
  }

  await surveysDemo(oversight, org, today);
  await feedbackDemo(oversight, org, today);

  // The typical year, made at the start of the year.
  const year = Number(today.slice(0, 4));
  const start = `${year}-01-01`;
  for (const [name, owner, frequency, months, dueDay] of TYPICAL_YEAR)
    await addActivity(
      db,
      qa,
      at(qa, start),
      { name, ownerId: org.userIds[owner], frequency, months, dueDay },
      year,
    );

  // Past dates done near their due date by their owner, with evidence; about one in eight left overdue.
  const view = await calendarYear(db, qa, year, today);
  const past = view.months.flat().filter((i) => i.dueDate < today);
  // The latest SEND panel date is always left overdue, so the home page has something to show.
  const latestPanel = past.filter((i) => i.name === 'SEND panel').at(-1);
  for (const item of past) {
    if (item === latestPanel || r.chance(0.12)) continue;
    const owner = (Object.keys(org.userIds) as Role[]).find((role) => org.userIds[role] === item.ownerId)!;
    const actor = actorFor(org, owner);
    const completedOn = addDays(item.dueDate, -r.int(0, 5));
    await completeItem(
      db,
      actor,
      at(actor, completedOn),
      item.id,
      { completedOn, evidence: `${item.name}: notes and papers kept in the QA shared area.` },
      today,
    );
  }
}

/** Eligible and responses by post, telephone, visit and online, per cohort, for last year and this year. */
const SURVEY_FIGURES: Record<SurveyCohort, [number, number[], number, number[]]> = {
  cin_cp: [88, [12, 14, 10, 6], 95, [10, 18, 12, 9]],
  looked_after: [60, [20, 5, 3, 2], 62, [10, 12, 9, 8]],
  care_leavers: [41, [2, 9, 0, 6], 44, [1, 11, 2, 9]],
  early_help: [120, [18, 20, 4, 15], 130, [15, 25, 6, 22]],
  parents_carers: [150, [30, 22, 8, 12], 160, [28, 30, 10, 20]],
};
const SURVEY_QUESTIONS: Array<[string, number, number]> = [
  ['Do you know who your social worker is?', 0.86, 0.9],
  ['Do you feel listened to?', 0.7, 0.78],
  ['Has the help you got made things better?', 0.64, 0.69],
  ['Do you know how to complain if you need to?', 0.52, 0.61],
];
const SURVEY_QUOTES: Array<[SurveyCohort, string]> = [
  ['looked_after', 'My worker always rings back and explains what is happening.'],
  ['care_leavers', 'Getting my flat sorted made the biggest difference to me.'],
  ['parents_carers', 'We were listened to and the plan made sense to us.'],
  // A capitalised name in mid-sentence: held until a QA officer clears it.
  ['cin_cp', 'It got better when Kerry started coming every week.'],
];

/** Two years of the annual service user survey, made in the spring of each year. */
async function surveysDemo(oversight: Oversight, org: DemoOrganisation, today: string): Promise<void> {
  const db = oversight.database.db;
  const qa = actorFor(org, 'qa_officer');
  const year = Number(today.slice(0, 4));
  // The spring survey of this year has happened only once spring is over.
  const years = today.slice(5) >= '05-31' ? [year - 1, year] : [year - 2, year - 1];
  for (const [i, y] of years.entries()) {
    const on = at(qa, `${y}-05-31`);
    const s = await surveys.createSurvey(db, qa, on, { name: 'Annual service user survey', year: y });
    for (const [cohort, figures] of Object.entries(SURVEY_FIGURES) as Array<
      [SurveyCohort, (typeof SURVEY_FIGURES)[SurveyCohort]]
    >) {
      const eligible = i === 0 ? figures[0] : figures[2];
      const [post, telephone, visit, online] = (i === 0 ? figures[1] : figures[3]) as [
        number,
        number,
        number,
        number,
      ];
      await surveys.recordCohort(db, qa, on, s.id, {
        cohort,
        eligible,
        responses: { post, telephone, visit, online },
      });
    }
    for (const [text, before, after] of SURVEY_QUESTIONS)
      await surveys.recordQuestion(db, qa, on, s.id, {
        text,
        answered: 200,
        positive: Math.round(200 * (i === 0 ? before : after)),
      });
    if (i === 1)
      for (const [cohort, text] of SURVEY_QUOTES) await surveys.addQuote(db, qa, on, s.id, { cohort, text });
  }
}

/** A few complaints (two resolved with learning, one open), compliments and early help closing feedback. */
async function feedbackDemo(oversight: Oversight, org: DemoOrganisation, today: string): Promise<void> {
  const db = oversight.database.db;
  const qa = actorFor(org, 'qa_officer');
  const entries: Array<
    [feedback.FeedbackInput, { outcome: 'upheld' | 'partly_upheld' | 'not_upheld'; learning: string } | null]
  > = [
    [
      {
        kind: 'complaint',
        receivedOn: addMonths(today, -4),
        source: 'parent_carer',
        teamId: org.teamIds['children-in-care'] ?? null,
        summary: 'Visits were cancelled at short notice.',
      },
      {
        outcome: 'partly_upheld',
        learning: 'Visits are rearranged by the duty worker, never just cancelled.',
      },
    ],
    [
      {
        kind: 'complaint',
        receivedOn: addMonths(today, -2),
        source: 'child',
        teamId: org.teamIds['leaving-care'] ?? null,
        summary: 'Did not know who their new personal adviser was.',
      },
      {
        outcome: 'upheld',
        learning: 'Young people get a letter and a call when their personal adviser changes.',
      },
    ],
    [
      {
        kind: 'complaint',
        receivedOn: addDays(today, -10),
        source: 'parent_carer',
        teamId: org.teamIds.assessment ?? null,
        summary: 'Assessment report not shared before the meeting.',
      },
      null,
    ],
    [
      {
        kind: 'compliment',
        receivedOn: addMonths(today, -3),
        source: 'child',
        teamId: org.teamIds['children-in-care'] ?? null,
        summary: 'Thanked their worker for help getting into college.',
      },
      null,
    ],
    [
      {
        kind: 'compliment',
        receivedOn: addMonths(today, -1),
        source: 'professional',
        teamId: org.teamIds['early-help'] ?? null,
        summary: 'A school praised the joint work on attendance.',
      },
      null,
    ],
  ];
  for (const [input, outcome] of entries) {
    const row = await feedback.logFeedback(db, qa, at(qa, input.receivedOn), input, today);
    if (outcome) {
      const outcomeOn = addDays(input.receivedOn, 20);
      await feedback.recordOutcome(db, qa, at(qa, outcomeOn), row.id, { ...outcome, outcomeOn }, today);
    }
  }
  const families: feedback.EarlyHelpInput[] = [
    {
      closedOn: addMonths(today, -3),
      ticked: ['listened', 'goals', 'contact', 'better', 'again'],
      goals: [
        { goal: 'School every day', atAssessment: 3, atClosure: 8 },
        { goal: 'Calmer bedtimes', atAssessment: 4, atClosure: 7 },
      ],
      comments: 'We felt part of the plan.',
    },
    {
      closedOn: addMonths(today, -2),
      ticked: ['listened', 'contact', 'recommend'],
      goals: [{ goal: 'Fewer arguments at home', atAssessment: 2, atClosure: 6 }],
      comments: null,
    },
    {
      closedOn: addMonths(today, -1),
      ticked: ['goals'],
      goals: [
        { goal: 'Debt advice sorted', atAssessment: 5, atClosure: 5 },
        { goal: 'Healthier meals', atAssessment: 4, atClosure: 6 },
      ],
      comments: 'It ended too soon for us.',
    },
  ];
  for (const f of families) await feedback.recordEarlyHelp(db, qa, at(qa, f.closedOn), f, today);
}
