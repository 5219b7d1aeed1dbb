/**
 * The leads roster and the RAG key (administrators).
 */

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors, validateForm } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import type { Actor } from '../../platform/permissions';
import { chromiumPath } from './files';
import { type Body, requiredText, str } from './form-helpers';
import { fieldsOf, leadForm } from './route-forms';
import { id, V } from './route-helpers';
import * as plans from './service';
import { PERMISSIONS as P } from './service';
import { DEFAULT_RAG_SCALE, RAG_CODES, type RagScale } from './vocab';

export async function rosterRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  const actor = (req: FastifyRequest): Actor => req.actor!;
  const ctx = (req: FastifyRequest) => auditContext(req, clock);
  const _todayIso = () => today(clock);
  const _pdfAvailable = () => chromiumPath() !== undefined;

  // ---------------------------------------------------------------- leads roster

  app.get('/plans/leads', { config: { permission: P.manage } }, async (req, reply) =>
    reply.render(V('leads'), { title: 'Leads roster', leads: await plans.listLeads(db, actor(req)) }),
  );

  async function leadFormContext(a: Actor, extra: Record<string, unknown>) {
    const people = await plans.assignableUsers(db, a);
    return {
      userItems: [
        { value: '', text: 'No one with an account' },
        ...people.map((p) => ({ value: p.id, text: `${p.name}${p.jobTitle ? `, ${p.jobTitle}` : ''}` })),
      ],
      ...extra,
    };
  }

  app.get('/plans/leads/new', { config: { permission: P.manage } }, async (req, reply) =>
    reply.render(
      V('lead-form'),
      await leadFormContext(actor(req), {
        title: 'Add a post to the leads roster',
        values: {},
        errors: formErrors({}),
      }),
    ),
  );

  async function saveLead(req: FastifyRequest, reply: FastifyReply, leadId: string | null) {
    const a = actor(req);
    const body = (req.body as Body) ?? {};
    const title = leadId ? 'Change a post on the leads roster' : 'Add a post to the leads roster';
    const fail = async (errors: FormErrors) =>
      reply
        .code(400)
        .render(V('lead-form'), await leadFormContext(a, { title, leadId, values: body, errors }));
    const parsed = validateForm(leadForm, body);
    if (!parsed.ok) return fail(parsed.errors);
    const input = {
      jobTitle: parsed.data.jobTitle,
      initials: parsed.data.initials?.toUpperCase() ?? null,
      holderUserId: parsed.data.holderUserId ?? null,
      holderName: parsed.data.holderName,
    };
    try {
      if (leadId) await plans.updateLead(db, a, ctx(req), leadId, input);
      else await plans.createLead(db, a, ctx(req), input);
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
    reply.flash(`${input.jobTitle} saved`);
    return reply.redirect('/plans/leads');
  }

  app.post('/plans/leads/new', { config: { permission: P.manage } }, (req, reply) =>
    saveLead(req, reply, null),
  );

  app.get('/plans/leads/:leadId/edit', { config: { permission: P.manage } }, async (req, reply) => {
    const lead = await plans.getLead(db, actor(req), id(req, 'leadId'));
    return reply.render(
      V('lead-form'),
      await leadFormContext(actor(req), {
        title: 'Change a post on the leads roster',
        leadId: lead.id,
        values: lead,
        errors: formErrors({}),
      }),
    );
  });

  app.post('/plans/leads/:leadId/edit', { config: { permission: P.manage } }, async (req, reply) => {
    const lead = await plans.getLead(db, actor(req), id(req, 'leadId'));
    return saveLead(req, reply, lead.id);
  });

  // ---------------------------------------------------------------- RAG key (administrators)

  const ragKeyForm = z.object(
    Object.fromEntries(
      RAG_CODES.flatMap((c) => [
        [`${c}Label`, requiredText(`Enter the label for ${c}`, 'Label', 30)],
        [`${c}Meaning`, requiredText(`Enter what ${c} means`, 'Meaning', 200)],
      ]),
    ) as Record<string, z.ZodType<string>>,
  );

  app.get('/plans/settings/rag-key', { config: { permission: P.configure } }, async (req, reply) => {
    const key = await plans.getRagKey(db, actor(req).organisationId);
    const scale = await plans.getRagScale(db, actor(req).organisationId);
    const shown = scale ?? DEFAULT_RAG_SCALE;
    return reply.render(V('rag-key'), {
      title: 'RAG key for plan actions',
      key,
      values: {
        ...Object.fromEntries(
          key.flatMap((k) => [
            [`${k.code}Label`, k.label],
            [`${k.code}Meaning`, k.meaning],
          ]),
        ),
        scored: scale ? 'yes' : 'no',
        redTo: String(shown.redTo),
        amberTo: String(shown.amberTo),
      },
      errors: formErrors({}),
    });
  });

  app.post('/plans/settings/rag-key', { config: { permission: P.configure } }, async (req, reply) => {
    const body = (req.body as Body) ?? {};
    const key = await plans.getRagKey(db, actor(req).organisationId);
    const fail = (errors: FormErrors) =>
      reply.code(400).render(V('rag-key'), { title: 'RAG key for plan actions', key, values: body, errors });
    const parsed = validateForm(ragKeyForm, body);
    const scale = readScale(body);
    if (!parsed.ok || scale.errors) {
      const fields = { ...(parsed.ok ? {} : fieldsOf(parsed.errors)), ...scale.errors };
      return fail(formErrors(fields));
    }
    try {
      await plans.updateRagKey(
        db,
        actor(req),
        ctx(req),
        RAG_CODES.map((code) => ({
          code,
          label: parsed.data[`${code}Label`]!,
          meaning: parsed.data[`${code}Meaning`]!,
        })),
        scale.value,
      );
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
    reply.flash('RAG key saved');
    return reply.redirect('/plans/settings/rag-key');
  });
}

/** The score bands from the RAG key form: null when actions are not scored, undefined when the form does not say. */
function readScale(body: Body): { value: RagScale | null | undefined; errors?: Record<string, string> } {
  const scored = str(body, 'scored');
  if (!scored) return { value: undefined };
  if (scored !== 'yes' && scored !== 'no')
    return { value: null, errors: { scored: 'Select whether actions are scored from 0 to 10' } };
  if (scored === 'no') return { value: null };
  const whole = (v: string) => (/^\d{1,2}$/.test(v) ? Number(v) : Number.NaN);
  const value = { redTo: whole(str(body, 'redTo')), amberTo: whole(str(body, 'amberTo')) };
  const errors = plans.checkRagScale(value);
  return Object.keys(errors).length ? { value: null, errors } : { value };
}
