/**
 * Demo quality assurance for Oakhaven: the default case file audit template
 * (edited once, so older rounds keep version 1), two years of rounds (four
 * half-year rounds in two pairs, one thematic, one multi-agency), audits done,
 * moderated and closed in the past rounds, and the current round under way
 * with the independent auditor: audits assigned, in progress, waiting for
 * moderation and shared with the worker. Made through the qa service, in date
 * order. Deterministic: a fixed seed, dates relative to the clock's today.
 */
import type { Oversight } from '../app';
import { openCasesForSampling } from '../modules/cases/service';
import { featureModules } from '../modules/index';
import * as audits from '../modules/qa/audits';
import * as recs from '../modules/qa/recommendations';
import * as repo from '../modules/qa/repository';
import * as rounds from '../modules/qa/rounds';
import * as templates from '../modules/qa/templates';
import {
  ANSWERS,
  type AuditAnswers,
  GRADES,
  type Grade,
  type RoundType,
  type TemplateDefinition,
} from '../modules/qa/vocab';
import type { AuditContext } from '../platform/audit/service';
import { addDays, addMonths } from '../platform/calendar/working-days';
import { londonDateOf } from '../platform/clock';
import type { Actor, Role } from '../platform/permissions';
import type { DemoScale } from './load';
import type { DemoOrganisation } from './organisation';
import { demoFindings, demoThematic } from './qa-findings';
import { SeededRandom } from './random';

export const DEFAULT_TEMPLATE_TEXT = `# Referral and response
- Was the referral responded to within the expected timescale?
- Was the threshold decision right, and recorded with its reasons?
- Were the family's consent and the referrer's concerns recorded?
# Assessment
- Was the assessment completed within 45 working days?
- Was the child seen, and seen alone where appropriate?
- Does the assessment draw on the chronology and history?
- Were fathers and the wider family considered?
# Implementation and intervention
- Is the help offered matched to the needs identified?
- Is there evidence of direct work with the child?
# Planning and review
- Is the plan SMART, with clear outcomes for the child?
- Is there a contingency plan?
- Were reviews held on time and the plan updated?
# Supervision and management oversight
- Is there regular, reflective supervision on the file?
- Has a manager recorded oversight at key decision points?
# The voice of the child
- Are the child's wishes and feelings recorded in their own words?
- Has the child's voice influenced the plan?
# Outcomes and impact
- Is the child's situation improving as a result of the work?
- Are risks reducing, and is the evidence clear?`;

export function actorFor(org: DemoOrganisation, role: Role): Actor {
  return {
    userId: org.userIds[role],
    organisationId: org.organisationId,
    organisationName: org.organisationName,
    name: role,
    email: `${role}@demo.invalid`,
    role,
    teamId: null,
    permissions: new Set(
      featureModules.flatMap((m) =>
        Object.entries(m.permissions)
          .filter(([, def]) => def.roles.includes(role))
          .map(([key]) => key),
      ),
    ),
  };
}

export function at(actor: Actor, date: string): AuditContext {
  return {
    organisationId: actor.organisationId,
    userId: actor.userId,
    ip: null,
    userAgent: 'demo generator',
    requestId: null,
    at: new Date(`${date}T10:00:00Z`),
  };
}

/** Grades lean towards good and requires improvement, as audits in most authorities do. */
function gradeFrom(r: SeededRandom): Grade {
  const x = r.next();
  return x < 0.08 ? 'outstanding' : x < 0.55 ? 'good' : x < 0.9 ? 'requires_improvement' : 'inadequate';
}

async function complete(
  oversight: Oversight,
  auditor: Actor,
  auditId: string,
  definition: TemplateDefinition,
  date: string,
  r: SeededRandom,
  sections = definition.sections.length,
): Promise<void> {
  const db = oversight.database.db;
  for (const s of definition.sections.slice(0, sections)) {
    const questions: AuditAnswers[string]['questions'] = {};
    for (const q of s.questions)
      questions[q.key] = {
        answer: r.pick(ANSWERS.slice(0, 3)),
        evidence: r.chance(0.5) ? 'Seen on the file.' : '',
      };
    await audits.saveSection(db, auditor, at(auditor, date), auditId, s.key, {
      questions,
      grade: gradeFrom(r),
    });
  }
}

export async function qaDemo(oversight: Oversight, org: DemoOrganisation, scale: DemoScale): Promise<void> {
  const db = oversight.database.db;
  const r = new SeededRandom(1313);
  // Findings draw from their own generator, so that the grades stay as they were.
  const rf = new SeededRandom(1414);
  const qa = actorFor(org, 'qa_officer');
  const manager = actorFor(org, 'team_manager');
  const independent = actorFor(org, 'independent_auditor');
  const today = londonDateOf(oversight.clock.now());
  const perRound = scale === 'small' ? 6 : 12;

  const first = await templates.createTemplate(db, qa, at(qa, addMonths(today, -25)), {
    name: 'Case file audit',
    text: DEFAULT_TEMPLATE_TEXT.replace('\n- Were fathers and the wider family considered?', ''),
  });
  const editedOn = addMonths(today, -13);
  let edited = false;

  // Past rounds: done by the QA officer and a team manager, moderated and closed.
  const past: Array<{
    name: string;
    type: RoundType;
    start: string;
    rule: rounds.RuleChoice;
    serviceLevels?: string[];
  }> = [
    {
      name: 'Spring case file audit (two years ago)',
      type: 'internal',
      start: addMonths(today, -20),
      rule: 'half_year_first',
    },
    {
      name: 'Autumn case file audit (last year)',
      type: 'internal',
      start: addMonths(today, -14),
      rule: 'half_year_second',
    },
    {
      name: 'Thematic audit: child protection plans',
      type: 'thematic',
      start: addMonths(today, -12),
      rule: 'criteria',
      serviceLevels: ['child_protection'],
    },
    {
      name: 'Spring case file audit (this year)',
      type: 'internal',
      start: addMonths(today, -8),
      rule: 'half_year_first',
    },
    {
      name: 'Multi-agency audit: exploitation',
      type: 'multi_agency',
      start: addMonths(today, -5),
      rule: 'chosen',
    },
  ];
  let previousFirst: string | undefined;
  for (const p of past) {
    if (!edited && p.start > editedOn) {
      // The template gains a question; earlier rounds keep version 1.
      await templates.editTemplate(db, qa, at(qa, editedOn), first.templateId, {
        name: 'Case file audit',
        text: DEFAULT_TEMPLATE_TEXT,
      });
      edited = true;
    }
    const round = await rounds.createRound(db, qa, at(qa, p.start), {
      name: p.name,
      type: p.type,
      startDate: p.start,
      endDate: addDays(addMonths(p.start, 2), -1),
      templateId: first.templateId,
      auditorIds: [qa.userId, manager.userId],
      rule: p.rule,
      previousRoundId: p.rule === 'half_year_second' ? previousFirst : undefined,
      serviceLevels: p.serviceLevels ?? [],
      sourceIds: p.rule === 'chosen' ? await chosenCases(oversight, org, today, 4) : [],
    });
    if (p.rule === 'half_year_first') previousFirst = round.id;
    const definition = (await repo.templateVersion(db, org.organisationId, round.templateVersionId))!
      .definition;
    const done = (await repo.auditsOfRound(db, org.organisationId, round.id)).slice(0, perRound);
    for (const [i, a] of done.entries()) {
      const auditor = a.auditorId === manager.userId ? manager : qa;
      const day = addDays(p.start, 7 + i);
      await complete(oversight, auditor, a.id, definition, day, r);
      await demoFindings(oversight, auditor, at(auditor, day), a.id, rf);
      await audits.submitAudit(db, auditor, at(auditor, day), a.id, {
        overallGrade: gradeFrom(r),
        narrative: 'A synthetic audit narrative for the demo.',
      });
      await moderate(oversight, qa, a.id, definition, addDays(day, 5), r.chance(0.2) ? r : null);
      await audits.closeAudit(db, qa, at(qa, addDays(day, 40)), a.id);
    }
    if (p.rule === 'half_year_first' && p.start > editedOn)
      await demoThematic(oversight, qa, at(qa, addDays(p.start, 60)), round.id);
  }

  // The current round: the independent auditor, under way now.
  const current = await rounds.createRound(db, qa, at(qa, addDays(today, -21)), {
    name: 'Autumn case file audit (this year)',
    type: 'independent',
    startDate: addDays(today, -21),
    endDate: addDays(today, 40),
    templateId: first.templateId,
    auditorIds: [independent.userId],
    rule: 'half_year_second',
    previousRoundId: previousFirst,
    serviceLevels: [],
    sourceIds: [],
  });
  const version = await repo.templateVersion(db, org.organisationId, current.templateVersionId);
  const all = await repo.auditsOfRound(db, org.organisationId, current.id);
  const practitioner = all.find((a) => a.workerUserId === org.userIds.practitioner);
  const others = all.filter((a) => a !== practitioner);
  const started = at(independent, today);
  // Two submitted and waiting for moderation, two in progress, the rest assigned.
  for (const a of others.slice(0, 2)) {
    await complete(oversight, independent, a.id, version!.definition, today, r);
    await audits.submitAudit(db, independent, started, a.id, {
      overallGrade: gradeFrom(r),
      narrative: 'A synthetic audit narrative for the demo.',
    });
  }
  for (const a of others.slice(2, 4))
    await complete(oversight, independent, a.id, version!.definition, today, r, 3);
  // One of the practitioner's cases: moderated and shared, waiting for their response.
  if (practitioner) {
    await complete(oversight, independent, practitioner.id, version!.definition, today, r);
    await audits.submitAudit(db, independent, started, practitioner.id, {
      overallGrade: gradeFrom(r),
      narrative: 'A synthetic audit narrative for the demo.',
    });
    await moderate(oversight, qa, practitioner.id, version!.definition, today, null);
  }
  // A thematic round planned for next month: the open cases referred (or with a contact) in the last year.
  await rounds.createRound(db, qa, at(qa, today), {
    name: 'Thematic audit: contacts and referrals this year',
    type: 'thematic',
    startDate: addDays(today, 14),
    endDate: addDays(today, 60),
    templateId: first.templateId,
    auditorIds: [qa.userId],
    rule: 'criteria',
    serviceLevels: [],
    contactFrom: addMonths(today, -12),
    contactTo: addDays(today, -1),
    sourceIds: [],
  });
  await recommendationsDemo(oversight, org, today);
}

/**
 * Recommendations in every state, owned by the team manager: signed off at a
 * follow-up meeting with evidence, carried forward, in progress with evidence
 * waiting for the next meeting, and open past their due date.
 */
async function recommendationsDemo(
  oversight: Oversight,
  org: DemoOrganisation,
  today: string,
): Promise<void> {
  const db = oversight.database.db;
  const qa = actorFor(org, 'qa_officer');
  const manager = actorFor(org, 'team_manager');
  const director = actorFor(org, 'senior_leader');
  const closed = (await repo.auditsWhere(db, org.organisationId, { statuses: ['closed'] })).slice(0, 4);
  const texts = [
    'Add a contingency plan to the child protection plan',
    "Record the child's views in their own words before the next review",
    'Complete a chronology and keep it up to date',
    'Hold and record a supervision discussion of this case within four weeks',
  ];
  const made = [];
  for (const [i, a] of closed.entries()) {
    made.push(
      await recs.addRecommendation(db, qa, at(qa, addMonths(today, -3)), a.id, {
        text: texts[i]!,
        ownerId: manager.userId,
        dueDate: addMonths(today, i === 3 ? -1 : 1),
      }),
    );
  }
  if (made.length < 4) return;
  const [signed, carried, ready] = made;
  await recs.updateRecommendation(db, manager, at(manager, addMonths(today, -2)), signed!.id, {
    status: 'in_progress',
    evidence: 'Contingency plan added to the plan and shared at the core group.',
    rationale: '',
  });
  await recs.recordFollowUpMeeting(db, director, at(director, addMonths(today, -1)), {
    date: addMonths(today, -1),
    chair: 'Assistant director, children’s social care',
    attendees: 'Quality assurance officer; team managers',
    decisions: [
      { recommendationId: signed!.id, decision: 'sign_off', note: '' },
      { recommendationId: carried!.id, decision: 'carry_forward', note: 'Awaiting the review.' },
    ],
  });
  await recs.updateRecommendation(db, manager, at(manager, addDays(today, -3)), ready!.id, {
    status: 'in_progress',
    evidence: 'Chronology completed and on the file.',
    rationale: '',
  });
}

/** Agree every grade, or (given a generator) change the overall one with a reason. */
async function moderate(
  oversight: Oversight,
  qa: Actor,
  auditId: string,
  definition: TemplateDefinition,
  date: string,
  change: SeededRandom | null,
): Promise<void> {
  const db = oversight.database.db;
  const saved = (await repo.audit(db, qa.organisationId, auditId))!;
  const overall = saved.overallGrade as Grade;
  await audits.moderateAudit(db, qa, at(qa, date), auditId, [
    ...definition.sections.map((s) => ({
      sectionKey: s.key,
      grade: saved.answers[s.key]?.grade ?? null,
      reason: '',
    })),
    change
      ? {
          sectionKey: null,
          grade: change.pick(GRADES.filter((g) => g !== overall)),
          reason: 'Moderated against the evidence on the file.',
        }
      : { sectionKey: null, grade: overall, reason: '' },
  ]);
}

/** A few open cases for a round of chosen cases: the first of the register by person id, for determinism. */
async function chosenCases(
  oversight: Oversight,
  org: DemoOrganisation,
  today: string,
  n: number,
): Promise<string[]> {
  const open = await openCasesForSampling(oversight.database.db, org.organisationId, today);
  return open
    .map((c) => c.sourceId)
    .sort()
    .slice(0, n);
}
