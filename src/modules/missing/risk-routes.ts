/** Pages of the risk records: the child's records, the two forms, and the children whose assessment needs updating. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import type { Actor } from '../../platform/permissions';
import { childNames } from '../cases/service';
import { errorsFor, type Field, type FormValues, readForm } from './form-kit';
import {
  assessmentFields,
  assessmentInput,
  assessmentValues,
  triggerPlanFields,
  triggerPlanInput,
  triggerPlanValues,
} from './risk-forms';
import {
  listAssessmentsToUpdate,
  openRiskRecords,
  riskRecordsOf,
  saveRiskAssessment,
  saveTriggerPlan,
} from './risk-records';
import { riskListRows, riskRecordsPage } from './risk-view-models';

const params = z.object({ id: z.string().uuid() });

interface RiskForm {
  path: string;
  title: string;
  intro: string;
  submit: string;
  flash: string;
  fields: Field[];
  values(records: Awaited<ReturnType<typeof riskRecordsOf>>): FormValues;
  save(actor: Actor, id: string, data: Record<string, unknown>, ctx: AuditContext): Promise<void>;
}

export async function riskRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get(
    '/missing/risk-assessments',
    { config: { permission: 'missing.followups' } },
    async (req, reply) => {
      const rows = await listAssessmentsToUpdate(db, req.actor!, auditContext(req, clock));
      return reply.render('missing/views/risk-list.njk', {
        title: 'Missing child risk assessments to update',
        rows: riskListRows(rows),
      });
    },
  );

  app.get('/children/:id/missing/risk', { config: { permission: 'missing.read' } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const records = await openRiskRecords(db, req.actor!, id, auditContext(req, clock));
    const names = await childNames(db, req.actor!.organisationId, [id]);
    return reply.render('missing/views/risk-records.njk', {
      ...riskRecordsPage(records),
      childName: names.get(id) ?? 'Child',
      personId: id,
      mayRecord: req.actor!.permissions.has('missing.record'),
    });
  });

  function riskForm(form: RiskForm) {
    const url = `/children/:id/missing/risk/${form.path}`;
    async function render(
      req: FastifyRequest,
      reply: FastifyReply,
      id: string,
      extra: { errors?: FormErrors; values?: FormValues } = {},
    ) {
      const ctx = auditContext(req, clock);
      const records = await riskRecordsOf(db, req.actor!, id, ctx.at);
      await recordAudit(db, ctx, {
        action: 'missing.risk.form',
        recordType: 'child',
        recordId: id,
        detail: form.path,
      });
      const names = await childNames(db, req.actor!.organisationId, [id]);
      return reply.render('missing/views/form.njk', {
        title: form.title,
        caption: names.get(id) ?? 'Child',
        back: `/children/${id}/missing/risk`,
        action: `/children/${id}/missing/risk/${form.path}`,
        intro: form.intro,
        fields: form.fields,
        submit: form.submit,
        errors: extra.errors ?? formErrors({}),
        values: extra.values ?? form.values(records),
      });
    }
    app.get(url, { config: { permission: 'missing.record' } }, async (req, reply) => {
      const { id } = params.parse(req.params);
      return render(req, reply, id);
    });
    app.post(url, { config: { permission: 'missing.record' } }, async (req, reply) => {
      const { id } = params.parse(req.params);
      const read = readForm(form.fields, (req.body ?? {}) as Record<string, unknown>);
      if (!read.ok) return render(req, reply.code(400), id, read);
      try {
        await form.save(req.actor!, id, read.data, auditContext(req, clock));
      } catch (e) {
        if (e instanceof ValidationError)
          return render(req, reply.code(400), id, {
            errors: errorsFor(form.fields, e.fields),
            values: read.values,
          });
        throw e;
      }
      reply.flash(form.flash);
      return reply.redirect(`/children/${id}/missing/risk`);
    });
  }

  riskForm({
    path: 'assessment',
    title: 'Missing child risk assessment',
    intro:
      'Update it after every episode. The form starts from the assessment as it stands; saving adds a new version and keeps the earlier ones.',
    submit: 'Save risk assessment',
    flash: 'Risk assessment saved.',
    fields: assessmentFields,
    values: (r) => assessmentValues(r.assessment),
    save: (actor, id, d, ctx) => saveRiskAssessment(db, actor, id, assessmentInput(d), ctx),
  });
  riskForm({
    path: 'trigger-plan',
    title: 'Pre-incident risk assessment (trigger plan)',
    intro:
      'For a child at risk of going missing: what makes it likely, what protects the child, and whom to call. Saving adds a new version.',
    submit: 'Save trigger plan',
    flash: 'Trigger plan saved.',
    fields: triggerPlanFields,
    values: (r) => triggerPlanValues(r.plan),
    save: (actor, id, d, ctx) => saveTriggerPlan(db, actor, id, triggerPlanInput(d), ctx),
  });
}
