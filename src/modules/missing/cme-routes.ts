/**
 * Pages of the children missing education register: the list (open,
 * overdue, closed; paged in the database), one case with its clocks and
 * enquiries, and the forms to record a case from the child's record, update
 * it, and add an enquiry.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { limitOffset, pageLinks, paginate, requestedPage } from '../../platform/admin/pagination';
import { recordAudit } from '../../platform/audit/service';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { childNames, mayViewChild } from '../cases/service';
import {
  editFields,
  editValues,
  enquiryFields,
  enquiryInput,
  progressInput,
  referralFields,
  referralInput,
} from './cme-forms';
import { CME_FILTERS, type CmeFilter } from './cme-repository';
import { addCmeEnquiry, cmeForForm, listCme, openCme, recordCme, updateCme } from './cme-service';
import { cmeCasePage, cmeListRows } from './cme-view-models';
import { errorsFor, type Field, type FormValues, readForm } from './form-kit';

const PAGE_SIZE = 25;
const idParams = z.object({ id: z.string().uuid() });
const listQuery = z.object({
  show: z.enum(CME_FILTERS).catch('open'),
  page: z.string().max(7).optional(),
});

export const CME_FILTER_LABELS: Record<CmeFilter, string> = {
  open: 'Open',
  overdue: 'Open with a check overdue',
  closed: 'Closed',
  all: 'All',
};

type Extra = { errors?: FormErrors; values?: FormValues };

export async function cmeRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const ctxOf = (req: FastifyRequest) => auditContext(req, clock);

  app.get('/missing/cme', { config: { permission: 'missing.followups' } }, async (req, reply) => {
    const q = listQuery.parse(req.query ?? {});
    const requested = requestedPage(q.page);
    const first = await listCme(
      db,
      req.actor!,
      ctxOf(req),
      q.show,
      limitOffset({ page: requested, pageSize: PAGE_SIZE }),
    );
    // A page past the end shows the last page.
    const last = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
    const page = Math.min(requested, last);
    const { rows, total } =
      page === requested
        ? first
        : await listCme(db, req.actor!, ctxOf(req), q.show, limitOffset({ page, pageSize: PAGE_SIZE }));
    const href = pageLinks('/missing/cme', { show: q.show });
    return reply.render('missing/views/cme-list.njk', {
      title: `Children missing education: ${CME_FILTER_LABELS[q.show].toLowerCase()}${last > 1 ? `, page ${page} of ${last}` : ''}`,
      show: q.show,
      filters: CME_FILTERS.map((f) => ({
        value: f,
        text: CME_FILTER_LABELS[f],
        current: f === q.show,
        href: `/missing/cme?show=${f}`,
      })),
      rows: cmeListRows(rows),
      pagination: paginate(total, { page, pageSize: PAGE_SIZE }, href),
    });
  });

  // ---- a new case, from the child's record ------------------------------------

  async function renderNew(req: FastifyRequest, reply: FastifyReply, personId: string, extra: Extra = {}) {
    const ctx = ctxOf(req);
    if (!(await mayViewChild(db, req.actor!, personId, ctx.at)))
      return reply.code(404).render('errors/404.njk');
    await recordAudit(db, ctx, {
      action: 'missing.cme.form',
      recordType: 'child',
      recordId: personId,
      detail: 'new',
    });
    const names = await childNames(db, req.actor!.organisationId, [personId]);
    return reply.render('missing/views/form.njk', {
      title: 'Record a child missing education',
      caption: names.get(personId) ?? 'This child',
      back: `/children/${personId}`,
      action: `/children/${personId}/cme`,
      intro:
        'Record the referral when the school or someone else tells you the child is missing education. The clocks count school days from the first day of absence.',
      fields: referralFields,
      submit: 'Record',
      errors: extra.errors ?? formErrors({}),
      values: extra.values ?? {},
    });
  }

  app.get('/children/:id/cme/new', { config: { permission: 'missing.record' } }, async (req, reply) =>
    renderNew(req, reply, idParams.parse(req.params).id),
  );

  app.post('/children/:id/cme', { config: { permission: 'missing.record' } }, async (req, reply) => {
    const { id } = idParams.parse(req.params);
    const read = readForm(referralFields, (req.body ?? {}) as Record<string, unknown>);
    if (!read.ok) return renderNew(req, reply.code(400), id, read);
    try {
      const caseId = await recordCme(db, req.actor!, ctxOf(req), id, referralInput(read.data));
      reply.flash('Child missing education recorded.');
      return reply.redirect(`/missing/cme/${caseId}`);
    } catch (e) {
      if (e instanceof ValidationError)
        return renderNew(req, reply.code(400), id, {
          errors: errorsFor(referralFields, e.fields),
          values: read.values,
        });
      throw e;
    }
  });

  // ---- one case ----------------------------------------------------------------

  app.get('/missing/cme/:id', { config: { permission: 'missing.read' } }, async (req, reply) => {
    const { id } = idParams.parse(req.params);
    const page = await openCme(db, req.actor!, id, ctxOf(req));
    const names = await childNames(db, req.actor!.organisationId, [page.row.personId]);
    return reply.render('missing/views/cme-case.njk', {
      ...cmeCasePage(page, names.get(page.row.personId) ?? 'Unknown child'),
      mayRecord: req.actor!.permissions.has('missing.record'),
    });
  });

  function caseForm(form: {
    path: string;
    title: string;
    intro: string;
    submit: string;
    flash: string;
    fields: Field[];
    values(row: Awaited<ReturnType<typeof cmeForForm>>): FormValues;
    save(req: FastifyRequest, id: string, data: Record<string, unknown>): Promise<void>;
  }) {
    const url = `/missing/cme/:id/${form.path}`;
    async function render(req: FastifyRequest, reply: FastifyReply, id: string, extra: Extra = {}) {
      const row = await cmeForForm(db, req.actor!, id, ctxOf(req), form.path);
      const names = await childNames(db, req.actor!.organisationId, [row.personId]);
      return reply.render('missing/views/form.njk', {
        title: form.title,
        caption: names.get(row.personId) ?? 'Child missing education',
        back: `/missing/cme/${row.id}`,
        action: `/missing/cme/${row.id}/${form.path}`,
        intro: form.intro,
        fields: form.fields,
        submit: form.submit,
        errors: extra.errors ?? formErrors({}),
        values: extra.values ?? form.values(row),
      });
    }
    app.get(url, { config: { permission: 'missing.record' } }, async (req, reply) =>
      render(req, reply, idParams.parse(req.params).id),
    );
    app.post(url, { config: { permission: 'missing.record' } }, async (req, reply) => {
      const { id } = idParams.parse(req.params);
      const read = readForm(form.fields, (req.body ?? {}) as Record<string, unknown>);
      if (!read.ok) return render(req, reply.code(400), id, read);
      try {
        await form.save(req, id, read.data);
      } catch (e) {
        if (e instanceof ValidationError)
          return render(req, reply.code(400), id, {
            errors: errorsFor(form.fields, e.fields),
            values: read.values,
          });
        throw e;
      }
      reply.flash(form.flash);
      return reply.redirect(`/missing/cme/${id}`);
    });
  }

  caseForm({
    path: 'edit',
    title: 'Update the checks and the outcome',
    intro:
      'Record each check as it is done, and the outcome when the child is located or taken off roll. Close the case when nothing is left to do.',
    submit: 'Save',
    flash: 'Saved.',
    fields: editFields,
    values: editValues,
    save: (req, id, d) =>
      updateCme(db, req.actor!, ctxOf(req), id, { referral: referralInput(d), progress: progressInput(d) }),
  });
  caseForm({
    path: 'enquiries',
    title: 'Record an enquiry',
    intro: 'Enquiries to find the child, from day 2 to at least 4 weeks after the first day of absence.',
    submit: 'Record enquiry',
    flash: 'Enquiry recorded.',
    fields: enquiryFields,
    values: () => ({}),
    save: (req, id, d) => addCmeEnquiry(db, req.actor!, ctxOf(req), id, enquiryInput(d)),
  });
}
