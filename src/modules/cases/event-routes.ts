import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { dateFromParts, dateParts, type FormErrors, formErrors } from '../../platform/http/forms';
import { safeReturnPath } from '../../platform/http/return-path';
import { auditContext } from '../../platform/http/server';
import { openEventForm, recordEvent } from './event-recording';
import { RECORDABLE_EVENT_TYPES } from './recordable-events';
import { childNames } from './service';
import { recordedEventsFor } from './withdrawal';

const params = z.object({ id: z.string().uuid() });
/** Where to go back to (checked by safeReturnPath where it is used), and the event to preselect. */
const pageQuery = z.object({
  back: z.string().max(500).optional().catch(undefined),
  type: z.string().max(40).optional().catch(undefined),
});
const eventForm = z.object({
  type: z.enum(RECORDABLE_EVENT_TYPES as [string, ...string[]], { message: 'Select what happened' }),
});

/** Recording the statutory events no SSD extract holds (care plan, placement plan, IRO...). */
export async function eventRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    personId: string,
    extra: { errors?: FormErrors; values?: Record<string, unknown>; type?: string },
  ) {
    const actor = req.actor!;
    const [choices, names] = await Promise.all([
      openEventForm(db, actor, personId, auditContext(req, clock)),
      childNames(db, actor.organisationId, [personId]),
    ]);
    // After the form's check and audit: the events already recorded, to withdraw a wrong one.
    const recorded = await recordedEventsFor(db, actor, personId);
    const back = safeReturnPath(pageQuery.parse(req.query).back, `/children/${personId}`);
    const values = extra.values ?? { date: dateParts(null) };
    const chosen = (values.type as string | undefined) ?? extra.type;
    return reply.render('cases/views/events/record.njk', {
      personId,
      childName: names.get(personId) ?? 'this child',
      back,
      types: choices.map((c) => ({ value: c.type, text: c.label, checked: c.type === chosen })),
      errors: extra.errors ?? formErrors({}),
      values,
      recorded,
    });
  }

  app.get(
    '/children/:id/events/new',
    { config: { permission: 'cases.events.record' } },
    async (req, reply) => {
      const { id } = params.parse(req.params);
      const { type } = pageQuery.parse(req.query);
      return render(req, reply, id, { type });
    },
  );

  app.post('/children/:id/events', { config: { permission: 'cases.events.record' } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = {
      ...body,
      date: { day: body['date-day'], month: body['date-month'], year: body['date-year'] },
    };
    const parsed = eventForm.safeParse(body);
    const date = dateFromParts(body, 'date', 'the date');
    const fields: Record<string, string> = {};
    if (!parsed.success) fields.type = parsed.error.issues[0]!.message;
    if (!date.ok) fields.date = date.message;
    if (!parsed.success || !date.ok) {
      const ordered = Object.fromEntries(
        ['type', 'date'].filter((k) => fields[k]).map((k) => [k, fields[k]!]),
      );
      return render(req, reply.code(400), id, { errors: formErrors(ordered), values });
    }
    try {
      await recordEvent(db, req.actor!, { ...auditContext(req, clock), today: today(clock) }, id, {
        type: parsed.data.type,
        date: date.date,
      });
    } catch (e) {
      if (e instanceof ValidationError)
        return render(req, reply.code(400), id, { errors: formErrors(e.fields), values });
      throw e;
    }
    reply.flash('Event recorded. Statutory tasks are up to date.');
    return reply.redirect(safeReturnPath(pageQuery.parse(req.query).back, `/children/${id}`));
  });
}
