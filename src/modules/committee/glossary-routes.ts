/** The glossary pages (clerk and administrator) and the clerk's choice of glossary for a meeting's pack. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors, validateForm } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { COMMITTEE } from './access';
import { glossaryChoiceSchema, glossarySchema } from './glossary';
import {
  addGlossaryEntry,
  changeGlossaryEntry,
  chooseMeetingGlossary,
  getGlossaryEntry,
  listGlossary,
  removeGlossaryEntry,
} from './glossary-service';

const BASE = '/committee-business';
const id = (v: unknown) => {
  const r = z.object({ id: z.string().uuid() }).safeParse(v);
  if (!r.success) throw new NotFoundError();
  return r.data.id;
};
type Body = Record<string, unknown>;

const entryFields = [
  { name: 'acronym', label: 'Acronym', hint: 'For example, LADO', classes: 'govuk-input--width-10' },
  { name: 'meaning', label: 'What it stands for', hint: 'For example, Local authority designated officer' },
];

export async function glossaryRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const ctxOf = (req: FastifyRequest) => auditContext(req, clock);

  const listPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Body = {},
    errors: FormErrors = formErrors({}),
  ) =>
    reply.render('committee/views/glossary.njk', {
      title: 'Glossary',
      rows: await listGlossary(db, req.actor!),
      values,
      errors,
    });

  app.get(`${BASE}/glossary`, { config: { permission: COMMITTEE.glossary } }, async (req, reply) =>
    listPage(req, reply),
  );

  app.post(`${BASE}/glossary`, { config: { permission: COMMITTEE.glossary } }, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const read = validateForm(glossarySchema, body);
    if (!read.ok) return listPage(req, reply.code(400), body, read.errors);
    try {
      await addGlossaryEntry(db, req.actor!, ctxOf(req), read.data);
    } catch (e) {
      if (e instanceof ValidationError) return listPage(req, reply.code(400), body, formErrors(e.fields));
      throw e;
    }
    reply.flash(`${read.data.acronym} added to the glossary.`);
    return reply.redirect(`${BASE}/glossary`);
  });

  const editPage = (reply: FastifyReply, entryId: string, values: Body, errors = formErrors({})) =>
    reply.render('committee/views/form.njk', {
      title: 'Change a glossary entry',
      caption: 'Glossary',
      action: `${BASE}/glossary/${entryId}`,
      back: `${BASE}/glossary`,
      submit: 'Save the entry',
      fields: entryFields,
      values,
      errors,
    });

  app.get(`${BASE}/glossary/:id`, { config: { permission: COMMITTEE.glossary } }, async (req, reply) => {
    const entry = await getGlossaryEntry(db, req.actor!, id(req.params));
    return editPage(reply, entry.id, { acronym: entry.acronym, meaning: entry.meaning });
  });

  app.post(`${BASE}/glossary/:id`, { config: { permission: COMMITTEE.glossary } }, async (req, reply) => {
    const entryId = id(req.params);
    const body = (req.body ?? {}) as Body;
    const read = validateForm(glossarySchema, body);
    if (!read.ok) return editPage(reply.code(400), entryId, body, read.errors);
    try {
      await changeGlossaryEntry(db, req.actor!, ctxOf(req), entryId, read.data);
    } catch (e) {
      if (e instanceof ValidationError) return editPage(reply.code(400), entryId, body, formErrors(e.fields));
      throw e;
    }
    reply.flash(`${read.data.acronym} changed.`);
    return reply.redirect(`${BASE}/glossary`);
  });

  app.post(
    `${BASE}/glossary/:id/remove`,
    { config: { permission: COMMITTEE.glossary } },
    async (req, reply) => {
      await removeGlossaryEntry(db, req.actor!, ctxOf(req), id(req.params));
      reply.flash('Entry removed from the glossary.');
      return reply.redirect(`${BASE}/glossary`);
    },
  );

  app.post(
    `${BASE}/meetings/:id/glossary`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const meetingId = id(req.params);
      const read = validateForm(glossaryChoiceSchema, req.body ?? {});
      if (!read.ok) throw new ValidationError({ glossary: 'Choose whether the pack has a glossary' });
      await chooseMeetingGlossary(db, req.actor!, ctxOf(req), meetingId, read.data.glossary);
      reply.flash('The glossary for the pack is saved: it is printed when the pack is next published.');
      return reply.redirect(`${BASE}/meetings/${meetingId}`);
    },
  );
}
