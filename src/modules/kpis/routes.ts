/**
 * The indicators pages: the table for a quarter, one indicator (trend chart,
 * data table, benchmarks, versions, edit forms) and the children behind a
 * figure (from the case register, or from the early help service for early
 * help indicators). Parse and validate, call the service, render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  lastCompleteQuarter,
  nextQuarter,
  type Quarter,
  quarterOf,
  quarterStarting,
  quartersTo,
} from '../../platform/calendar/quarters';
import { nonWorkingDaysFor } from '../../platform/calendar/service';
import { renderLineChart } from '../../platform/charts/line-chart';
import { today } from '../../platform/clock';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { can } from '../../platform/permissions';
import * as cases from '../cases/service';
import * as earlyHelp from '../early-help/service';
import { audienceParam, chosenAudience } from './audience';
import {
  AUDIENCE_LABELS,
  audienceOf,
  PERIOD_LABELS,
  PERIODS,
  SOURCE_NAMES,
  UNIT_LABELS,
  windowFor,
} from './catalogue';
import * as kpis from './service';
import { refreshStoredFigures } from './stored-figures';
import { indicatorRowView, trendChart } from './view-models';

const codeParams = z.object({ code: z.string().regex(/^[A-Z0-9-]{1,20}$/) });
const quarterQuery = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}-(01|04|07|10)-01$/)
    .optional()
    .catch(undefined),
});

/** The quarter asked for (a quarter's first day, not after the current quarter), or the last complete one. */
export function chosenQuarter(query: unknown, todayIso: string): Quarter {
  const { quarter } = quarterQuery.parse(query ?? {});
  if (quarter && quarter <= quarterOf(todayIso).first) return quarterStarting(quarter);
  return lastCompleteQuarter(todayIso);
}

const number = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,9}(\.\d{1,2})?$/, message)
    .transform(Number);

const indicatorForm = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(200, 'Title must be 200 characters or fewer'),
  definition: z
    .string()
    .trim()
    .min(1, 'Enter the definition')
    .max(2000, 'Definition must be 2000 characters or fewer'),
  numerator: z
    .string()
    .trim()
    .min(1, 'Enter how the numerator is counted')
    .max(1000, 'Numerator must be 1000 characters or fewer'),
  denominator: z
    .string()
    .trim()
    .min(1, 'Enter how the denominator is counted, or None')
    .max(1000, 'Denominator must be 1000 characters or fewer'),
  polarity: z.enum(['higher', 'lower'], { message: 'Select whether higher or lower is better' }),
  period: z.enum(PERIODS, { message: 'Select the period the figure covers' }),
  target: z
    .string()
    .trim()
    .regex(
      /^(-?\d{1,9}(\.\d{1,2})?)?$/,
      'Enter the target as a number, like 85 or 22.5, or leave it blank for none',
    )
    .transform((v) => (v === '' ? null : Number(v))),
  tolerance: number('Enter the tolerance as a number, like 5 (0 for none)').refine(
    (n) => n >= 0,
    'The tolerance must be 0 or more',
  ),
  owner: z
    .string()
    .trim()
    .min(1, 'Enter who owns the indicator')
    .max(200, 'Owner must be 200 characters or fewer'),
  notes: z.string().trim().max(2000, 'Notes must be 2000 characters or fewer').default(''),
  reason: z
    .string()
    .trim()
    .min(1, 'Enter the reason for the change')
    .max(2000, 'Reason must be 2000 characters or fewer'),
});

const benchmarkForm = z.object({
  year: z
    .string()
    .trim()
    .regex(/^20\d\d$/, 'Enter the year the financial year starts, like 2025 for 2025-26')
    .transform(Number),
  comparator: z.enum(kpis.COMPARATORS, { message: 'Select the comparator' }),
  value: number('Enter the benchmark as a number, like 21.4'),
});

const valueForm = z.object({
  quarter: z.string().regex(/^\d{4}-(01|04|07|10)-01$/, 'Select the quarter the figure is for'),
  value: number('Enter the figure as a number, like 12 or 61.5'),
});

function fieldErrors(error: z.ZodError): FormErrors {
  const fields: Record<string, string> = {};
  for (const i of error.issues) fields[String(i.path[0] ?? 'form')] ??= i.message;
  return formErrors(fields);
}

export async function kpisRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get('/indicators', { config: { permission: 'kpis.read' } }, async (req, reply) => {
    const now = today(clock);
    const quarter = chosenQuarter(req.query, now);
    const audience = chosenAudience(req.query);
    // The last complete quarter's table is the stored one (stored-figures.ts), with the time it was computed.
    const { rows, computedAt, stored } = await kpis.indicatorTableAsAt(
      db,
      req.actor!.organisationId,
      quarter,
      clock,
      audience,
    );
    const quarters = quartersTo(quarter, 4);
    const next = nextQuarter(quarter);
    return reply.render('kpis/views/indicators.njk', {
      title: audience === 'children' ? 'Performance indicators' : AUDIENCE_LABELS[audience].indicators,
      audience,
      audienceParam: audienceParam(audience),
      report: AUDIENCE_LABELS[audience].report,
      quarter,
      quarterLabels: quarters.map((q) => q.label),
      previous: quarters.at(-2),
      next: next.first <= quarterOf(now).first ? next : null,
      rows: rows.map(indicatorRowView),
      computedAt,
      stored,
      offTarget: rows.filter((r) => r.rag === 'red').length,
      mayEdit: can(req.actor, 'kpis.edit'),
    });
  });

  async function renderIndicator(
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: { errors?: FormErrors; values?: Record<string, unknown>; form?: string } = {},
  ) {
    const now = today(clock);
    const quarter = chosenQuarter(req.query, now);
    const organisationId = req.actor!.organisationId;
    const indicator = await kpis.getIndicator(db, organisationId, code, clock.now());
    const [row] = await kpis.indicatorTable(db, organisationId, quarter, clock.now(), {
      indicators: [indicator],
    });
    const def = indicator.current.definition;
    const mayEdit = can(req.actor, 'kpis.edit');
    const chart = trendChart(row!);
    const values: Record<string, unknown> = extra.values ?? {
      ...def,
      target: def.target == null ? '' : String(def.target),
      tolerance: String(def.tolerance),
    };
    const items = (list: Array<{ value: string; text: string }>, selected: unknown) =>
      list.map((i) => ({ ...i, selected: i.value === selected }));
    return reply.render('kpis/views/indicator.njk', {
      title: def.title,
      code,
      quarter,
      def,
      unit: UNIT_LABELS[def.unit],
      periodText: PERIOD_LABELS[def.period],
      sourceText:
        def.source.kind === 'entered' ? 'Entered by hand' : `Computed from ${SOURCE_NAMES[def.source.kind]}`,
      periodItems: items(
        PERIODS.map((p) => ({ value: p, text: PERIOD_LABELS[p] })),
        values.period,
      ),
      row: indicatorRowView(row!),
      quarters: row!.quarters,
      chart: await renderLineChart(chart),
      chartSummary: chart.description,
      versions: [...indicator.versions].reverse(),
      benchmarks: (await kpis.benchmarksFor(db, organisationId, code)).map((b) => ({
        ...b,
        comparatorText: kpis.COMPARATOR_LABELS[b.comparator as kpis.Comparator] ?? b.comparator,
      })),
      comparatorItems: items(
        kpis.COMPARATORS.map((c) => ({ value: c, text: kpis.COMPARATOR_LABELS[c] })),
        values.comparator,
      ),
      quarterItems: items(
        quartersTo(lastCompleteQuarter(now), 3)
          .reverse()
          .map((q) => ({ value: q.first, text: q.label })),
        values.quarter,
      ),
      mayEdit,
      audienceParam: audienceParam(audienceOf(def)),
      mayDrill:
        (def.source.kind === 'computed' || def.source.kind === 'early-help') &&
        can(req.actor, 'kpis.children'),
      errors: extra.errors,
      form: extra.form,
      values,
    });
  }

  app.get('/indicators/:code', { config: { permission: 'kpis.read' } }, async (req, reply) => {
    const { code } = codeParams.parse(req.params);
    return renderIndicator(req, reply, code);
  });

  // A new target, entered figure or benchmark changes the stored figures and tables: store them again, after the response.
  const refreshSoon = (organisationId: string) =>
    app.deps.background.run('kpis.refresh-after-change', () =>
      refreshStoredFigures(db, organisationId, clock),
    );

  const changeContext = (req: FastifyRequest) => ({
    ...auditContext(req, clock),
    organisationId: req.actor!.organisationId,
    userId: req.actor!.userId,
  });

  app.post('/indicators/:code', { config: { permission: 'kpis.edit' } }, async (req, reply) => {
    const { code } = codeParams.parse(req.params);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = indicatorForm.safeParse(body);
    if (!parsed.success) {
      return renderIndicator(req, reply.code(400), code, {
        errors: fieldErrors(parsed.error),
        values: body,
        form: 'edit',
      });
    }
    const current = (await kpis.getIndicator(db, req.actor!.organisationId, code, clock.now())).current
      .definition;
    try {
      const version = await kpis.addIndicatorVersion(db, changeContext(req), code, {
        ...parsed.data,
        unit: current.unit,
      });
      refreshSoon(req.actor!.organisationId);
      reply.flash(`Version ${version} saved`);
      return reply.redirect(`/indicators/${code}`);
    } catch (e) {
      if (e instanceof ValidationError)
        return renderIndicator(req, reply.code(400), code, {
          errors: formErrors(e.fields),
          values: body,
          form: 'edit',
        });
      throw e;
    }
  });

  app.post('/indicators/:code/benchmarks', { config: { permission: 'kpis.edit' } }, async (req, reply) => {
    const { code } = codeParams.parse(req.params);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = benchmarkForm.safeParse(body);
    if (!parsed.success) {
      return renderIndicator(req, reply.code(400), code, {
        errors: fieldErrors(parsed.error),
        values: body,
        form: 'benchmark',
      });
    }
    await kpis.getIndicator(db, req.actor!.organisationId, code, clock.now());
    await kpis.saveBenchmarks(db, changeContext(req), [{ code, ...parsed.data }]);
    refreshSoon(req.actor!.organisationId);
    reply.flash('Benchmark saved');
    return reply.redirect(`/indicators/${code}`);
  });

  app.post('/indicators/:code/values', { config: { permission: 'kpis.edit' } }, async (req, reply) => {
    const { code } = codeParams.parse(req.params);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = valueForm.safeParse(body);
    const errors = parsed.success
      ? parsed.data.quarter > lastCompleteQuarter(today(clock)).first
        ? formErrors({ quarter: 'Select a quarter that has ended' })
        : null
      : fieldErrors(parsed.error);
    if (errors || !parsed.success) {
      return renderIndicator(req, reply.code(400), code, {
        errors: errors ?? undefined,
        values: body,
        form: 'value',
      });
    }
    try {
      const q = quarterStarting(parsed.data.quarter);
      await kpis.enterValue(
        db,
        changeContext(req),
        code,
        { first: q.first, last: q.last },
        parsed.data.value,
      );
      refreshSoon(req.actor!.organisationId);
      reply.flash(`Figure for ${q.label} saved`);
      return reply.redirect(`/indicators/${code}?quarter=${q.first}`);
    } catch (e) {
      if (e instanceof ValidationError)
        return renderIndicator(req, reply.code(400), code, {
          errors: formErrors(e.fields),
          values: body,
          form: 'value',
        });
      throw e;
    }
  });

  const childrenQuery = z.object({ part: z.enum(['numerator', 'all']).catch('all') });

  app.get('/indicators/:code/children', { config: { permission: 'kpis.children' } }, async (req, reply) => {
    const { code } = codeParams.parse(req.params);
    const { part } = childrenQuery.parse(req.query ?? {});
    const quarter = chosenQuarter(req.query, today(clock));
    const indicator = await kpis.getIndicator(db, req.actor!.organisationId, code, clock.now());
    const def = indicator.current.definition;
    const window = windowFor(def.period, quarter);
    const page = { code, def, quarter, window, part, percentage: def.unit === 'percentage' };
    if (def.source.kind === 'early-help') {
      const children = await earlyHelp.childrenBehindFigure(
        db,
        req.actor!,
        auditContext(req, clock),
        def.source.measure,
        window,
        { numeratorOnly: part === 'numerator' },
      );
      return reply.render('kpis/views/early-help-children.njk', {
        ...page,
        title: `${def.title}: the children behind the figure`,
        children,
        goals: children.reduce((n, c) => n + c.goals.length, 0),
      });
    }
    if (def.source.kind !== 'computed') throw new NotFoundError('indicator');
    const holidays = [...(await nonWorkingDaysFor(db, req.actor!.organisationId))];
    const children = await cases.measureChildren(
      db,
      req.actor!,
      auditContext(req, clock),
      def.source.measure,
      window,
      holidays,
      { numeratorOnly: part === 'numerator' },
    );
    return reply.render('kpis/views/children.njk', {
      ...page,
      title: `${def.title}: the children behind the figure`,
      children,
    });
  });
}
