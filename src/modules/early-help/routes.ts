/** Early help outcomes pages: add a goal with its score at assessment, score it at a review or closure, the figures by quarter. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import {
  dateFromParts,
  dateParts,
  firstMessages,
  formErrors,
  submittedDateParts,
} from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { childNames } from '../cases/service';
import { STAGE_NAMES, STAGES } from './rules';
import { addGoal, EARLY_HELP, goalForScoring, mayAddGoal, outcomeFigures, scoreGoal } from './service';

type Body = Record<string, unknown>;
const params = z.object({ id: z.string().uuid() });
const scoreField = z
  .string({ error: 'Enter the family’s score, a whole number from 0 to 10' })
  .trim()
  .regex(/^(10|\d)$/, 'Enter the family’s score, a whole number from 0 to 10')
  .transform(Number);
const goalForm = z.object({
  goal: z
    .string({ error: 'Enter the goal, in the family’s words' })
    .trim()
    .min(1, 'Enter the goal, in the family’s words')
    .max(500, 'The goal must be 500 characters or fewer'),
  score: scoreField,
});
const scoreForm = z.object({
  stage: z.enum(['review', 'closure'], { error: 'Select whether this is a review or closure' }),
  score: scoreField,
});

export async function earlyHelpRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const record = { config: { permission: EARLY_HELP.record } };

  async function childName(req: FastifyRequest, personId: string) {
    return (await childNames(db, req.actor!.organisationId, [personId])).get(personId) ?? 'Child';
  }

  async function renderGoal(
    req: FastifyRequest,
    reply: FastifyReply,
    personId: string,
    values: Body,
    errors = formErrors({}),
  ) {
    return reply.render('early-help/views/goal-form.njk', {
      personId,
      name: await childName(req, personId),
      values,
      errors,
    });
  }
  app.get('/children/:id/early-help/goals/new', record, async (req, reply) => {
    const { id } = params.parse(req.params);
    await mayAddGoal(db, req.actor!, id, clock.now());
    return renderGoal(req, reply, id, { setOn: dateParts(today(clock)) });
  });
  app.post('/children/:id/early-help/goals', record, async (req, reply) => {
    const { id } = params.parse(req.params);
    const body = (req.body ?? {}) as Body;
    const values = { ...body, setOn: submittedDateParts(body, 'setOn') };
    const parsed = goalForm.safeParse(body);
    const date = dateFromParts(body, 'setOn', 'the date the goal was set');
    const fields = parsed.success ? {} : firstMessages(parsed.error.issues);
    if (!date.ok) fields.setOn = date.message;
    try {
      if (!parsed.success || !date.ok) throw new ValidationError(fields);
      await addGoal(db, req.actor!, auditContext(req, clock), id, { ...parsed.data, setOn: date.date });
    } catch (e) {
      if (e instanceof ValidationError)
        return renderGoal(req, reply.code(400), id, values, formErrors(e.fields));
      throw e;
    }
    reply.flash('Goal added, with its score at assessment');
    return reply.redirect(`/children/${id}`);
  });

  async function renderScore(
    req: FastifyRequest,
    reply: FastifyReply,
    goalId: string,
    values: Body,
    errors = formErrors({}),
  ) {
    const goal = await goalForScoring(db, req.actor!, auditContext(req, clock), goalId);
    return reply.render('early-help/views/score-form.njk', {
      goal,
      name: await childName(req, goal.personId),
      stageNames: STAGE_NAMES,
      values,
      errors,
      stageItems: STAGES.filter((s) => s !== 'assessment').map((s) => ({
        value: s,
        text: s === 'review' ? 'A team-around-the-family review' : 'Closure: this closes the goal',
        checked: values.stage === s,
      })),
    });
  }
  app.get('/early-help/goals/:id/scores/new', record, (req, reply) =>
    renderScore(req, reply, params.parse(req.params).id, { scoredOn: dateParts(today(clock)) }),
  );
  app.post('/early-help/goals/:id/scores', record, async (req, reply) => {
    const { id } = params.parse(req.params);
    const body = (req.body ?? {}) as Body;
    const values = { ...body, scoredOn: submittedDateParts(body, 'scoredOn') };
    const parsed = scoreForm.safeParse(body);
    const date = dateFromParts(body, 'scoredOn', 'the date of the score');
    const fields = parsed.success ? {} : firstMessages(parsed.error.issues);
    if (!date.ok) fields.scoredOn = date.message;
    let personId: string;
    try {
      if (!parsed.success || !date.ok) throw new ValidationError(fields);
      personId = (
        await scoreGoal(db, req.actor!, auditContext(req, clock), id, { ...parsed.data, scoredOn: date.date })
      ).personId;
    } catch (e) {
      if (e instanceof ValidationError)
        return renderScore(req, reply.code(400), id, values, formErrors(e.fields));
      throw e;
    }
    reply.flash(
      parsed.data.stage === 'closure' ? 'Scored at closure: the goal is closed' : 'Review score recorded',
    );
    return reply.redirect(`/children/${personId}`);
  });

  app.get('/early-help', { config: { permission: EARLY_HELP.figures } }, async (req, reply) =>
    reply.render('early-help/views/outcomes.njk', await outcomeFigures(db, req.actor!, today(clock))),
  );
}
