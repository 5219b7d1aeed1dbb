/** Practice observation pages: the central list with counts by tier and month, recording one, and learning records. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderBarChart } from '../../platform/charts/bar-chart';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { dateFromParts, dateParts, type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { formatMonth } from '../../platform/http/views';
import {
  learningRecord,
  observationOverview,
  readableLearningRecords,
  recordObservation,
  staffList,
} from './observations';
import { QA } from './permissions';
import { OBSERVATION_SETTINGS, OBSERVATION_TIERS, SETTING_NAMES, TIER_NAMES } from './practice-vocab';

const params = z.object({ id: z.string().uuid() });
const text = (missing: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(5000, 'This must be 5,000 characters or fewer');

const observationForm = z.object({
  observerId: z.string({ error: 'Select who observed' }).uuid('Select who observed'),
  observedId: z.string({ error: 'Select the person observed' }).uuid('Select the person observed'),
  tier: z.enum(OBSERVATION_TIERS, { error: 'Select the tier of the person observed' }),
  observedRole: text(
    'Enter the role of the person observed, for example "Social worker, assessment team"',
  ).pipe(z.string().max(200, 'The role must be 200 characters or fewer')),
  setting: z.enum(OBSERVATION_SETTINGS, { error: 'Select where the observation took place' }),
  wentWell: text('Enter what went well'),
  evenBetterIf: text('Enter what would have made it even better'),
  agreedLearning: text('Enter the learning agreed with the person observed'),
});

const monthLabel = formatMonth;

export async function observationRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get('/qa/observations', { config: { permission: QA.observations } }, async (req, reply) => {
    const { counts, observations } = await observationOverview(db, req.actor!, today(clock));
    const busiest = [...counts.rows].sort((a, b) => b.total - a.total)[0];
    const summary = counts.totals.total
      ? `${counts.totals.total} observations in the last 12 months; the most in ${monthLabel(busiest!.month)} (${busiest!.total}).`
      : 'No observations were recorded in the last 12 months.';
    const chart = await renderBarChart({
      title: 'Practice observations by month, last 12 months',
      description: summary,
      axisTitle: 'Observations',
      data: counts.rows.map((r) => ({
        label: `${monthLabel(r.month).slice(0, 3)} ${r.month.slice(0, 4)}`,
        value: r.total,
      })),
    });
    return reply.render('qa/views/observations.njk', {
      counts,
      observations,
      chart,
      summary,
      tiers: OBSERVATION_TIERS,
      tierNames: TIER_NAMES,
      settingNames: SETTING_NAMES,
      monthLabels: Object.fromEntries(counts.months.map((m) => [m, monthLabel(m)])),
    });
  });

  async function renderNew(
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors = formErrors({}),
  ) {
    const staff = await staffList(db, req.actor!.organisationId);
    const people = (selected: unknown, prompt: string) => [
      { value: '', text: prompt },
      ...staff.map((s) => ({
        value: s.id,
        text: `${s.name}${s.jobTitle ? `, ${s.jobTitle}` : ''}`,
        selected: s.id === selected,
      })),
    ];
    return reply.render('qa/views/observation-form.njk', {
      values,
      errors,
      observedItems: people(values.observedId, 'Select the person observed'),
      observerItems: people(values.observerId, 'Select who observed'),
      tierItems: OBSERVATION_TIERS.map((t) => ({
        value: t,
        text: TIER_NAMES[t],
        checked: values.tier === t,
      })),
      settingItems: OBSERVATION_SETTINGS.map((s) => ({
        value: s,
        text: SETTING_NAMES[s],
        checked: values.setting === s,
      })),
    });
  }

  app.get('/qa/observations/new', { config: { permission: QA.observations } }, (req, reply) =>
    renderNew(req, reply, { observerId: req.actor!.userId, observedOn: dateParts(null) }),
  );

  app.post('/qa/observations', { config: { permission: QA.observations } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = {
      ...body,
      observedOn: {
        day: String(body['observedOn-day'] ?? ''),
        month: String(body['observedOn-month'] ?? ''),
        year: String(body['observedOn-year'] ?? ''),
      },
    };
    const parsed = observationForm.safeParse(body);
    const date = dateFromParts(body, 'observedOn', 'the date of the observation');
    const fields: Record<string, string> = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    if (!date.ok) fields.observedOn = date.message;
    try {
      if (!parsed.success || !date.ok) throw new ValidationError(fields);
      const row = await recordObservation(
        db,
        req.actor!,
        auditContext(req, clock),
        { ...parsed.data, observedOn: date.date },
        today(clock),
      );
      reply.flash('Observation recorded: it is in the learning record of the person observed');
      return reply.redirect(`/qa/learning/${row.observedId}`);
    } catch (e) {
      if (e instanceof ValidationError) return renderNew(req, reply.code(400), values, formErrors(e.fields));
      throw e;
    }
  });

  app.get('/qa/learning', { config: { permission: QA.learning } }, async (req, reply) => {
    const people = await readableLearningRecords(db, req.actor!);
    return reply.render('qa/views/learning-records.njk', { people, ownId: req.actor!.userId });
  });

  app.get('/qa/learning/:id', { config: { permission: QA.learning } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const record = await learningRecord(db, req.actor!, auditContext(req, clock), id);
    return reply.render('qa/views/learning-record.njk', {
      ...record,
      own: id === req.actor!.userId,
      tierNames: TIER_NAMES,
      settingNames: SETTING_NAMES,
    });
  });
}
