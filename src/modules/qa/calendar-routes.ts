/** QA calendar pages: the year by month with overdue activities, adding an activity, making a year, completing an item. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import {
  dateFromParts,
  dateParts,
  type FormErrors,
  firstMessages,
  formErrors,
} from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { readFormWithFile, UploadRefused } from '../../platform/http/uploads';
import { can } from '../../platform/permissions';
import { addActivity, calendarItem, calendarYear, completeItem, makeYear, possibleOwners } from './calendar';
import {
  addCalendarEvidence,
  CALENDAR_EVIDENCE_UPLOAD,
  calendarEvidenceContent,
  calendarEvidenceFiles,
  mayAddEvidence,
} from './calendar-evidence';
import { QA } from './permissions';
import { CALENDAR_FREQUENCIES, FREQUENCY_NAMES, MONTH_NAMES } from './practice-vocab';

const params = z.object({ id: z.string().uuid() });
const yearValue = z.coerce
  .number({ error: 'Enter a year, like 2027' })
  .int('Enter a year, like 2027')
  .min(2000, 'Enter a year from 2000 to 2100')
  .max(2100, 'Enter a year from 2000 to 2100');
const yearQuery = z.object({ year: yearValue.optional().catch(undefined) });
const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]);

const activityForm = z.object({
  name: z
    .string({ error: 'Enter the name of the activity' })
    .trim()
    .min(1, 'Enter the name of the activity')
    .max(200, 'The name must be 200 characters or fewer'),
  frequency: z.enum(CALENDAR_FREQUENCIES, { error: 'Select how often the activity falls due' }),
  months: z.preprocess(list, z.array(z.coerce.number().int()).max(12)),
  dueDay: z.coerce
    .number({ error: 'Enter the day of the month it is due by, from 1 to 31' })
    .int('Enter the day of the month it is due by, from 1 to 31'),
  ownerId: z.string({ error: 'Select the owner of the activity' }).uuid('Select the owner of the activity'),
});

const evidenceForm = z.object({
  evidence: z
    .string({ error: 'Enter the evidence that the activity was done' })
    .trim()
    .min(1, 'Enter the evidence that the activity was done, for example where the minutes or report are kept')
    .max(5000, 'The evidence must be 5,000 characters or fewer'),
});

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const thisYear = () => Number(today(clock).slice(0, 4));

  app.get('/qa/calendar', { config: { permission: QA.calendarRead } }, async (req, reply) => {
    const year = yearQuery.parse(req.query ?? {}).year ?? thisYear();
    const view = await calendarYear(db, req.actor!, year, today(clock));
    return reply.render('qa/views/calendar.njk', {
      ...view,
      year,
      monthNames: MONTH_NAMES,
      frequencyNames: FREQUENCY_NAMES,
      mayManage: can(req.actor, QA.calendarManage),
    });
  });

  async function renderActivity(
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors = formErrors({}),
  ) {
    const owners = await possibleOwners(db, req.actor!.organisationId);
    const months = list(values.months).map(String);
    return reply.render('qa/views/calendar-activity.njk', {
      values,
      errors,
      year: thisYear(),
      ownerItems: [
        { value: '', text: 'Select the owner' },
        ...owners.map((o) => ({
          value: o.id,
          text: `${o.name}${o.jobTitle ? `, ${o.jobTitle}` : ''}`,
          selected: values.ownerId === o.id,
        })),
      ],
      frequencyItems: CALENDAR_FREQUENCIES.map((f) => ({
        value: f,
        text: FREQUENCY_NAMES[f],
        checked: values.frequency === f,
      })),
      monthItems: MONTH_NAMES.map((m, i) => ({
        value: String(i + 1),
        text: m,
        checked: months.includes(String(i + 1)),
      })),
    });
  }

  app.get('/qa/calendar/activities/new', { config: { permission: QA.calendarManage } }, (req, reply) =>
    renderActivity(req, reply, { dueDay: '28' }),
  );

  app.post('/qa/calendar/activities', { config: { permission: QA.calendarManage } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = activityForm.safeParse(body);
    try {
      if (!parsed.success) throw new ValidationError(firstMessages(parsed.error.issues));
      await addActivity(db, req.actor!, auditContext(req, clock), parsed.data, thisYear());
    } catch (e) {
      if (e instanceof ValidationError)
        return renderActivity(req, reply.code(400), body, formErrors(e.fields));
      throw e;
    }
    reply.flash(`Activity added, with its dates for ${thisYear()}`);
    return reply.redirect('/qa/calendar');
  });

  app.post('/qa/calendar/years', { config: { permission: QA.calendarManage } }, async (req, reply) => {
    const parsed = yearValue.safeParse((req.body as Record<string, unknown> | undefined)?.year);
    if (!parsed.success) {
      reply.flash('The year to make must be from 2000 to 2100');
      return reply.redirect('/qa/calendar');
    }
    const added = await makeYear(db, req.actor!, auditContext(req, clock), parsed.data);
    reply.flash(
      added
        ? `${added} activity dates made for ${parsed.data}`
        : `Every activity already had its dates for ${parsed.data}`,
    );
    return reply.redirect(`/qa/calendar?year=${parsed.data}`);
  });

  async function renderItem(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, unknown>,
    errors: FormErrors = formErrors({}),
  ) {
    const item = await calendarItem(db, req.actor!, id, today(clock));
    return reply.render('qa/views/calendar-item.njk', {
      item,
      values,
      errors,
      files: await calendarEvidenceFiles(db, req.actor!.organisationId, item.id),
      mayAddEvidence: mayAddEvidence(req.actor!, item),
    });
  }

  app.get('/qa/calendar/items/:id', { config: { permission: QA.calendarRead } }, (req, reply) =>
    renderItem(req, reply, params.parse(req.params).id, { completedOn: dateParts(today(clock)) }),
  );

  app.post(
    '/qa/calendar/items/:id/complete',
    { config: { permission: QA.calendarRead } },
    async (req, reply) => {
      const { id } = params.parse(req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = {
        ...body,
        completedOn: {
          day: String(body['completedOn-day'] ?? ''),
          month: String(body['completedOn-month'] ?? ''),
          year: String(body['completedOn-year'] ?? ''),
        },
      };
      const parsed = evidenceForm.safeParse(body);
      const date = dateFromParts(body, 'completedOn', 'the date completed');
      const fields = parsed.success ? {} : firstMessages(parsed.error.issues);
      if (!date.ok) fields.completedOn = date.message;
      try {
        if (!parsed.success || !date.ok) throw new ValidationError(fields);
        await completeItem(
          db,
          req.actor!,
          auditContext(req, clock),
          id,
          { completedOn: date.date, evidence: parsed.data.evidence },
          today(clock),
        );
      } catch (e) {
        if (e instanceof ValidationError)
          return renderItem(req, reply.code(400), id, values, formErrors(e.fields));
        throw e;
      }
      reply.flash('Activity completed');
      return reply.redirect('/qa/calendar');
    },
  );

  // Evidence files: multipart, within the platform's upload limits.
  app.post(
    '/qa/calendar/items/:id/evidence',
    { config: { permission: QA.calendarRead, upload: CALENDAR_EVIDENCE_UPLOAD } },
    async (req, reply) => {
      const { id } = params.parse(req.params);
      try {
        const { file } = await readFormWithFile(req, CALENDAR_EVIDENCE_UPLOAD);
        await addCalendarEvidence(db, req.actor!, auditContext(req, clock), id, file, today(clock));
      } catch (e) {
        const fields =
          e instanceof UploadRefused
            ? { [e.field]: e.message }
            : e instanceof ValidationError
              ? e.fields
              : null;
        if (fields)
          return renderItem(
            req,
            reply.code(400),
            id,
            { completedOn: dateParts(today(clock)) },
            formErrors(fields),
          );
        throw e;
      }
      reply.flash('Evidence file added');
      return reply.redirect(`/qa/calendar/items/${id}`);
    },
  );

  app.get('/qa/calendar/evidence/:id', { config: { permission: QA.calendarRead } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const file = await calendarEvidenceContent(db, req.actor!, auditContext(req, clock), id);
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\w.\- ]/g, '_')}"`)
      .send(file.content);
  });
}
