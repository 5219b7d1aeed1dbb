/** The administrator's settings for missing children: the repeat-missing rule. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { type Field, type FormValues, readForm } from './form-kit';
import { REPEAT_LIMITS, readRepeatRule, repeatRuleOf, saveRepeatRule } from './settings';

const fields: Field[] = [
  {
    kind: 'text',
    name: 'episodes',
    label: 'Episodes',
    hint: `A child who goes missing this many times (${REPEAT_LIMITS.episodes.min} to ${REPEAT_LIMITS.episodes.max}) ...`,
    noun: 'the number of episodes',
    required: true,
    width: 'govuk-input--width-3',
  },
  {
    kind: 'text',
    name: 'days',
    label: 'Days',
    hint: `... within this many days (${REPEAT_LIMITS.days.min} to ${REPEAT_LIMITS.days.max}) is listed as going missing repeatedly`,
    noun: 'the number of days',
    required: true,
    width: 'govuk-input--width-4',
  },
];

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function render(req: FastifyRequest, reply: FastifyReply, errors?: FormErrors, values?: FormValues) {
    const rule = await repeatRuleOf(db, req.actor!.organisationId);
    return reply.render('missing/views/form.njk', {
      title: 'Going missing repeatedly',
      caption: 'Missing children settings',
      back: '/',
      action: '/missing/settings',
      intro:
        'Children who go missing this many times within this many days are listed for managers as going missing repeatedly, with each episode. The default is 2 episodes in 90 days.',
      fields,
      submit: 'Save',
      errors: errors ?? formErrors({}),
      values: values ?? { episodes: String(rule.episodes), days: String(rule.days) },
    });
  }

  app.get('/missing/settings', { config: { permission: 'missing.settings' } }, async (req, reply) =>
    render(req, reply),
  );

  app.post('/missing/settings', { config: { permission: 'missing.settings' } }, async (req, reply) => {
    const read = readForm(fields, (req.body ?? {}) as Record<string, unknown>);
    if (!read.ok) return render(req, reply.code(400), read.errors, read.values);
    try {
      const rule = readRepeatRule({ episodes: read.data.episodes as string, days: read.data.days as string });
      await saveRepeatRule(db, req.actor!, rule, auditContext(req, clock));
    } catch (e) {
      if (e instanceof ValidationError)
        return render(req, reply.code(400), formErrors(e.fields), read.values);
      throw e;
    }
    reply.flash('Saved: the repeat-missing list uses the new rule.');
    return reply.redirect('/missing/settings');
  });
}
