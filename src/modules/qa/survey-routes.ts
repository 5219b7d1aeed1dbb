/** Survey pages: the list, recording a survey, its cohorts, question results and quotes, and clearing held quotes. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors';
import { type FormErrors, firstMessages, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { can } from '../../platform/permissions';
import { QA } from './permissions';
import { COHORT_NAMES, MODE_NAMES, SURVEY_COHORTS } from './practice-vocab';
import {
  addQuote,
  clearQuote,
  createSurvey,
  recordCohort,
  recordQuestion,
  surveyDetail,
  surveyList,
} from './surveys';
import { RESPONSE_MODES } from './surveys-rules';

const params = z.object({ id: z.string().uuid() });
const quoteParams = z.object({ id: z.string().uuid(), quoteId: z.string().uuid() });
const count = (what: string) =>
  z
    .string({ error: `Enter ${what}, or 0` })
    .trim()
    .regex(/^\d{1,6}$/, `Enter ${what} as a whole number, like 62`)
    .transform(Number);

const surveyForm = z.object({
  name: z
    .string({ error: 'Enter the name of the survey' })
    .trim()
    .min(1, 'Enter the name of the survey')
    .max(200, 'The name must be 200 characters or fewer'),
  year: z
    .string({ error: 'Enter the year of the survey' })
    .trim()
    .regex(/^20\d\d$/, 'Enter the year of the survey, like 2026')
    .transform(Number),
});
const cohortEnum = z.enum(SURVEY_COHORTS, { error: 'Select the cohort' });
const cohortForm = z.object({
  cohort: cohortEnum,
  eligible: count('the number eligible'),
  post: count('the responses by post'),
  telephone: count('the responses by telephone'),
  visit: count('the responses at a visit'),
  online: count('the responses online'),
});
const questionForm = z.object({
  text: z
    .string({ error: 'Enter the question' })
    .trim()
    .min(1, 'Enter the question')
    .max(500, 'The question must be 500 characters or fewer'),
  answered: count('how many answered'),
  positive: count('how many answered positively'),
});
const quoteForm = z.object({
  cohort: cohortEnum,
  text: z
    .string({ error: 'Enter the quote' })
    .trim()
    .min(1, 'Enter the quote')
    .max(2000, 'The quote must be 2,000 characters or fewer'),
});

const cohortItems = (selected: unknown) =>
  SURVEY_COHORTS.map((c) => ({ value: c, text: COHORT_NAMES[c], checked: selected === c }));

type Kind = 'survey' | 'cohort' | 'question' | 'quote';

export async function surveyRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get('/qa/surveys', { config: { permission: QA.surveysRead } }, async (req, reply) =>
    reply.render('qa/views/surveys.njk', {
      surveys: await surveyList(db, req.actor!),
      mayManage: can(req.actor, QA.surveysManage),
    }),
  );

  app.get('/qa/surveys/:id', { config: { permission: QA.surveysRead } }, async (req, reply) =>
    reply.render('qa/views/survey.njk', {
      ...(await surveyDetail(db, req.actor!, params.parse(req.params).id)),
      modes: RESPONSE_MODES,
      modeNames: MODE_NAMES,
      cohortNames: COHORT_NAMES,
    }),
  );

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    kind: Kind,
    values: Record<string, unknown>,
    errors: FormErrors = formErrors({}),
  ) {
    const id = kind === 'survey' ? undefined : params.parse(req.params).id;
    const detail = id ? await surveyDetail(db, req.actor!, id) : undefined;
    return reply.render(`qa/views/survey-${kind}.njk`, {
      survey: detail?.survey,
      values,
      errors,
      cohortItems: cohortItems(values.cohort),
      modes: RESPONSE_MODES,
      modeNames: MODE_NAMES,
    });
  }

  const post = <S extends z.ZodType>(
    kind: Kind,
    schema: S,
    save: (req: FastifyRequest, data: z.infer<S>) => Promise<string>,
    flash: string,
  ) =>
    async function handler(req: FastifyRequest, reply: FastifyReply) {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const parsed = schema.safeParse(body);
      try {
        if (!parsed.success) throw new ValidationError(firstMessages(parsed.error.issues));
        const to = await save(req, parsed.data);
        reply.flash(flash);
        return reply.redirect(to);
      } catch (e) {
        if (e instanceof ValidationError)
          return renderForm(req, reply.code(400), kind, body, formErrors(e.fields));
        throw e;
      }
    };

  const manage = { config: { permission: QA.surveysManage } };
  app.get('/qa/surveys/new', manage, (req, reply) => renderForm(req, reply, 'survey', {}));
  app.post(
    '/qa/surveys',
    manage,
    post(
      'survey',
      surveyForm,
      async (req, data) =>
        `/qa/surveys/${(await createSurvey(db, req.actor!, auditContext(req, clock), data)).id}`,
      'Survey added: now record its cohorts, results and quotes',
    ),
  );

  app.get('/qa/surveys/:id/cohorts/new', manage, (req, reply) => renderForm(req, reply, 'cohort', {}));
  app.post(
    '/qa/surveys/:id/cohorts',
    manage,
    post(
      'cohort',
      cohortForm,
      async (req, { cohort, eligible, ...responses }) => {
        const { id } = params.parse(req.params);
        await recordCohort(db, req.actor!, auditContext(req, clock), id, { cohort, eligible, responses });
        return `/qa/surveys/${id}`;
      },
      'Cohort recorded',
    ),
  );

  app.get('/qa/surveys/:id/questions/new', manage, (req, reply) => renderForm(req, reply, 'question', {}));
  app.post(
    '/qa/surveys/:id/questions',
    manage,
    post(
      'question',
      questionForm,
      async (req, data) => {
        const { id } = params.parse(req.params);
        await recordQuestion(db, req.actor!, auditContext(req, clock), id, data);
        return `/qa/surveys/${id}`;
      },
      'Question result recorded',
    ),
  );

  app.get('/qa/surveys/:id/quotes/new', manage, (req, reply) => renderForm(req, reply, 'quote', {}));
  app.post('/qa/surveys/:id/quotes', manage, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = quoteForm.safeParse(body);
    if (!parsed.success)
      return renderForm(req, reply.code(400), 'quote', body, formErrors(firstMessages(parsed.error.issues)));
    const { id } = params.parse(req.params);
    const quote = await addQuote(db, req.actor!, auditContext(req, clock), id, parsed.data);
    reply.flash(
      quote.flagged.length
        ? `Quote held: it may name someone (${quote.flagged.join(', ')}). Check it, then clear it or leave it out`
        : 'Quote recorded: no name found, so it can be published',
    );
    return reply.redirect(`/qa/surveys/${id}#quotes`);
  });

  app.post('/qa/surveys/:id/quotes/:quoteId/clear', manage, async (req, reply) => {
    const { id, quoteId } = quoteParams.parse(req.params);
    await clearQuote(db, req.actor!, auditContext(req, clock), id, quoteId);
    reply.flash('Quote cleared: it can be published');
    return reply.redirect(`/qa/surveys/${id}#quotes`);
  });
}
