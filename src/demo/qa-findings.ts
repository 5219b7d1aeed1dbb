/**
 * Demo findings and thematic recommendations: each completed audit has a
 * strength and an area for development tagged with themes (some themes more
 * often than others, so the reports show a pattern); the latest half-year
 * round has thematic recommendations, one made into an improvement plan
 * action and one still waiting. Deterministic: the seeded generator picks.
 */
import type { Oversight } from '../app';
import { listPlans, planChoices } from '../modules/plans/service';
import { addFinding, themeList } from '../modules/qa/findings';
import * as repo from '../modules/qa/repository';
import { makePlanAction, raiseThematic } from '../modules/qa/thematic';
import type { AuditContext } from '../platform/audit/service';
import type { Actor } from '../platform/permissions';
import type { SeededRandom } from './random';

const STRENGTHS: Array<[string, string[]]> = [
  ["The child's wishes are recorded in their own words and shape the plan.", ["The child's voice"]],
  ['Direct work with the child is regular and purposeful.', ['Direct work']],
  ['Supervision is reflective and its actions are followed through.', ['Supervision']],
  ['The manager records the reasons for each key decision.', ['Management oversight']],
];
const DEVELOPMENT: Array<[string, string[]]> = [
  [
    'The plan has no contingency if the situation at home worsens.',
    ['Contingency planning', 'SMART planning'],
  ],
  ['Actions in the plan have no timescales or named owners.', ['SMART planning']],
  ['No management oversight is recorded at the step-down decision.', ['Management oversight']],
  ["The father's views and the wider family are not explored.", ['Fathers and wider family']],
  ['Visits are recorded weeks after they happened.', ['Recording delays']],
  ['The chronology stops a year ago and misses key events.', ['Chronology quality']],
];

/** A strength and an area for development on one audit, as its auditor records them. */
export async function demoFindings(
  oversight: Oversight,
  auditor: Actor,
  ctx: AuditContext,
  auditId: string,
  r: SeededRandom,
): Promise<void> {
  const db = oversight.database.db;
  const themes = await themeList(db, auditor.organisationId, ctx.at);
  const ids = (names: string[]) => themes.filter((t) => names.includes(t.name)).map((t) => t.id);
  // Areas for development lean to the first few, so that contingency and SMART planning lead the themes.
  const dev =
    DEVELOPMENT[Math.min(DEVELOPMENT.length - 1, Math.floor(r.next() * r.next() * DEVELOPMENT.length))]!;
  const str = r.pick(STRENGTHS);
  for (const [kind, [text, names]] of [
    ['strength', str],
    ['development', dev],
  ] as const)
    await addFinding(db, auditor, ctx, auditId, { kind, text, themeIds: ids(names) });
}

/** Thematic recommendations from a round: one made an action in the first plan with a priority, one not yet. */
export async function demoThematic(
  oversight: Oversight,
  qa: Actor,
  ctx: AuditContext,
  roundId: string,
): Promise<void> {
  const db = oversight.database.db;
  const round = await repo.round(db, qa.organisationId, roundId);
  if (!round) return;
  const themes = await themeList(db, qa.organisationId, ctx.at);
  const id = (name: string) => themes.find((t) => t.name === name)!.id;
  const inPlan = await raiseThematic(db, qa, ctx, roundId, {
    text: 'Every child protection and child in need plan has a contingency plan, agreed and recorded at each review.',
    themeIds: [id('Contingency planning'), id('SMART planning')],
    dueDate: null,
  });
  await raiseThematic(db, qa, ctx, roundId, {
    text: 'Managers record their oversight at every step-up and step-down decision.',
    themeIds: [id('Management oversight')],
    dueDate: null,
  });
  const improvement = new Set(
    (await listPlans(db, qa)).filter((p) => p.type === 'service_improvement').map((p) => p.id),
  );
  const plan = (await planChoices(db, qa)).find((p) => improvement.has(p.id) && p.priorities.length);
  if (plan)
    await makePlanAction(db, qa, ctx, inPlan.id, {
      planId: plan.id,
      priorityId: plan.priorities[0]!.id,
      reference: '',
    });
}
