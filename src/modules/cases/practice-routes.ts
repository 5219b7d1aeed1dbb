/**
 * The child's views in their own words, and management oversight decisions:
 * the two forms a worker or manager fills in on the child's record. Routes
 * parse and validate, call the practice service and render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { blankToUndefined, dateParts, type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import * as practice from './practice-service';
import {
  bodyOf,
  childName,
  idParams,
  MAX_TEXT,
  orderedErrors,
  requiredDate,
  submittedDate,
  text,
} from './route-forms';
import { CAPTURE_METHODS, type CaptureMethod } from './voice-rules';

export async function practiceRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const ctxOf = (req: FastifyRequest) => auditContext(req, clock);

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
