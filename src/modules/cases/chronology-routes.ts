/**
 * The child's chronology: newest or oldest first, filtered in an MoJ filter
 * panel (a plain GET form, so it works without JavaScript), a page at a time,
 * printable, and downloadable as PDF and DOCX. Notes on what an event meant
 * for the child are written here too. The practice service checks scope and
 * audits every read and download.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { markedFilename } from '../../platform/branding/marking';
import { protectiveMarking } from '../../platform/branding/service';
import { chromiumPath, htmlToPdf } from '../../platform/documents/pdf';
import { NotFoundError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { fromRoot } from '../../platform/paths';
import { can } from '../../platform/permissions';
import { eventAnchor } from './child-routes';
import {
  type ChronologyDocument,
  DOCX_TYPE,
  documentTitle,
  orderSentence,
  writeChronologyDocx,
} from './chronology-files';
import {
  CATEGORY_NAMES,
  type ChronologyParams,
  chronologyPage,
  chronologyQuery,
  describeFilters,
  inOrder,
  orderOf,
  pageOf,
} from './chronology-view';
import * as practice from './practice-service';
import { bodyOf, childName, many, optionalDate, queryOf, submittedDate, text } from './route-forms';

const idParams = z.object({ id: z.string().uuid() });
const downloadParams = z.object({ id: z.string().uuid(), format: z.enum(['pdf', 'docx']) });
const appCss = fromRoot('src', 'platform', 'public', 'app.css');
const pdfAvailable = () => chromiumPath() !== undefined;

/** The filters, order and page asked for in the query, and what is wrong with them. */
function readQuery(raw: Record<string, unknown>) {
  const fieldErrors: Record<string, string> = {};
  const categories = many(raw.category).filter((c): c is practice.AnyCategory =>
    (practice.ALL_CATEGORIES as readonly string[]).includes(c),
  );
  const from = optionalDate(raw, 'from', 'the date to show events from', fieldErrors);
  const to = optionalDate(raw, 'to', 'the date to show events to', fieldErrors);
  if (from && to && from > to)
    fieldErrors.to = 'The date to show events to must be the same as or after the date to show events from';
  const valid = Object.keys(fieldErrors).length === 0;
  const params: ChronologyParams = {
    categories,
    from: submittedDate(raw, 'from'),
    to: submittedDate(raw, 'to'),
    order: orderOf(raw.order),
  };
  return {
    fieldErrors,
    params,
    page: pageOf(raw.page),
    filter: valid ? { categories, from, to } : { categories },
    filtered: categories.length > 0 || Boolean(from) || Boolean(to),
  };
}

export async function chronologyRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, views } = app.deps;
  const ctxOf = (req: FastifyRequest) => auditContext(req, clock);

  app.get('/children/:id/chronology', { config: { permission: 'cases.read' } }, async (req, reply) => {
    const { id } = idParams.parse(req.params);
    const q = readQuery(queryOf(req));
    const view = await practice.chronology(db, req.actor!, id, q.filter, ctxOf(req));
    const base = `/children/${id}/chronology`;
    const shown = chronologyPage(view.events, q.params, q.page, base);
    const selected = q.params.categories.map((c) => ({
      text: CATEGORY_NAMES[c] ?? c,
      href: `${base}${chronologyQuery({ ...q.params, categories: q.params.categories.filter((x) => x !== c) })}`,
    }));
    return reply.render('cases/views/child/chronology.njk', {
      ...view,
      events: shown.events.map((e) => ({ ...e, anchor: eventAnchor(e.eventTable, e.eventSourceId, e.date) })),
      matching: view.events.length,
      pagination: shown.pagination,
      page: shown.page,
      order: q.params.order,
      otherOrderHref: `${base}${chronologyQuery({ ...q.params, order: q.params.order === 'newest' ? 'oldest' : 'newest' })}`,
      downloadQuery: chronologyQuery(q.params),
      pdfAvailable: pdfAvailable(),
      forename: childName(view.child),
      categoryItems: practice.ALL_CATEGORIES.map((c) => ({
        value: c,
        text: CATEGORY_NAMES[c] ?? c,
        checked: q.params.categories.includes(c),
      })),
      orderItems: [
        { value: 'newest', text: 'Newest first', checked: q.params.order === 'newest' },
        { value: 'oldest', text: 'Oldest first', checked: q.params.order === 'oldest' },
      ],
      selectedCategories: selected,
      shownSentence: describeFilters(q.filter),
      categoryNames: CATEGORY_NAMES,
      values: q.params,
      errors: formErrors(q.fieldErrors),
      filtered: q.filtered,
      mayAnnotate: can(req.actor, 'cases.chronology.annotate'),
    });
  });

  app.get(
    '/children/:id/chronology/download/:format',
    { config: { permission: 'cases.read' } },
    async (req, reply) => {
      const params = downloadParams.safeParse(req.params);
      if (!params.success) throw new NotFoundError();
      const { id, format } = params.data;
      if (format === 'pdf' && !pdfAvailable()) throw new NotFoundError();
      const q = readQuery(queryOf(req));
      const actor = req.actor!;
      const view = await practice.chronologyForDownload(db, actor, id, q.filter, format, ctxOf(req));
      const marking = await protectiveMarking(db, actor.organisationId);
      const doc: ChronologyDocument = {
        childName: view.child.name,
        shown: describeFilters(q.filter),
        order: q.params.order,
        at: clock.now(),
        events: inOrder(view.events, q.params.order).map((e) => ({
          date: e.date,
          category: CATEGORY_NAMES[e.category] ?? e.category,
          title: e.title,
          detail: e.detail,
          note: e.note,
        })),
      };
      const filename = markedFilename(marking, `chronology-${view.child.id}.${format}`);
      reply.header('content-disposition', `attachment; filename="${filename}"`);
      if (format === 'docx')
        return reply.header('content-type', DOCX_TYPE).send(await writeChronologyDocx(doc, marking));
      const html = views.render('cases/views/child/chronology-print.njk', {
        ...doc,
        title: documentTitle(doc),
        orderSentence: orderSentence(doc),
        forename: childName(view.child),
        inlineCss: await readFile(appCss, 'utf8'),
      });
      return reply
        .header('content-type', 'application/pdf')
        .send(await htmlToPdf(html, marking, { landscape: false }));
    },
  );

  const eventKey = z.object({
    table: z.string().regex(/^[a-z_]{1,60}$/),
    source: z.string().min(1).max(200),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  });

  async function renderNote(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    key: z.infer<typeof eventKey>,
    extra: { errors?: FormErrors; values?: Record<string, unknown> } = {},
  ) {
    const { child, event } = await practice.chronologyEvent(
      db,
      req.actor!,
      id,
      { eventTable: key.table, eventSourceId: key.source, eventDate: key.date },
      ctxOf(req),
    );
    return reply.render('cases/views/child/note.njk', {
      child,
      forename: childName(child),
      event,
      key,
      categoryNames: CATEGORY_NAMES,
      errors: extra.errors ?? formErrors({}),
      values: extra.values ?? {},
    });
  }

  app.get(
    '/children/:id/chronology/note',
    { config: { permission: 'cases.chronology.annotate' } },
    async (req, reply) => {
      const { id } = idParams.parse(req.params);
      const key = eventKey.safeParse(req.query);
      if (!key.success) return reply.code(404).render('errors/404.njk');
      return renderNote(req, reply, id, key.data);
    },
  );

  const noteForm = z.object({
    significance: text('Enter what this event meant for the child', 'What the event meant for the child'),
  });

  app.post(
    '/children/:id/chronology/note',
    { config: { permission: 'cases.chronology.annotate' } },
    async (req, reply) => {
      const { id } = idParams.parse(req.params);
      const body = bodyOf(req);
      const key = eventKey.safeParse(body);
      if (!key.success) return reply.code(404).render('errors/404.njk');
      const form = noteForm.safeParse(body);
      if (!form.success) {
        const message = form.error.issues[0]?.message ?? 'Enter what this event meant for the child';
        return renderNote(req, reply.code(400), id, key.data, {
          errors: formErrors({ significance: message }),
          values: { significance: body.significance },
        });
      }
      await practice.addChronologyNote(
        db,
        req.actor!,
        id,
        {
          eventTable: key.data.table,
          eventSourceId: key.data.source,
          eventDate: key.data.date,
          significance: form.data.significance,
        },
        ctxOf(req),
      );
      reply.flash('What the event meant for the child is saved in the chronology');
      return reply.redirect(
        `/children/${id}/chronology#${eventAnchor(key.data.table, key.data.source, key.data.date)}`,
      );
    },
  );
}
