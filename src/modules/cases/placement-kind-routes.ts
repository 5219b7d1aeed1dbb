import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { can } from '../../platform/permissions';
import { placementKinds, setPlacementKind } from './placement-kind-service';
import { PLACEMENT_KIND_CHOICES, PLACEMENT_KIND_LABELS } from './placement-kinds';
import { childNames } from './service';

const params = z.object({ id: z.string().uuid() });
const kindForm = z.object({
  placement: z.string({ message: 'Select a placement' }).min(1, 'Select a placement').max(200),
  kind: z.enum(PLACEMENT_KIND_CHOICES as [string, ...string[]], { message: 'Select the kind of placement' }),
  longTerm: z.enum(['yes', 'no'], { message: 'Select yes if the placement is intended to last until 18' }),
});

/** The child's placements and their regulation 28 visiting kinds (set by hand where the extract cannot say). */
export async function placementKindRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors?: FormErrors; values?: Record<string, unknown> } = {},
  ) {
    const actor = req.actor!;
    const placements = await placementKinds(db, actor, id, auditContext(req, clock));
    const names = await childNames(db, actor.organisationId, [id]);
    const values = extra.values ?? {};
    return reply.render('cases/views/placements/kinds.njk', {
      personId: id,
      childName: names.get(id) ?? 'this child',
      placements,
      mayChange: can(actor, 'cases.placements.kind'),
      placementItems: placements.map((p) => ({
        value: p.sourceId,
        text: `Placement from ${p.startDate}${p.endDate ? ` to ${p.endDate}` : ' (open)'}${p.placementType ? `: ${p.placementType}` : ''}`,
        checked: values.placement === p.sourceId,
      })),
      kindItems: PLACEMENT_KIND_CHOICES.map((k) => ({
        value: k,
        text: PLACEMENT_KIND_LABELS[k],
        checked: values.kind === k,
      })),
      errors: extra.errors ?? formErrors({}),
      values,
    });
  }

  app.get('/children/:id/placements', { config: { permission: 'cases.read' } }, async (req, reply) =>
    render(req, reply, params.parse(req.params).id),
  );

  app.post(
    '/children/:id/placements/kind',
    { config: { permission: 'cases.placements.kind' } },
    async (req, reply) => {
      const { id } = params.parse(req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const parsed = kindForm.safeParse(body);
      if (!parsed.success) {
        const fields: Record<string, string> = {};
        for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
        return render(req, reply.code(400), id, { errors: formErrors(fields), values: body });
      }
      await setPlacementKind(db, req.actor!, auditContext(req, clock), id, {
        placementSourceId: parsed.data.placement,
        kind: parsed.data.kind as (typeof PLACEMENT_KIND_CHOICES)[number],
        longTerm: parsed.data.longTerm === 'yes',
      });
      reply.flash('Placement kind saved. Statutory visits are up to date.');
      return reply.redirect(`/children/${id}/placements`);
    },
  );
}
