/** Pages of the education service's lists: the lists with their counts over time, and the forms to add a child and to record the last day. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/service';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { formatDate } from '../../platform/http/views';
import { childNames, mayViewChild } from '../cases/service';
import { EDUCATION_LIST_LABELS, EDUCATION_LISTS, type EducationList } from './education-lists';
import { addToList, educationListsOverview, endListEntry, listEntryOf } from './education-lists-service';
import { errorsFor, type Field, type FormValues, readForm } from './form-kit';

const idParams = z.object({ id: z.string().uuid() });

const addFields: Field[] = [
  {
    kind: 'radios',
    name: 'list',
    label: 'Which list?',
    noun: 'the list',
    required: true,
    items: EDUCATION_LISTS.map((l) => ({ value: l, text: EDUCATION_LIST_LABELS[l] })),
  },
  {
    kind: 'date',
    name: 'fromOn',
    label: 'On the list from',
    noun: 'the date the child was added',
    required: true,
  },
  { kind: 'textarea', name: 'note', label: 'Note (optional)', required: false, rows: 3 },
];
const endFields: Field[] = [
  {
    kind: 'date',
    name: 'toOn',
    label: 'Last day on the list',
    noun: 'the last day on the list',
    required: true,
  },
];

type Extra = { errors?: FormErrors; values?: FormValues };

export async function educationListRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get('/missing/education-lists', { config: { permission: 'missing.followups' } }, async (req, reply) => {
    const o = await educationListsOverview(db, req.actor!, auditContext(req, clock));
    return reply.render('missing/views/education-lists.njk', {
      title: 'The education service’s lists',
      months: o.dates.map((d, i) => ({
        label: formatDate(d),
        counts: EDUCATION_LISTS.map((l) => o.counts[l][i]),
      })),
      lists: EDUCATION_LISTS.map((l) => EDUCATION_LIST_LABELS[l]),
      current: o.current.map((c) => ({
        label: EDUCATION_LIST_LABELS[c.list],
        children: c.children.map((r) => ({
          id: r.id,
          personId: r.personId,
          childName: r.childName,
          from: formatDate(r.fromOn),
          note: r.note,
        })),
      })),
      mayRecord: req.actor!.permissions.has('missing.record'),
    });
  });

  async function renderAdd(req: FastifyRequest, reply: FastifyReply, personId: string, extra: Extra = {}) {
    const ctx = auditContext(req, clock);
    if (!(await mayViewChild(db, req.actor!, personId, ctx.at)))
      return reply.code(404).render('errors/404.njk');
    await recordAudit(db, ctx, {
      action: 'missing.education-list.form',
      recordType: 'child',
      recordId: personId,
      detail: 'add',
    });
    const names = await childNames(db, req.actor!.organisationId, [personId]);
    return reply.render('missing/views/form.njk', {
      title: 'Add to an education list',
      caption: names.get(personId) ?? 'This child',
      back: `/children/${personId}`,
      action: `/children/${personId}/education-lists`,
      intro:
        'The education service’s lists are kept here because the case management extract does not hold them.',
      fields: addFields,
      submit: 'Add to the list',
      errors: extra.errors ?? formErrors({}),
      values: extra.values ?? {},
    });
  }

  app.get(
    '/children/:id/education-lists/new',
    { config: { permission: 'missing.record' } },
    async (req, reply) => renderAdd(req, reply, idParams.parse(req.params).id),
  );
  app.post(
    '/children/:id/education-lists',
    { config: { permission: 'missing.record' } },
    async (req, reply) => {
      const { id } = idParams.parse(req.params);
      const read = readForm(addFields, (req.body ?? {}) as Record<string, unknown>);
      if (!read.ok) return renderAdd(req, reply.code(400), id, read);
      try {
        const d = read.data;
        await addToList(db, req.actor!, auditContext(req, clock), id, {
          list: d.list as EducationList,
          fromOn: d.fromOn as string,
          note: typeof d.note === 'string' && d.note ? d.note : null,
        });
      } catch (e) {
        if (e instanceof ValidationError)
          return renderAdd(req, reply.code(400), id, {
            errors: errorsFor(addFields, e.fields),
            values: read.values,
          });
        throw e;
      }
      reply.flash('Added to the list.');
      return reply.redirect(`/children/${id}`);
    },
  );

  async function renderEnd(req: FastifyRequest, reply: FastifyReply, id: string, extra: Extra = {}) {
    const ctx = auditContext(req, clock);
    const row = await listEntryOf(db, req.actor!, id, ctx.at);
    await recordAudit(db, ctx, {
      action: 'missing.education-list.form',
      recordType: 'child',
      recordId: row.personId,
      detail: 'end',
    });
    const names = await childNames(db, req.actor!.organisationId, [row.personId]);
    return reply.render('missing/views/form.njk', {
      title: 'Record the last day on the list',
      caption: names.get(row.personId) ?? 'This child',
      back: `/children/${row.personId}`,
      action: `/missing/education-lists/${id}/end`,
      intro: `${EDUCATION_LIST_LABELS[row.list as EducationList] ?? row.list}, from ${formatDate(row.fromOn)}.`,
      fields: endFields,
      submit: 'Save',
      errors: extra.errors ?? formErrors({}),
      values: extra.values ?? {},
    });
  }

  app.get(
    '/missing/education-lists/:id/end',
    { config: { permission: 'missing.record' } },
    async (req, reply) => renderEnd(req, reply, idParams.parse(req.params).id),
  );
  app.post(
    '/missing/education-lists/:id/end',
    { config: { permission: 'missing.record' } },
    async (req, reply) => {
      const { id } = idParams.parse(req.params);
      const read = readForm(endFields, (req.body ?? {}) as Record<string, unknown>);
      if (!read.ok) return renderEnd(req, reply.code(400), id, read);
      const ctx = auditContext(req, clock);
      try {
        await endListEntry(db, req.actor!, ctx, id, read.data.toOn as string);
      } catch (e) {
        if (e instanceof ValidationError)
          return renderEnd(req, reply.code(400), id, {
            errors: errorsFor(endFields, e.fields),
            values: read.values,
          });
        throw e;
      }
      const row = await listEntryOf(db, req.actor!, id, ctx.at);
      reply.flash('Saved.');
      return reply.redirect(`/children/${row.personId}`);
    },
  );
}
