/** Audit round pages: list, create (drawing the sample), and one round with its sample and why. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pageLinks, paginate, requestedPage } from '../../platform/admin/pagination';
import { londonDateOf } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { dateFromParts, type FormErrors, formErrors, listOf } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { formatDate } from '../../platform/http/views';
import { can } from '../../platform/permissions';
import { SERVICE_LEVEL_NAMES } from '../cases/service';
import { QA } from './permissions';
import {
  createRound,
  listRounds,
  openFirstHalves,
  possibleAuditors,
  ROUND_PAGE_SIZE,
  roundDetail,
  teamsOfOpenCases,
} from './rounds';
import { listTemplates } from './templates';
import { AUDIT_STATUS_NAMES, AUDIT_STATUS_TAG, ROUND_TYPE_NAMES, ROUND_TYPES } from './vocab';

const params = z.object({ id: z.string().uuid() });
const roundForm = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Enter the name of the round, for example Spring 2027 case file audit' })
    .max(200, { message: 'The name must be 200 characters or fewer' }),
  type: z.enum(ROUND_TYPES, { message: 'Select the type of round' }),
  templateId: z.string().uuid({ message: 'Select the template the auditors will use' }),
  auditorIds: z.preprocess(
    listOf,
    z
      .array(z.string().uuid({ message: 'Select auditors from the list' }))
      .min(1, { message: 'Select at least one auditor' })
      .max(50),
  ),
  rule: z.enum(['half_year_first', 'half_year_second', 'criteria', 'chosen'], {
    message: 'Select how the sample is drawn',
  }),
  previousRoundId: z.preprocess((v) => (v === '' ? undefined : v), z.string().uuid().optional()),
  serviceLevels: z.preprocess(
    listOf,
    z.array(z.enum(Object.keys(SERVICE_LEVEL_NAMES) as [string, ...string[]])).max(10),
  ),
  teamNames: z.preprocess(listOf, z.array(z.string().max(200)).max(100)),
  sourceIds: z
    .string()
    .max(20_000, { message: 'Enter at most a few hundred person ids' })
    .default('')
    .transform((s) =>
      s
        .split(/[\s,]+/)
        .map((x) => x.trim())
        .filter(Boolean),
    ),
});

const filled = (body: Record<string, unknown>, name: string) =>
  ['day', 'month', 'year'].some((p) => String(body[`${name}-${p}`] ?? '').trim());

/** The optional dates of contact or referral for criteria: none, or both real dates (their order is checked with the round). */
function contactRange(
  body: Record<string, unknown>,
):
  | { ok: true; dates: { contactFrom?: string; contactTo?: string } }
  | { ok: false; fields: Record<string, string> } {
  if (!filled(body, 'contactFrom') && !filled(body, 'contactTo')) return { ok: true, dates: {} };
  const from = dateFromParts(body, 'contactFrom', 'the first date of contact or referral');
  const to = dateFromParts(body, 'contactTo', 'the last date of contact or referral');
  if (from.ok && to.ok) return { ok: true, dates: { contactFrom: from.date, contactTo: to.date } };
  const fields: Record<string, string> = {};
  if (!from.ok) fields.contactFrom = from.message;
  if (!to.ok) fields.contactTo = to.message;
  return { ok: false, fields };
}

const RULE_NAMES = {
  half_year_first: 'First of two half-year rounds: half of the open cases, alike by service level and team',
  half_year_second: 'Second of two half-year rounds: the open cases the first round did not audit',
  criteria: 'Cases meeting criteria (thematic)',
  chosen: 'Chosen cases (multi-agency or peer)',
};

/** A criteria round's criteria in words, for its page (null for other rules). */
export function criteriaText(sampling: Record<string, unknown>): string | null {
  if (sampling.rule !== 'criteria') return null;
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const levels = strings(sampling.serviceLevels).map((l) => SERVICE_LEVEL_NAMES[l] ?? l);
  const teams = strings(sampling.teamNames);
  return [
    levels.length ? `Service level: ${levels.join(', ')}` : null,
    teams.length ? `Team: ${teams.join(', ')}` : null,
    typeof sampling.contactFrom === 'string' && typeof sampling.contactTo === 'string'
      ? `A contact or referral between ${formatDate(sampling.contactFrom)} and ${formatDate(sampling.contactTo)}`
      : null,
  ]
    .filter(Boolean)
    .join('; ');
}

export async function roundRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors = formErrors({}),
  ) {
    const actor = req.actor!;
    const [templates, auditors, firstHalves, teams] = await Promise.all([
      listTemplates(db, actor),
      possibleAuditors(db, actor.organisationId),
      openFirstHalves(db, actor.organisationId),
      teamsOfOpenCases(db, actor.organisationId, londonDateOf(clock.now())),
    ]);
    const chosen = (v: unknown, x: string) => listOf(v).includes(x);
    return reply.render('qa/views/round-form.njk', {
      values,
      errors,
      typeItems: ROUND_TYPES.map((t) => ({
        value: t,
        text: ROUND_TYPE_NAMES[t],
        checked: values.type === t,
      })),
      templateItems: [
        { value: '', text: 'Select a template' },
        ...templates.map((t) => ({
          value: t.templateId,
          text: `${t.name} (version ${t.version})`,
          selected: values.templateId === t.templateId,
        })),
      ],
      auditorItems: auditors.map((a) => ({
        value: a.id,
        text: a.name,
        hint: { text: a.jobTitle ?? '' },
        checked: chosen(values.auditorIds, a.id),
      })),
      ruleItems: Object.entries(RULE_NAMES).map(([value, text]) => ({
        value,
        text,
        checked: values.rule === value,
      })),
      previousItems: [
        { value: '', text: 'Select the first round' },
        ...firstHalves.map((r) => ({ value: r.id, text: r.name, selected: values.previousRoundId === r.id })),
      ],
      levelItems: Object.entries(SERVICE_LEVEL_NAMES)
        .filter(([k]) => k !== 'none')
        .map(([value, text]) => ({ value, text, checked: chosen(values.serviceLevels, value) })),
      teamItems: teams.map((t) => ({ value: t, text: t, checked: chosen(values.teamNames, t) })),
    });
  }

  app.get('/qa/rounds', { config: { permission: QA.roundsRead } }, async (req, reply) =>
    reply.render('qa/views/rounds.njk', {
      rounds: await listRounds(db, req.actor!),
      mayCreate: can(req.actor, QA.roundsManage),
      typeNames: ROUND_TYPE_NAMES,
    }),
  );

  app.get('/qa/rounds/new', { config: { permission: QA.roundsManage } }, (req, reply) =>
    renderForm(req, reply, { startDate: {}, endDate: {}, contactFrom: {}, contactTo: {} }),
  );

  app.post('/qa/rounds', { config: { permission: QA.roundsManage } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parts = (name: string) => ({
      day: body[`${name}-day`],
      month: body[`${name}-month`],
      year: body[`${name}-year`],
    });
    const values = {
      ...body,
      startDate: parts('startDate'),
      endDate: parts('endDate'),
      contactFrom: parts('contactFrom'),
      contactTo: parts('contactTo'),
    };
    const fields: Record<string, string> = {};
    const parsed = roundForm.safeParse(body);
    if (!parsed.success) for (const i of parsed.error.issues) fields[String(i.path[0])] ??= i.message;
    const start = dateFromParts(body, 'startDate', 'the start date');
    const end = dateFromParts(body, 'endDate', 'the end date');
    if (!start.ok) fields.startDate = start.message;
    if (!end.ok) fields.endDate = end.message;
    const range = contactRange(body);
    if (!range.ok) Object.assign(fields, range.fields);
    const order = [
      'name',
      'type',
      'startDate',
      'endDate',
      'templateId',
      'auditorIds',
      'rule',
      'previousRoundId',
      'serviceLevels',
      'teamNames',
      'contactFrom',
      'contactTo',
      'sourceIds',
    ];
    const ordered = (f: Record<string, string>) =>
      formErrors(Object.fromEntries(order.filter((k) => f[k]).map((k) => [k, f[k]!])));
    if (!parsed.success || !start.ok || !end.ok || !range.ok)
      return renderForm(req, reply.code(400), values, ordered(fields));
    try {
      const round = await createRound(db, req.actor!, auditContext(req, clock), {
        ...parsed.data,
        startDate: start.date,
        endDate: end.date,
        ...range.dates,
      });
      reply.flash(`${round.name} created and its sample drawn`);
      return reply.redirect(`/qa/rounds/${round.id}`);
    } catch (e) {
      if (e instanceof ValidationError) return renderForm(req, reply.code(400), values, ordered(e.fields));
      throw e;
    }
  });

  app.get('/qa/rounds/:id', { config: { permission: QA.roundsRead } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const query = (req.query ?? {}) as Record<string, unknown>;
    const detail = await roundDetail(db, req.actor!, auditContext(req, clock), id, requestedPage(query.page));
    return reply.render('qa/views/round.njk', {
      ...detail,
      pagination: paginate(
        detail.auditTotal,
        { page: detail.page, pageSize: ROUND_PAGE_SIZE },
        pageLinks(`/qa/rounds/${id}`, query),
      ),
      typeNames: ROUND_TYPE_NAMES,
      ruleName: RULE_NAMES[detail.round.sampling.rule as keyof typeof RULE_NAMES],
      criteria: criteriaText(detail.round.sampling),
      statusNames: AUDIT_STATUS_NAMES,
      statusTags: AUDIT_STATUS_TAG,
    });
  });
}
