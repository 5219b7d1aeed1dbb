/** A meeting's attendance and its status. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { COMMITTEE } from './access';
import { advanceStatus, membersOnTheDay, recordAttendance } from './meetings-service';
import { MEETING_STATUSES } from './vocab';

const BASE = '/committee-business/meetings';
const id = (v: unknown) => {
  const r = z.object({ id: z.string().uuid() }).safeParse(v);
  if (!r.success) throw new NotFoundError();
  return r.data.id;
};

/** "Name, Department" a line; a line without a comma is refused with its number. */
export function parseOfficers(text: string): {
  officers: Array<{ name: string; department: string }>;
  error?: string;
} {
  const officers = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  for (const [n, line] of lines.entries()) {
    if (!line) continue;
    const comma = line.indexOf(',');
    const name = comma > 0 ? line.slice(0, comma).trim() : '';
    const department = comma > 0 ? line.slice(comma + 1).trim() : '';
    if (!name || !department || line.length > 300)
      return {
        officers: [],
        error: `Line ${n + 1}: write the officer’s name, a comma, then their department`,
      };
    officers.push({ name, department });
  }
  return { officers };
}

export async function meetingRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    mid: string,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) => {
    const { meeting, members } = await membersOnTheDay(db, req.actor!, mid);
    const recorded = new Map(meeting.attendance.members.map((m) => [m.userId, m.status]));
    return reply.render('committee/views/attendance.njk', {
      title: 'Attendance',
      meeting,
      members: members.map((m) => ({ userId: m.userId, name: m.name, status: recorded.get(m.userId) ?? '' })),
      values: extra.values ?? {
        officers: meeting.attendance.officers.map((o) => `${o.name}, ${o.department}`).join('\n'),
      },
      errors: extra.errors ?? formErrors({}),
    });
  };

  app.get(`${BASE}/:id/attendance`, { config: { permission: COMMITTEE.manage } }, async (req, reply) =>
    render(req, reply, id(req.params)),
  );

  app.post(`${BASE}/:id/attendance`, { config: { permission: COMMITTEE.manage } }, async (req, reply) => {
    const mid = id(req.params);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { members } = await membersOnTheDay(db, req.actor!, mid);
    const statuses = members.map((m) => ({
      userId: m.userId,
      status: z.enum(['present', 'apologies', 'absent']).safeParse(body[`member-${m.userId}`]).data,
    }));
    const errors: Record<string, string> = {};
    const missing = statuses.find((s) => !s.status);
    if (missing)
      errors[`member-${missing.userId}`] =
        'Choose whether the member was present, sent apologies or was absent';
    const officers = parseOfficers(typeof body.officers === 'string' ? body.officers : '');
    if (officers.error) errors.officers = officers.error;
    if (Object.keys(errors).length)
      return render(req, reply.code(400), mid, { values: body, errors: formErrors(errors) });
    try {
      await recordAttendance(db, req.actor!, auditContext(req, clock), mid, {
        members: statuses.map((s) => ({ userId: s.userId, status: s.status! })),
        officers: officers.officers,
      });
    } catch (e) {
      if (e instanceof ValidationError)
        return render(req, reply.code(400), mid, { values: body, errors: formErrors(e.fields) });
      throw e;
    }
    reply.flash('Attendance recorded.');
    return reply.redirect(`${BASE}/${mid}`);
  });

  app.post(`${BASE}/:id/status`, { config: { permission: COMMITTEE.manage } }, async (req, reply) => {
    const mid = id(req.params);
    const to = z.enum(MEETING_STATUSES).safeParse((req.body as Record<string, unknown> | undefined)?.status);
    if (!to.success) throw new ValidationError({ status: 'Choose the status the meeting moves to' });
    await advanceStatus(db, req.actor!, auditContext(req, clock), mid, to.data);
    reply.flash('Meeting status changed.');
    return reply.redirect(`${BASE}/${mid}`);
  });
}
