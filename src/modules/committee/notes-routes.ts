/** A reader's private notes on a meeting's papers: parse and validate, call the service, render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hasControlCharacters, NotFoundError, ValidationError } from '../../platform/errors';
import { formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { COMMITTEE } from './access';
import { MAX_NOTE, myNotes, saveNote } from './notes-service';

const BASE = '/committee-business/meetings';
const params = (v: unknown) => {
  const r = z.object({ id: z.string().uuid(), itemId: z.string().uuid().optional() }).safeParse(v);
  if (!r.success) throw new NotFoundError();
  return r.data;
};
const noteSchema = z.object({
  note: z
    .string()
    .default('')
    .pipe(
      z
        .string()
        .max(MAX_NOTE, `The note must be ${MAX_NOTE} characters or fewer`)
        .refine(
          (v) => !hasControlCharacters(v),
          'Remove the control characters (copied from another program)',
        ),
    ),
});

export async function notesRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const ctxOf = (req: FastifyRequest) => auditContext(req, clock);

  app.get(`${BASE}/:id/notes`, { config: { permission: COMMITTEE.read } }, async (req, reply) => {
    const data = await myNotes(db, req.actor!, ctxOf(req), params(req.params).id);
    return reply.render('committee/views/notes.njk', { title: 'My notes on the papers', ...data });
  });

  const editPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    mid: string,
    itemId: string,
    values?: { note: string },
    errors = formErrors({}),
  ) => {
    const data = await myNotes(db, req.actor!, ctxOf(req), mid);
    const item = data.items.find((i) => i.id === itemId);
    if (!item) throw new NotFoundError('agenda item');
    return reply.render('committee/views/form.njk', {
      title: `My note on item ${item.number}: ${item.title}`,
      caption: data.committee.name,
      intro: 'Only you can read this note. Leave it empty to delete it.',
      action: `${BASE}/${mid}/notes/${itemId}`,
      back: `${BASE}/${mid}/notes`,
      submit: 'Save my note',
      fields: [{ name: 'note', label: 'Note', kind: 'textarea', rows: 8 }],
      values: values ?? { note: item.note ?? '' },
      errors,
    });
  };
  app.get(`${BASE}/:id/notes/:itemId`, { config: { permission: COMMITTEE.read } }, async (req, reply) => {
    const p = params(req.params);
    if (!p.itemId) throw new NotFoundError();
    return editPage(req, reply, p.id, p.itemId);
  });
  app.post(`${BASE}/:id/notes/:itemId`, { config: { permission: COMMITTEE.read } }, async (req, reply) => {
    const p = params(req.params);
    if (!p.itemId) throw new NotFoundError();
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = { note: typeof body.note === 'string' ? body.note : '' };
    const parsed = noteSchema.safeParse(body);
    if (!parsed.success)
      return editPage(
        req,
        reply.code(400),
        p.id,
        p.itemId,
        values,
        formErrors({ note: parsed.error.issues[0]!.message }),
      );
    try {
      await saveNote(db, req.actor!, ctxOf(req), p.id, p.itemId, parsed.data.note);
    } catch (e) {
      if (e instanceof ValidationError)
        return editPage(req, reply.code(400), p.id, p.itemId, values, formErrors(e.fields));
      throw e;
    }
    reply.flash(parsed.data.note.trim() ? 'Note saved.' : 'Note deleted.');
    return reply.redirect(`${BASE}/${p.id}/notes`);
  });
}
