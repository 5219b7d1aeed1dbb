import type { FastifyInstance, FastifyRequest } from 'fastify';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors, validateForm } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import type { Actor } from '../../platform/permissions';
import { chromiumPath } from './files';
import { type Body, partsOf, readDate, readForm, str, type UploadedFile } from './form-helpers';
import { completeForm, EVIDENCE_UPLOAD, evidenceOf, fieldsOf, updateForm } from './route-forms';
import { id, uuid, V } from './route-helpers';
import * as plans from './service';
import { PERMISSIONS as P } from './service';
import { ragKeyOptions, ragView, scaleHint } from './view-models';

export async function updateRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  const actor = (req: FastifyRequest): Actor => req.actor!;
  const ctx = (req: FastifyRequest) => auditContext(req, clock);
  const todayIso = () => today(clock);
  const _pdfAvailable = () => chromiumPath() !== undefined;

  const form = (req: FastifyRequest) => readForm(req, EVIDENCE_UPLOAD);

  // ---------------------------------------------------------------- updates, RAG and completion

  async function updateContext(a: Actor, actionId: string, extra: Record<string, unknown>) {
    const detail = await plans.getActionDetail(db, a, actionId, todayIso());
    return {
      d: detail,
      ragItems: ragKeyOptions(detail.ragKey),
      currentRag: ragView(detail.ragKey, detail.rag, detail.action.score),
      scoreHint: detail.ragScale ? scaleHint(detail.ragKey, detail.ragScale) : null,
      ...extra,
    };
  }

  app.get('/plans/actions/:actionId/update', { config: { permission: P.update } }, async (req, reply) => {
    const a = actor(req);
    const actionId = id(req, 'actionId');
    const c = await updateContext(a, actionId, {});
    if (!c.d.mayUpdate)
      return reply.code(403).render('errors/403.njk', {
        message: 'Only the leads for this action and the managers of its plan can update it.',
      });
    const t = partsOf(todayIso());
    return reply.render(V('update-form'), {
      ...c,
      title: `Update action ${c.d.action.reference}`,
      // The score starts empty: a score given sets the RAG from its band, so an old score would override the choice.
      values: {
        rag: c.d.rag,
        'date-day': t.day,
        'date-month': t.month,
        'date-year': t.year,
      },
      errors: formErrors({}),
    });
  });

  app.post(
    '/plans/actions/:actionId/update',
    { config: { permission: P.update, upload: EVIDENCE_UPLOAD } },
    async (req, reply) => {
      const a = actor(req);
      const actionId = id(req, 'actionId');
      let body: Body = {};
      const fail = async (errors: FormErrors) =>
        reply
          .code(400)
          .render(
            V('update-form'),
            await updateContext(a, actionId, { title: `Update action`, values: body, errors }),
          );
      let file: UploadedFile | null = null;
      try {
        const f = await form(req);
        body = f.fields;
        file = f.file;
      } catch (e) {
        if (e instanceof ValidationError) return fail(formErrors(e.fields));
        throw e;
      }
      const parsed = validateForm(updateForm, body);
      const fields = parsed.ok ? {} : fieldsOf(parsed.errors);
      const date = readDate(body, 'date', 'the date of the update', true);
      if (date.error) fields.date = date.error;
      if (!parsed.ok || Object.keys(fields).length) return fail(formErrors(fields));
      try {
        await plans.addUpdate(db, a, ctx(req), actionId, {
          date: date.value!,
          progress: parsed.data.progress,
          focus: parsed.data.focus,
          rag: parsed.data.rag,
          score: parsed.data.score,
          reason: parsed.data.reason,
          evidence: evidenceOf(parsed.data, file),
        });
      } catch (e) {
        if (e instanceof ValidationError) return fail(formErrors(e.fields));
        throw e;
      }
      const detail = await plans.getActionDetail(db, a, actionId, todayIso());
      reply.flash(`Action ${detail.action.reference} updated`);
      return reply.redirect(`/plans/actions/${actionId}`);
    },
  );

  app.get('/plans/actions/:actionId/complete', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const c = await updateContext(a, id(req, 'actionId'), {});
    if (!c.d.mayUpdate) return reply.code(403).render('errors/403.njk');
    const t = partsOf(todayIso());
    return reply.render(V('complete-form'), {
      ...c,
      title: `Mark action ${c.d.action.reference} complete`,
      values: { 'completedOn-day': t.day, 'completedOn-month': t.month, 'completedOn-year': t.year },
      errors: formErrors({}),
    });
  });

  app.post(
    '/plans/actions/:actionId/complete',
    { config: { permission: P.read, upload: EVIDENCE_UPLOAD } },
    async (req, reply) => {
      const a = actor(req);
      const actionId = id(req, 'actionId');
      let body: Body = {};
      const fail = async (errors: FormErrors) =>
        reply
          .code(400)
          .render(
            V('complete-form'),
            await updateContext(a, actionId, { title: 'Mark action complete', values: body, errors }),
          );
      let file: UploadedFile | null = null;
      try {
        const f = await form(req);
        body = f.fields;
        file = f.file;
      } catch (e) {
        if (e instanceof ValidationError) return fail(formErrors(e.fields));
        throw e;
      }
      const parsed = validateForm(completeForm, body);
      const fields = parsed.ok ? {} : fieldsOf(parsed.errors);
      const date = readDate(body, 'completedOn', 'the date the action was completed', true);
      if (date.error) fields.completedOn = date.error;
      if (!parsed.ok || Object.keys(fields).length) return fail(formErrors(fields));
      try {
        await plans.completeAction(db, a, ctx(req), actionId, {
          completedOn: date.value!,
          note: parsed.data.note,
          evidence: evidenceOf(parsed.data, file),
        });
      } catch (e) {
        if (e instanceof ValidationError) return fail(formErrors(e.fields));
        throw e;
      }
      const detail = await plans.getActionDetail(db, a, actionId, todayIso());
      reply.flash(`Action ${detail.action.reference} marked complete`);
      return reply.redirect(`/plans/actions/${actionId}`);
    },
  );

  app.get('/plans/updates/:updateId/edit', { config: { permission: P.update } }, async (req, reply) => {
    const { update, action } = await plans.getUpdateForEdit(db, actor(req), id(req, 'updateId'));
    const p = partsOf(update.updateDate);
    return reply.render(V('update-edit'), {
      title: `Correct the update on action ${action.reference}`,
      action,
      updateId: update.id,
      values: {
        progress: update.progress,
        focus: update.focus,
        'date-day': p.day,
        'date-month': p.month,
        'date-year': p.year,
      },
      errors: formErrors({}),
    });
  });

  app.post('/plans/updates/:updateId/edit', { config: { permission: P.update } }, async (req, reply) => {
    const { update, action } = await plans.getUpdateForEdit(db, actor(req), id(req, 'updateId'));
    const body = (req.body as Body) ?? {};
    const fail = (errors: FormErrors) =>
      reply.code(400).render(V('update-edit'), {
        title: `Correct the update on action ${action.reference}`,
        action,
        updateId: update.id,
        values: body,
        errors,
      });
    const parsed = validateForm(updateForm.pick({ progress: true, focus: true }), body);
    const fields = parsed.ok ? {} : fieldsOf(parsed.errors);
    const date = readDate(body, 'date', 'the date of the update', true);
    if (date.error) fields.date = date.error;
    if (!parsed.ok || Object.keys(fields).length) return fail(formErrors(fields));
    try {
      await plans.editUpdate(db, actor(req), ctx(req), update.id, { date: date.value!, ...parsed.data });
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
    reply.flash(`Update on action ${action.reference} corrected`);
    return reply.redirect(`/plans/actions/${action.id}`);
  });

  app.get('/plans/evidence/:fileId', { config: { permission: P.read } }, async (req, reply) => {
    const file = await plans.evidenceFile(db, actor(req), ctx(req), id(req, 'fileId'));
    const safeName = file.filename.replace(/[^\w.\- ]/g, '_');
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${safeName}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });

  // ---------------------------------------------------------------- linking

  async function linkContext(a: Actor, actionId: string, extra: Record<string, unknown>) {
    const detail = await plans.getActionDetail(db, a, actionId, todayIso());
    const choices = await plans.planChoices(db, a);
    const targetItems = [
      { value: '', text: 'Select a plan and priority' },
      ...choices
        .filter((p) => p.id !== detail.plan.id && !detail.links.some((l) => l.planId === p.id))
        .flatMap((p) =>
          p.priorities.map((pr) => ({
            value: `${p.id}:${pr.id}`,
            text: `${p.name}: ${pr.number}. ${pr.title}`,
          })),
        ),
    ];
    return { d: detail, targetItems, ...extra };
  }

  app.get('/plans/actions/:actionId/link', { config: { permission: P.manage } }, async (req, reply) => {
    const c = await linkContext(actor(req), id(req, 'actionId'), { values: {}, errors: formErrors({}) });
    return reply.render(V('link-form'), {
      ...c,
      title: `Link action ${c.d.action.reference} into another plan`,
    });
  });

  app.post('/plans/actions/:actionId/link', { config: { permission: P.manage } }, async (req, reply) => {
    const a = actor(req);
    const actionId = id(req, 'actionId');
    const body = (req.body as Body) ?? {};
    const fail = async (errors: FormErrors) => {
      const c = await linkContext(a, actionId, { values: body, errors });
      return reply
        .code(400)
        .render(V('link-form'), { ...c, title: `Link action ${c.d.action.reference} into another plan` });
    };
    const [planId, priorityId] = str(body, 'target').split(':');
    const fields: Record<string, string> = {};
    if (!uuid.safeParse(planId).success || !uuid.safeParse(priorityId).success) {
      fields.target = 'Select the plan and priority to link this action into';
    }
    if (!str(body, 'reference'))
      fields.reference = 'Enter the reference this action will have in that plan, like 2.4';
    if (Object.keys(fields).length) return fail(formErrors(fields));
    try {
      await plans.linkAction(db, a, ctx(req), actionId, {
        planId: planId!,
        priorityId: priorityId!,
        reference: str(body, 'reference'),
      });
    } catch (e) {
      if (e instanceof ValidationError) {
        const f = { ...e.fields };
        if (f.planId) f.target = f.planId;
        if (f.priorityId) f.target = f.priorityId;
        delete f.planId;
        delete f.priorityId;
        return fail(formErrors(f));
      }
      throw e;
    }
    reply.flash('Action linked');
    return reply.redirect(`/plans/actions/${actionId}`);
  });
}
