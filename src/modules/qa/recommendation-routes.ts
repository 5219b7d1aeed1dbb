/** Recommendation pages: add one to an audit, the lists, one recommendation and its update, the follow-up meeting. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { dateFromParts, dateParts, type FormErrors, formErrors, textOf } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { readFormWithFile, UploadRefused } from '../../platform/http/uploads';
import { can } from '../../platform/permissions';
import { openAudit } from './audits';
import { QA } from './permissions';
import {
  addEvidenceFile,
  evidenceFileContent,
  evidenceFilesOf,
  RECOMMENDATION_EVIDENCE_UPLOAD,
} from './recommendation-evidence';
import {
  addRecommendation,
  possibleOwners,
  RECOMMENDATION_STATUS_NAMES,
  recommendationDetail,
  recommendationLists,
  recordFollowUpMeeting,
  updateRecommendation,
} from './recommendations';

const params = z.object({ id: z.string().uuid() });
const LONG = 5000;
const checkLengths = (body: Record<string, unknown>, names: string[]) => {
  const fields: Record<string, string> = {};
  for (const n of names)
    if (textOf(body[n]).length > LONG) fields[n] = 'This must be 5,000 characters or fewer';
  return fields;
};
const dateValues = (body: Record<string, unknown>, name: string) => ({
  day: textOf(body[`${name}-day`]),
  month: textOf(body[`${name}-month`]),
  year: textOf(body[`${name}-year`]),
});

export async function recommendationRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  // ---- adding one to a moderated audit ------------------------------------------------

  async function renderAdd(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, unknown>,
    errors: FormErrors = formErrors({}),
  ) {
    const view = await openAudit(db, req.actor!, auditContext(req, clock), id);
    const owners = await possibleOwners(db, req.actor!.organisationId);
    return reply.render('qa/views/recommendation-add.njk', {
      audit: view.audit,
      childName: view.childName,
      values,
      errors,
      ownerItems: [
        { value: '', text: 'Select the owner' },
        ...owners.map((o) => ({
          value: o.id,
          text: `${o.name}${o.jobTitle ? `, ${o.jobTitle}` : ''}`,
          selected: values.ownerId === o.id,
        })),
      ],
    });
  }

  app.get('/qa/audits/:id/recommendations/new', { config: { permission: QA.recsManage } }, (req, reply) =>
    renderAdd(req, reply, params.parse(req.params).id, { dueDate: dateParts(null) }),
  );

  app.post(
    '/qa/audits/:id/recommendations',
    { config: { permission: QA.recsManage } },
    async (req, reply) => {
      const { id } = params.parse(req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = { ...body, dueDate: dateValues(body, 'dueDate') };
      const fields = checkLengths(body, ['text']);
      const due = dateFromParts(body, 'dueDate', 'the due date');
      if (!due.ok) fields.dueDate = due.message;
      try {
        if (Object.keys(fields).length || !due.ok) throw new ValidationError(fields);
        await addRecommendation(db, req.actor!, auditContext(req, clock), id, {
          text: textOf(body.text),
          ownerId: textOf(body.ownerId),
          dueDate: due.date,
        });
      } catch (e) {
        if (e instanceof ValidationError)
          return renderAdd(req, reply.code(400), id, values, formErrors(e.fields));
        throw e;
      }
      reply.flash('Recommendation added');
      return reply.redirect(`/qa/audits/${id}`);
    },
  );

  // ---- lists and one recommendation ------------------------------------------------------

  app.get('/qa/recommendations', { config: { permission: QA.recsRead } }, async (req, reply) =>
    reply.render('qa/views/recommendations.njk', {
      ...(await recommendationLists(db, req.actor!, auditContext(req, clock))),
      statusNames: RECOMMENDATION_STATUS_NAMES,
      maySignOff: can(req.actor, QA.recsSignOff),
    }),
  );

  async function renderOne(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: FormErrors = formErrors({}),
    posted?: Record<string, unknown>,
  ) {
    const detail = await recommendationDetail(db, req.actor!, auditContext(req, clock), id);
    const r = detail.recommendation;
    const status = posted ? textOf(posted.status) : r.status;
    const files = (await evidenceFilesOf(db, req.actor!.organisationId, [r.id])).get(r.id) ?? [];
    return reply.render('qa/views/recommendation.njk', {
      ...detail,
      files,
      errors,
      statusNames: RECOMMENDATION_STATUS_NAMES,
      evidence: posted ? textOf(posted.evidence) : (r.evidence ?? ''),
      rationale: posted ? textOf(posted.rationale) : (r.rationale ?? ''),
      statusItems: (['open', 'in_progress'] as const).map((s) => ({
        value: s,
        text: RECOMMENDATION_STATUS_NAMES[s],
        checked: status === s,
      })),
    });
  }

  app.get('/qa/recommendations/:id', { config: { permission: QA.recsRead } }, (req, reply) =>
    renderOne(req, reply, params.parse(req.params).id),
  );

  app.post('/qa/recommendations/:id', { config: { permission: QA.recsUpdate } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const fields = checkLengths(body, ['evidence', 'rationale']);
    const status = z.enum(['open', 'in_progress']).safeParse(body.status);
    if (!status.success) fields.status = 'Select the status';
    if (Object.keys(fields).length || !status.success)
      return renderOne(req, reply.code(400), id, formErrors(fields), body);
    await updateRecommendation(db, req.actor!, auditContext(req, clock), id, {
      status: status.data,
      evidence: textOf(body.evidence),
      rationale: textOf(body.rationale),
    });
    reply.flash('Recommendation updated');
    return reply.redirect(`/qa/recommendations/${id}`);
  });

  // ---- evidence files (multipart, within the platform's upload limits) ------------------------

  app.post(
    '/qa/recommendations/:id/evidence',
    { config: { permission: QA.recsUpdate, upload: RECOMMENDATION_EVIDENCE_UPLOAD } },
    async (req, reply) => {
      const { id } = params.parse(req.params);
      try {
        const { file } = await readFormWithFile(req, RECOMMENDATION_EVIDENCE_UPLOAD);
        await addEvidenceFile(db, req.actor!, auditContext(req, clock), id, file);
      } catch (e) {
        const fields =
          e instanceof UploadRefused
            ? { [e.field]: e.message }
            : e instanceof ValidationError
              ? e.fields
              : null;
        if (fields) return renderOne(req, reply.code(400), id, formErrors(fields));
        throw e;
      }
      reply.flash('Evidence file added');
      return reply.redirect(`/qa/recommendations/${id}`);
    },
  );

  app.get('/qa/recommendations/evidence/:id', { config: { permission: QA.recsRead } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const file = await evidenceFileContent(db, req.actor!, auditContext(req, clock), id);
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\w.\- ]/g, '_')}"`)
      .send(file.content);
  });

  // ---- the follow-up meeting ----------------------------------------------------------------

  async function renderMeeting(
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors = formErrors({}),
  ) {
    const { open } = await recommendationLists(db, req.actor!, auditContext(req, clock));
    return reply.render('qa/views/follow-up.njk', {
      values,
      errors,
      recommendations: open.map((r) => ({
        ...r,
        items: [
          { value: '', text: 'Not discussed', checked: !values[`decision-${r.id}`] },
          { value: 'sign_off', text: 'Sign off', checked: values[`decision-${r.id}`] === 'sign_off' },
          {
            value: 'carry_forward',
            text: 'Carry forward',
            checked: values[`decision-${r.id}`] === 'carry_forward',
          },
        ],
      })),
    });
  }

  app.get('/qa/follow-up/new', { config: { permission: QA.recsSignOff } }, (req, reply) =>
    renderMeeting(req, reply, { date: dateParts(today(clock)), chair: req.actor!.name }),
  );

  app.post('/qa/follow-up', { config: { permission: QA.recsSignOff } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = { ...body, date: dateValues(body, 'date') };
    const fields = checkLengths(body, ['attendees']);
    const date = dateFromParts(body, 'date', 'the date of the meeting');
    if (!date.ok) fields.date = date.message;
    const decisions = Object.entries(body)
      .map(([k, v]) => ({ id: /^decision-([0-9a-f-]{36})$/i.exec(k)?.[1], v }))
      .filter(
        (d): d is { id: string; v: unknown } => !!d.id && (d.v === 'sign_off' || d.v === 'carry_forward'),
      )
      .map((d) => ({
        recommendationId: d.id,
        decision: d.v as 'sign_off' | 'carry_forward',
        note: textOf(body[`note-${d.id}`]).slice(0, LONG),
      }));
    try {
      if (Object.keys(fields).length || !date.ok) throw new ValidationError(fields);
      await recordFollowUpMeeting(db, req.actor!, auditContext(req, clock), {
        date: date.date,
        chair: textOf(body.chair).slice(0, 200),
        attendees: textOf(body.attendees),
        decisions,
      });
    } catch (e) {
      if (e instanceof ValidationError)
        return renderMeeting(req, reply.code(400), values, formErrors(e.fields));
      throw e;
    }
    reply.flash('Follow-up meeting recorded');
    return reply.redirect('/qa/recommendations');
  });
}
