/**
 * Surveys of children and families: a survey a year under one name, its
 * cohorts' eligible counts and responses by mode (with the response rate),
 * each question's result, and quotes checked for names: a quote that may
 * name someone is held until a QA officer clears it. Each is compared with
 * the same survey last year. Every change is access-audited.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { activeUsers } from '../../platform/directory';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import { registerNameWords } from '../cases/service';
import { QA } from './permissions';
import { COHORT_NAMES, SURVEY_COHORTS, type SurveyCohort } from './practice-vocab';
import * as repo from './surveys-repository';
import { change, type ModeCounts, possibleNames, responseRate, totalResponses } from './surveys-rules';

const manage = (actor: Actor) => {
  if (!can(actor, QA.surveysManage)) throw new ForbiddenError();
};

async function surveyOf(db: Db, actor: Actor, id: string) {
  if (!can(actor, QA.surveysRead)) throw new ForbiddenError();
  const s = await repo.survey(db, actor.organisationId, id);
  if (!s) throw new NotFoundError();
  return s;
}

export async function surveyList(db: Db, actor: Actor) {
  if (!can(actor, QA.surveysRead)) throw new ForbiddenError();
  const all = await repo.surveys(db, actor.organisationId);
  return Promise.all(
    all.map(async (s) => {
      const cohorts = await repo.cohorts(db, actor.organisationId, s.id);
      const eligible = cohorts.reduce((n, c) => n + c.eligible, 0);
      const responses = cohorts.reduce((n, c) => n + totalResponses(c.responses), 0);
      return { ...s, eligible, responses, rate: responseRate(responses, eligible) };
    }),
  );
}

export async function createSurvey(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: { name: string; year: number },
) {
  manage(actor);
  return db.transaction(async (tx) => {
    const s = await repo.insertSurvey(tx, {
      organisationId: actor.organisationId,
      name: input.name,
      year: input.year,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    if (!s)
      throw new ValidationError({
        year: `There is already a survey called "${input.name}" for ${input.year}`,
      });
    await recordAudit(tx, ctx, { action: 'survey.create', recordType: 'qa_survey', recordId: s.id });
    return s;
  });
}

export async function recordCohort(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  surveyId: string,
  input: { cohort: SurveyCohort; eligible: number; responses: ModeCounts },
) {
  manage(actor);
  await surveyOf(db, actor, surveyId);
  if (totalResponses(input.responses) > input.eligible)
    throw new ValidationError({
      eligible: `The responses (${totalResponses(input.responses)}) cannot be more than the number eligible`,
    });
  await db.transaction(async (tx) => {
    await repo.upsertCohort(tx, {
      organisationId: actor.organisationId,
      surveyId,
      ...input,
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'survey.cohort.record',
      recordType: 'qa_survey',
      recordId: surveyId,
      detail: input.cohort,
    });
  });
}

export async function recordQuestion(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  surveyId: string,
  input: { text: string; answered: number; positive: number },
) {
  manage(actor);
  await surveyOf(db, actor, surveyId);
  if (input.positive > input.answered)
    throw new ValidationError({
      positive: 'The positive answers cannot be more than the number who answered',
    });
  await db.transaction(async (tx) => {
    await repo.upsertQuestion(tx, {
      organisationId: actor.organisationId,
      surveyId,
      ...input,
      createdAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'survey.question.record',
      recordType: 'qa_survey',
      recordId: surveyId,
    });
  });
}

/** Names the quote may hold: words of the case register and the organisation's staff names, and name-like words. */
export async function namesIn(db: Db, organisationId: string, text: string): Promise<string[]> {
  const words = await registerNameWords(db, organisationId);
  for (const u of await activeUsers(db, organisationId))
    for (const w of u.name.toLowerCase().split(/[^\p{L}'’]+/u)) if (w) words.add(w);
  return possibleNames(text, words);
}

/** Record a quote; one that may hold a name is held until cleared. */
export async function addQuote(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  surveyId: string,
  input: { cohort: SurveyCohort; text: string },
) {
  manage(actor);
  await surveyOf(db, actor, surveyId);
  const flagged = await namesIn(db, actor.organisationId, input.text);
  return db.transaction(async (tx) => {
    const q = await repo.insertQuote(tx, {
      organisationId: actor.organisationId,
      surveyId,
      ...input,
      flagged,
      clearedAt: flagged.length ? null : ctx.at,
      clearedBy: flagged.length ? null : actor.userId,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'survey.quote.add',
      recordType: 'qa_survey',
      recordId: surveyId,
      detail: flagged.length ? `held: ${flagged.length} possible names` : 'clear',
    });
    return q;
  });
}

/** A QA officer clears a held quote, having checked it names nobody. */
export async function clearQuote(db: Db, actor: Actor, ctx: AuditContext, surveyId: string, quoteId: string) {
  manage(actor);
  await surveyOf(db, actor, surveyId);
  await db.transaction(async (tx) => {
    if (
      !(await repo.clearQuote(tx, actor.organisationId, surveyId, quoteId, {
        clearedAt: ctx.at,
        clearedBy: actor.userId,
      }))
    )
      throw new NotFoundError();
    await recordAudit(tx, ctx, {
      action: 'survey.quote.clear',
      recordType: 'qa_survey',
      recordId: surveyId,
      detail: quoteId,
    });
  });
}

/** One survey with its cohorts, questions and quotes, each compared with the same survey last year. */
export async function surveyDetail(db: Db, actor: Actor, id: string) {
  const s = await surveyOf(db, actor, id);
  const org = actor.organisationId;
  const previous = await repo.previousSurvey(db, s);
  const [cohorts, questions, quotes, lastCohorts, lastQuestions] = await Promise.all([
    repo.cohorts(db, org, id),
    repo.questions(db, org, id),
    repo.quotes(db, org, id),
    previous ? repo.cohorts(db, org, previous.id) : Promise.resolve([]),
    previous ? repo.questions(db, org, previous.id) : Promise.resolve([]),
  ]);
  const rateOf = (c: repo.CohortRow | undefined) =>
    c ? responseRate(totalResponses(c.responses), c.eligible) : null;
  const cohortRows = SURVEY_COHORTS.flatMap((key) => {
    const c = cohorts.find((x) => x.cohort === key);
    if (!c) return [];
    const responses = totalResponses(c.responses);
    const rate = responseRate(responses, c.eligible);
    const last = rateOf(lastCohorts.find((x) => x.cohort === key));
    return [
      {
        key,
        name: COHORT_NAMES[key],
        eligible: c.eligible,
        byMode: c.responses,
        responses,
        rate,
        last,
        change: change(rate, last),
      },
    ];
  });
  const eligible = cohortRows.reduce((n, c) => n + c.eligible, 0);
  const responses = cohortRows.reduce((n, c) => n + c.responses, 0);
  const lastEligible = lastCohorts.reduce((n, c) => n + c.eligible, 0);
  const lastResponses = lastCohorts.reduce((n, c) => n + totalResponses(c.responses), 0);
  const rate = responseRate(responses, eligible);
  const lastRate = previous ? responseRate(lastResponses, lastEligible) : null;
  const pct = (q: { positive: number; answered: number }) => responseRate(q.positive, q.answered);
  const questionRows = questions.map((q) => {
    const before = lastQuestions.find((x) => x.text === q.text);
    const positive = pct(q);
    const last = before ? pct(before) : null;
    return { ...q, percent: positive, last, change: change(positive, last) };
  });
  const mayManage = can(actor, QA.surveysManage);
  return {
    survey: s,
    previous,
    cohorts: cohortRows,
    total: { eligible, responses, rate, last: lastRate, change: change(rate, lastRate) },
    questions: questionRows,
    published: quotes.filter((q) => q.clearedAt),
    // Quotes held for checking may hold a name: only quality assurance sees them.
    held: mayManage ? quotes.filter((q) => !q.clearedAt) : [],
    heldCount: quotes.filter((q) => !q.clearedAt).length,
    mayManage,
  };
}
