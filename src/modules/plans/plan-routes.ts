/**
 * Plan pages: the list, my actions, the plan header form, the plan in its
 * layouts, and priorities.
 */

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors, validateForm } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { type Actor, can } from '../../platform/permissions';
import { plansWithAttention } from './attention';
import { allActions, filterDocument, type PlanDocument } from './document';
import { chromiumPath } from './files';
import { type Body, list, requiredText, str } from './form-helpers';
import { countsLine, defaultLayout, headerLines, LAYOUT_NAMES } from './layouts';
import { planValues, readPlanForm } from './route-forms';
import { id, q, uuid, V } from './route-helpers';
import * as plans from './service';
import { PERMISSIONS as P } from './service';
import { decorate, layoutOf, layoutsFor, ragView } from './view-models';
import { FREQUENCIES, FREQUENCY_NAMES, isRagCode, PLAN_TYPE_NAMES, PLAN_TYPES } from './vocab';

export async function planRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  const actor = (req: FastifyRequest): Actor => req.actor!;
  const ctx = (req: FastifyRequest) => auditContext(req, clock);
  const todayIso = () => today(clock);
  const pdfAvailable = () => chromiumPath() !== undefined;

  // ---------------------------------------------------------------- plan list

  app.get('/plans', { config: { permission: P.published } }, async (req, reply) => {
    const a = actor(req);
    const { attention, type } = z
      .object({
        attention: z.enum(['red-or-overdue']).optional().catch(undefined),
        type: z.enum(['committee_outstanding']).optional().catch(undefined),
      })
      .parse(req.query ?? {});
    const all = can(a, P.read) ? await plansWithAttention(db, a, todayIso()) : [];
    // The home page's count: only plans holding a red action or one past its end date.
    const working = all.filter((p) => (!attention || p.needsAttention) && (!type || p.type === type));
    const published = await plans.listPublishedSnapshots(db, a.organisationId);
    const key = await plans.getRagKey(db, a.organisationId);
    return reply.render(V('list'), {
      title: 'Improvement plans',
      attention: Boolean(attention),
      committeeOnly: type === 'committee_outstanding',
      plans: working.map((p) => ({
        ...p,
        countsLine: countsLine({ counts: p.counts, ragKey: key } as PlanDocument),
      })),
      published,
      canRead: can(a, P.read),
      canManage: can(a, P.manage),
      canCommittee: can(a, P.committee),
      canUpdate: can(a, P.update),
      canConfigure: can(a, P.configure),
    });
  });

  // ---------------------------------------------------------------- my actions

  app.get('/plans/my-actions', { config: { permission: P.update } }, async (req, reply) => {
    const a = actor(req);
    const { flag } = z
      .object({ flag: z.enum(['overdue', 'stale']).optional().catch(undefined) })
      .parse(req.query ?? {});
    const all = await plans.myActions(db, a, todayIso());
    const rows = flag ? all.filter((r) => r[flag]) : all;
    const key = await plans.getRagKey(db, a.organisationId);
    return reply.render(V('my-actions'), {
      title: 'My actions',
      flag,
      actions: rows.map((r) => ({ ...r, ragView: ragView(key, r.rag) })),
    });
  });

  // ---------------------------------------------------------------- plan header

  const planFormContext = (extra: Record<string, unknown>) => ({
    typeItems: PLAN_TYPES.filter((t) => t !== 'committee_outstanding').map((t) => ({
      value: t,
      text: PLAN_TYPE_NAMES[t],
    })),
    frequencyItems: FREQUENCIES.map((f) => ({ value: f, text: FREQUENCY_NAMES[f] })),
    ...extra,
  });

  app.get('/plans/new', { config: { permission: P.manage } }, async (_req, reply) =>
    reply.render(
      V('plan-form'),
      planFormContext({
        title: 'Add a plan',
        values: { monitoringFrequency: 'quarterly' },
        errors: formErrors({}),
      }),
    ),
  );

  app.get('/plans/outstanding/new', { config: { permission: P.committee } }, async (_req, reply) =>
    reply.render(
      V('plan-form'),
      planFormContext({
        title: 'Add an outstanding actions list',
        committeeOnly: true,
        values: { type: 'committee_outstanding', monitoringFrequency: 'monthly' },
        errors: formErrors({}),
      }),
    ),
  );

  async function savePlan(
    req: FastifyRequest,
    reply: FastifyReply,
    planId: string | null,
    committeeOnly: boolean,
  ) {
    const body = { ...((req.body as Body) ?? {}) };
    if (committeeOnly) body.type = 'committee_outstanding';
    const title = planId
      ? 'Edit plan details'
      : committeeOnly
        ? 'Add an outstanding actions list'
        : 'Add a plan';
    const parsed = readPlanForm(body);
    const fail = (errors: FormErrors) =>
      reply
        .code(400)
        .render(V('plan-form'), planFormContext({ title, planId, committeeOnly, values: body, errors }));
    if (!parsed.input) return fail(parsed.errors!);
    try {
      if (planId) {
        await plans.updatePlan(db, actor(req), ctx(req), planId, parsed.input);
        reply.flash('Plan details saved');
        return reply.redirect(`/plans/${planId}`);
      }
      const created = await plans.createPlan(db, actor(req), ctx(req), parsed.input);
      reply.flash(`${parsed.input.name} added`);
      return reply.redirect(`/plans/${created}`);
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
  }

  app.post('/plans/new', { config: { permission: P.manage } }, (req, reply) =>
    savePlan(req, reply, null, false),
  );
  app.post('/plans/outstanding/new', { config: { permission: P.committee } }, (req, reply) =>
    savePlan(req, reply, null, true),
  );

  app.get('/plans/:planId/edit', { config: { permission: P.read } }, async (req, reply) => {
    const plan = await plans.getPlan(db, actor(req), id(req, 'planId'));
    if (!plans.mayManagePlan(actor(req), plan)) return reply.code(403).render('errors/403.njk');
    return reply.render(
      V('plan-form'),
      planFormContext({
        title: 'Edit plan details',
        planId: plan.id,
        committeeOnly: plan.type === 'committee_outstanding',
        values: planValues(plan),
        errors: formErrors({}),
      }),
    );
  });

  app.post('/plans/:planId/edit', { config: { permission: P.read } }, async (req, reply) => {
    const plan = await plans.getPlan(db, actor(req), id(req, 'planId'));
    return savePlan(req, reply, plan.id, plan.type === 'committee_outstanding');
  });

  // ---------------------------------------------------------------- the plan

  app.get('/plans/:planId', { config: { permission: P.published } }, async (req, reply) => {
    const a = actor(req);
    const planId = id(req, 'planId');
    // Committee members read their committee's outstanding actions; other plans only as published.
    const canRead = can(a, P.read);
    const doc = canRead
      ? await plans.getPlanDocument(db, a, planId, todayIso())
      : await plans.getOutstandingDocument(db, a, planId, todayIso());
    const query = q(req);
    const ragFilter = list(query, 'rag').filter(isRagCode);
    const leadFilter = uuid.safeParse(query.lead).success ? String(query.lead) : undefined;
    const filter = {
      rag: ragFilter,
      leadId: leadFilter,
      overdue: query.overdue === 'yes',
      stale: query.stale === 'yes',
    };
    const filtered = filterDocument(doc, filter);
    const layout = layoutOf(req, doc);
    const leads = canRead ? await plans.listLeads(db, a) : [];
    const usedLeadIds = new Set(
      allActions(doc).flatMap((x) => [x.leadOfficer?.leadId, x.seniorLead?.leadId, x.areaLead?.leadId]),
    );
    const snapshots = await plans.listSnapshots(db, a, planId);
    const filtering = Boolean(ragFilter.length || leadFilter || filter.overdue || filter.stale);
    const defaultView = layout === defaultLayout(doc.plan.type);
    return reply.render(V('plan'), {
      // Each view of a plan has its own title: the plan, its other layout, a filtered list.
      title: `${doc.plan.name}${defaultView ? '' : `: ${LAYOUT_NAMES[layout]}`}${filtering ? ' (filtered)' : ''}`,
      canRead,
      doc: decorate(filtered),
      full: decorate(doc),
      header: headerLines(doc),
      typeName: PLAN_TYPE_NAMES[doc.plan.type],
      frequencyName: FREQUENCY_NAMES[doc.plan.monitoringFrequency],
      layout,
      layouts: layoutsFor(doc).map((l) => ({ value: l, text: LAYOUT_NAMES[l], current: l === layout })),
      shown: allActions(filtered).length,
      total: allActions(doc).length,
      overdueCount: allActions(doc).filter((x) => x.overdue).length,
      staleCount: allActions(doc).filter((x) => x.stale).length,
      filter: { ...filter, rag: ragFilter, lead: leadFilter },
      filtering,
      ragItems: doc.ragKey.map((k) => ({
        value: k.code,
        text: k.label,
        checked: ragFilter.includes(k.code),
      })),
      leadItems: [
        { value: '', text: 'Any lead' },
        ...leads
          .filter((l) => usedLeadIds.has(l.id))
          .map((l) => ({
            value: l.id,
            text: `${l.initials ? `${l.initials}: ` : ''}${l.jobTitle}${l.holderName ? ` (${l.holderName})` : ''}`,
            selected: l.id === leadFilter,
          })),
      ],
      snapshots,
      isCommittee: doc.plan.type === 'committee_outstanding',
      canManage: plans.mayManagePlan(a, doc.plan),
      canManageAll: can(a, P.manage),
      canPublish: can(a, P.publish),
      canExport: can(a, P.export),
      pdfAvailable: pdfAvailable(),
      currentQuery: req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '',
    });
  });

  // ---------------------------------------------------------------- priorities

  app.get('/plans/:planId/priorities/new', { config: { permission: P.manage } }, async (req, reply) => {
    const plan = await plans.getPlan(db, actor(req), id(req, 'planId'));
    const existing = await plans.listPriorities(db, actor(req), plan.id);
    return reply.render(V('priority-form'), {
      title: 'Add a priority',
      plan,
      values: { number: String((existing.at(-1)?.number ?? 0) + 1) },
      errors: formErrors({}),
    });
  });

  const priorityForm = z.object({
    number: z.coerce
      .number({ error: 'Enter the priority number, like 3' })
      .int('Enter the priority number as a whole number, like 3')
      .min(1, 'Enter the priority number, like 3')
      .max(999, 'The priority number must be 999 or less'),
    title: requiredText('Enter the title of the priority', 'Title', 300),
  });

  async function savePriority(req: FastifyRequest, reply: FastifyReply, priorityId: string | null) {
    const plan = await plans.getPlan(db, actor(req), id(req, 'planId'));
    const body = (req.body as Body) ?? {};
    const title = priorityId ? 'Edit priority' : 'Add a priority';
    const fail = (errors: FormErrors) =>
      reply.code(400).render(V('priority-form'), { title, plan, priorityId, values: body, errors });
    const parsed = validateForm(priorityForm, { ...body, number: str(body, 'number') || undefined });
    if (!parsed.ok) return fail(parsed.errors);
    try {
      if (priorityId) await plans.updatePriority(db, actor(req), ctx(req), plan.id, priorityId, parsed.data);
      else await plans.createPriority(db, actor(req), ctx(req), plan.id, parsed.data);
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
    reply.flash(`Priority ${parsed.data.number} saved`);
    return reply.redirect(`/plans/${plan.id}`);
  }

  app.post('/plans/:planId/priorities/new', { config: { permission: P.manage } }, (req, reply) =>
    savePriority(req, reply, null),
  );

  app.get(
    '/plans/:planId/priorities/:priorityId/edit',
    { config: { permission: P.manage } },
    async (req, reply) => {
      const plan = await plans.getPlan(db, actor(req), id(req, 'planId'));
      const priority = await plans.getPriority(db, actor(req), plan.id, id(req, 'priorityId'));
      return reply.render(V('priority-form'), {
        title: 'Edit priority',
        plan,
        priorityId: priority.id,
        values: { number: String(priority.number), title: priority.title },
        errors: formErrors({}),
      });
    },
  );

  app.post(
    '/plans/:planId/priorities/:priorityId/edit',
    { config: { permission: P.manage } },
    async (req, reply) => {
      const plan = await plans.getPlan(db, actor(req), id(req, 'planId'));
      const priority = await plans.getPriority(db, actor(req), plan.id, id(req, 'priorityId'));
      return savePriority(req, reply, priority.id);
    },
  );
}
