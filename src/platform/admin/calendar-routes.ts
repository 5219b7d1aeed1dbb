import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../clock';
import { formErrors } from '../http/forms';
import { auditContext } from '../http/server';
import { addNonWorkingDay, calendarYear, removeNonWorkingDay } from './calendar-service';
import { parseDateParts } from './dates';
import { actorOf, attempt, idParam } from './http';

const PERMISSION = { config: { permission: 'admin.calendar' } };

const nameField = z
  .string({ error: 'Enter a name for the day, like Council closure day' })
  .trim()
  .min(1, 'Enter a name for the day, like Council closure day')
  .max(100, 'Name must be 100 characters or fewer');

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const currentYear = () => Number(today(clock).slice(0, 4));

  /** What the calendar page shows for a year. */
  async function yearView(year: number, req: FastifyRequest) {
    return {
      year,
      days: await calendarYear(db, actorOf(req), year),
      previousYear: year - 1,
      nextYear: year + 1,
    };
  }

  app.get('/admin/calendar', PERMISSION, async (req, reply) => {
    const { year } = z
      .object({
        year: z.coerce.number().int().min(1900).max(2100).catch(currentYear()).default(currentYear()),
      })
      .parse(req.query ?? {});
    return reply.render('admin/calendar.njk', {
      ...(await yearView(year, req)),
      values: {},
      errors: formErrors({}),
    });
  });

  app.post('/admin/calendar', PERMISSION, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
    const fields: Record<string, string> = {};
    const date = parseDateParts(
      { day: text('date-day'), month: text('date-month'), year: text('date-year') },
      'Date of the non-working day',
    );
    if (!date.ok) fields['date-day'] = date.message;
    const name = nameField.safeParse(body.name ?? '');
    if (!name.success) fields.name = name.error.issues[0]!.message;
    const result =
      date.ok && name.success
        ? await attempt(() =>
            addNonWorkingDay({ db }, actorOf(req), auditContext(req, clock), {
              date: date.date,
              name: name.data,
            }),
          )
        : { ok: false as const, errors: formErrors(fields) };
    if (!result.ok) {
      const year = date.ok ? Number(date.date.slice(0, 4)) : currentYear();
      return reply.code(400).render('admin/calendar.njk', {
        ...(await yearView(year, req)),
        values: body,
        errors: result.errors,
      });
    }
    reply.flash(`${name.data} added as a non-working day`);
    return reply.redirect(`/admin/calendar?year=${date.ok ? date.date.slice(0, 4) : currentYear()}`);
  });

  app.post('/admin/calendar/:id/remove', PERMISSION, async (req, reply) => {
    const day = await removeNonWorkingDay({ db }, actorOf(req), auditContext(req, clock), idParam(req));
    reply.flash(`${day.name} removed: it is a working day again`);
    return reply.redirect(`/admin/calendar?year=${day.date.slice(0, 4)}`);
  });
}
