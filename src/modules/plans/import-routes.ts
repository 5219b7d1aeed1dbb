/**
 * Importing a plan from a file.
 */

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import type { Actor } from '../../platform/permissions';
import { chromiumPath } from './files';
import { readForm, type UploadedFile } from './form-helpers';
import { EVIDENCE_UPLOAD, IMPORT_UPLOAD } from './route-forms';
import { V } from './route-helpers';
import * as plans from './service';
import { PERMISSIONS as P } from './service';

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  const actor = (req: FastifyRequest): Actor => req.actor!;
  const ctx = (req: FastifyRequest) => auditContext(req, clock);
  const _todayIso = () => today(clock);
  const _pdfAvailable = () => chromiumPath() !== undefined;

  const _form = (req: FastifyRequest) => readForm(req, EVIDENCE_UPLOAD);

  // ---------------------------------------------------------------- import

  app.get('/plans/import', { config: { permission: P.manage } }, async (_req, reply) =>
    reply.render(V('import'), { title: 'Import a plan', errors: formErrors({}) }),
  );

  app.post(
    '/plans/import',
    { config: { permission: P.manage, upload: IMPORT_UPLOAD } },
    async (req, reply) => {
      const fail = (errors: FormErrors, problems: unknown[] = [], filename?: string) =>
        reply.code(400).render(V('import'), { title: 'Import a plan', errors, problems, filename });
      let file: UploadedFile | null;
      try {
        file = (await readForm(req, IMPORT_UPLOAD)).file;
      } catch (e) {
        if (e instanceof ValidationError) {
          req.log.warn({ problems: Object.keys(e.fields) }, 'plan import refused');
          return fail(formErrors(e.fields));
        }
        throw e;
      }
      if (!file || file.data.length === 0)
        return fail(formErrors({ file: 'Select an Excel (.xlsx) or CSV file to import' }));
      const outcome = await plans.importPlanFile(db, actor(req), ctx(req), {
        filename: file.filename,
        data: file.data,
      });
      if (!outcome.ok) {
        const count = outcome.problems.length;
        req.log.warn({ problemCount: count }, 'plan import rejected');
        return fail(
          formErrors({
            file: `The file has ${count} ${count === 1 ? 'problem' : 'problems'}. Nothing has been imported. Correct the rows listed and import the file again`,
          }),
          outcome.problems,
          file.filename,
        );
      }
      reply.flash(`Plan imported with ${outcome.actions} actions`);
      return reply.redirect(`/plans/${outcome.planId}`);
    },
  );
}
