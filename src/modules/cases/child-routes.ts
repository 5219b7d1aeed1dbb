/**
 * The child's pages (search, caseloads, the record, the child's
 * views, oversight) and supervision. Routes parse and validate, call the
 * practice service and render; the service checks scope and audits.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import {
  blankToUndefined,
  dateFromParts,
  dateParts,
  type FormErrors,
  formErrors,
} from '../../platform/http/forms';
import { loadRecordPanels } from '../../platform/http/module';
import { auditContext } from '../../platform/http/server';
import { can } from '../../platform/permissions';
import { childrenWithViewsDue } from './attention';
import * as practice from './practice-service';
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
import { CAPTURE_METHODS, type CaptureMethod } from './voice-rules';

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

const idParams = z.object({ id: z.string().uuid() });
const actionParams = z.object({ id: z.string().uuid(), actionId: z.string().uuid() });
const MAX_TEXT = 5000;

export const text = (empty: string, label: string, max = MAX_TEXT) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: empty })
      .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`),
  );

type Body = Record<string, unknown>;
export const bodyOf = (req: FastifyRequest): Body => (req.body as Body | undefined) ?? {};
export const queryOf = (req: FastifyRequest): Record<string, unknown> =>
  (req.query as Record<string, unknown>) ?? {};

/** A query value that may come once or many times, as a list of strings. */
export function many(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** An optional GOV.UK date input: all blank is "no date", anything else must be a real date. */
export function optionalDate(
  source: Body,
  name: string,
  label: string,
  errors: Record<string, string>,
): string | undefined {
  const parts = ['day', 'month', 'year'].map((p) => String(source[`${name}-${p}`] ?? '').trim());
  if (parts.every((p) => p === '')) return undefined;
  const parsed = dateFromParts(source, name, label);
  if (!parsed.ok) {
    errors[name] = parsed.message;
    return undefined;
  }
  return parsed.date;
}

function requiredDate(source: Body, name: string, label: string, errors: Record<string, string>) {
  const parsed = dateFromParts(source, name, label);
  if (!parsed.ok) {
    errors[name] = parsed.message;
    return undefined;
  }
  return parsed.date;
}

/** The submitted parts of a date input, to show back. */
export function submittedDate(source: Body, name: string) {
  return {
    day: String(source[`${name}-day`] ?? ''),
    month: String(source[`${name}-month`] ?? ''),
    year: String(source[`${name}-year`] ?? ''),
  };
}

export function childName(child: { forename: string | null; name: string }): string {
  return child.forename ?? child.name;
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
      const page = await practice.voiceIndicatorForActor(db, req.actor!, ctxOf(req));
      return reply.render('cases/views/practice/voice-indicator.njk', { ...page });
    },
  );

  // ---- the child's record ------------------------------------------------------------------

  app.get('/children/:id', { config: { permission: 'cases.read' } }, async (req, reply) => {
    const { id } = idParams.parse(req.params);
    const page = await practice.childPage(db, req.actor!, id, ctxOf(req));
    // Sections other modules add (the child's statutory tasks), asked for only once scope is checked.
    const panels = await loadRecordPanels(app, req.actor!, 'child', id);
    return reply.render('cases/views/child/child.njk', {
      ...page,
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

  // ---- the voice of the child -------------------------------------------------------------------

  async function renderVoice(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors?: FormErrors; values?: Record<string, unknown> } = {},
  ) {
    const page = await practice.childPage(db, req.actor!, id, ctxOf(req));
    return reply.render('cases/views/child/voice.njk', {
      ...page,
      forename: childName(page.child),
      captureMethods: Object.entries(CAPTURE_METHODS).map(([value, text]) => ({ value, text })),
      errors: extra.errors ?? formErrors({}),
      values: extra.values ?? { recordedOn: dateParts(today(clock)) },
    });
  }

  app.get('/children/:id/voice', { config: { permission: 'cases.voice.record' } }, async (req, reply) => {
    const { id } = idParams.parse(req.params);
    return renderVoice(req, reply, id);
  });

  const voiceForm = z.object({
    words: text('Enter what the child said or showed, in their own words', 'What the child said or showed'),
    captureMethod: z.enum(Object.keys(CAPTURE_METHODS) as [CaptureMethod, ...CaptureMethod[]], {
      error: "Select how the child's views were captured",
    }),
    capturedBy: z.enum(['me', 'other'], { error: "Select who captured the child's views" }),
    capturedByName: z.preprocess(
      blankToUndefined,
      z.string().max(200, 'Name and role must be 200 characters or fewer').optional(),
    ),
    changedSomething: z.enum(['yes', 'no'], { error: "Select yes if the child's views changed anything" }),
    whatChanged: z.preprocess(
      blankToUndefined,
      z
        .string()
        .max(MAX_TEXT, `What changed must be ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer`)
        .optional(),
    ),
    linked: z.preprocess(blankToUndefined, z.string().max(300).optional()),
  });

  app.post('/children/:id/voice', { config: { permission: 'cases.voice.record' } }, async (req, reply) => {
    const { id } = idParams.parse(req.params);
    const body = bodyOf(req);
    const fieldErrors: Record<string, string> = {};
    const recordedOn = requiredDate(
      body,
      'recordedOn',
      "the date the child's views were captured",
      fieldErrors,
    );
    const parsed = voiceForm.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
    }
    // Answers that depend on another answer, checked even when other fields are wrong.
    if (body.capturedBy === 'other' && !blankToUndefined(body.capturedByName)) {
      fieldErrors.capturedByName ??= "Enter the name and role of the person who captured the child's views";
    }
    if (body.changedSomething === 'yes' && !blankToUndefined(body.whatChanged)) {
      fieldErrors.whatChanged ??= "Enter what changed because of the child's views";
    }
    const values = { ...body, recordedOn: submittedDate(body, 'recordedOn') };
    if (!parsed.success || !recordedOn || Object.keys(fieldErrors).length) {
      return renderVoice(req, reply.code(400), id, {
        errors: orderedErrors(fieldErrors, VOICE_ORDER),
        values,
      });
    }
    try {
      await practice.recordVoice(
        db,
        req.actor!,
        id,
        {
          recordedOn,
          words: parsed.data.words,
          captureMethod: parsed.data.captureMethod,
          capturedBy: parsed.data.capturedBy,
          capturedByName: parsed.data.capturedByName,
          changedSomething: parsed.data.changedSomething === 'yes',
          whatChanged: parsed.data.whatChanged,
          linked: parsed.data.linked,
        },
        ctxOf(req),
      );
    } catch (error) {
      if (error instanceof ValidationError) {
        return renderVoice(req, reply.code(400), id, { errors: formErrors(error.fields), values });
      }
      throw error;
    }
    reply.flash("The child's views are saved");
    return reply.redirect(`/children/${id}#voice`);
  });

  // ---- management oversight ----------------------------------------------------------------------

  async function renderOversight(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors?: FormErrors; values?: Record<string, unknown> } = {},
  ) {
    const page = await practice.childPage(db, req.actor!, id, ctxOf(req));
    return reply.render('cases/views/child/oversight.njk', {
      ...page,
      forename: childName(page.child),
      errors: extra.errors ?? formErrors({}),
      values: extra.values ?? { decidedOn: dateParts(today(clock)) },
    });
  }

  app.get(
    '/children/:id/oversight',
    { config: { permission: 'cases.oversight.record' } },
    async (req, reply) => {
      const { id } = idParams.parse(req.params);
      return renderOversight(req, reply, id);
    },
  );

  const oversightForm = z.object({
    decision: text('Enter the decision', 'The decision'),
    reasons: text('Enter the reasons for the decision', 'The reasons'),
  });

  app.post(
    '/children/:id/oversight',
    { config: { permission: 'cases.oversight.record' } },
    async (req, reply) => {
      const { id } = idParams.parse(req.params);
      const body = bodyOf(req);
      const fieldErrors: Record<string, string> = {};
      const decidedOn = requiredDate(body, 'decidedOn', 'the date of the decision', fieldErrors);
      const parsed = oversightForm.safeParse(body);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
      }
      const values = { ...body, decidedOn: submittedDate(body, 'decidedOn') };
      if (!parsed.success || !decidedOn) {
        return renderOversight(req, reply.code(400), id, {
          errors: orderedErrors(fieldErrors, ['decidedOn', 'decision', 'reasons']),
          values,
        });
      }
      try {
        await practice.recordOversight(db, req.actor!, id, { decidedOn, ...parsed.data }, ctxOf(req));
      } catch (error) {
        if (error instanceof ValidationError) {
          return renderOversight(req, reply.code(400), id, { errors: formErrors(error.fields), values });
        }
        throw error;
      }
      reply.flash('Management oversight decision saved');
      return reply.redirect(`/children/${id}#oversight`);
    },
  );

  // ---- supervision ---------------------------------------------------------------------------------

  app.get('/supervision', { config: { permission: 'supervision.record' } }, async (req, reply) => {
    const [workers, list] = [
      await practice.superviseesFor(db, req.actor!, ctxOf(req)),
      await practice.listSupervisionsFor(db, req.actor!, ctxOf(req)),
    ];
    return reply.render('cases/views/practice/supervisions.njk', {
      workers,
      supervisions: list,
      mayReadService: can(req.actor, 'supervision.read-service'),
      errors: formErrors({}),
    });
  });

  app.get(
    '/supervision/repeated',
    { config: { permission: 'supervision.read-service' } },
    async (req, reply) => {
      const actions = await practice.repeatedActions(db, req.actor!, ctxOf(req));
      return reply.render('cases/views/practice/repeated.njk', {
        actions,
        threshold: 3,
        mayOpen: can(req.actor, 'supervision.record'),
      });
    },
  );

  async function renderSupervisionForm(
    req: FastifyRequest,
    reply: FastifyReply,
    workerId: string,
    extra: { errors?: FormErrors; values?: Record<string, unknown> } = {},
  ) {
    const form = await practice.supervisionForm(db, req.actor!, workerId, ctxOf(req));
    return reply.render('cases/views/practice/supervision-form.njk', {
      ...form,
      carryField: Object.fromEntries(
        form.openActions.map((a) => [a.action.id, practice.carryField(a.action.id)]),
      ),
      actionRows: ACTION_ROWS,
      errors: extra.errors ?? formErrors({}),
      values: extra.values ?? { heldOn: dateParts(today(clock)), personIds: [] },
    });
  }

  app.get('/supervision/new', { config: { permission: 'supervision.record' } }, async (req, reply) => {
    const worker = z.object({ worker: z.string().uuid() }).safeParse(req.query);
    if (!worker.success) {
      const [workers, list] = [
        await practice.superviseesFor(db, req.actor!, ctxOf(req)),
        await practice.listSupervisionsFor(db, req.actor!, ctxOf(req)),
      ];
      return reply.code(400).render('cases/views/practice/supervisions.njk', {
        workers,
        supervisions: list,
        mayReadService: can(req.actor, 'supervision.read-service'),
        errors: formErrors({ worker: 'Select the worker you supervised' }),
      });
    }
    return renderSupervisionForm(req, reply, worker.data.worker);
  });

  const supervisionForm = z.object({
    workerId: z.string().uuid(),
    reflection: text('Enter the reflection from the supervision', 'The reflection', 20_000),
  });

  app.post('/supervision/new', { config: { permission: 'supervision.record' } }, async (req, reply) => {
    const body = bodyOf(req);
    const workerId = z.string().uuid().safeParse(body.workerId);
    if (!workerId.success) return reply.code(404).render('errors/404.njk');
    const fieldErrors: Record<string, string> = {};
    const heldOn = requiredDate(body, 'heldOn', 'the date of the supervision', fieldErrors);
    const parsed = supervisionForm.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
    }
    const actions = readActions(body, fieldErrors);
    const personIds = many(body.personIds).filter((p) => z.string().uuid().safeParse(p).success);
    const values = {
      ...body,
      heldOn: submittedDate(body, 'heldOn'),
      personIds,
      ...Object.fromEntries(
        ACTION_ROWS.map((n) => [`action-${n}-due`, submittedDate(body, `action-${n}-due`)]),
      ),
    };
    try {
      if (!parsed.success || !heldOn || Object.keys(fieldErrors).length) {
        // Check the carried actions too, so every problem is listed at once.
        const form = await practice.supervisionForm(db, req.actor!, workerId.data, ctxOf(req));
        for (const a of form.openActions) {
          const field = practice.carryField(a.action.id);
          if (body[field] !== 'done' && body[field] !== 'carry') {
            fieldErrors[field] =
              'Select whether this action was done or is carried forward to this supervision';
          }
        }
        throw new ValidationError(fieldErrors);
      }
      const id = await practice.recordSupervision(
        db,
        req.actor!,
        {
          workerId: workerId.data,
          heldOn,
          reflection: parsed.data.reflection,
          personIds,
          carry: body,
          actions,
        },
        ctxOf(req),
      );
      reply.flash('Supervision saved');
      return reply.redirect(`/supervision/${id}`);
    } catch (error) {
      if (error instanceof ValidationError) {
        return renderSupervisionForm(req, reply.code(400), workerId.data, {
          errors: orderedErrors(error.fields, supervisionOrder(body)),
          values,
        });
      }
      throw error;
    }
  });

  app.get('/supervision/:id', { config: { permission: 'supervision.record' } }, async (req, reply) => {
    const { id } = idParams.parse(req.params);
    const page = await practice.getSupervision(db, req.actor!, id, ctxOf(req));
    return reply.render('cases/views/practice/supervision.njk', { ...page, errors: formErrors({}) });
  });

  app.post(
    '/supervision/:id/actions/:actionId/done',
    { config: { permission: 'supervision.record' } },
    async (req, reply) => {
      const { id, actionId } = actionParams.parse(req.params);
      try {
        await practice.markActionDone(db, req.actor!, id, actionId, ctxOf(req));
      } catch (error) {
        if (error instanceof ValidationError) {
          const page = await practice.getSupervision(db, req.actor!, id, ctxOf(req));
          return reply
            .code(400)
            .render('cases/views/practice/supervision.njk', { ...page, errors: formErrors(error.fields) });
        }
        throw error;
      }
      reply.flash('Action marked done');
      return reply.redirect(`/supervision/${id}`);
    },
  );
}

const VOICE_ORDER = [
  'recordedOn',
  'words',
  'captureMethod',
  'capturedBy',
  'capturedByName',
  'changedSomething',
  'whatChanged',
  'linked',
];

/** Error summary in the order the fields appear on the page. */
function orderedErrors(fields: Record<string, string>, order: readonly string[]): FormErrors {
  const sorted: Record<string, string> = {};
  for (const key of order) if (fields[key]) sorted[key] = fields[key];
  for (const [key, message] of Object.entries(fields)) sorted[key] ??= message;
  return formErrors(sorted);
}

/** How many blank new-action rows the supervision form offers. */
const ACTION_ROWS = [1, 2, 3] as const;

function supervisionOrder(body: Body): string[] {
  const carried = Object.keys(body).filter((k) => k.startsWith('previous-'));
  return [
    'heldOn',
    'personIds',
    'reflection',
    ...carried,
    ...ACTION_ROWS.flatMap((n) => [`action-${n}-description`, `action-${n}-owner`, `action-${n}-due`]),
  ];
}

/** New actions from the form's rows; a row left wholly blank is ignored, a part-filled one must be completed. */
function readActions(body: Body, errors: Record<string, string>): practice.NewAction[] {
  const actions: practice.NewAction[] = [];
  for (const n of ACTION_ROWS) {
    const description = String(body[`action-${n}-description`] ?? '').trim();
    const owner = body[`action-${n}-owner`];
    const dueParts = ['day', 'month', 'year'].map((p) => String(body[`action-${n}-due-${p}`] ?? '').trim());
    if (!description && owner === undefined && dueParts.every((p) => p === '')) continue;
    if (!description) errors[`action-${n}-description`] = `Enter what action ${n} is`;
    else if (description.length > 2000)
      errors[`action-${n}-description`] = `Action ${n} must be 2,000 characters or fewer`;
    if (owner !== 'worker' && owner !== 'supervisor')
      errors[`action-${n}-owner`] = `Select who owns action ${n}`;
    const due = dateFromParts(body, `action-${n}-due`, `the date action ${n} is due`);
    if (!due.ok) errors[`action-${n}-due`] = due.message;
    if (
      description &&
      description.length <= 2000 &&
      (owner === 'worker' || owner === 'supervisor') &&
      due.ok
    ) {
      actions.push({ description, ownerKind: owner, dueOn: due.date });
    }
  }
  return actions;
}
