import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { dateFromParts, dateParts, type FormErrors, formErrors } from '../../platform/http/forms';
import { safeReturnPath } from '../../platform/http/return-path';
import { auditContext } from '../../platform/http/server';
import { openVisitForm, recordVisit, VISIT_KIND_LABELS, type VisitKind } from './recording';
import { childNames } from './service';

const params = z.object({ id: z.string().uuid() });
/** Where to go back to: only this service's own pages (safeReturnPath). */
const backOf = (req: FastifyRequest, fallback: string) =>
  safeReturnPath((req.query as Record<string, unknown> | undefined)?.back, fallback);
const visitForm = z.object({
  kind: z.enum(['looked_after', 'child_protection', 'child_in_need'], {
    message: 'Select what kind of visit it was',
  }),
  // One answer: seen alone, seen with others present, or not seen (so "seen alone?" is never asked of a child not seen).
  seen: z.enum(['alone', 'with-others', 'no'], {
    message: 'Select whether the child was seen, and if so whether they were seen alone',
  }),
});

export async function visitRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    personId: string,
    extra: { errors?: FormErrors; values?: Record<string, unknown>; kind?: string },
  ) {
    const actor = req.actor!;
    const [episodes, names] = await Promise.all([
      openVisitForm(db, actor, personId, auditContext(req, clock)),
      childNames(db, actor.organisationId, [personId]),
    ]);
    const back = backOf(req, `/children/${personId}`);
    const values = extra.values ?? { date: dateParts(null) };
    const chosen =
      (values.kind as string | undefined) ??
      extra.kind ??
      (episodes.length === 1 ? episodes[0]!.kind : undefined);
    return reply.render('cases/views/visits/record.njk', {
      personId,
      childName: names.get(personId) ?? 'this child',
      back,
      kinds: episodes.map((e) => ({
        value: e.kind,
        text: VISIT_KIND_LABELS[e.kind],
        checked: e.kind === chosen,
      })),
      errors: extra.errors ?? formErrors({}),
      values,
    });
  }

  app.get(
    '/children/:id/visits/new',
    { config: { permission: 'cases.visits.record' } },
    async (req, reply) => {
      const { id } = params.parse(req.params);
      const kind = (req.query as Record<string, unknown> | undefined)?.kind;
      return render(req, reply, id, { kind: typeof kind === 'string' ? kind : undefined });
    },
  );

  app.post('/children/:id/visits', { config: { permission: 'cases.visits.record' } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = {
      ...body,
      date: { day: body['date-day'], month: body['date-month'], year: body['date-year'] },
    };
    const parsed = visitForm.safeParse(body);
    const date = dateFromParts(body, 'date', 'the date of the visit');
    const fields: Record<string, string> = {};
    if (!parsed.success) for (const i of parsed.error.issues) fields[String(i.path[0])] ??= i.message;
    if (!date.ok) fields.date = date.message;
    if (!parsed.success || !date.ok) {
      const ordered = Object.fromEntries(
        ['kind', 'date', 'seen'].filter((k) => fields[k]).map((k) => [k, fields[k]!]),
      );
      return render(req, reply.code(400), id, { errors: formErrors(ordered), values });
    }
    try {
      await recordVisit(db, req.actor!, { ...auditContext(req, clock), today: today(clock) }, id, {
        kind: parsed.data.kind as VisitKind,
        date: date.date,
        childSeen: parsed.data.seen !== 'no',
        seenAlone: parsed.data.seen === 'alone',
      });
    } catch (e) {
      if (e instanceof ValidationError)
        return render(req, reply.code(400), id, { errors: formErrors(e.fields), values });
      throw e;
    }
    reply.flash('Visit recorded. Statutory tasks are up to date.');
    return reply.redirect(backOf(req, `/children/${id}`));
  });
}
