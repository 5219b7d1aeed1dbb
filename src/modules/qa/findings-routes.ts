/** Pages of findings (an audit's strengths and areas for development) and of the themes they are tagged with. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors, listOf, textOf } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import {
  addFinding,
  addTheme,
  auditFindings,
  changeTheme,
  FINDING_KIND_NAMES,
  FINDING_KINDS,
  removeFinding,
  themeList,
} from './findings';
import { QA } from './permissions';

const params = z.object({ id: z.string().uuid() });
const findingParams = z.object({ id: z.string().uuid(), findingId: z.string().uuid() });
const findingForm = z.object({
  kind: z.preprocess(textOf, z.string().max(20)),
  text: z.preprocess(textOf, z.string().max(10_000)),
  themeIds: z.preprocess(listOf, z.array(z.string().max(40)).max(50)),
});
const themeForm = z.object({
  name: z.preprocess(textOf, z.string().max(1000)),
  retired: z.enum(['yes', 'no']).optional(),
});

export async function findingRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function renderFindings(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: FormErrors = formErrors({}),
    values: Record<string, unknown> = {},
  ) {
    const view = await auditFindings(db, req.actor!, auditContext(req, clock), id);
    const chosen = listOf(values.themeIds);
    return reply.render('qa/views/findings.njk', {
      ...view,
      errors,
      values,
      kindNames: FINDING_KIND_NAMES,
      kindItems: FINDING_KINDS.map((k) => ({
        value: k,
        text: FINDING_KIND_NAMES[k],
        checked: values.kind === k,
      })),
      themeItems: view.themes.map((t) => ({ value: t.id, text: t.name, checked: chosen.includes(t.id) })),
    });
  }

  app.get('/qa/audits/:id/findings', { config: { permission: QA.read } }, (req, reply) =>
    renderFindings(req, reply, params.parse(req.params).id),
  );

  app.post('/qa/audits/:id/findings', { config: { permission: QA.conduct } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const parsed = findingForm.safeParse(req.body ?? {});
    if (!parsed.success)
      return renderFindings(
        req,
        reply.code(400),
        id,
        formErrors({ text: 'Enter the finding in 2,000 characters or fewer' }),
      );
    try {
      await addFinding(db, req.actor!, auditContext(req, clock), id, parsed.data);
    } catch (e) {
      if (e instanceof ValidationError)
        return renderFindings(req, reply.code(400), id, formErrors(e.fields), parsed.data);
      throw e;
    }
    reply.flash('Finding added');
    return reply.redirect(`/qa/audits/${id}/findings`);
  });

  app.post(
    '/qa/audits/:id/findings/:findingId/remove',
    { config: { permission: QA.conduct } },
    async (req, reply) => {
      const { id, findingId } = findingParams.parse(req.params);
      await removeFinding(db, req.actor!, auditContext(req, clock), id, findingId);
      reply.flash('Finding removed');
      return reply.redirect(`/qa/audits/${id}/findings`);
    },
  );

  // ---- the themes list --------------------------------------------------------------------

  async function renderThemes(
    req: FastifyRequest,
    reply: FastifyReply,
    errors = formErrors({}),
    values = {},
  ) {
    return reply.render('qa/views/themes.njk', {
      themes: await themeList(db, req.actor!.organisationId, clock.now()),
      errors,
      values,
    });
  }

  app.get('/qa/themes', { config: { permission: QA.themes } }, (req, reply) => renderThemes(req, reply));

  app.post('/qa/themes', { config: { permission: QA.themes } }, async (req, reply) => {
    const parsed = themeForm.safeParse(req.body ?? {});
    const name = parsed.success ? parsed.data.name : '';
    try {
      await addTheme(db, req.actor!, auditContext(req, clock), name);
    } catch (e) {
      if (e instanceof ValidationError)
        return renderThemes(req, reply.code(400), formErrors(e.fields), { name });
      throw e;
    }
    reply.flash(`Theme added: ${name.trim()}`);
    return reply.redirect('/qa/themes');
  });

  app.post('/qa/themes/:id', { config: { permission: QA.themes } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const parsed = themeForm.safeParse(req.body ?? {});
    if (!parsed.success)
      return renderThemes(req, reply.code(400), formErrors({ name: 'Enter the name of the theme' }));
    try {
      await changeTheme(db, req.actor!, auditContext(req, clock), id, {
        ...(parsed.data.name.trim() ? { name: parsed.data.name } : {}),
        ...(parsed.data.retired ? { retired: parsed.data.retired === 'yes' } : {}),
      });
    } catch (e) {
      if (e instanceof ValidationError) return renderThemes(req, reply.code(400), formErrors(e.fields));
      throw e;
    }
    reply.flash('Theme changed');
    return reply.redirect('/qa/themes');
  });
}
