/**
 * The child's pages: search, caseloads, the record and the chronology with
 * its notes. The child's views and oversight are in practice-routes.ts,
 * supervision in supervision-routes.ts. Routes parse and validate, call the
 * practice service and render; the service checks scope and audits.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { blankToUndefined, type FormErrors, formErrors } from '../../platform/http/forms';
import { loadRecordPanels } from '../../platform/http/module';
import { auditContext } from '../../platform/http/server';
import { can, ROLE_CASE_SCOPE, type Role } from '../../platform/permissions';
import { childrenWithViewsDue } from './attention';
import * as practice from './practice-service';
import { cameFrom } from './record-navigation';
import { bodyOf, childName, idParams, many, optionalDate, queryOf, submittedDate, text } from './route-forms';
import * as cases from './service';
import {
  CARE_LEAVER_ACCOMMODATION,
  CARE_LEAVER_ACTIVITY,
  CARE_LEAVER_IN_TOUCH,
  CLA_CEASED_REASON,
  CP_CATEGORY,
  PLACEMENT_PROVIDER,
  PLACEMENT_TYPE,
  PRIMARY_NEED,
} from './ssd/codes';
import { CAPTURE_METHODS, viewsAreDue } from './voice-rules';

/** Code lists the child's page shows in words. */
const CODES = {
  cpCategory: CP_CATEGORY.codes,
  primaryNeed: PRIMARY_NEED.codes,
  ceased: CLA_CEASED_REASON.codes,
  placementType: PLACEMENT_TYPE.codes,
  provider: PLACEMENT_PROVIDER.codes,
  inTouch: CARE_LEAVER_IN_TOUCH.codes,
  activity: CARE_LEAVER_ACTIVITY.codes,
  accommodation: CARE_LEAVER_ACCOMMODATION.codes,
};

const serviceLevelNames = cases.SERVICE_LEVEL_NAMES;

/** The id of an event on the chronology page, to return to it after writing a note. */
export function eventAnchor(table: string, sourceId: string, date: string): string {
  return `event-${table}-${sourceId}-${date}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** What a search covers for someone who does not see the whole organisation, and whom to ask. */
export function searchScope(role: Role): { scopeNote?: string; scopeAsk?: string } {
  switch (ROLE_CASE_SCOPE[role]) {
    case 'own':
      return { scopeNote: 'the children allocated to you', scopeAsk: 'your team manager' };
    case 'team':
      return { scopeNote: "your team's children", scopeAsk: 'your service manager' };
    case 'assigned':
      return {
        scopeNote: 'the children whose records you have been given for an audit',
        scopeAsk: 'the quality assurance officer who runs the audit',
      };
    default:
      return {};
  }
}

export async function childRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const ctxOf = (req: FastifyRequest) => auditContext(req, clock);

  // ---- finding children -----------------------------------------------------------------

  const searchQuery = z.object({
    q: z.preprocess(blankToUndefined, z.string().max(200).optional()),
    open: z.preprocess(blankToUndefined, z.enum(['yes']).optional()),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).optional()),
  });

  app.get('/children', { config: { permission: 'cases.read' } }, async (req, reply) => {
    const raw = queryOf(req);
    const parsed = searchQuery.safeParse(raw);
    const query = parsed.success ? parsed.data : {};
    const fieldErrors: Record<string, string> = {};
    if (!parsed.success) fieldErrors.q = 'Enter a name or identifier of 200 characters or fewer';
    const dateOfBirth = optionalDate(raw, 'dob', 'date of birth', fieldErrors);
    const searched = Boolean(query.q || dateOfBirth || query.open);
    const result =
      searched && Object.keys(fieldErrors).length === 0
        ? await practice.findChildren(
            db,
            req.actor!,
            { text: query.q, dateOfBirth, openOnly: query.open === 'yes', page: query.page, pageSize: 25 },
            ctxOf(req),
          )
        : undefined;
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.open) params.set('open', query.open);
    for (const p of ['day', 'month', 'year']) {
      const v = raw[`dob-${p}`];
      if (typeof v === 'string' && v) params.set(`dob-${p}`, v);
    }
    return reply.render('cases/views/child/search.njk', {
      values: { q: query.q ?? '', open: query.open, dob: submittedDate(raw, 'dob') },
      errors: formErrors(fieldErrors),
      searched,
      result,
      pages: result ? Math.ceil(result.total / result.pageSize) : 0,
      baseQuery: params.toString(),
      serviceLevelNames,
      ...searchScope(req.actor!.role),
    });
  });

  app.get('/children/mine', { config: { permission: 'cases.mine' } }, async (req, reply) => {
    const { views } = z.object({ views: z.enum(['due']).optional().catch(undefined) }).parse(queryOf(req));
    const rows = await practice.myCases(db, req.actor!, ctxOf(req));
    if (views !== 'due') return reply.render('cases/views/child/mine.njk', { rows, serviceLevelNames });
    // Only the children whose views were last recorded more than three months ago (the home page's count).
    const due = new Set(await childrenWithViewsDue(db, req.actor!, today(clock), { own: true }));
    return reply.render('cases/views/child/mine.njk', {
      rows: rows.filter((r) => due.has(r.id)),
      serviceLevelNames,
      viewsDue: true,
    });
  });

  app.get('/children/team', { config: { permission: 'cases.team' } }, async (req, reply) => {
    const rows = await practice.teamCases(db, req.actor!, ctxOf(req));
    return reply.render('cases/views/child/team.njk', {
      rows,
      serviceLevelNames,
      hasTeam: Boolean(req.actor!.teamId),
      canSeeIndicator: can(req.actor, 'cases.voice.indicator'),
    });
  });

  app.get(
    '/children/voice-indicator',
    { config: { permission: 'cases.voice.indicator' } },
    async (req, reply) => {
      const key = z
        .union([z.literal(''), z.string().uuid()])
        .optional()
        .catch(undefined);
      const only = z.object({ team: key, worker: key }).parse(queryOf(req));
      const page = await practice.voiceIndicatorForActor(db, req.actor!, ctxOf(req), only);
      const filterName =
        only.team !== undefined
          ? page.indicator.byTeam.find((g) => g.key === only.team)?.name
          : only.worker !== undefined
            ? page.indicator.byWorker.find((g) => g.key === only.worker)?.name
            : undefined;
      return reply.render('cases/views/practice/voice-indicator.njk', {
        ...page,
        filtered: only.team !== undefined || only.worker !== undefined,
        filterName,
      });
    },
  );

  // ---- the child's record ------------------------------------------------------------------

  app.get('/children/:id', { config: { permission: 'cases.read' } }, async (req, reply) => {
    const { id } = idParams.parse(req.params);
    const page = await practice.childPage(db, req.actor!, id, ctxOf(req));
    // Sections other modules add (the child's statutory tasks), asked for only once scope is checked.
    const panels = await loadRecordPanels(app, req.actor!, 'child', id);
    const from = cameFrom(queryOf(req).from);
    const lastViews = page.voice[0]?.recordedOn ?? null;
    return reply.render('cases/views/child/child.njk', {
      ...page,
      back: from,
      navSection: from?.section,
      viewsDue: page.child.summary.openCase && viewsAreDue(lastViews, today(clock)),
      lastViews,
      panels,
      forename: childName(page.child),
      captureMethods: CAPTURE_METHODS,
      linkText: Object.fromEntries(page.links.map((l) => [l.value, l.text])),
      codes: CODES,
      may: {
        voice: can(req.actor, 'cases.voice.record'),
        oversight: can(req.actor, 'cases.oversight.record'),
      },
    });
  });

  // ---- chronology ------------------------------------------------------------------------------

  const categoryNames: Record<string, string> = {
    contact: 'Contacts',
    referral: 'Referrals and case closure',
    assessment: 'Assessments',
    'child protection': 'Child protection',
    'child in need': 'Child in need',
    'looked after': 'Looked after',
    health: 'Health',
    education: 'Education',
    'care leaver': 'Care leaver',
    missing: 'Missing',
    legal: 'Legal and immigration status',
    'early help': 'Early help',
    allocation: 'Allocation',
    "child's views": "The child's views",
    'management oversight': 'Management oversight',
  };

  app.get('/children/:id/chronology', { config: { permission: 'cases.read' } }, async (req, reply) => {
    const { id } = idParams.parse(req.params);
    const raw = queryOf(req);
    const fieldErrors: Record<string, string> = {};
    const categories = many(raw.category).filter((c): c is practice.AnyCategory =>
      (practice.ALL_CATEGORIES as readonly string[]).includes(c),
    );
    const from = optionalDate(raw, 'from', 'the date to show events from', fieldErrors);
    const to = optionalDate(raw, 'to', 'the date to show events to', fieldErrors);
    if (from && to && from > to)
      fieldErrors.to = 'The date to show events to must be the same as or after the date to show events from';
    const view = await practice.chronology(
      db,
      req.actor!,
      id,
      Object.keys(fieldErrors).length ? {} : { categories, from, to },
      ctxOf(req),
    );
    const filtered = categories.length > 0 || Boolean(from) || Boolean(to);
    return reply.render('cases/views/child/chronology.njk', {
      ...view,
      events: view.events.map((e) => ({ ...e, anchor: eventAnchor(e.eventTable, e.eventSourceId, e.date) })),
      forename: childName(view.child),
      categoryItems: practice.ALL_CATEGORIES.map((c) => ({
        value: c,
        text: categoryNames[c] ?? c,
        checked: categories.includes(c),
      })),
      categoryNames,
      values: { from: submittedDate(raw, 'from'), to: submittedDate(raw, 'to') },
      errors: formErrors(fieldErrors),
      filtered,
      mayAnnotate: can(req.actor, 'cases.chronology.annotate'),
    });
  });

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
      categoryNames,
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
