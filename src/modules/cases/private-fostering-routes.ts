import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { dateFromParts, dateParts, type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { can } from '../../platform/permissions';
import {
  type ArrangementFields,
  arrangementsFor,
  changeArrangement,
  recordArrangement,
} from './private-fostering';
import { childNames } from './service';

const params = z.object({ id: z.string().uuid() });
const editParams = z.object({ id: z.string().uuid(), arrangementId: z.string().uuid() });
const textFields = z.object({
  carerName: z
    .string({ message: 'Enter the name of the private foster carer' })
    .trim()
    .min(1, 'Enter the name of the private foster carer')
    .max(200, 'The carer’s name must be 200 characters or fewer'),
  carerRelationship: z
    .string()
    .trim()
    .max(200, 'The relationship must be 200 characters or fewer')
    .optional()
    .transform((v) => (v ? v : null)),
});
const DATES = [
  { name: 'notificationDate', label: 'the date the council was told', required: true },
  { name: 'startDate', label: 'the date the arrangement started', required: true },
  { name: 'endDate', label: 'the date the arrangement ended', required: false },
  { name: 'assessmentDate', label: 'the date of the assessment', required: false },
] as const;
const ORDER = ['carerName', 'carerRelationship', ...DATES.map((d) => d.name)];

/** Read the form: the fields, or a message per field in the order they appear. */
function readForm(
  body: Record<string, unknown>,
): { ok: true; data: ArrangementFields } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const text = textFields.safeParse(body);
  if (!text.success) for (const i of text.error.issues) fields[String(i.path[0])] ??= i.message;
  const dates: Record<string, string | null> = {};
  for (const d of DATES) {
    const blank = ['day', 'month', 'year'].every((p) => !String(body[`${d.name}-${p}`] ?? '').trim());
    if (blank && !d.required) {
      dates[d.name] = null;
      continue;
    }
    const parsed = dateFromParts(body, d.name, d.label);
    if (parsed.ok) dates[d.name] = parsed.date;
    else fields[d.name] = parsed.message;
  }
  if (!text.success || Object.keys(fields).length)
    return {
      ok: false,
      fields: Object.fromEntries(ORDER.filter((k) => fields[k]).map((k) => [k, fields[k]!])),
    };
  return {
    ok: true,
    data: {
      carerName: text.data.carerName,
      carerRelationship: text.data.carerRelationship,
      notificationDate: dates.notificationDate!,
      startDate: dates.startDate!,
      endDate: dates.endDate ?? null,
      assessmentDate: dates.assessmentDate ?? null,
    },
  };
}

const submitted = (body: Record<string, unknown>) => ({
  ...body,
  ...Object.fromEntries(
    DATES.map((d) => [
      d.name,
      { day: body[`${d.name}-day`], month: body[`${d.name}-month`], year: body[`${d.name}-year`] },
    ]),
  ),
});

/** The private fostering arrangements' register on the child's record. */
export async function privateFosteringRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    arrangementId: string | null,
    extra: { errors?: FormErrors; values?: Record<string, unknown> } = {},
  ) {
    const actor = req.actor!;
    const arrangements = await arrangementsFor(db, actor, id, auditContext(req, clock));
    const current = arrangementId ? arrangements.find((a) => a.id === arrangementId) : undefined;
    if (arrangementId && !current) throw new NotFoundError('arrangement');
    const names = await childNames(db, actor.organisationId, [id]);
    const values =
      extra.values ??
      (current
        ? {
            carerName: current.carerName,
            carerRelationship: current.carerRelationship ?? '',
            ...Object.fromEntries(DATES.map((d) => [d.name, dateParts(current[d.name])])),
          }
        : Object.fromEntries(DATES.map((d) => [d.name, dateParts(null)])));
    return reply.render('cases/views/private-fostering/form.njk', {
      personId: id,
      childName: names.get(id) ?? 'this child',
      arrangementId,
      errors: extra.errors ?? formErrors({}),
      values,
    });
  }

  app.get('/children/:id/private-fostering', { config: { permission: 'cases.read' } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const actor = req.actor!;
    const arrangements = await arrangementsFor(db, actor, id, auditContext(req, clock));
    const names = await childNames(db, actor.organisationId, [id]);
    return reply.render('cases/views/private-fostering/list.njk', {
      personId: id,
      childName: names.get(id) ?? 'this child',
      arrangements,
      mayRecord: can(actor, 'cases.private-fostering.record'),
      mayRecordVisit: can(actor, 'cases.events.record'),
    });
  });

  app.get(
    '/children/:id/private-fostering/new',
    { config: { permission: 'cases.private-fostering.record' } },
    async (req, reply) => renderForm(req, reply, params.parse(req.params).id, null),
  );

  app.get(
    '/children/:id/private-fostering/:arrangementId/edit',
    { config: { permission: 'cases.private-fostering.record' } },
    async (req, reply) => {
      const { id, arrangementId } = editParams.parse(req.params);
      return renderForm(req, reply, id, arrangementId);
    },
  );

  async function save(req: FastifyRequest, reply: FastifyReply, id: string, arrangementId: string | null) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = readForm(body);
    if (!form.ok)
      return renderForm(req, reply.code(400), id, arrangementId, {
        errors: formErrors(form.fields),
        values: submitted(body),
      });
    const ctx = { ...auditContext(req, clock), today: today(clock) };
    try {
      if (arrangementId) await changeArrangement(db, req.actor!, ctx, id, arrangementId, form.data);
      else await recordArrangement(db, req.actor!, ctx, id, form.data);
    } catch (e) {
      if (e instanceof ValidationError)
        return renderForm(req, reply.code(400), id, arrangementId, {
          errors: formErrors(e.fields),
          values: submitted(body),
        });
      throw e;
    }
    reply.flash(arrangementId ? 'Arrangement updated.' : 'Arrangement recorded. Its visits are now tracked.');
    return reply.redirect(`/children/${id}/private-fostering`);
  }

  app.post(
    '/children/:id/private-fostering',
    { config: { permission: 'cases.private-fostering.record' } },
    async (req, reply) => save(req, reply, params.parse(req.params).id, null),
  );

  app.post(
    '/children/:id/private-fostering/:arrangementId',
    { config: { permission: 'cases.private-fostering.record' } },
    async (req, reply) => {
      const { id, arrangementId } = editParams.parse(req.params);
      return save(req, reply, id, arrangementId);
    },
  );
}
