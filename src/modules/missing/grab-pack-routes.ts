/**
 * The grab pack's pages. GET asks for the reason; POST with the reason shows
 * the pack, ready to print (never by a link that could be reopened without
 * a reason). Updating it is a form of its own.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { childNames } from '../cases/service';
import { type Field, type FormValues, readForm } from './form-kit';
import { hasGrabPack, openGrabPack, saveGrabPack } from './grab-pack';

const params = z.object({ id: z.string().uuid() });

const reasonFields: Field[] = [
  {
    kind: 'textarea',
    name: 'reason',
    label: 'Why do you need to open the grab pack?',
    hint: 'For example: the child is missing and the police have asked for it. Your reason is recorded with your name.',
    noun: 'why you need to open the grab pack',
    required: true,
  },
];

const packFields: Field[] = [
  {
    kind: 'textarea',
    name: 'description',
    label: 'Description',
    hint: 'Height, build, hair, distinguishing features, usual clothing',
    noun: 'a description of the child',
    required: true,
  },
  {
    kind: 'textarea',
    name: 'contacts',
    label: 'Contacts',
    hint: 'Family, friends, carers, with telephone numbers',
    required: false,
  },
  { kind: 'textarea', name: 'places', label: 'Places the child is known to go', required: false },
  {
    kind: 'textarea',
    name: 'associates',
    label: 'Associates',
    hint: 'Including adults who may pose a risk',
    required: false,
  },
  {
    kind: 'textarea',
    name: 'otherDetails',
    label: 'Other details the police need',
    hint: 'Health needs and medication, the child’s phone number and social media, anything else',
    required: false,
  },
];

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

export async function grabPackRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function askReason(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors?: FormErrors,
    values?: FormValues,
  ) {
    const exists = await hasGrabPack(db, req.actor!, id, clock.now());
    const names = await childNames(db, req.actor!.organisationId, [id]);
    return reply.render('missing/views/form.njk', {
      title: 'Open the grab pack',
      caption: names.get(id) ?? 'Child',
      back: `/children/${id}`,
      action: `/children/${id}/grab-pack`,
      intro: exists
        ? 'The grab pack holds the details the police need at once when a child goes missing. It is restricted: each time it is opened, the reason is recorded in the access audit.'
        : 'No grab pack is recorded for this child yet. Opening it shows an empty pack you can fill in; the reason is recorded in the access audit.',
      fields: reasonFields,
      submit: 'Open the grab pack',
      errors: errors ?? formErrors({}),
      values: values ?? {},
    });
  }

  app.get('/children/:id/grab-pack', { config: { permission: 'missing.grabpack' } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    return askReason(req, reply, id);
  });

  app.post('/children/:id/grab-pack', { config: { permission: 'missing.grabpack' } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const read = readForm(reasonFields, (req.body ?? {}) as Record<string, unknown>);
    if (!read.ok) return askReason(req, reply.code(400), id, read.errors, read.values);
    const pack = await openGrabPack(db, req.actor!, id, read.data.reason as string, auditContext(req, clock));
    const names = await childNames(db, req.actor!.organisationId, [id]);
    // Not kept by the browser or a proxy: the next reading asks for a reason again.
    reply.header('cache-control', 'no-store');
    return reply.render('missing/views/grab-pack.njk', {
      title: `Grab pack: ${names.get(id) ?? 'Child'}`,
      childName: names.get(id) ?? 'Child',
      personId: id,
      pack: pack.current,
      versions: pack.versions,
      photo: pack.photo,
      mayRecord: req.actor!.permissions.has('missing.record'),
    });
  });

  async function renderEdit(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors?: FormErrors,
    values?: FormValues,
  ) {
    const names = await childNames(db, req.actor!.organisationId, [id]);
    let current = values;
    if (!current) {
      const pack = await openGrabPack(db, req.actor!, id, 'Updating the grab pack', auditContext(req, clock));
      current = {
        description: pack.current?.description ?? '',
        contacts: pack.current?.contacts ?? '',
        places: pack.current?.places ?? '',
        associates: pack.current?.associates ?? '',
        otherDetails: pack.current?.otherDetails ?? '',
      };
    }
    return reply.render('missing/views/form.njk', {
      title: 'Update the grab pack',
      caption: names.get(id) ?? 'Child',
      back: `/children/${id}/grab-pack`,
      action: `/children/${id}/grab-pack/versions`,
      intro:
        'Saving adds a new version; earlier versions are kept. Opening this form is recorded in the access audit.',
      fields: packFields,
      submit: 'Save grab pack',
      errors: errors ?? formErrors({}),
      values: current,
    });
  }

  app.get(
    '/children/:id/grab-pack/edit',
    { config: { permission: 'missing.record' } },
    async (req, reply) => {
      const { id } = params.parse(req.params);
      return renderEdit(req, reply, id);
    },
  );

  app.post(
    '/children/:id/grab-pack/versions',
    { config: { permission: 'missing.record' } },
    async (req, reply) => {
      const { id } = params.parse(req.params);
      const read = readForm(packFields, (req.body ?? {}) as Record<string, unknown>);
      if (!read.ok) return renderEdit(req, reply.code(400), id, read.errors, read.values);
      try {
        await saveGrabPack(
          db,
          req.actor!,
          id,
          {
            description: read.data.description as string,
            contacts: str(read.data.contacts),
            places: str(read.data.places),
            associates: str(read.data.associates),
            otherDetails: str(read.data.otherDetails),
          },
          auditContext(req, clock),
        );
      } catch (e) {
        if (e instanceof ValidationError)
          return renderEdit(req, reply.code(400), id, formErrors(e.fields), read.values);
        throw e;
      }
      reply.flash('Grab pack saved. Open it again to print it.');
      return reply.redirect(`/children/${id}`);
    },
  );
}
