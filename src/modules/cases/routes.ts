import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { problemsSinceLastApplied } from './attention';
import * as cases from './service';
import { ExtractFileError, filesFromUploads } from './ssd/extract';

const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const ERRORS_SHOWN = 200;

const idParams = z.object({ id: z.string().uuid() });
const modeField = z.enum(['full', 'partial'], {
  message: 'Select whether this is a full or a partial extract',
});

const STATUS_TEXT: Record<string, { text: string; tag: string }> = {
  queued: { text: 'Waiting', tag: 'govuk-tag--grey' },
  validating: { text: 'Checking', tag: 'govuk-tag--blue' },
  applying: { text: 'Writing', tag: 'govuk-tag--blue' },
  applied: { text: 'Imported', tag: 'govuk-tag--green' },
  rejected: { text: 'Rejected', tag: 'govuk-tag--red' },
  failed: { text: 'Failed', tag: 'govuk-tag--red' },
};

/** The SSD import pages: upload, progress and result, errors as CSV, history. */
export async function casesRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, database } = app.deps;
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 80, fields: 10 } });

  app.get('/cases/import', { config: { permission: cases.CASE_PERMISSIONS.import } }, async (_req, reply) =>
    reply.render('cases/views/import.njk', { values: { mode: 'full' }, errors: formErrors({}) }),
  );

  app.post('/cases/import', { config: { permission: cases.CASE_PERMISSIONS.import } }, async (req, reply) => {
    const uploads: Array<{ filename: string; data: Buffer }> = [];
    const fields: Record<string, string> = {};
    if (!req.isMultipart()) {
      return reply.code(400).render('cases/views/import.njk', {
        values: { mode: 'full' },
        errors: formErrors({ files: 'Select the extract files to upload' }),
      });
    }
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.filename && data.byteLength > 0) uploads.push({ filename: part.filename, data });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
    const mode = modeField.safeParse(fields.mode);
    const problems: Record<string, string> = {};
    if (uploads.length === 0)
      problems.files = 'Select the extract files to upload: CSV files, or one zip file';
    if (!mode.success) problems.mode = mode.error.issues[0]!.message;
    let files: ReturnType<typeof filesFromUploads> = [];
    if (uploads.length > 0) {
      try {
        files = filesFromUploads(uploads);
        if (files.length === 0)
          problems.files = 'The zip file holds no CSV files. Upload a zip of the SSD CSV files.';
      } catch (e) {
        if (!(e instanceof ExtractFileError)) throw e;
        problems.files = e.message;
      }
    }
    if (Object.keys(problems).length > 0) {
      return reply.code(400).render('cases/views/import.njk', {
        values: { mode: fields.mode ?? 'full' },
        errors: formErrors(problems),
      });
    }
    try {
      const importId = await cases.startSsdImport(
        db,
        req.actor!,
        { files, mode: mode.data!, clock, concurrentProgress: database.kind === 'server' },
        auditContext(req, clock),
      );
      return reply.redirect(`/cases/import/${importId}`, 303);
    } catch (e) {
      const fieldsErr = (e as { fields?: Record<string, string> }).fields;
      if (!fieldsErr) throw e;
      return reply.code(409).render('cases/views/import.njk', {
        values: { mode: mode.data },
        errors: formErrors(fieldsErr),
      });
    }
  });

  app.get(
    '/cases/import/:id',
    { config: { permission: cases.CASE_PERMISSIONS.import } },
    async (req, reply) => {
      const params = idParams.safeParse(req.params);
      if (!params.success) return reply.code(404).render('errors/404.njk');
      const row = await cases.getImportForActor(db, req.actor!, params.data.id);
      const live = row.live;
      const status = live?.status ?? row.status;
      const running = ['queued', 'validating', 'applying'].includes(status);
      const errors = (
        row.errors as Array<{ file: string; row: number; field: string; value: string; expected: string }>
      ).slice(0, ERRORS_SHOWN);
      const counts = Object.entries(row.counts as Record<string, cases.TableCountsView>).map(
        ([table, c]) => ({
          table,
          ...c,
        }),
      );
      return reply.render('cases/views/import-status.njk', {
        job: row,
        status,
        statusText: STATUS_TEXT[status] ?? { text: status, tag: 'govuk-tag--grey' },
        running,
        phase: live?.phase ?? row.phase,
        rowsDone: live?.rowsDone ?? row.rowsDone,
        rowsTotal: live?.rowsTotal ?? row.rowsTotal,
        errors,
        errorsShown: errors.length,
        counts,
        files: row.files as Array<{ name: string; table?: string; rows?: number }>,
        notices: row.notices as string[],
      });
    },
  );

  app.get(
    '/cases/import/:id/errors.csv',
    { config: { permission: cases.CASE_PERMISSIONS.import } },
    async (req, reply) => {
      const params = idParams.safeParse(req.params);
      if (!params.success) return reply.code(404).render('errors/404.njk');
      const csv = await cases.importErrorsCsv(db, req.actor!, params.data.id, auditContext(req, clock));
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="ssd-import-errors-${params.data.id.slice(0, 8)}.csv"`,
        )
        .send(csv);
    },
  );

  app.get('/cases/imports', { config: { permission: cases.CASE_PERMISSIONS.import } }, async (req, reply) => {
    const { status } = z
      .object({ status: z.enum(['problem']).optional().catch(undefined) })
      .parse(req.query ?? {});
    const all = await cases.listImportHistory(db, req.actor!);
    const rows = status === 'problem' ? problemsSinceLastApplied(all) : all;
    return reply.render('cases/views/imports.njk', {
      problemsOnly: status === 'problem',
      rows: rows.map((r) => ({
        ...r,
        statusText: STATUS_TEXT[r.status] ?? { text: r.status, tag: 'govuk-tag--grey' },
        fileCount: (r.files as unknown[]).length,
      })),
    });
  });
}
