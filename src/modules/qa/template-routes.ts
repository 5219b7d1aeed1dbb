/** Audit template pages: list, build, read the versions of, and edit (a new version). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { QA } from './permissions';
import { templateText } from './template-text';
import { createTemplate, editTemplate, listTemplates, templateHistory } from './templates';

const params = z.object({ id: z.string().uuid() });
const form = z.object({
  name: z.string().max(1000).default(''),
  text: z
    .string()
    .max(100_000, { message: 'The sections and questions must be 100,000 characters or fewer' })
    .default(''),
});

export const DEFAULT_TEMPLATE_HINT =
  'Start each section with a line beginning with #, then one question a line. Every question is answered yes, partly, no or not applicable with evidence, and every section is graded.';

export async function templateRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const config = { config: { permission: QA.templates } };

  const renderForm = (
    reply: FastifyReply,
    view: { title: string; action: string; values: { name: string; text: string }; errors?: FormErrors },
  ) =>
    reply.render('qa/views/template-form.njk', {
      ...view,
      hint: DEFAULT_TEMPLATE_HINT,
      errors: view.errors ?? formErrors({}),
    });

  app.get('/qa/templates', config, async (req, reply) =>
    reply.render('qa/views/templates.njk', { templates: await listTemplates(db, req.actor!) }),
  );

  app.get('/qa/templates/new', config, async (_req, reply) =>
    renderForm(reply, {
      title: 'Build an audit template',
      action: '/qa/templates',
      values: { name: '', text: '' },
    }),
  );

  async function save(req: FastifyRequest, reply: FastifyReply, templateId: string | null) {
    const parsed = form.safeParse(req.body ?? {});
    const values = parsed.success ? parsed.data : { name: '', text: '' };
    const title = templateId ? 'Edit the audit template' : 'Build an audit template';
    const action = templateId ? `/qa/templates/${templateId}` : '/qa/templates';
    if (!parsed.success)
      return renderForm(reply.code(400), {
        title,
        action,
        values,
        errors: formErrors({ text: parsed.error.issues[0]?.message ?? 'Check the template' }),
      });
    try {
      const row = templateId
        ? await editTemplate(db, req.actor!, auditContext(req, clock), templateId, values)
        : await createTemplate(db, req.actor!, auditContext(req, clock), values);
      reply.flash(`${row.name}: version ${row.version} saved`);
      return reply.redirect(`/qa/templates/${row.templateId}`);
    } catch (e) {
      if (e instanceof ValidationError)
        return renderForm(reply.code(400), { title, action, values, errors: formErrors(e.fields) });
      throw e;
    }
  }

  app.post('/qa/templates', config, (req, reply) => save(req, reply, null));

  app.get('/qa/templates/:id', config, async (req, reply) => {
    const { id } = params.parse(req.params);
    const versions = await templateHistory(db, req.actor!, id);
    return reply.render('qa/views/template.njk', { latest: versions[0], versions });
  });

  app.get('/qa/templates/:id/edit', config, async (req, reply) => {
    const { id } = params.parse(req.params);
    const [latest] = await templateHistory(db, req.actor!, id);
    return renderForm(reply, {
      title: 'Edit the audit template',
      action: `/qa/templates/${id}`,
      values: { name: latest!.name, text: templateText(latest!.definition) },
    });
  });

  app.post('/qa/templates/:id', config, (req, reply) => save(req, reply, params.parse(req.params).id));
}
