/**
 * Adding the grab pack's photograph. The upload is read by the platform's
 * upload handling (the CSRF token its first field; the file streamed to disk
 * within the route's limit) and checked by its bytes. The form never shows
 * the photograph: only the grab pack does, opened with a reason.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { readUploadedForm, UploadRefused } from '../../platform/http/uploads';
import { childNames } from '../cases/service';
import { hasGrabPack, saveGrabPackPhoto } from './grab-pack';
import { checkPhoto, MAX_PHOTO_BYTES, type PhotoUpload } from './photo';

const params = z.object({ id: z.string().uuid() });
const PHOTO_UPLOAD = { field: 'photo', maxFileBytes: MAX_PHOTO_BYTES, maxFiles: 1 };

export async function photoRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function render(req: FastifyRequest, reply: FastifyReply, id: string, errors?: FormErrors) {
    // Checks the child is in scope (not found otherwise); reads nothing of the pack.
    await hasGrabPack(db, req.actor!, id, clock.now());
    const names = await childNames(db, req.actor!.organisationId, [id]);
    return reply.render('missing/views/photo-form.njk', {
      title: 'Add a photograph to the grab pack',
      childName: names.get(id) ?? 'Child',
      personId: id,
      maxMb: MAX_PHOTO_BYTES / 1024 / 1024,
      errors: errors ?? formErrors({}),
    });
  }

  app.get(
    '/children/:id/grab-pack/photo',
    { config: { permission: 'missing.record' } },
    async (req, reply) => {
      const { id } = params.parse(req.params);
      return render(req, reply, id);
    },
  );

  app.post(
    '/children/:id/grab-pack/photo',
    { config: { permission: 'missing.record', upload: PHOTO_UPLOAD } },
    async (req, reply) => {
      const { id } = params.parse(req.params);
      let upload: PhotoUpload | undefined;
      try {
        const form = await readUploadedForm(req, PHOTO_UPLOAD);
        const file = form.files.find((f) => f.fieldname === 'photo');
        if (file) upload = { filename: file.filename, data: await readFile(file.path), truncated: false };
      } catch (e) {
        if (!(e instanceof UploadRefused)) throw e;
        upload = { filename: '', data: Buffer.alloc(0), truncated: true };
      }
      const photo = checkPhoto(upload);
      if (!photo.ok) return render(req, reply.code(400), id, formErrors({ photo: photo.message }));
      await saveGrabPackPhoto(db, req.actor!, id, photo, auditContext(req, clock));
      reply.flash('Photograph added to the grab pack. Open the grab pack to see it.');
      return reply.redirect(`/children/${id}`);
    },
  );
}
