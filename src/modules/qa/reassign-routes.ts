/** Reassigning an audit to another auditor (QA officers, before the audit is submitted). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { openAudit } from './audits';
import { QA } from './permissions';
import { mayReassign, reassignAudit } from './reassign';
import { possibleAuditors } from './rounds';

const params = z.object({ id: z.string().uuid() });
const form = z.object({ auditorId: z.string().max(40).default('') });

export async function reassignRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: FormErrors = formErrors({}),
  ) {
    const view = await openAudit(db, req.actor!, auditContext(req, clock), id);
    if (!mayReassign(view.audit.status)) return reply.code(404).render('errors/404.njk');
    const auditors = await possibleAuditors(db, req.actor!.organisationId);
    return reply.render('qa/views/audit-reassign.njk', {
      ...view,
      errors,
      auditorItems: [
        { value: '', text: 'Select the auditor' },
        ...auditors
          .filter((a) => a.id !== view.audit.auditorId)
          .map((a) => ({ value: a.id, text: a.jobTitle ? `${a.name} (${a.jobTitle})` : a.name })),
      ],
    });
  }

  app.get('/qa/audits/:id/reassign', { config: { permission: QA.roundsManage } }, (req, reply) =>
    render(req, reply, params.parse(req.params).id),
  );

  app.post('/qa/audits/:id/reassign', { config: { permission: QA.roundsManage } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const parsed = form.safeParse(req.body ?? {});
    try {
      const { auditorName } = await reassignAudit(
        db,
        req.actor!,
        auditContext(req, clock),
        id,
        parsed.success ? parsed.data.auditorId : '',
      );
      reply.flash(`Audit reassigned to ${auditorName}`);
      return reply.redirect(`/qa/audits/${id}`);
    } catch (e) {
      if (e instanceof ValidationError) return render(req, reply.code(400), id, formErrors(e.fields));
      throw e;
    }
  });
}
