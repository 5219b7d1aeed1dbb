/**
 * Audit pages: the person's audit work, one audit, each section its own page
 * with "Save and continue" (no JavaScript needed), submission, moderation,
 * response and closing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pageLinks, paginate, requestedPage } from '../../platform/admin/pagination';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors, textOf } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { can } from '../../platform/permissions';
import { closeAudit, moderateAudit, openAudit, respondToAudit, saveSection, submitAudit } from './audits';
import { QA } from './permissions';
import { RECOMMENDATION_STATUS_NAMES } from './recommendations';
import {
  ANSWER_NAMES,
  ANSWERS,
  AUDIT_STATUS_NAMES,
  AUDIT_STATUS_TAG,
  GRADE_NAMES,
  GRADE_TAG,
  GRADES,
  type Grade,
  isGrade,
} from './vocab';
import { ASSIGNED_PAGE_SIZE, myAuditWork } from './worklists';

const params = z.object({ id: z.string().uuid() });
const sectionParams = z.object({ id: z.string().uuid(), key: z.string().regex(/^s\d{1,3}$/) });
const LONG = 5000;
const body = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const gradeOf = (v: unknown): Grade | null => (isGrade(v) ? v : null);
const gradeItems = (chosen: string | null | undefined) =>
  GRADES.map((g) => ({ value: g, text: GRADE_NAMES[g], checked: chosen === g }));
const common = {
  gradeNames: GRADE_NAMES,
  gradeTags: GRADE_TAG,
  statusNames: AUDIT_STATUS_NAMES,
  statusTags: AUDIT_STATUS_TAG,
  answerNames: ANSWER_NAMES,
};

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get('/qa/audits', { config: { permission: QA.read } }, async (req, reply) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const work = await myAuditWork(db, req.actor!, auditContext(req, clock), requestedPage(query.page));
    return reply.render('qa/views/audits.njk', {
      ...work,
      pagination: paginate(
        work.assignedTotal,
        { page: work.assignedPage, pageSize: ASSIGNED_PAGE_SIZE },
        pageLinks('/qa/audits', query),
      ),
      ...common,
    });
  });

  async function renderAudit(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors = formErrors({}),
    values: Record<string, unknown> = {},
  ) {
    const view = await openAudit(db, req.actor!, auditContext(req, clock), id);
    return reply.render('qa/views/audit.njk', {
      ...view,
      ...common,
      errors,
      values,
      recommendationStatusNames: RECOMMENDATION_STATUS_NAMES,
      mayReassign: can(req.actor, QA.roundsManage) && ['assigned', 'in_progress'].includes(view.audit.status),
      mayAddRecommendation:
        can(req.actor, QA.recsManage) && ['shared', 'responded', 'closed'].includes(view.audit.status),
    });
  }

  app.get('/qa/audits/:id', { config: { permission: QA.read } }, async (req, reply) =>
    renderAudit(req, reply, params.parse(req.params).id),
  );

  // ---- one section a page ----------------------------------------------------------

  async function renderSection(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    key: string,
    errors: FormErrors = formErrors({}),
    posted?: Record<string, unknown>,
  ) {
    const view = await openAudit(db, req.actor!, auditContext(req, clock), id);
    if (!view.rights.conduct) return reply.code(404).render('errors/404.njk');
    const sections = view.template.definition.sections;
    const index = sections.findIndex((s) => s.key === key);
    if (index < 0) return reply.code(404).render('errors/404.njk');
    const section = sections[index]!;
    const saved = view.audit.answers[key];
    return reply.render('qa/views/audit-section.njk', {
      ...view,
      ...common,
      errors,
      section,
      number: index + 1,
      of: sections.length,
      questions: section.questions.map((q) => {
        const answer = posted ? textOf(posted[`answer-${q.key}`]) : (saved?.questions[q.key]?.answer ?? '');
        return {
          ...q,
          evidence: posted ? textOf(posted[`evidence-${q.key}`]) : (saved?.questions[q.key]?.evidence ?? ''),
          items: ANSWERS.map((a) => ({ value: a, text: ANSWER_NAMES[a], checked: answer === a })),
        };
      }),
      gradeItems: gradeItems(posted ? textOf(posted.grade) : saved?.grade),
    });
  }

  app.get('/qa/audits/:id/sections/:key', { config: { permission: QA.conduct } }, async (req, reply) => {
    const { id, key } = sectionParams.parse(req.params);
    return renderSection(req, reply, id, key);
  });

  app.post('/qa/audits/:id/sections/:key', { config: { permission: QA.conduct } }, async (req, reply) => {
    const { id, key } = sectionParams.parse(req.params);
    const b = body(req);
    const fields: Record<string, string> = {};
    const questions: Record<string, { answer: (typeof ANSWERS)[number] | null; evidence: string }> = {};
    for (const [name, value] of Object.entries(b)) {
      const m = /^(answer|evidence)-(q\d{1,3})$/.exec(name);
      if (!m) continue;
      questions[m[2]!] ??= { answer: null, evidence: '' };
      const q = questions[m[2]!]!;
      if (m[1] === 'answer') {
        const parsed = z.enum(ANSWERS).safeParse(value);
        if (parsed.success) q.answer = parsed.data;
        else fields[`answer-${m[2]}`] = 'Select yes, partly, no or not applicable';
      } else {
        const text = textOf(value).trim();
        if (text.length > LONG) fields[`evidence-${m[2]}`] = 'The evidence must be 5,000 characters or fewer';
        q.evidence = text;
      }
    }
    if (b.grade !== undefined && !isGrade(b.grade)) fields.grade = 'Select a grade from the list';
    if (Object.keys(fields).length)
      return renderSection(req, reply.code(400), id, key, formErrors(fields), b);
    const next = await saveSection(db, req.actor!, auditContext(req, clock), id, key, {
      questions,
      grade: gradeOf(b.grade),
    });
    reply.flash('Section saved');
    return reply.redirect(next ? `/qa/audits/${id}/sections/${next}` : `/qa/audits/${id}/submit`);
  });

  // ---- overall grade, narrative and submission ---------------------------------------

  async function renderSubmit(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors = formErrors({}),
    posted?: Record<string, unknown>,
  ) {
    const view = await openAudit(db, req.actor!, auditContext(req, clock), id);
    if (!view.rights.conduct) return reply.code(404).render('errors/404.njk');
    return reply.render('qa/views/audit-submit.njk', {
      ...view,
      ...common,
      errors,
      narrative: posted ? textOf(posted.narrative) : (view.audit.narrative ?? ''),
      gradeItems: gradeItems(posted ? textOf(posted.overallGrade) : view.audit.overallGrade),
    });
  }

  app.get('/qa/audits/:id/submit', { config: { permission: QA.conduct } }, (req, reply) =>
    renderSubmit(req, reply, params.parse(req.params).id),
  );

  app.post('/qa/audits/:id/submit', { config: { permission: QA.conduct } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const b = body(req);
    const narrative = textOf(b.narrative);
    if (narrative.length > 20_000)
      return renderSubmit(
        req,
        reply.code(400),
        id,
        formErrors({ narrative: 'The narrative must be 20,000 characters or fewer' }),
        b,
      );
    try {
      await submitAudit(db, req.actor!, auditContext(req, clock), id, {
        overallGrade: gradeOf(b.overallGrade),
        narrative,
      });
    } catch (e) {
      if (e instanceof ValidationError)
        return renderSubmit(req, reply.code(400), id, formErrors(e.fields), b);
      throw e;
    }
    reply.flash('Audit submitted for moderation');
    return reply.redirect('/qa/audits');
  });

  // ---- moderation ----------------------------------------------------------------------

  async function renderModerate(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors = formErrors({}),
    posted?: Record<string, unknown>,
  ) {
    const view = await openAudit(db, req.actor!, auditContext(req, clock), id);
    const rows = [
      ...view.template.definition.sections.map((s) => ({
        key: s.key,
        title: s.title,
        auditor: view.audit.answers[s.key]?.grade ?? null,
      })),
      { key: 'overall', title: 'Overall grade', auditor: view.audit.overallGrade },
    ];
    return reply.render('qa/views/audit-moderate.njk', {
      ...view,
      ...common,
      errors,
      rows: rows.map((r) => ({
        ...r,
        reason: posted ? textOf(posted[`reason-${r.key}`]) : '',
        items: gradeItems(posted ? textOf(posted[`grade-${r.key}`]) : r.auditor),
      })),
    });
  }

  app.get('/qa/audits/:id/moderate', { config: { permission: QA.moderate } }, (req, reply) =>
    renderModerate(req, reply, params.parse(req.params).id),
  );

  app.post('/qa/audits/:id/moderate', { config: { permission: QA.moderate } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const b = body(req);
    const keys = Object.keys(b)
      .map((k) => /^grade-(s\d{1,3}|overall)$/.exec(k)?.[1])
      .filter((k): k is string => !!k);
    const decisions = [...new Set([...keys, 'overall'])].map((k) => ({
      sectionKey: k === 'overall' ? null : k,
      grade: gradeOf(b[`grade-${k}`]),
      reason: textOf(b[`reason-${k}`]).slice(0, LONG),
    }));
    try {
      await moderateAudit(db, req.actor!, auditContext(req, clock), id, decisions);
    } catch (e) {
      if (e instanceof ValidationError)
        return renderModerate(req, reply.code(400), id, formErrors(e.fields), b);
      throw e;
    }
    reply.flash('Moderation recorded. The audit is shared with the worker and their manager.');
    return reply.redirect(`/qa/audits/${id}`);
  });

  // ---- response and closing -------------------------------------------------------------

  app.post('/qa/audits/:id/respond', { config: { permission: QA.respond } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const response = textOf(body(req).response);
    try {
      await respondToAudit(db, req.actor!, auditContext(req, clock), id, response);
    } catch (e) {
      if (e instanceof ValidationError)
        return renderAudit(req, reply.code(400), id, formErrors(e.fields), { response });
      throw e;
    }
    reply.flash('Response recorded');
    return reply.redirect(`/qa/audits/${id}`);
  });

  app.post('/qa/audits/:id/close', { config: { permission: QA.moderate } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    await closeAudit(db, req.actor!, auditContext(req, clock), id);
    reply.flash('Audit closed');
    return reply.redirect(`/qa/audits/${id}`);
  });
}
