/**
 * Published snapshots: publishing, reading and comparing versions.
 */

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { formatDate } from '../../platform/http/views';
import { type Actor, can } from '../../platform/permissions';
import { chromiumPath } from './files';
import { type Body, partsOf, readDate } from './form-helpers';
import { countsLine, headerLines, LAYOUT_NAMES } from './layouts';
import { id, num, q, V } from './route-helpers';
import * as plans from './service';
import { PERMISSIONS as P } from './service';
import { decorate, layoutOf, layoutsFor, ragView } from './view-models';

export async function snapshotRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  const actor = (req: FastifyRequest): Actor => req.actor!;
  const ctx = (req: FastifyRequest) => auditContext(req, clock);
  const todayIso = () => today(clock);
  const pdfAvailable = () => chromiumPath() !== undefined;

  // ---------------------------------------------------------------- snapshots

  app.get('/plans/:planId/snapshots', { config: { permission: P.published } }, async (req, reply) => {
    const a = actor(req);
    const planId = id(req, 'planId');
    const snapshots = await plans.listSnapshots(db, a, planId);
    const t = partsOf(todayIso());
    return reply.render(V('snapshots'), {
      title: 'Published versions',
      planId,
      planName: snapshots[0]?.planName ?? (can(a, P.read) ? (await plans.getPlan(db, a, planId)).name : ''),
      snapshots,
      canPublish: can(a, P.publish),
      canRead: can(a, P.read),
      values: { 'asAt-day': t.day, 'asAt-month': t.month, 'asAt-year': t.year },
      errors: formErrors({}),
    });
  });

  app.post('/plans/:planId/snapshots', { config: { permission: P.publish } }, async (req, reply) => {
    const a = actor(req);
    const planId = id(req, 'planId');
    const body = (req.body as Body) ?? {};
    const fail = async (errors: FormErrors) => {
      const snapshots = await plans.listSnapshots(db, a, planId);
      const plan = await plans.getPlan(db, a, planId);
      return reply.code(400).render(V('snapshots'), {
        title: 'Published versions',
        planId,
        planName: plan.name,
        snapshots,
        canPublish: true,
        canRead: can(a, P.read),
        values: body,
        errors,
      });
    };
    const asAt = readDate(body, 'asAt', 'the "as at" date', true);
    if (asAt.error) return fail(formErrors({ asAt: asAt.error }));
    try {
      const published = await plans.publishSnapshot(db, a, ctx(req), planId, { asAt: asAt.value! });
      reply.flash(`Version ${published.number} published`);
      return reply.redirect(`/plans/${planId}/snapshots/${published.number}`);
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
  });

  app.get('/plans/:planId/snapshots/:number', { config: { permission: P.published } }, async (req, reply) => {
    const a = actor(req);
    const snap = await plans.getSnapshot(db, a, id(req, 'planId'), num(req, 'number'));
    const layout = layoutOf(req, snap.document);
    const others = (await plans.listSnapshots(db, a, snap.planId)).filter((s) => s.number !== snap.number);
    return reply.render(V('snapshot'), {
      title: `${snap.document.plan.name}: version ${snap.number}`,
      snap,
      doc: decorate(snap.document),
      header: headerLines(snap.document),
      layout,
      layouts: layoutsFor(snap.document).map((l) => ({
        value: l,
        text: LAYOUT_NAMES[l],
        current: l === layout,
      })),
      previous: others.find((s) => s.number < snap.number),
      canRead: can(a, P.read),
      canExport: can(a, P.export),
      pdfAvailable: pdfAvailable(),
    });
  });

  app.get('/plans/:planId/compare', { config: { permission: P.published } }, async (req, reply) => {
    const a = actor(req);
    const planId = id(req, 'planId');
    const snapshots = await plans.listSnapshots(db, a, planId);
    if (snapshots.length < 2) {
      return reply.render(V('compare'), {
        title: 'Compare published versions',
        planId,
        planName: snapshots[0]?.planName,
        tooFew: true,
      });
    }
    const query = q(req);
    const parseNo = (v: unknown, fallback: number) => {
      const n = z.coerce.number().int().min(1).safeParse(v);
      return n.success && snapshots.some((s) => s.number === n.data) ? n.data : fallback;
    };
    const to = parseNo(query.to, snapshots[0]!.number);
    const from = parseNo(query.from, snapshots.find((s) => s.number < to)?.number ?? snapshots[1]!.number);
    const result = await plans.compareSnapshots(db, a, planId, from, to);
    const key = result.to.document.ragKey;
    const withViews = (rows: typeof result.comparison.ragChanged) =>
      rows.map((r) => ({
        ...r,
        fromView: r.from ? ragView(key, r.from) : undefined,
        toView: r.to ? ragView(key, r.to) : undefined,
      }));
    const c = result.comparison;
    return reply.render(V('compare'), {
      title: `Compare versions ${result.from.number} and ${result.to.number}`,
      planId,
      planName: result.to.document.plan.name,
      from: result.from,
      to: result.to,
      fromCounts: countsLine(result.from.document),
      toCounts: countsLine(result.to.document),
      c: {
        ragChanged: withViews(c.ragChanged),
        added: withViews(c.added),
        removed: withViews(c.removed),
        completed: withViews(c.completed),
        becameOverdue: withViews(c.becameOverdue),
        renumbered: c.renumbered,
        unchanged: c.unchanged,
      },
      versionItems: snapshots.map((s) => ({
        value: String(s.number),
        text: `Version ${s.number}, as at ${formatDate(s.asAt)}`,
      })),
      canRead: can(a, P.read),
    });
  });
}
