/**
 * Importing a plan from a file (Word, Excel or CSV): upload, a preview
 * where the person checks each row and changes the column mapping, then
 * confirm. Nothing is written until they confirm.
 */

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import type { Actor } from '../../platform/permissions';
import { chromiumPath } from './files';
import { type Body, readForm, str, type UploadedFile } from './form-helpers';
import { COLUMN_CHOICES, type ColumnUse, isColumnUse } from './import-columns';
import { PendingImports } from './pending-imports';
import { formatPlanDate } from './plan-dates';
import { IMPORT_UPLOAD } from './route-forms';
import { id, V } from './route-helpers';
import * as plans from './service';
import { PERMISSIONS as P } from './service';
import { ragView } from './view-models';
import { PLAN_TYPE_NAMES, PLAN_TYPES } from './vocab';

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  const actor = (req: FastifyRequest): Actor => req.actor!;
  const ctx = (req: FastifyRequest) => auditContext(req, clock);
  const _todayIso = () => today(clock);
  const _pdfAvailable = () => chromiumPath() !== undefined;

  // ---------------------------------------------------------------- import

  const pending = new PendingImports();
  const now = () => clock.now().getTime();
  const typeItems = PLAN_TYPES.filter((t) => t !== 'committee_outstanding').map((t) => ({
    value: t,
    text: PLAN_TYPE_NAMES[t],
  }));
  const importPage = (extra: Record<string, unknown>) => ({
    title: 'Import a plan',
    typeItems,
    values: {},
    errors: formErrors({}),
    ...extra,
  });

  app.get('/plans/import', { config: { permission: P.manage } }, async (_req, reply) =>
    reply.render(V('import'), importPage({})),
  );

  /** Check the file and show the preview, or the problems; nothing is written. */
  async function preview(
    req: FastifyRequest,
    reply: FastifyReply,
    token: string,
    file: { filename: string; data: Buffer },
    fields: Body,
  ) {
    const mapping: Record<number, ColumnUse> = {};
    for (const [k, v] of Object.entries(fields)) {
      const m = /^column-(\d{1,3})$/.exec(k);
      if (m && isColumnUse(v)) mapping[Number(m[1])] = v;
    }
    const name = str(fields, 'name').trim().slice(0, 200) || null;
    const type = PLAN_TYPES.find((t) => t === str(fields, 'type') && t !== 'committee_outstanding');
    const confirm = str(fields, 'confirm') === 'yes';
    const outcome = await plans.importPlanFile(db, actor(req), ctx(req), file, {
      mapping,
      defaults: { name, type },
      confirm,
    });
    const values = { name: name ?? '', type: type ?? '' };
    const columnItems = (uses: readonly string[]) =>
      uses.map((use) => COLUMN_CHOICES.map((c) => ({ ...c, selected: c.value === use })));
    if (outcome.ok === false) {
      const count = outcome.problems.length;
      req.log.warn({ problemCount: count }, 'plan import rejected');
      return reply.code(400).render(
        V('import-preview'),
        importPage({
          title: 'Problems in the plan to import',
          token,
          filename: file.filename,
          values,
          mapping: outcome.mapping,
          columnItems: outcome.mapping ? columnItems(outcome.mapping.uses) : [],
          problems: outcome.problems,
          errors: formErrors({
            file: `The file has ${count} ${count === 1 ? 'problem' : 'problems'}. Nothing has been imported. Correct the rows listed (or the column mapping) and try again`,
          }),
        }),
      );
    }
    if (outcome.ok === 'preview') {
      const p = outcome.preview;
      const key = await plans.getRagKey(db, actor(req).organisationId);
      return reply.render(
        V('import-preview'),
        importPage({
          title: 'Check the plan before importing it',
          token,
          filename: file.filename,
          values,
          mapping: p.mapping,
          columnItems: columnItems(p.mapping.uses),
          notices: p.notices,
          countsLine: p.countsLine,
          countsList: (['green', 'amber', 'red', 'blue', 'not_rated'] as const).map((c) => ({
            ...ragView(key, c),
            count: p.counts[c],
          })),
          plan: p.plan,
          rows: p.plan.actions.map((a) => ({
            row: a.row,
            priority: a.priorityNumber,
            subHeading: a.input.subHeading,
            reference: a.input.reference,
            action: a.input.action,
            endDate: formatPlanDate(
              a.input.endDate,
              a.input.endDatePrecision ?? null,
              a.input.endDateText ?? null,
            ),
            leads: [a.input.leadOfficerId, ...(a.input.otherLeadIds ?? [])].filter(Boolean).length,
            rag: ragView(key, a.rag, a.score),
            updates: a.updates.length,
          })),
        }),
      );
    }
    pending.drop(token);
    reply.flash([`Plan imported with ${outcome.actions} actions`, ...outcome.notices].join('. '));
    return reply.redirect(`/plans/${outcome.planId}`);
  }

  app.post(
    '/plans/import',
    { config: { permission: P.manage, upload: IMPORT_UPLOAD } },
    async (req, reply) => {
      const fail = (errors: FormErrors, values: Body = {}) =>
        reply.code(400).render(V('import'), importPage({ errors, values }));
      let form: { fields: Body; file: UploadedFile | null };
      try {
        form = await readForm(req, IMPORT_UPLOAD);
      } catch (e) {
        if (e instanceof ValidationError) {
          req.log.warn({ problems: Object.keys(e.fields) }, 'plan import refused');
          return fail(formErrors(e.fields));
        }
        throw e;
      }
      const file = form.file;
      if (!file || file.data.length === 0)
        return fail(
          formErrors({ file: 'Select a Word (.docx), Excel (.xlsx) or CSV file to import' }),
          form.fields,
        );
      const a = actor(req);
      const token = pending.put({
        userId: a.userId,
        organisationId: a.organisationId,
        filename: file.filename,
        data: file.data,
        at: now(),
      });
      return preview(req, reply, token, file, { ...form.fields, confirm: '' });
    },
  );

  app.post('/plans/import/:token', { config: { permission: P.manage } }, async (req, reply) => {
    const token = id(req, 'token');
    const a = actor(req);
    const file = pending.get(token, a, now());
    if (!file) {
      return reply.code(400).render(
        V('import'),
        importPage({
          errors: formErrors({
            file: 'The file to import is no longer kept (after 30 minutes, or a restart). Upload it again',
          }),
        }),
      );
    }
    return preview(req, reply, token, file, (req.body as Body | undefined) ?? {});
  });
}
