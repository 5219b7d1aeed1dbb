/**
 * An administrator chooses whether notices in an SSD extract (values kept as
 * given or left empty, columns not read) reject it like errors.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/service';
import { formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { importSettings, saveImportSettings } from './import-settings';
import { CASE_PERMISSIONS } from './service';

const form = z.object({
  noticesAreErrors: z.enum(['yes', 'no'], {
    message: 'Select whether notices should stop an import',
  }),
});

export async function importSettingsRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const permission = CASE_PERMISSIONS.importSettings;

  app.get('/cases/import/settings', { config: { permission } }, async (req, reply) => {
    const settings = await importSettings(db, req.actor!.organisationId);
    return reply.render('cases/views/import-settings.njk', {
      values: { noticesAreErrors: settings.noticesAreErrors ? 'yes' : 'no' },
      errors: formErrors({}),
      saved: false,
    });
  });

  app.post('/cases/import/settings', { config: { permission } }, async (req, reply) => {
    const parsed = form.safeParse(req.body ?? {});
    if (!parsed.success) {
      return reply.code(400).render('cases/views/import-settings.njk', {
        values: {},
        errors: formErrors({ noticesAreErrors: parsed.error.issues[0]!.message }),
        saved: false,
      });
    }
    const actor = req.actor!;
    const ctx = auditContext(req, clock);
    const noticesAreErrors = parsed.data.noticesAreErrors === 'yes';
    await db.transaction(async (tx) => {
      await saveImportSettings(
        tx,
        actor.organisationId,
        { noticesAreErrors },
        { userId: actor.userId, at: clock.now() },
      );
      await recordAudit(tx, ctx, {
        action: 'cases.import.settings',
        recordType: 'organisation',
        recordId: actor.organisationId,
        detail: noticesAreErrors ? 'notices reject an extract' : 'notices are listed, the extract imported',
      });
    });
    return reply.render('cases/views/import-settings.njk', {
      values: parsed.data,
      errors: formErrors({}),
      saved: true,
    });
  });
}
