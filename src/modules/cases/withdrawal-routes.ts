import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { childNames } from './service';
import { openWithdrawalForm, WITHDRAW_PERMISSION, withdrawEvent } from './withdrawal';
import { WITHDRAWAL_REASON_MAX } from './withdrawal-rules';

const params = z.object({ id: z.string().uuid(), eventId: z.string().uuid() });
const withdrawForm = z.object({
  reason: z
    .string({ message: 'Enter why the event is being withdrawn' })
    .trim()
    .min(1, 'Enter why the event is being withdrawn')
    .max(WITHDRAWAL_REASON_MAX, `The reason must be ${WITHDRAWAL_REASON_MAX} characters or fewer`),
});

/** Withdrawing an event recorded by form that was wrong (team manager of the recorder and above). */
export async function withdrawalRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: FormErrors; values?: Record<string, unknown> } = {},
  ) {
    const { id, eventId } = params.parse(req.params);
    const actor = req.actor!;
    const event = await openWithdrawalForm(db, actor, id, eventId, auditContext(req, clock));
    const names = await childNames(db, actor.organisationId, [id]);
    return reply.render('cases/views/events/withdraw.njk', {
      personId: id,
      childName: names.get(id) ?? 'this child',
      event,
      errors: extra.errors ?? formErrors({}),
      values: extra.values ?? {},
    });
  }

  app.get(
    '/children/:id/events/:eventId/withdraw',
    { config: { permission: WITHDRAW_PERMISSION } },
    async (req, reply) => render(req, reply),
  );

  app.post(
    '/children/:id/events/:eventId/withdraw',
    { config: { permission: WITHDRAW_PERMISSION } },
    async (req, reply) => {
      const { id, eventId } = params.parse(req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = { reason: typeof body.reason === 'string' ? body.reason : '' };
      const parsed = withdrawForm.safeParse(body);
      if (!parsed.success)
        return render(req, reply.code(400), {
          errors: formErrors({ reason: parsed.error.issues[0]!.message }),
          values,
        });
      try {
        await withdrawEvent(db, req.actor!, auditContext(req, clock), id, eventId, parsed.data.reason);
      } catch (e) {
        if (e instanceof ValidationError)
          return render(req, reply.code(400), { errors: formErrors(e.fields), values });
        throw e;
      }
      reply.flash('Event withdrawn. Statutory tasks are up to date.');
      return reply.redirect(`/children/${id}/events/new`);
    },
  );
}
