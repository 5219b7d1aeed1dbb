/**
 * Supervision of case-holding workers: who is due, recording a supervision
 * with the cases discussed and actions (carried ones decided one by one),
 * reading one, marking an action done, actions repeated without follow-up,
 * and a worker's own open actions. Routes parse, call the practice service
 * (which checks scope and audits) and render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pageLinks, pageOf, requestedPage } from '../../platform/admin/pagination';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { dateFromParts, dateParts, type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { can } from '../../platform/permissions';
import * as practice from './practice-service';
import {
  actionParams,
  type Body,
  bodyOf,
  idParams,
  many,
  orderedErrors,
  queryOf,
  requiredDate,
  submittedDate,
  text,
} from './route-forms';

export async function supervisionRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const ctxOf = (req: FastifyRequest) => auditContext(req, clock);

  // ---- supervision ---------------------------------------------------------------------------------

  /** Workers a page of the supervision list shows. */
  const WORKERS_PAGE = 50;
  const dueQuery = z.object({ due: z.enum(['overdue', 'due-soon']).optional().catch(undefined) });

  /** The supervision page: each worker with when their supervision is due (filtered from the home page), and those recorded. */
  async function renderList(req: FastifyRequest, reply: FastifyReply, errors: Record<string, string> = {}) {
    const { due } = dueQuery.parse(queryOf(req));
    const [workers, list] = [
      await practice.superviseesWithDue(db, req.actor!, ctxOf(req)),
      await practice.listSupervisionsFor(db, req.actor!, ctxOf(req)),
    ];
    const query = queryOf(req);
    const { rows: shown, pagination } = pageOf(
      workers.filter((w) => practice.matchesDue(w.status, due)),
      requestedPage(query.page),
      WORKERS_PAGE,
      pageLinks('/supervision', query),
    );
    return reply.render('cases/views/practice/supervisions.njk', {
      workers,
      shown,
      pagination,
      due,
      supervisions: list,
      mayReadRepeated: can(req.actor, 'supervision.repeated'),
      errors: formErrors(errors),
    });
  }

  app.get('/supervision', { config: { permission: 'supervision.record' } }, async (req, reply) =>
    renderList(req, reply),
  );

  app.get('/supervision/repeated', { config: { permission: 'supervision.repeated' } }, async (req, reply) => {
    const actions = await practice.repeatedActions(db, req.actor!, ctxOf(req));
    return reply.render('cases/views/practice/repeated.njk', {
      actions,
      threshold: practice.REPEAT_THRESHOLD,
      team: req.actor!.role === 'team_manager',
      mayOpen: can(req.actor, 'supervision.record'),
    });
  });

  const myActionsQuery = z.object({ flag: z.enum(['overdue']).optional().catch(undefined) });

  app.get('/supervision/my-actions', { config: { permission: 'supervision.mine' } }, async (req, reply) => {
    const { flag } = myActionsQuery.parse(queryOf(req));
    const actions = await practice.myActionsPage(db, req.actor!, ctxOf(req));
    return reply.render('cases/views/practice/my-actions.njk', {
      actions: flag === 'overdue' ? actions.filter((a) => a.overdue) : actions,
      flag,
    });
  });

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
    if (!worker.success)
      return renderList(req, reply.code(400), { worker: 'Select the worker you supervised' });
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
            fieldErrors[field] = practice.carryMessage(a.action.description);
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
