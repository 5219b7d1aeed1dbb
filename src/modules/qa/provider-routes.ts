/** Provider and setting audit pages: the list, adding a provider, a provider with its visits, recording a visit, recommendations. */
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
  textOf,
} from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { formatDate } from '../../platform/http/views';
import { can } from '../../platform/permissions';
import { QA } from './permissions';
import type { AreaResult } from './provider-rules';
import {
  AREA_RAG_NAMES,
  AREA_RAG_TAG,
  AREA_RAGS,
  type AreaRag,
  PROVIDER_AREAS,
  PROVIDER_KIND_NAMES,
  PROVIDER_KINDS,
  type ProviderKind,
} from './provider-vocab';
import {
  addProvider,
  addProviderRecommendation,
  completeProviderRecommendation,
  providerDetail,
  providerOverview,
  providerWithAreas,
  recordVisit,
} from './providers';

type Body = Record<string, unknown>;
const params = z.object({ id: z.string().uuid() });
const recParams = z.object({ id: z.string().uuid(), recId: z.string().uuid() });
const text = (missing: string, max = 5000) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `This must be ${max.toLocaleString('en-GB')} characters or fewer`);

const providerForm = z.object({
  name: text('Enter the name of the provider or setting', 200),
  kind: z.enum(PROVIDER_KINDS, { error: 'Select the kind of provider' }),
  urn: z
    .string()
    .trim()
    .max(20, 'The Ofsted URN must be 20 characters or fewer')
    .regex(/^[A-Za-z0-9]*$/, 'The Ofsted URN is letters and numbers only, like EY123456')
    .optional()
    .transform((v) => v || null),
});
const kindFilter = z.object({ kind: z.enum(PROVIDER_KINDS).optional().catch(undefined) });
const recommendationForm = z.object({
  visitId: z
    .string({ error: 'Select the visit that made this recommendation' })
    .uuid('Select the visit that made this recommendation'),
  area: z
    .string()
    .optional()
    .transform((v) => v || null),
  text: text('Enter the recommendation'),
});
const completeForm = z.object({ followUp: text('Enter what was done, and the evidence seen') });

/** Each area's RAG and comment from the visit form (fields area-<key> and comment-<key>). */
export function readAreaResults(
  kind: ProviderKind,
  body: Body,
): { results: AreaResult[]; fields: Record<string, string> } {
  const results: AreaResult[] = [];
  const fields: Record<string, string> = {};
  for (const area of PROVIDER_AREAS[kind]) {
    const rag = textOf(body[`area-${area.key}`]).trim();
    const comment = textOf(body[`comment-${area.key}`]).trim();
    if (comment.length > 2000)
      fields[`comment-${area.key}`] =
        `The comment on ${area.title.toLowerCase()} must be 2,000 characters or fewer`;
    if ((AREA_RAGS as readonly string[]).includes(rag))
      results.push({ area: area.key, rag: rag as AreaRag, comment: comment || null });
  }
  return { results, fields };
}

export async function providerRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const read = { config: { permission: QA.providersRead } };
  const manage = { config: { permission: QA.providersManage } };
  const names = {
    kindNames: PROVIDER_KIND_NAMES,
    ragNames: AREA_RAG_NAMES,
    ragTags: AREA_RAG_TAG,
    directionNames: { better: 'Better', worse: 'Worse', same: 'The same' },
  };

  app.get('/qa/providers', read, async (req, reply) => {
    const { kind } = kindFilter.parse(req.query ?? {});
    return reply.render('qa/views/providers.njk', {
      ...(await providerOverview(db, req.actor!, today(clock), kind)),
      ...names,
      kind,
      kindItems: [
        { value: '', text: 'Every kind' },
        ...PROVIDER_KINDS.map((k) => ({ value: k, text: PROVIDER_KIND_NAMES[k], selected: kind === k })),
      ],
      mayManage: can(req.actor, QA.providersManage),
    });
  });

  function renderAdd(reply: FastifyReply, values: Body, errors = formErrors({})) {
    return reply.render('qa/views/provider-form.njk', {
      values,
      errors,
      kindItems: PROVIDER_KINDS.map((k) => ({
        value: k,
        text: PROVIDER_KIND_NAMES[k],
        checked: values.kind === k,
      })),
    });
  }
  app.get('/qa/providers/new', manage, (_req, reply) => renderAdd(reply, {}));
  app.post('/qa/providers', manage, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const parsed = providerForm.safeParse(body);
    try {
      if (!parsed.success) throw new ValidationError(firstMessages(parsed.error.issues));
      const row = await addProvider(db, req.actor!, auditContext(req, clock), parsed.data, today(clock));
      reply.flash(`${row.name} added: record its first visit when it is audited`);
      return reply.redirect(`/qa/providers/${row.id}`);
    } catch (e) {
      if (e instanceof ValidationError) return renderAdd(reply.code(400), body, formErrors(e.fields));
      throw e;
    }
  });

  async function renderProvider(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Body,
    errors = formErrors({}),
  ) {
    const detail = await providerDetail(db, req.actor!, id, today(clock));
    return reply.render('qa/views/provider.njk', {
      ...detail,
      ...names,
      values,
      errors,
      mayManage: can(req.actor, QA.providersManage),
      visitItems: [...detail.visits].reverse().map((v) => ({
        value: v.id,
        text: `Visit on ${formatDate(v.visitedOn)}`,
        selected: values.visitId === v.id,
      })),
      areaItems: [
        { value: '', text: 'The provider as a whole' },
        ...detail.areas.map((a) => ({ value: a.key, text: a.title, selected: values.area === a.key })),
      ],
    });
  }
  app.get('/qa/providers/:id', read, (req, reply) =>
    renderProvider(req, reply, params.parse(req.params).id, {
      dueOn: dateParts(null),
      completedOn: dateParts(today(clock)),
    }),
  );

  async function renderVisit(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Body,
    errors = formErrors({}),
  ) {
    const { provider, areas } = await providerWithAreas(db, req.actor!, id);
    return reply.render('qa/views/provider-visit-form.njk', {
      provider,
      kindNames: PROVIDER_KIND_NAMES,
      values,
      errors,
      areas: areas.map((a) => ({
        ...a,
        items: AREA_RAGS.map((r) => ({
          value: r,
          text: AREA_RAG_NAMES[r],
          checked: values[`area-${a.key}`] === r,
        })),
      })),
    });
  }
  app.get('/qa/providers/:id/visits/new', manage, (req, reply) =>
    renderVisit(req, reply, params.parse(req.params).id, { visitedOn: dateParts(null) }),
  );
  app.post('/qa/providers/:id/visits', manage, async (req, reply) => {
    const { id } = params.parse(req.params);
    const body = (req.body ?? {}) as Body;
    const values = { ...body, visitedOn: submittedDateParts(body, 'visitedOn') };
    const { provider } = await providerWithAreas(db, req.actor!, id);
    const { results, fields } = readAreaResults(provider.kind as ProviderKind, body);
    const date = dateFromParts(body, 'visitedOn', 'the date of the visit');
    if (!date.ok) fields.visitedOn = date.message;
    const summary = textOf(body.summary).trim();
    if (!summary) fields.summary = 'Enter a summary of the visit';
    else if (summary.length > 5000) fields.summary = 'The summary must be 5,000 characters or fewer';
    try {
      if (Object.keys(fields).length || !date.ok) {
        // Say at once every area still without a RAG, not only the date.
        for (const a of PROVIDER_AREAS[provider.kind as ProviderKind])
          if (!results.some((r) => r.area === a.key))
            fields[`area-${a.key}`] ??=
              `Select a RAG for ${a.title.toLowerCase()}, or that it was not looked at`;
        throw new ValidationError(fields);
      }
      await recordVisit(
        db,
        req.actor!,
        auditContext(req, clock),
        id,
        { visitedOn: date.date, results, summary },
        today(clock),
      );
    } catch (e) {
      if (e instanceof ValidationError)
        return renderVisit(req, reply.code(400), id, values, formErrors(e.fields));
      throw e;
    }
    reply.flash('Visit recorded: add its recommendations below');
    return reply.redirect(`/qa/providers/${id}`);
  });

  app.post('/qa/providers/:id/recommendations', manage, async (req, reply) => {
    const { id } = params.parse(req.params);
    const body = (req.body ?? {}) as Body;
    const values = {
      ...body,
      dueOn: submittedDateParts(body, 'dueOn'),
      completedOn: dateParts(today(clock)),
    };
    const parsed = recommendationForm.safeParse(body);
    const date = dateFromParts(body, 'dueOn', 'the date it is due');
    const fields = parsed.success ? {} : firstMessages(parsed.error.issues);
    if (!date.ok) fields.dueOn = date.message;
    try {
      if (!parsed.success || !date.ok) throw new ValidationError(fields);
      await addProviderRecommendation(db, req.actor!, auditContext(req, clock), id, {
        ...parsed.data,
        dueOn: date.date,
      });
    } catch (e) {
      if (e instanceof ValidationError)
        return renderProvider(req, reply.code(400), id, values, formErrors(e.fields));
      throw e;
    }
    reply.flash('Recommendation added');
    return reply.redirect(`/qa/providers/${id}#recommendations`);
  });

  app.post('/qa/providers/:id/recommendations/:recId/complete', manage, async (req, reply) => {
    const { id, recId } = recParams.parse(req.params);
    const body = (req.body ?? {}) as Body;
    const values = {
      ...body,
      dueOn: dateParts(null),
      completedOn: submittedDateParts(body, 'completedOn'),
      completing: recId,
    };
    const parsed = completeForm.safeParse(body);
    const date = dateFromParts(body, 'completedOn', 'the date it was completed');
    const fields = parsed.success ? {} : firstMessages(parsed.error.issues);
    if (!date.ok) fields.completedOn = date.message;
    try {
      if (!parsed.success || !date.ok) throw new ValidationError(fields);
      await completeProviderRecommendation(
        db,
        req.actor!,
        auditContext(req, clock),
        id,
        recId,
        { followUp: parsed.data.followUp, completedOn: date.date },
        today(clock),
      );
    } catch (e) {
      if (e instanceof ValidationError)
        return renderProvider(req, reply.code(400), id, values, formErrors(e.fields));
      throw e;
    }
    reply.flash('Recommendation completed, with its follow-up');
    return reply.redirect(`/qa/providers/${id}#recommendations`);
  });
}
