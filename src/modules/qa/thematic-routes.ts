/** Thematic recommendations: raised from a round's findings, and made into an improvement plan action. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors';
import { dateFromParts, type FormErrors, formErrors, listOf, textOf } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { themeList } from './findings';
import { QA } from './permissions';
import { roundReport } from './reports';
import { makePlanAction, raiseThematic, thematicDetail } from './thematic';

const params = z.object({ id: z.string().uuid() });
const raiseForm = z.object({
  text: z.preprocess(textOf, z.string().max(10_000)),
  themeIds: z.preprocess(listOf, z.array(z.string().max(40)).max(50)),
});
const actionForm = z.object({
  /** "planId:priorityId" */
  target: z.preprocess(textOf, z.string().max(100)),
  reference: z.preprocess(textOf, z.string().max(40)),
});

export async function thematicRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function renderRaise(
    req: FastifyRequest,
    reply: FastifyReply,
    roundId: string,
    errors: FormErrors = formErrors({}),
    values: Record<string, unknown> = { dueDate: {} },
  ) {
    const ctx = auditContext(req, clock);
    const report = await roundReport(db, req.actor!, ctx, roundId);
    const chosen = listOf(values.themeIds);
    const themes = (await themeList(db, req.actor!.organisationId, ctx.at)).filter((t) => !t.retired);
    const counts = new Map(report.themes.map((t) => [t.themeId, t.total]));
    return reply.render('qa/views/thematic-add.njk', {
      round: report.round,
      themes: report.themes,
      errors,
      values,
      themeItems: themes.map((t) => ({
        value: t.id,
        text: t.name,
        hint: counts.get(t.id) ? { text: `${counts.get(t.id)} findings in this round` } : undefined,
        checked: chosen.includes(t.id),
      })),
    });
  }

  app.get('/qa/rounds/:id/thematic/new', { config: { permission: QA.recsManage } }, (req, reply) =>
    renderRaise(req, reply, params.parse(req.params).id),
  );

  app.post('/qa/rounds/:id/thematic', { config: { permission: QA.recsManage } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = {
      ...body,
      dueDate: { day: body['dueDate-day'], month: body['dueDate-month'], year: body['dueDate-year'] },
    };
    const parsed = raiseForm.safeParse(body);
    const fields: Record<string, string> = {};
    if (!parsed.success) fields.text = 'Enter the recommendation in 2,000 characters or fewer';
    const anyDate = ['day', 'month', 'year'].some((p) => textOf(body[`dueDate-${p}`]).trim());
    const due = anyDate ? dateFromParts(body, 'dueDate', 'the due date') : null;
    if (due && !due.ok) fields.dueDate = due.message;
    if (Object.keys(fields).length || !parsed.success)
      return renderRaise(req, reply.code(400), id, formErrors(fields), values);
    try {
      const row = await raiseThematic(db, req.actor!, auditContext(req, clock), id, {
        ...parsed.data,
        dueDate: due?.ok ? due.date : null,
      });
      reply.flash('Thematic recommendation raised');
      return reply.redirect(`/qa/thematic/${row.id}`);
    } catch (e) {
      if (e instanceof ValidationError)
        return renderRaise(req, reply.code(400), id, formErrors(e.fields), values);
      throw e;
    }
  });

  async function renderDetail(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: FormErrors = formErrors({}),
    values: Record<string, unknown> = {},
  ) {
    const view = await thematicDetail(db, req.actor!, id, clock.now());
    return reply.render('qa/views/thematic.njk', {
      ...view,
      errors,
      values,
      targetItems: [
        { value: '', text: 'Select the plan and priority' },
        ...view.plans.flatMap((p) =>
          p.priorities.map((pr) => ({
            value: `${p.id}:${pr.id}`,
            text: `${p.name}: ${pr.number}. ${pr.title}`,
            selected: values.target === `${p.id}:${pr.id}`,
          })),
        ),
      ],
    });
  }

  app.get('/qa/thematic/:id', { config: { permission: QA.roundsRead } }, (req, reply) =>
    renderDetail(req, reply, params.parse(req.params).id),
  );

  app.post('/qa/thematic/:id/action', { config: { permission: QA.recsManage } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const parsed = actionForm.safeParse(req.body ?? {});
    const values = parsed.success ? parsed.data : {};
    const [planId, priorityId] = (parsed.success ? parsed.data.target : '').split(':');
    try {
      if (!planId || !priorityId)
        throw new ValidationError({ target: 'Select the plan and priority the action goes into' });
      await makePlanAction(db, req.actor!, auditContext(req, clock), id, {
        planId,
        priorityId,
        reference: parsed.success ? parsed.data.reference : '',
      });
    } catch (e) {
      if (e instanceof ValidationError) {
        const fields = Object.fromEntries(
          Object.entries(e.fields).map(([k, v]) => [k === 'planId' || k === 'priorityId' ? 'target' : k, v]),
        );
        return renderDetail(req, reply.code(400), id, formErrors(fields), values);
      }
      throw e;
    }
    reply.flash('The recommendation is now an action in the plan');
    return reply.redirect(`/qa/thematic/${id}`);
  });
}
