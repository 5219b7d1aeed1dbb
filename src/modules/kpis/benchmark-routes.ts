/**
 * Benchmarks imported from a CSV of the published tables: upload, check
 * every row, save all or nothing. The file streams to disk within its limit.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ValidationError } from '../../platform/errors';
import { formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { readUploadedForm, UploadRefused } from '../../platform/http/uploads';
import { decodeText, EncodingError } from '../../platform/text-encoding';
import { type CsvProblem, parseBenchmarkCsv } from './benchmark-csv';
import * as kpis from './service';
import { refreshStoredFigures } from './stored-figures';

const UPLOAD = { field: 'file', maxFileBytes: 1024 * 1024, maxFiles: 1 };

export async function benchmarkRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  const render = (reply: FastifyReply, problems: CsvProblem[] = [], fileError?: string) =>
    reply.render('kpis/views/benchmarks.njk', {
      title: 'Import benchmarks',
      problems,
      errors: fileError
        ? formErrors({ file: fileError })
        : problems.length
          ? formErrors({
              file: `The file has ${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing was saved. Put them right and upload it again.`,
            })
          : undefined,
    });

  app.get('/indicators/benchmarks', { config: { permission: 'kpis.edit' } }, async (_req, reply) =>
    render(reply),
  );

  app.post(
    '/indicators/benchmarks',
    { config: { permission: 'kpis.edit', upload: UPLOAD } },
    async (req, reply) => {
      if (!req.isMultipart()) return render(reply.code(400), [], 'Select a CSV file of benchmarks');
      let text: string;
      try {
        const form = await readUploadedForm(req, UPLOAD);
        const file = form.files.find((f) => f.size > 0);
        if (!file) return render(reply.code(400), [], 'Select a CSV file of benchmarks');
        text = decodeText(await readFile(file.path), 'The file').text;
      } catch (e) {
        if (e instanceof UploadRefused) return render(reply.code(413), [], e.message);
        if (e instanceof EncodingError) return render(reply.code(400), [], e.message);
        throw e;
      }
      const organisationId = req.actor!.organisationId;
      const codes = new Set((await kpis.listIndicators(db, organisationId, clock.now())).map((i) => i.code));
      const parsed = parseBenchmarkCsv(text, codes);
      if (!parsed.ok) return render(reply.code(400), parsed.problems);
      if (!parsed.rows.length)
        return render(reply.code(400), [], 'The file holds no figures: add rows below the column names');
      try {
        await kpis.saveBenchmarks(
          db,
          { ...auditContext(req, clock), organisationId, userId: req.actor!.userId },
          parsed.rows,
        );
      } catch (e) {
        if (e instanceof ValidationError) return render(reply.code(400), [], Object.values(e.fields)[0]);
        throw e;
      }
      // The stored tables show the latest benchmarks: store them again, after the response.
      app.deps.background.run('kpis.refresh-after-change', () =>
        refreshStoredFigures(db, organisationId, clock),
      );
      reply.flash(`${parsed.rows.length} benchmark${parsed.rows.length === 1 ? '' : 's'} saved`);
      return reply.redirect('/indicators');
    },
  );
}
