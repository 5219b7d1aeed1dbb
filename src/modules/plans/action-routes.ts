import type { FastifyInstance, FastifyRequest } from 'fastify';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import type { Actor } from '../../platform/permissions';
import { leadLong } from './document';
import { chromiumPath } from './files';
import { type Body, partsOf, planDateValues, readDate, str } from './form-helpers';
import { readActionForm } from './route-forms';
import { id, q, uuid, V } from './route-helpers';
import * as plans from './service';
import { PERMISSIONS as P } from './service';
import { ragKeyOptions, ragView } from './view-models';
import { formatSource, SOURCE_KINDS, SOURCE_NAMES } from './vocab';

export async function actionRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  const actor = (req: FastifyRequest): Actor => req.actor!;
  const ctx = (req: FastifyRequest) => auditContext(req, clock);
  const todayIso = () => today(clock);
  const _pdfAvailable = () => chromiumPath() !== undefined;

  // ---------------------------------------------------------------- actions

  async function actionFormContext(a: Actor, planId: string, extra: Record<string, unknown>) {
    const priorities = await plans.listPriorities(db, a, planId);
    const leads = await plans.listLeads(db, a);
    const key = await plans.getRagKey(db, a.organisationId);
    const leadItems = [
      { value: '', text: 'None' },
      ...leads.map((l) => ({
        value: l.id,
        text: `${l.initials ? `${l.initials}: ` : ''}${l.jobTitle}${l.holderName ? ` (${l.holderName})` : ' (vacant)'}`,
      })),
    ];
    return {
      priorityItems: [
        { value: '', text: 'Select a priority' },
        ...priorities.map((p) => ({ value: p.id, text: `${p.number}. ${p.title}` })),
      ],
      sourceItems: SOURCE_KINDS.map((k) => ({ value: k, text: SOURCE_NAMES[k] })),
      leadItems,
      otherLeadItems: leadItems.filter((l) => l.value !== ''),
      ragItems: ragKeyOptions(key).filter((r) => r.value !== 'blue'),
      ...extra,
    };
  }

  app.get('/plans/:planId/actions/new', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const plan = await plans.getPlan(db, a, id(req, 'planId'));
    if (!plans.mayManagePlan(a, plan)) return reply.code(403).render('errors/403.njk');
    const template = plan.type === 'committee_outstanding' ? V('outstanding-form') : V('action-form');
    const d = partsOf(todayIso());
    return reply.render(
      template,
      await actionFormContext(a, plan.id, {
        title: plan.type === 'committee_outstanding' ? 'Add an outstanding action' : 'Add an action',
        plan,
        values: {
          initialRag: 'green',
          sourceKind: 'new',
          priorityId: q(req).priority,
          'dateAdded-day': d.day,
          'dateAdded-month': d.month,
          'dateAdded-year': d.year,
        },
        errors: formErrors({}),
      }),
    );
  });

  app.post('/plans/:planId/actions/new', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const plan = await plans.getPlan(db, a, id(req, 'planId'));
    const body = (req.body as Body) ?? {};
    if (plan.type === 'committee_outstanding') {
      const fields: Record<string, string> = {};
      const action = str(body, 'action');
      if (!action) fields.action = 'Enter the action';
      else if (action.length > 4000) fields.action = 'Action must be 4000 characters or fewer';
      const agendaItem = str(body, 'agendaItem').slice(0, 300) || null;
      const dateAdded = readDate(body, 'dateAdded', 'the date the action was added', true);
      const target = readDate(body, 'targetDate', 'the target date', false);
      if (dateAdded.error) fields.dateAdded = dateAdded.error;
      if (target.error) fields.targetDate = target.error;
      const officer = str(body, 'officerLeadId');
      if (officer && !uuid.safeParse(officer).success)
        fields.officerLeadId = 'Select the officer from the leads roster';
      const fail = async (errors: FormErrors) =>
        reply.code(400).render(
          V('outstanding-form'),
          await actionFormContext(a, plan.id, {
            title: 'Add an outstanding action',
            plan,
            values: body,
            errors,
          }),
        );
      if (Object.keys(fields).length) return fail(formErrors(fields));
      try {
        const created = await plans.addOutstandingAction(db, a, ctx(req), {
          committeeName: plan.committeeName ?? plan.name,
          committeeKey: plan.committeeKey ?? undefined,
          action,
          dateAdded: dateAdded.value!,
          agendaItem,
          officerLeadId: officer || null,
          targetDate: target.value,
        });
        reply.flash(`Outstanding action ${created.reference} added`);
        return reply.redirect(`/plans/${plan.id}`);
      } catch (e) {
        if (e instanceof ValidationError) return fail(formErrors(e.fields));
        throw e;
      }
    }
    const parsed = readActionForm(body);
    const fail = async (errors: FormErrors) =>
      reply
        .code(400)
        .render(
          V('action-form'),
          await actionFormContext(a, plan.id, { title: 'Add an action', plan, values: body, errors }),
        );
    if (!parsed.input) return fail(parsed.errors!);
    try {
      const created = await plans.createAction(db, a, ctx(req), plan.id, parsed.input, parsed.initialRag);
      reply.flash(`Action ${parsed.input.reference.trim().toLowerCase()} added`);
      return reply.redirect(`/plans/actions/${created}`);
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
  });

  app.get('/plans/actions/:actionId', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const detail = await plans.getActionDetail(db, a, id(req, 'actionId'), todayIso());
    const key = detail.ragKey;
    return reply.render(V('action'), {
      title: `Action ${detail.action.reference}: ${detail.plan.name}`,
      d: detail,
      ragView: ragView(key, detail.rag, detail.action.score),
      sourceText: formatSource(detail.source) || 'Not given',
      leadOfficer: leadLong(detail.leadOfficer),
      seniorLead: leadLong(detail.seniorLead),
      areaLead: leadLong(detail.areaLead),
      timeline: detail.timeline.map((t) => ({
        ...t,
        toView: t.rag ? ragView(key, t.rag.to) : undefined,
        confirmedView: t.update?.ragConfirmed ? ragView(key, t.update.ragConfirmed) : undefined,
        fromView: t.rag?.from ? ragView(key, t.rag.from) : undefined,
      })),
      isCommittee: detail.plan.type === 'committee_outstanding',
    });
  });

  app.get('/plans/actions/:actionId/edit', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const detail = await plans.getActionDetail(db, a, id(req, 'actionId'), todayIso());
    if (!detail.mayManage) return reply.code(403).render('errors/403.njk');
    const x = detail.action;
    return reply.render(
      V('action-form'),
      await actionFormContext(a, detail.plan.id, {
        title: `Edit action ${x.reference}`,
        plan: detail.plan,
        actionId: x.id,
        values: {
          ...x,
          sourceKind: x.sourceKind,
          sourceDetail: x.sourceDetail,
          otherLeadIds: x.otherLeadIds ?? [],
          ...planDateValues('startDate', x.startDate, x.startDatePrecision, x.startDateText),
          ...planDateValues('endDate', x.endDate, x.endDatePrecision, x.endDateText),
        },
        errors: formErrors({}),
      }),
    );
  });

  app.post('/plans/actions/:actionId/edit', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const detail = await plans.getActionDetail(db, a, id(req, 'actionId'), todayIso());
    const body = (req.body as Body) ?? {};
    const parsed = readActionForm(body);
    const title = `Edit action ${detail.action.reference}`;
    const fail = async (errors: FormErrors) =>
      reply.code(400).render(
        V('action-form'),
        await actionFormContext(a, detail.plan.id, {
          title,
          plan: detail.plan,
          actionId: detail.action.id,
          values: body,
          errors,
        }),
      );
    if (!parsed.input) return fail(parsed.errors!);
    try {
      await plans.updateAction(db, a, ctx(req), detail.action.id, {
        ...parsed.input,
        dateAdded: detail.action.dateAdded,
        agendaItem: detail.action.agendaItem,
      });
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
    reply.flash(`Action ${parsed.input.reference.trim().toLowerCase()} saved`);
    return reply.redirect(`/plans/actions/${detail.action.id}`);
  });
}
