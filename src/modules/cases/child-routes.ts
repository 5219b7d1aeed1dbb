/**
 * The child's pages: search, caseloads and the record. The chronology and its
 * notes are in chronology-routes.ts, the child's views and oversight in
 * practice-routes.ts, supervision in supervision-routes.ts. Routes parse and validate, call the
 * practice service and render; the service checks scope and audits.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pageLinks, paginate, requestedPage } from '../../platform/admin/pagination';
import { today } from '../../platform/clock';
import { blankToUndefined, formErrors } from '../../platform/http/forms';
import { loadRecordPanels } from '../../platform/http/module';
import { auditContext } from '../../platform/http/server';
import { can, ROLE_CASE_SCOPE, type Role } from '../../platform/permissions';
import { childrenWithViewsDue } from './attention';
import * as practice from './practice-service';
import { cameFrom } from './record-navigation';
import { childName, idParams, optionalDate, queryOf, submittedDate } from './route-forms';
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

/** Children a page of the team's list shows. */
const TEAM_PAGE_SIZE = 50;

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
    const query = queryOf(req);
    const { rows, total, page } = await practice.teamCasesPage(db, req.actor!, ctxOf(req), {
      page: requestedPage(query.page),
      pageSize: TEAM_PAGE_SIZE,
    });
    return reply.render('cases/views/child/team.njk', {
      rows,
      total,
      pagination: paginate(total, { page, pageSize: TEAM_PAGE_SIZE }, pageLinks('/children/team', query)),
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
}
