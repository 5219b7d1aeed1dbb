import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { markedAttachment } from '../../platform/branding/service';
import { formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { megabytes, readUploadedForm, UploadRefused } from '../../platform/http/uploads';
import { problemsSinceLastApplied } from './attention';
import * as cases from './service';
import { ExtractFileError, filesFromUploads } from './ssd/extract';

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
  const { db, clock, database, config } = app.deps;
  const limits = config.uploads;
  const page = (values: Record<string, unknown>, errors: Record<string, string>) => ({
    values,
    errors: formErrors(errors),
    limits: {
      file: megabytes(limits.maxFileBytes),
      files: limits.maxFiles,
      expanded: megabytes(limits.maxExpandedBytes),
      entries: limits.maxZipEntries,
    },
  });

  app.get('/cases/import', { config: { permission: cases.CASE_PERMISSIONS.import } }, async (_req, reply) =>
    reply.render('cases/views/import.njk', page({ mode: 'full' }, {})),
  );

  app.post(
    '/cases/import',
    { config: { permission: cases.CASE_PERMISSIONS.import, upload: { field: 'files' } } },
    async (req, reply) => {
      const refused = (status: number, values: Record<string, unknown>, errors: Record<string, string>) => {
        req.log.warn({ problems: Object.keys(errors) }, 'SSD import refused');
        return reply.code(status).render('cases/views/import.njk', page(values, errors));
      };
      if (!req.isMultipart())
        return refused(400, { mode: 'full' }, { files: 'Select the extract files to upload' });
      let form: Awaited<ReturnType<typeof readUploadedForm>>;
      try {
        form = await readUploadedForm(req, { field: 'files' });
      } catch (e) {
        if (e instanceof UploadRefused) return refused(413, { mode: 'full' }, { files: e.message });
        throw e;
      }
      const fields = form.fields as Record<string, string | undefined>;
      const uploads = form.files.filter((f) => f.size > 0);
      const mode = modeField.safeParse(fields.mode);
      const problems: Record<string, string> = {};
      if (uploads.length === 0)
        problems.files = 'Select the extract files to upload: CSV files, or one zip file';
      if (!mode.success) problems.mode = mode.error.issues[0]!.message;
      let files: Awaited<ReturnType<typeof filesFromUploads>> = [];
      if (uploads.length > 0) {
        try {
          files = await filesFromUploads(uploads, form.dir, limits);
          if (files.length === 0)
            problems.files = 'The zip file holds no CSV files. Upload a zip of the SSD CSV files.';
        } catch (e) {
          if (!(e instanceof ExtractFileError)) throw e;
          problems.files = e.message;
        }
      }
      if (Object.keys(problems).length > 0) return refused(400, { mode: fields.mode ?? 'full' }, problems);
      try {
        const importId = await cases.startSsdImport(
          db,
          req.actor!,
          {
            files,
            mode: mode.data!,
            clock,
            concurrentProgress: database.kind === 'server',
            instance: app.deps.instance,
          },
          auditContext(req, clock),
        );
        // The import reads the files after this response: remove them when it has finished.
        const cleanup = form.keep();
        const log = req.log;
        void Promise.resolve(cases.importSettled(importId))
          .then((outcome) => {
            if (outcome && outcome.status !== 'applied')
              log.warn(
                // Never the values: file, row and field are in the import's problems, for those allowed to see them.
                {
                  importId,
                  status: outcome.status,
                  errorCount: outcome.errorCount,
                  failure: outcome.failure,
                },
                'SSD import not applied',
              );
          })
          .catch((e) => log.error({ importId, err: e }, 'SSD import failed'))
          .finally(cleanup);
        return reply.redirect(`/cases/import/${importId}`, 303);
      } catch (e) {
        const fieldsErr = (e as { fields?: Record<string, string> }).fields;
        if (!fieldsErr) throw e;
        return refused(409, { mode: mode.data }, fieldsErr);
      }
    },
  );

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
        seesValues: cases.seesImportedValues(req.actor!),
        counts,
        files: row.files as Array<{ name: string; table?: string; rows?: number; unread?: boolean }>,
        // Older imports kept notices as sentences; newer ones as problems like the errors.
        notices: (
          row.notices as Array<
            string | { file: string; row: number; field: string; value: string; expected: string }
          >
        )
          .slice(0, ERRORS_SHOWN)
          .map((n) => (typeof n === 'string' ? { file: '', row: 0, field: '', value: '', expected: n } : n)),
        noticeCount: row.noticeCount || (row.notices as unknown[]).length,
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
          await markedAttachment(
            db,
            req.actor!.organisationId,
            `ssd-import-errors-${params.data.id.slice(0, 8)}.csv`,
          ),
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
