import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, idParam } from '../admin/http';
import { formErrors, validateForm } from '../http/forms';
import { auditContext } from '../http/server';
import { readUploadedForm, UploadRefused } from '../http/uploads';
import { PUBLIC } from '../permissions';
import { checkLogo, MAX_LOGO_BYTES } from './logo';
import { feedbackUrlField, markingField } from './marking';
import { brandingOf, logoOf, removeLogo, replaceLogo, updateBrandingSettings } from './service';

const PERMISSION = { config: { permission: 'admin.branding' } };
const VIEW = 'admin/branding.njk';

const settingsForm = z.object({
  protectiveMarking: markingField,
  feedbackUrl: feedbackUrlField,
});

/** The logo form takes one small file; the platform streams it to disk within this limit. */
const LOGO_UPLOAD = { field: 'logo', maxFileBytes: MAX_LOGO_BYTES, maxFiles: 1 };

/**
 * The administrator's page for the organisation's branding, and the logo
 * itself. The logo form is read by the platform's upload handling (the CSRF
 * token its first field, never in the address; the file within its limit).
 */
export async function brandingRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  async function page(req: FastifyRequest, extra: Record<string, unknown> = {}) {
    const current = await brandingOf(db, actorOf(req).organisationId);
    return {
      title: 'Branding and protective marking',
      current,
      values: { protectiveMarking: current?.protectiveMarking, feedbackUrl: current?.feedbackUrl ?? '' },
      errors: formErrors({}),
      maxLogoKb: MAX_LOGO_BYTES / 1024,
      ...extra,
    };
  }

  app.get('/admin/branding', PERMISSION, async (req, reply) => reply.render(VIEW, await page(req)));

  app.post('/admin/branding', PERMISSION, async (req, reply) => {
    const form = validateForm(settingsForm, req.body);
    if (!form.ok) {
      return reply.code(400).render(VIEW, await page(req, { values: req.body ?? {}, errors: form.errors }));
    }
    const { changed } = await updateBrandingSettings(db, actorOf(req), auditContext(req, clock), form.data);
    reply.flash(changed.length ? 'Branding settings saved' : 'Nothing was changed');
    return reply.redirect('/admin/branding');
  });

  app.post(
    '/admin/branding/logo',
    { config: { permission: 'admin.branding', upload: LOGO_UPLOAD } },
    async (req, reply) => {
      let upload: { filename: string; data: Buffer; truncated: boolean } | undefined;
      try {
        const form = await readUploadedForm(req, LOGO_UPLOAD);
        const file = form.files.find((f) => f.fieldname === 'logo');
        if (file) upload = { filename: file.filename, data: await readFile(file.path), truncated: false };
      } catch (e) {
        if (!(e instanceof UploadRefused)) throw e;
        upload = { filename: '', data: Buffer.alloc(0), truncated: true };
      }
      const logo = checkLogo(upload);
      if (!logo.ok) {
        return reply.code(400).render(VIEW, await page(req, { errors: formErrors({ logo: logo.message }) }));
      }
      await replaceLogo(db, actorOf(req), auditContext(req, clock), logo);
      reply.flash('Logo uploaded: it now shows at the top of every page');
      return reply.redirect('/admin/branding');
    },
  );

  app.post('/admin/branding/logo/remove', PERMISSION, async (req, reply) => {
    await removeLogo(db, actorOf(req), auditContext(req, clock));
    reply.flash('Logo removed');
    return reply.redirect('/admin/branding');
  });

  // A logo is public (it shows on the sign-in page of a council's own installation). It is only ever a
  // PNG or JPEG checked from its bytes, served with a policy that lets it do nothing but be an image.
  app.get('/organisation-logo/:organisationId', { config: { permission: PUBLIC } }, async (req, reply) => {
    const logo = await logoOf(db, idParam(req, 'organisationId'));
    if (!logo) return reply.code(404).type('text/plain; charset=utf-8').send('No logo');
    return reply
      .type(logo.type)
      .header('cache-control', 'public, max-age=86400')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', 'inline')
      .send(logo.data);
  });
}
