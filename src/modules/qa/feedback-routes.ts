/** Family feedback pages: the complaints and compliments log, a complaint's outcome, and early help closing feedback. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { teamsOf } from '../../platform/directory';
import { ValidationError } from '../../platform/errors';
import {
  dateFromParts,
  dateParts,
  type FormErrors,
  firstMessages,
  formErrors,
  submittedDateParts,
  textOf,
} from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { can } from '../../platform/permissions';
import {
  earlyHelpOverview,
  feedbackEntry,
  feedbackOverview,
  logFeedback,
  recordEarlyHelp,
  recordOutcome,
} from './feedback';
import type { GoalScore } from './feedback-rules';
import { QA } from './permissions';
import {
  COMPLAINT_OUTCOMES,
  EARLY_HELP_STATEMENTS,
  type EarlyHelpStatement,
  FEEDBACK_KIND_NAMES,
  FEEDBACK_KINDS,
  FEEDBACK_SOURCES,
  OUTCOME_NAMES,
  SOURCE_NAMES,
} from './practice-vocab';

type Body = Record<string, unknown>;
const params = z.object({ id: z.string().uuid() });
const list = (v: unknown) =>
  Array.isArray(v) ? v.map(String) : v === undefined || v === '' ? [] : [String(v)];
const longText = (missing: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(5000, 'This must be 5,000 characters or fewer');

const logForm = z.object({
  kind: z.enum(FEEDBACK_KINDS, { error: 'Select whether this is a complaint or a compliment' }),
  source: z.enum(FEEDBACK_SOURCES, { error: 'Select who it came from' }),
  teamId: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.string().uuid('Select a team from the list').nullable(),
  ),
  summary: longText('Enter what it was about, without names'),
});
const outcomeForm = z.object({
  outcome: z.enum(COMPLAINT_OUTCOMES, { error: 'Select the outcome' }),
  learning: longText('Enter the learning from the complaint, or why there is none'),
});
const STATEMENT_KEYS = Object.keys(EARLY_HELP_STATEMENTS) as EarlyHelpStatement[];
export const GOAL_ROWS = [1, 2, 3] as const;

/** The family's goals from the form: a row with a goal needs both scores, 0 to 10; at least one goal. */
export function readGoals(body: Body): { goals: GoalScore[]; fields: Record<string, string> } {
  const goals: GoalScore[] = [];
  const fields: Record<string, string> = {};
  const score = (v: string) => (/^(10|\d)$/.test(v) ? Number(v) : null);
  for (const n of GOAL_ROWS) {
    const goal = textOf(body[`goal${n}`]).trim();
    const before = score(textOf(body[`goal${n}Assessment`]).trim());
    const after = score(textOf(body[`goal${n}Closure`]).trim());
    if (!goal) continue;
    if (goal.length > 500) fields[`goal${n}`] = `Goal ${n} must be 500 characters or fewer`;
    else if (before == null)
      fields[`goal${n}Assessment`] = `Enter goal ${n}'s score at assessment, from 0 to 10`;
    else if (after == null) fields[`goal${n}Closure`] = `Enter goal ${n}'s score at closure, from 0 to 10`;
    else goals.push({ goal, atAssessment: before, atClosure: after });
  }
  if (!goals.length && !Object.keys(fields).length)
    fields.goal1 = "Enter at least one of the family's goals with its scores";
  return { goals, fields };
}

export async function feedbackRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const manage = { config: { permission: QA.feedbackManage } };
  const read = { config: { permission: QA.feedbackRead } };

  app.get('/qa/feedback', read, async (req, reply) =>
    reply.render('qa/views/feedback.njk', {
      ...(await feedbackOverview(db, req.actor!)),
      outcomeKeys: COMPLAINT_OUTCOMES,
      outcomeNames: OUTCOME_NAMES,
      sourceNames: SOURCE_NAMES,
      mayManage: can(req.actor, QA.feedbackManage),
    }),
  );

  async function renderLog(req: FastifyRequest, reply: FastifyReply, values: Body, errors = formErrors({})) {
    const teams = await teamsOf(db, req.actor!.organisationId);
    return reply.render('qa/views/feedback-form.njk', {
      values,
      errors,
      kindItems: FEEDBACK_KINDS.map((k) => ({
        value: k,
        text: FEEDBACK_KIND_NAMES[k],
        checked: values.kind === k,
      })),
      sourceItems: FEEDBACK_SOURCES.map((s) => ({
        value: s,
        text: SOURCE_NAMES[s],
        checked: values.source === s,
      })),
      teamItems: [
        { value: '', text: 'No particular team' },
        ...teams.map((t) => ({ value: t.id, text: t.name, selected: values.teamId === t.id })),
      ],
    });
  }

  app.get('/qa/feedback/new', manage, (req, reply) => renderLog(req, reply, { receivedOn: dateParts(null) }));
  app.post('/qa/feedback', manage, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const values = { ...body, receivedOn: submittedDateParts(body, 'receivedOn') };
    const parsed = logForm.safeParse(body);
    const date = dateFromParts(body, 'receivedOn', 'the date received');
    const fields = parsed.success ? {} : firstMessages(parsed.error.issues);
    if (!date.ok) fields.receivedOn = date.message;
    try {
      if (!parsed.success || !date.ok) throw new ValidationError(fields);
      const row = await logFeedback(
        db,
        req.actor!,
        auditContext(req, clock),
        { ...parsed.data, receivedOn: date.date },
        today(clock),
      );
      reply.flash(
        row.kind === 'complaint'
          ? 'Complaint logged: record its outcome and learning when it is resolved'
          : 'Compliment logged',
      );
      return reply.redirect(`/qa/feedback/${row.id}`);
    } catch (e) {
      if (e instanceof ValidationError) return renderLog(req, reply.code(400), values, formErrors(e.fields));
      throw e;
    }
  });

  async function renderEntry(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Body,
    errors = formErrors({}),
  ) {
    const entry = await feedbackEntry(db, req.actor!, id);
    return reply.render('qa/views/feedback-entry.njk', {
      entry,
      values,
      errors,
      kindNames: FEEDBACK_KIND_NAMES,
      sourceNames: SOURCE_NAMES,
      outcomeNames: OUTCOME_NAMES,
      mayRecord: can(req.actor, QA.feedbackManage) && entry.kind === 'complaint' && !entry.outcome,
      outcomeItems: COMPLAINT_OUTCOMES.map((o) => ({
        value: o,
        text: OUTCOME_NAMES[o],
        checked: values.outcome === o,
      })),
    });
  }

  app.get('/qa/feedback/:id', read, (req, reply) =>
    renderEntry(req, reply, params.parse(req.params).id, { outcomeOn: dateParts(today(clock)) }),
  );
  app.post('/qa/feedback/:id/outcome', manage, async (req, reply) => {
    const { id } = params.parse(req.params);
    const body = (req.body ?? {}) as Body;
    const values = { ...body, outcomeOn: submittedDateParts(body, 'outcomeOn') };
    const parsed = outcomeForm.safeParse(body);
    const date = dateFromParts(body, 'outcomeOn', 'the date of the outcome');
    const fields = parsed.success ? {} : firstMessages(parsed.error.issues);
    if (!date.ok) fields.outcomeOn = date.message;
    try {
      if (!parsed.success || !date.ok) throw new ValidationError(fields);
      await recordOutcome(
        db,
        req.actor!,
        auditContext(req, clock),
        id,
        { ...parsed.data, outcomeOn: date.date },
        today(clock),
      );
    } catch (e) {
      if (e instanceof ValidationError)
        return renderEntry(req, reply.code(400), id, values, formErrors(e.fields));
      throw e;
    }
    reply.flash('Outcome and learning recorded');
    return reply.redirect(`/qa/feedback/${id}`);
  });

  app.get('/qa/early-help-feedback', read, async (req, reply) =>
    reply.render('qa/views/early-help-feedback.njk', {
      ...(await earlyHelpOverview(db, req.actor!)),
      statements: EARLY_HELP_STATEMENTS,
      mayManage: can(req.actor, QA.feedbackManage),
    }),
  );

  function renderEarlyHelp(reply: FastifyReply, values: Body, errors: FormErrors = formErrors({})) {
    const ticked = list(values.ticked);
    return reply.render('qa/views/early-help-form.njk', {
      values,
      errors,
      goalRows: GOAL_ROWS,
      statementItems: STATEMENT_KEYS.map((k) => ({
        value: k,
        text: EARLY_HELP_STATEMENTS[k],
        checked: ticked.includes(k),
      })),
    });
  }

  app.get('/qa/early-help-feedback/new', manage, (_req, reply) =>
    renderEarlyHelp(reply, { closedOn: dateParts(null) }),
  );
  app.post('/qa/early-help-feedback', manage, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const values = { ...body, closedOn: submittedDateParts(body, 'closedOn') };
    const { goals, fields } = readGoals(body);
    const date = dateFromParts(body, 'closedOn', 'the date early help closed');
    if (!date.ok) fields.closedOn = date.message;
    const ticked = list(body.ticked).filter((t): t is EarlyHelpStatement =>
      (STATEMENT_KEYS as string[]).includes(t),
    );
    const comments = textOf(body.comments).trim();
    if (comments.length > 5000) fields.comments = 'The comments must be 5,000 characters or fewer';
    try {
      if (Object.keys(fields).length || !date.ok) throw new ValidationError(fields);
      await recordEarlyHelp(
        db,
        req.actor!,
        auditContext(req, clock),
        { closedOn: date.date, ticked, goals, comments: comments || null },
        today(clock),
      );
    } catch (e) {
      if (e instanceof ValidationError) return renderEarlyHelp(reply.code(400), values, formErrors(e.fields));
      throw e;
    }
    reply.flash("Feedback recorded, with the family's goals rescored at closure");
    return reply.redirect('/qa/early-help-feedback');
  });
}
