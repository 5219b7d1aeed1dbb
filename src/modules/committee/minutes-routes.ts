/** Minutes, their approval, and elections: parse and validate, call the service, render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { brandingOf } from '../../platform/branding/service';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { dateFromParts, type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { PUBLIC } from '../../platform/permissions';
import { COMMITTEE } from './access';
import { FINDING_NAMES } from './disclosure';
import { addElectionItems, getElection, recordElection } from './elections-service';
import {
  approvalSchema,
  electionDates,
  electionFields,
  electionSchema,
  endedFields,
  endedSchema,
  itemMinutesDates,
  itemMinutesFields,
  itemMinutesSchema,
} from './minutes-forms';
import {
  type Approval,
  approveMinutes,
  checkMinutes,
  getMinutes,
  MinutesBlocked,
  overrideMinutesFinding,
  publicMinutes,
  saveEndedAt,
  saveItemMinutes,
} from './minutes-service';
import { publicOrganisation } from './public-service';
import { type Body, type FieldSpec, readForm, valuesOf } from './route-forms';

const BASE = '/committee-business';
const uuid = z.string().uuid();
const params = <T extends z.ZodRawShape>(shape: T, v: unknown) => {
  const r = z.object(shape).safeParse(v);
  if (!r.success) throw new NotFoundError();
  return r.data;
};

export async function minutesRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const ctxOf = (req: FastifyRequest) => auditContext(req, clock);
  const form = (
    reply: FastifyReply,
    page: {
      title: string;
      caption?: string;
      action: string;
      back: string;
      submit: string;
      fields: FieldSpec[];
      intro?: string;
    },
    values: Body = {},
    errors: FormErrors = formErrors({}),
  ) => reply.render('committee/views/form.njk', { ...page, values, errors });

  app.get(`${BASE}/meetings/:id/minutes`, { config: { permission: COMMITTEE.read } }, async (req, reply) => {
    const { id } = params({ id: uuid }, req.params);
    const data = await getMinutes(db, req.actor!, ctxOf(req), id);
    return reply.render('committee/views/minutes.njk', {
      title: `Minutes: ${data.committee.name}`,
      ...data,
      questionCounts: Object.fromEntries(
        (data.draft?.items ?? []).map((e) => [e.itemId, e.questions?.length ?? 0]),
      ),
    });
  });

  // ---- drafting, item by item ------------------------------------------------

  const itemPage = async (req: FastifyRequest, mid: string, itemId: string) => {
    const data = await getMinutes(db, req.actor!, ctxOf(req), mid);
    const item = data.items.find((i) => i.id === itemId);
    if (!item || !data.mayManage) throw new NotFoundError('agenda item');
    const entry = data.draft?.items.find((e) => e.itemId === itemId);
    const raised = entry?.actions.length ?? 0;
    return {
      page: {
        title: `Minutes of item ${item.number}: ${item.title}`,
        caption: `${data.committee.name}${item.part === 2 ? ' (non-public item)' : ''}`,
        action: `${BASE}/meetings/${mid}/minutes/items/${itemId}`,
        back: `${BASE}/meetings/${mid}/minutes`,
        submit: 'Save the minutes of this item',
        fields: itemMinutesFields,
        intro: raised
          ? `${raised === 1 ? '1 action was' : `${raised} actions were`} raised under this item already: ${entry!.actions.map((a) => `${a.reference} ${a.description}`).join('; ')}.`
          : undefined,
      },
      values: { discussion: entry?.discussion ?? '', resolutions: entry?.resolutions.join('\n') ?? '' },
    };
  };
  app.get(
    `${BASE}/meetings/:id/minutes/items/:itemId`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const p = params({ id: uuid, itemId: uuid }, req.params);
      const { page, values } = await itemPage(req, p.id, p.itemId);
      return form(reply, page, values);
    },
  );
  app.post(
    `${BASE}/meetings/:id/minutes/items/:itemId`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const p = params({ id: uuid, itemId: uuid }, req.params);
      const body = (req.body ?? {}) as Body;
      const read = readForm(itemMinutesSchema, body, itemMinutesDates);
      if (!read.ok)
        return form(reply.code(400), (await itemPage(req, p.id, p.itemId)).page, read.values, read.errors);
      try {
        await saveItemMinutes(db, req.actor!, ctxOf(req), p.id, p.itemId, {
          discussion: read.data.discussion ?? '',
          resolutions: read.data.resolutions,
          action: read.data.actionDescription
            ? {
                description: read.data.actionDescription,
                officer: read.data.actionOfficer!,
                dueDate: read.dates.dueDate ?? null,
              }
            : null,
        });
      } catch (e) {
        if (e instanceof ValidationError)
          return form(
            reply.code(400),
            (await itemPage(req, p.id, p.itemId)).page,
            valuesOf(body, itemMinutesDates),
            formErrors(e.fields),
          );
        throw e;
      }
      reply.flash(
        read.data.actionDescription
          ? 'Minutes saved; the action is on the outstanding actions list.'
          : 'Minutes saved.',
      );
      return reply.redirect(`${BASE}/meetings/${p.id}/minutes`);
    },
  );

  const endedPage = (mid: string) => ({
    title: 'Time the meeting ended',
    action: `${BASE}/meetings/${mid}/minutes/ended`,
    back: `${BASE}/meetings/${mid}/minutes`,
    submit: 'Save',
    fields: endedFields,
  });
  app.get(
    `${BASE}/meetings/:id/minutes/ended`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const { id } = params({ id: uuid }, req.params);
      const data = await getMinutes(db, req.actor!, ctxOf(req), id);
      return form(reply, endedPage(id), { endedAt: data.draft?.endedAt ?? '' });
    },
  );
  app.post(
    `${BASE}/meetings/:id/minutes/ended`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const { id } = params({ id: uuid }, req.params);
      const body = (req.body ?? {}) as Body;
      const read = readForm(endedSchema, body);
      if (!read.ok) return form(reply.code(400), endedPage(id), read.values, read.errors);
      try {
        await saveEndedAt(db, req.actor!, ctxOf(req), id, read.data.endedAt);
      } catch (e) {
        if (e instanceof ValidationError)
          return form(reply.code(400), endedPage(id), body, formErrors(e.fields));
        throw e;
      }
      reply.flash('Time the meeting ended saved.');
      return reply.redirect(`${BASE}/meetings/${id}/minutes`);
    },
  );

  // ---- approval ---------------------------------------------------------------

  const renderApproval = async (
    req: FastifyRequest,
    reply: FastifyReply,
    mid: string,
    values: Body = {},
    errors = formErrors({}),
  ) =>
    reply.render('committee/views/minutes-approve.njk', {
      title: 'Approve the minutes',
      meetingId: mid,
      check: await checkMinutes(db, req.actor!, mid),
      findingNames: FINDING_NAMES,
      values,
      errors,
    });
  app.get(
    `${BASE}/meetings/:id/minutes/approve`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => renderApproval(req, reply, params({ id: uuid }, req.params).id),
  );
  app.post(
    `${BASE}/meetings/:id/minutes/approve`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const { id } = params({ id: uuid }, req.params);
      const body = (req.body ?? {}) as Body;
      const how = approvalSchema.safeParse(body);
      const values = {
        how: body.how,
        date: { day: body['date-day'], month: body['date-month'], year: body['date-year'] },
      };
      if (!how.success)
        return renderApproval(
          req,
          reply.code(400),
          id,
          values,
          formErrors({ how: 'Choose how the minutes were approved' }),
        );
      let approval: Approval = { how: 'at_meeting' };
      if (how.data.how === 'chairman') {
        const d = dateFromParts(body, 'date', 'the date the chairman approved them');
        if (!d.ok) return renderApproval(req, reply.code(400), id, values, formErrors({ date: d.message }));
        approval = { how: 'chairman', date: d.date };
      }
      try {
        await approveMinutes(db, req.actor!, ctxOf(req), id, approval);
      } catch (e) {
        if (e instanceof MinutesBlocked)
          return renderApproval(
            req,
            reply.code(400),
            id,
            values,
            formErrors({ how: 'Approval is blocked: put right what is listed, then approve again' }),
          );
        if (e instanceof ValidationError)
          return renderApproval(req, reply.code(400), id, values, formErrors(e.fields));
        throw e;
      }
      reply.flash('Minutes approved and published.');
      return reply.redirect(`${BASE}/meetings/${id}/minutes`);
    },
  );

  const overrideSchema = z.object({
    key: z.string().min(1).max(2000),
    reason: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : v),
      z.string().min(1).max(1000, 'The reason must be 1000 characters or fewer'),
    ),
  });
  app.post(
    `${BASE}/meetings/:id/minutes/overrides`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const { id } = params({ id: uuid }, req.params);
      const parsed = overrideSchema.safeParse(req.body ?? {});
      if (!parsed.success)
        return renderApproval(
          req,
          reply.code(400),
          id,
          {},
          formErrors({ reason: 'Enter why this may be published' }),
        );
      try {
        await overrideMinutesFinding(db, req.actor!, ctxOf(req), id, parsed.data.key, parsed.data.reason);
      } catch (e) {
        if (e instanceof ValidationError)
          return renderApproval(req, reply.code(400), id, {}, formErrors(e.fields));
        throw e;
      }
      reply.flash('The finding is let through, with your reason recorded.');
      return reply.redirect(`${BASE}/meetings/${id}/minutes/approve`);
    },
  );

  // ---- elections --------------------------------------------------------------

  app.post(
    `${BASE}/meetings/:id/elections`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const { id } = params({ id: uuid }, req.params);
      await addElectionItems(db, req.actor!, ctxOf(req), id);
      reply.flash('The elections of the chairman and deputy chairman are on the agenda.');
      return reply.redirect(`${BASE}/meetings/${id}`);
    },
  );

  const electionPage = async (req: FastifyRequest, itemId: string) => {
    const data = await getElection(db, req.actor!, itemId);
    return {
      data,
      page: {
        title: data.item.title,
        caption: 'Record the result',
        action: `${BASE}/items/${itemId}/election`,
        back: `${BASE}/meetings/${data.meeting.id}`,
        submit: 'Record the result',
        fields: electionFields(data.seats),
        intro: data.result
          ? `Recorded: ${data.result.name} was elected from ${data.result.election.electedOn}.`
          : 'The member takes the role from the day of the meeting; whoever held it goes back to member.',
      },
    };
  };
  app.get(`${BASE}/items/:id/election`, { config: { permission: COMMITTEE.manage } }, async (req, reply) => {
    const { page, data } = await electionPage(req, params({ id: uuid }, req.params).id);
    return form(reply, page, data.result ? { userId: data.result.election.userId } : {});
  });
  app.post(`${BASE}/items/:id/election`, { config: { permission: COMMITTEE.manage } }, async (req, reply) => {
    const { id } = params({ id: uuid }, req.params);
    const body = (req.body ?? {}) as Body;
    const { page, data } = await electionPage(req, id);
    const read = readForm(electionSchema, body, electionDates);
    if (!read.ok) return form(reply.code(400), page, read.values, read.errors);
    try {
      await recordElection(db, req.actor!, ctxOf(req), id, {
        userId: read.data.userId,
        termEnd: read.dates.termEnd ?? null,
      });
    } catch (e) {
      if (e instanceof ValidationError)
        return form(reply.code(400), page, valuesOf(body, electionDates), formErrors(e.fields));
      throw e;
    }
    reply.flash('Election result recorded; the committee’s roles are changed for the term.');
    return reply.redirect(`${BASE}/meetings/${data.meeting.id}`);
  });

  // ---- the public site --------------------------------------------------------

  app.get(
    '/committees/:code/meetings/:id/minutes',
    { config: { permission: PUBLIC } },
    async (req, reply) => {
      const p = params({ code: z.string().regex(/^[A-Za-z0-9-]{1,20}$/), id: uuid }, req.params);
      const org = await publicOrganisation(db, p.code);
      req.branding = await brandingOf(db, org.id);
      const data = await publicMinutes(db, org.id, p.id);
      if (!data) throw new NotFoundError('minutes');
      return reply.render('committee/public/minutes.njk', {
        title: `${data.minutes.committeeName}, minutes`,
        org,
        base: `/committees/${org.code.toLowerCase()}`,
        meetingId: p.id,
        ...data,
      });
    },
  );
}
