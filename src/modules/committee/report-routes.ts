/** Drafting a report for an agenda item, its appendices, sign-off and acceptance. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { componentRegistry } from '../../platform/components';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { readCheckedFile, readUploadedForm, UploadRefused } from '../../platform/http/uploads';
import { COMMITTEE } from './access';
import { MAX_APPENDIX_BYTES } from './appendix-files';
import { type AppendixDownload, addAppendixFile, draftAppendixFile } from './appendix-service';
import { signatoriesToChoose } from './committees-service';
import { appendixFileSchema, appendixSchema, reportSchema, reportValues } from './report-forms';
import {
  acceptReport,
  addAppendix,
  awaitingAcceptance,
  awaitingMySignOff,
  reportForItem,
  returnToDraft,
  saveReport,
  sendForSignOff,
  signOff,
} from './reports-service';
import { type Body, readForm } from './route-forms';
import { REPORT_STATUS_NAMES, type ReportStatus } from './vocab';

const BASE = '/committee-business';

/** An uploaded appendix as a download, never shown inline. */
export function sendFile(reply: FastifyReply, file: AppendixDownload) {
  const safeName = file.filename.replace(/[^\w.\- ]/g, '_');
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${safeName}"`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
const id = (v: unknown) => {
  const r = z.object({ id: z.string().uuid() }).safeParse(v);
  if (!r.success) throw new NotFoundError();
  return r.data.id;
};

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const ctxOf = (req: FastifyRequest) => auditContext(req, clock);
  const kinds = () => componentRegistry(app.deps.modules);

  const page = async (
    req: FastifyRequest,
    itemId: string,
    extra: { values?: Body; errors?: FormErrors } = {},
  ) => {
    const actor = req.actor!;
    const data = await reportForItem(db, actor, itemId);
    const choices = [];
    for (const k of kinds().values())
      for (const c of await k.choices(db, actor, clock.now()))
        choices.push({ value: `${k.kind}|${c.ref}`, text: `${k.name}: ${c.label}` });
    return {
      title: `Report: ${data.item.title}`,
      item: data.item,
      meeting: data.meeting,
      report: data.report,
      statusName: data.report ? REPORT_STATUS_NAMES[data.report.status as ReportStatus] : 'Not started',
      signatoryName: data.signatoryName,
      appendices: data.appendices,
      choices,
      signatories: (await signatoriesToChoose(db, actor)).map((s) => ({ value: s.id, text: s.name })),
      values: extra.values ?? reportValues(data.report, data.item),
      errors: extra.errors ?? formErrors({}),
      editable: !data.report || data.report.status === 'draft',
      mayDraft: actor.permissions.has(COMMITTEE.draft),
      maySignOff: data.report?.status === 'awaiting_sign_off' && data.report.signOffBy === actor.userId,
      mayAccept: data.report?.status === 'signed_off' && actor.permissions.has(COMMITTEE.manage),
    };
  };
  const url = (itemId: string) => `${BASE}/items/${itemId}/report`;

  app.get(`${BASE}/sign-off`, { config: { permission: COMMITTEE.signOff } }, async (req, reply) =>
    reply.render('committee/views/sign-off.njk', {
      title: 'Reports sent to you for sign-off',
      rows: await awaitingMySignOff(db, req.actor!),
    }),
  );

  app.get(`${BASE}/to-accept`, { config: { permission: COMMITTEE.manage } }, async (req, reply) =>
    reply.render('committee/views/sign-off.njk', {
      title: 'Reports signed off, to accept',
      empty: 'No signed-off report is waiting for you to accept it.',
      rows: await awaitingAcceptance(db, req.actor!),
    }),
  );

  app.get(`${BASE}/items/:id/report`, { config: { permission: COMMITTEE.draft } }, async (req, reply) =>
    reply.render('committee/views/report.njk', await page(req, id(req.params))),
  );

  app.post(`${BASE}/items/:id/report`, { config: { permission: COMMITTEE.draft } }, async (req, reply) => {
    const itemId = id(req.params);
    const body = (req.body ?? {}) as Body;
    const read = readForm(reportSchema, body);
    if (!read.ok)
      return reply
        .code(400)
        .render('committee/views/report.njk', await page(req, itemId, { values: body, errors: read.errors }));
    try {
      await saveReport(db, req.actor!, ctxOf(req), itemId, read.data);
    } catch (e) {
      if (e instanceof ValidationError)
        return reply
          .code(400)
          .render(
            'committee/views/report.njk',
            await page(req, itemId, { values: body, errors: formErrors(e.fields) }),
          );
      throw e;
    }
    reply.flash('Report saved.');
    return reply.redirect(url(itemId));
  });

  const action = (
    path: string,
    permission: string,
    run: (req: FastifyRequest, reportId: string, body: Body) => Promise<void>,
    flash: string,
  ) =>
    app.post(`${BASE}/items/:id/report/${path}`, { config: { permission } }, async (req, reply) => {
      const itemId = id(req.params);
      const body = (req.body ?? {}) as Body;
      const data = await reportForItem(db, req.actor!, itemId).catch((e) => {
        // A signatory or clerk who cannot draft still acts on the report.
        if (e?.statusCode === 403) return null;
        throw e;
      });
      const reportId = data?.report?.id ?? z.string().uuid().safeParse(body.reportId).data;
      if (!reportId) throw new NotFoundError('report');
      try {
        await run(req, reportId, body);
      } catch (e) {
        if (e instanceof ValidationError && data)
          return reply
            .code(400)
            .render('committee/views/report.njk', await page(req, itemId, { errors: formErrors(e.fields) }));
        throw e;
      }
      reply.flash(flash);
      return reply.redirect(data ? url(itemId) : BASE);
    });

  action(
    'appendices',
    COMMITTEE.draft,
    async (req, reportId, body) => {
      const parsed = appendixSchema.safeParse(body);
      if (!parsed.success) {
        const fields: Record<string, string> = {};
        for (const i of parsed.error.issues) fields[String(i.path[0] ?? 'component')] ??= i.message;
        throw new ValidationError(fields);
      }
      const [componentKind, componentRef] = parsed.data.component.split('|') as [string, string];
      await addAppendix(db, req.actor!, ctxOf(req), kinds(), reportId, {
        title: parsed.data.title,
        public: parsed.data.visibility === 'public',
        componentKind,
        componentRef: componentRef ?? '',
      });
    },
    'Appendix added.',
  );
  const APPENDIX_UPLOAD = { field: 'appendixFile', maxFileBytes: MAX_APPENDIX_BYTES, maxFiles: 1 };
  app.post(
    `${BASE}/items/:id/report/appendix-file`,
    { config: { permission: COMMITTEE.draft, upload: APPENDIX_UPLOAD } },
    async (req, reply) => {
      const itemId = id(req.params);
      const data = await reportForItem(db, req.actor!, itemId);
      if (!data.report) throw new NotFoundError('report');
      let fields: Body = {};
      const fail = async (errors: Record<string, string>) =>
        reply.code(400).render(
          'committee/views/report.njk',
          await page(req, itemId, {
            values: { ...reportValues(data.report, data.item), ...fields },
            errors: formErrors(errors),
          }),
        );
      try {
        const form = await readUploadedForm(req, APPENDIX_UPLOAD);
        fields = form.fields;
        const parsed = appendixFileSchema.safeParse(fields);
        const errors: Record<string, string> = {};
        if (!parsed.success)
          for (const i of parsed.error.issues) errors[String(i.path[0] ?? 'fileTitle')] ??= i.message;
        const stored = form.files[0];
        if (!stored) errors.appendixFile = 'Choose the file to upload';
        if (!parsed.success || !stored) return fail(errors);
        await addAppendixFile(db, req.actor!, ctxOf(req), data.report.id, {
          title: parsed.data.fileTitle,
          public: parsed.data.fileVisibility === 'public',
          filename: stored.filename,
          data: await readCheckedFile(req, stored, APPENDIX_UPLOAD.field),
        });
      } catch (e) {
        if (e instanceof UploadRefused) return fail({ [e.field]: e.message });
        if (e instanceof ValidationError) return fail(e.fields);
        throw e;
      }
      reply.flash('Appendix uploaded.');
      return reply.redirect(url(itemId));
    },
  );

  app.get(`${BASE}/appendices/:id`, { config: { permission: COMMITTEE.draft } }, async (req, reply) =>
    sendFile(reply, await draftAppendixFile(db, req.actor!, ctxOf(req), id(req.params))),
  );

  action(
    'send',
    COMMITTEE.draft,
    async (req, reportId, body) => {
      const signatory = z.string().uuid().safeParse(body.signOffBy);
      if (!signatory.success)
        throw new ValidationError({ signOffBy: 'Choose the senior leader who signs the report off' });
      await sendForSignOff(db, req.actor!, ctxOf(req), reportId, signatory.data);
    },
    'Report sent for sign-off.',
  );
  action(
    'return',
    COMMITTEE.draft,
    (req, reportId) => returnToDraft(db, req.actor!, ctxOf(req), reportId),
    'The report is a draft again: change it, then send it for sign-off.',
  );
  action(
    'sign-off',
    COMMITTEE.signOff,
    (req, reportId) => signOff(db, req.actor!, ctxOf(req), reportId),
    'Report signed off.',
  );
  action(
    'accept',
    COMMITTEE.manage,
    (req, reportId) => acceptReport(db, req.actor!, ctxOf(req), reportId),
    'Report accepted.',
  );
}
