/** Members' questions in the draft minutes: list, add, change and remove, item by item. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { COMMITTEE } from './access';
import { questionFields, questionSchema } from './minutes-forms';
import { itemQuestions, removeQuestion, saveQuestion } from './minutes-questions-service';
import type { MinutesQuestion } from './minutes-schema';
import { type Body, readForm } from './route-forms';

const BASE = '/committee-business';
const uuid = z.string().uuid();
const position = z.coerce.number().int().min(1).max(500);
const params = <T extends z.ZodRawShape>(shape: T, v: unknown) => {
  const r = z.object(shape).safeParse(v);
  if (!r.success) throw new NotFoundError();
  return r.data;
};

const valuesOf = (q: MinutesQuestion): Body => ({
  askedBy: q.askedBy,
  question: q.question,
  answer: q.answer ?? '',
  answeredBy: q.answeredBy ?? '',
  afterMeeting: q.afterMeeting ? ['yes'] : [],
});

export async function minutesQuestionRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const ctxOf = (req: FastifyRequest) => auditContext(req, clock);
  const listUrl = (mid: string, itemId: string) =>
    `${BASE}/meetings/${mid}/minutes/items/${itemId}/questions`;

  const form = async (
    req: FastifyRequest,
    reply: FastifyReply,
    p: { id: string; itemId: string },
    n: number | null,
    values: Body,
    errors: FormErrors = formErrors({}),
  ) => {
    const { item } = await itemQuestions(db, req.actor!, p.id, p.itemId);
    return reply.render('committee/views/form.njk', {
      title: n === null ? 'Add a member’s question' : `Change question Q${n}`,
      caption: `Minutes of item ${item.number}: ${item.title}`,
      action: n === null ? `${listUrl(p.id, p.itemId)}/new` : `${listUrl(p.id, p.itemId)}/${n}`,
      back: listUrl(p.id, p.itemId),
      submit: 'Save the question',
      fields: questionFields,
      values,
      errors,
    });
  };

  const save = async (req: FastifyRequest, reply: FastifyReply, n: number | null) => {
    const p = params({ id: uuid, itemId: uuid }, req.params);
    const body = (req.body ?? {}) as Body;
    const read = readForm(questionSchema, body);
    if (!read.ok) return form(req, reply.code(400), p, n, read.values, read.errors);
    try {
      await saveQuestion(db, req.actor!, ctxOf(req), p.id, p.itemId, n, read.data);
    } catch (e) {
      if (e instanceof ValidationError) return form(req, reply.code(400), p, n, body, formErrors(e.fields));
      throw e;
    }
    reply.flash(n === null ? 'Question added to the minutes.' : `Question Q${n} saved.`);
    return reply.redirect(listUrl(p.id, p.itemId));
  };

  app.get(
    `${BASE}/meetings/:id/minutes/items/:itemId/questions`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const p = params({ id: uuid, itemId: uuid }, req.params);
      const { item, questions } = await itemQuestions(db, req.actor!, p.id, p.itemId);
      return reply.render('committee/views/minutes-questions.njk', {
        title: `Questions under item ${item.number}: ${item.title}`,
        meetingId: p.id,
        item,
        questions: questions.map((q, i) => ({ ...q, number: i + 1 })),
        listUrl: listUrl(p.id, p.itemId),
      });
    },
  );
  app.get(
    `${BASE}/meetings/:id/minutes/items/:itemId/questions/new`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const p = params({ id: uuid, itemId: uuid }, req.params);
      return form(req, reply, p, null, { afterMeeting: [] });
    },
  );
  app.post(
    `${BASE}/meetings/:id/minutes/items/:itemId/questions/new`,
    { config: { permission: COMMITTEE.manage } },
    (req, reply) => save(req, reply, null),
  );
  app.get(
    `${BASE}/meetings/:id/minutes/items/:itemId/questions/:n`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const p = params({ id: uuid, itemId: uuid, n: position }, req.params);
      const { questions } = await itemQuestions(db, req.actor!, p.id, p.itemId);
      const q = questions[p.n - 1];
      if (!q) throw new NotFoundError('question');
      return form(req, reply, p, p.n, valuesOf(q));
    },
  );
  app.post(
    `${BASE}/meetings/:id/minutes/items/:itemId/questions/:n`,
    { config: { permission: COMMITTEE.manage } },
    (req, reply) => save(req, reply, params({ n: position }, { n: (req.params as { n?: string }).n }).n),
  );
  app.post(
    `${BASE}/meetings/:id/minutes/items/:itemId/questions/:n/remove`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const p = params({ id: uuid, itemId: uuid, n: position }, req.params);
      await removeQuestion(db, req.actor!, ctxOf(req), p.id, p.itemId, p.n);
      reply.flash(`Question Q${p.n} removed.`);
      return reply.redirect(listUrl(p.id, p.itemId));
    },
  );
}
