import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { dateFromParts, dateParts, formErrors, validateForm } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { can } from '../../platform/permissions';
import { dayMonth, describeDue, SERVICE_LEVEL_LABELS, SOURCE_TYPE_LABELS, TASK_TYPE_LABELS } from './labels';
import { parseIntervalSequence } from './rules/interval';
import type { RuleDefinition, SchoolTerm } from './rules/model';
import { parseTermDates } from './rules/terms';
import * as compliance from './service';

const keyParams = z.object({ key: z.string().regex(/^[a-z0-9-]{1,60}$/) });

const ruleForm = z.object({
  action: z.enum(['change', 'retire']).default('change'),
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name for the rule')
    .max(200, 'Name must be 200 characters or fewer'),
  intervals: z.string().trim().min(1, 'Enter when the task is due, like 20 working days, then 3 months'),
  amberWorkingDays: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'Enter the amber window as a whole number of working days, like 5'),
  reason: z
    .string()
    .trim()
    .min(1, 'Enter the reason for the change')
    .max(2000, 'Reason must be 2000 characters or fewer'),
});

function clockStartText(def: RuleDefinition): string {
  switch (def.start.kind) {
    case 'episode-start':
      return `When the ${def.scope.replaceAll('_', ' ')} episode starts${def.recurrence === 'recurring' ? ', then from each time it is done' : ''}`;
    case 'each-event':
      return `Each ${def.start.event.replaceAll('_', ' ')}`;
    case 'last-event':
      return `The latest ${def.start.event.replaceAll('_', ' ')}`;
    case 'first-event':
      return `The first ${def.start.event.replaceAll('_', ' ')} in the ${def.scope.replaceAll('_', ' ')} episode${def.recurrence === 'recurring' ? ', then from each time it is done' : ''}`;
    case 'last-event-before-start':
      return `The last ${def.start.event.replaceAll('_', ' ')} before the ${def.scope.replaceAll('_', ' ')} episode starts (or its start), then from each time it is done`;
    case 'episode-end':
      return `When the ${def.scope.replaceAll('_', ' ')} episode ends; the task stays due after it`;
    case 'eligible-child':
      return 'When the child becomes an eligible child (13 weeks looked after since 14, and 16)';
    case 'age':
      return `At ${Math.floor(def.start.months / 12)} years ${def.start.months % 12} months of age`;
  }
}

export async function complianceRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get('/timescales/rules', { config: { permission: 'compliance.rules.read' } }, async (req, reply) => {
    const now = today(clock);
    const rules = await compliance.listRules(db, req.actor!.organisationId, now, clock.now());
    return reply.render('compliance/views/rules.njk', {
      rules: rules.map((r) => ({
        ...r,
        serviceLevel: SERVICE_LEVEL_LABELS[r.current.definition.serviceLevel],
        due: describeDue(r.current.definition),
        sourceType: SOURCE_TYPE_LABELS[r.current.definition.sourceType],
        local: r.current.definition.sourceType === 'local',
        pending: r.versions.find((v) => v.effectiveFrom > now),
      })),
      canEdit: can(req.actor, 'compliance.rules.edit'),
    });
  });

  async function renderRule(
    req: FastifyRequest,
    reply: FastifyReply,
    key: string,
    extra: { errors?: ReturnType<typeof formErrors>; values?: Record<string, unknown> } = {},
  ) {
    const rule = await compliance.getRule(db, req.actor!.organisationId, key, today(clock), clock.now());
    const def = rule.current.definition;
    return reply.render('compliance/views/rule.njk', {
      rule,
      versions: rule.versions.map((v) => ({ ...v, due: describeDue(v.definition) })),
      serviceLevel: SERVICE_LEVEL_LABELS[def.serviceLevel],
      taskType: TASK_TYPE_LABELS[def.taskType] ?? def.taskType,
      clockStarts: clockStartText(def),
      doneWhen: `A ${def.completion.replaceAll('_', ' ')} is recorded`,
      due: describeDue(def),
      sourceType: SOURCE_TYPE_LABELS[def.sourceType],
      local: def.sourceType === 'local',
      terms: def.terms ?? [],
      canEdit: can(req.actor, 'compliance.rules.edit'),
      errors: extra.errors ?? formErrors({}),
      values: extra.values ?? {
        name: def.name,
        intervals: describeDue({
          ...def,
          ageBands: undefined,
          longTerm: undefined,
          later: undefined,
          afterEvent: undefined,
          recurrence: 'once',
        }),
        ...Object.fromEntries(
          (def.terms ?? []).map((t, i) => [`term${i}`, `${dayMonth(t.start)} to ${dayMonth(t.end)}`]),
        ),
        amberWorkingDays: String(def.amberWorkingDays),
        effectiveFrom: dateParts(null),
      },
    });
  }

  app.get(
    '/timescales/rules/:key',
    { config: { permission: 'compliance.rules.read' } },
    async (req, reply) => {
      const { key } = keyParams.parse(req.params);
      return renderRule(req, reply, key);
    },
  );

  app.post(
    '/timescales/rules/:key',
    { config: { permission: 'compliance.rules.edit' } },
    async (req, reply) => {
      const { key } = keyParams.parse(req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = {
        ...body,
        effectiveFrom: {
          day: body['effectiveFrom-day'],
          month: body['effectiveFrom-month'],
          year: body['effectiveFrom-year'],
        },
      };
      const fields: Record<string, string> = {};
      const parsed = ruleForm.safeParse(body);
      if (!parsed.success) for (const i of parsed.error.issues) fields[String(i.path[0])] ??= i.message;
      const intervals = parsed.success ? parseIntervalSequence(parsed.data.intervals) : undefined;
      if (parsed.success && !intervals) {
        fields.intervals =
          'Enter when the task is due as numbers and units, like 20 working days, then 3 months';
      }
      const current = (
        await compliance.getRule(db, req.actor!.organisationId, key, today(clock), clock.now())
      ).current.definition;
      let terms: SchoolTerm[] | undefined;
      if (current.terms?.length) {
        terms = current.terms.map((t, i) => {
          const dates = parseTermDates(String(body[`term${i}`] ?? ''));
          if (!dates)
            fields[`term${i}`] =
              `Enter the ${t.name.toLowerCase()}'s first and last days, like 1 September to 20 December`;
          return { name: t.name, start: dates?.start ?? t.start, end: dates?.end ?? t.end };
        });
      }
      const effective = dateFromParts(body, 'effectiveFrom', 'the date the change takes effect');
      if (!effective.ok) fields.effectiveFrom = effective.message;
      if (Object.keys(fields).length || !parsed.success || !intervals || !effective.ok) {
        return renderRule(req, reply.code(400), key, { errors: formErrors(fields), values });
      }
      try {
        const version = await compliance.addRuleVersion(
          db,
          {
            ...auditContext(req, clock),
            organisationId: req.actor!.organisationId,
            userId: req.actor!.userId,
          },
          key,
          {
            name: parsed.data.name,
            intervals,
            amberWorkingDays: Number(parsed.data.amberWorkingDays),
            effectiveFrom: effective.date,
            reason: parsed.data.reason,
            retire: parsed.data.action === 'retire',
            terms,
          },
          today(clock),
        );
        reply.flash(
          parsed.data.action === 'retire'
            ? `Rule retired from ${effective.date} (version ${version})`
            : `Version ${version} saved; it takes effect from ${effective.date}`,
        );
        return reply.redirect(`/timescales/rules/${key}`);
      } catch (e) {
        if (e instanceof ValidationError)
          return renderRule(req, reply.code(400), key, { errors: formErrors(e.fields), values });
        throw e;
      }
    },
  );

  const settingsForm = z.object({
    promptsEnabled: z.enum(['yes', 'no'], { message: 'Select yes if daily prompts should be sent' }),
    escalateAfterWorkingDays: z
      .string()
      .trim()
      .regex(/^\d{1,2}$/, 'Enter a whole number of working days from 0 to 99, like 10'),
  });

  app.get('/timescales/settings', { config: { permission: 'compliance.rules.edit' } }, async (req, reply) => {
    const s = await compliance.getSettings(db, req.actor!.organisationId);
    return reply.render('compliance/views/settings.njk', {
      errors: formErrors({}),
      values: {
        promptsEnabled: s.promptsEnabled ? 'yes' : 'no',
        escalateAfterWorkingDays: String(s.escalateAfterWorkingDays),
      },
    });
  });

  app.post(
    '/timescales/settings',
    { config: { permission: 'compliance.rules.edit' } },
    async (req, reply) => {
      const form = validateForm(settingsForm, req.body);
      if (!form.ok) {
        return reply
          .code(400)
          .render('compliance/views/settings.njk', { errors: form.errors, values: req.body ?? {} });
      }
      await compliance.saveSettings(
        db,
        { ...auditContext(req, clock), organisationId: req.actor!.organisationId },
        {
          promptsEnabled: form.data.promptsEnabled === 'yes',
          escalateAfterWorkingDays: Number(form.data.escalateAfterWorkingDays),
        },
      );
      reply.flash('Prompt settings saved');
      return reply.redirect('/timescales/settings');
    },
  );
}
