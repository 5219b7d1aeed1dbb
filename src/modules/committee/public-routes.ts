/** The public site under /committees: no sign-in, published public papers only. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { brandingOf } from '../../platform/branding/service';
import { chromiumPath } from '../../platform/documents/pdf';
import { NotFoundError } from '../../platform/errors';
import { PUBLIC } from '../../platform/permissions';
import { meetingsCalendar } from './ical';
import { publicMinutes } from './minutes-service';
import {
  publicCommittee,
  publicCommittees,
  publicOrganisation,
  publicOrganisations,
  publicPack,
} from './public-service';
import { MEMBER_ROLE_NAMES, type MemberRole } from './vocab';

const params = <T extends z.ZodRawShape>(shape: T, v: unknown) => {
  const r = z.object(shape).safeParse(v);
  if (!r.success) throw new NotFoundError();
  return r.data;
};
const code = z.string().regex(/^[A-Za-z0-9-]{1,20}$/);

export async function publicCommitteeRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  app.get('/committees', { config: { permission: PUBLIC } }, async (_req, reply) => {
    const orgs = await publicOrganisations(db);
    if (orgs.length === 1) return reply.redirect(`/committees/${orgs[0]!.code.toLowerCase()}`);
    return reply.render('committee/public/organisations.njk', { title: 'Committees', orgs });
  });

  app.get('/committees/:code', { config: { permission: PUBLIC } }, async (req, reply) => {
    const org = await publicOrganisation(db, params({ code }, req.params).code);
    req.branding = await brandingOf(db, org.id);
    return reply.render('committee/public/committees.njk', {
      title: `${org.name}: committees`,
      org,
      base: `/committees/${org.code.toLowerCase()}`,
      rows: await publicCommittees(db, org.id),
    });
  });

  app.get('/committees/:code/:id', { config: { permission: PUBLIC } }, async (req, reply) => {
    const p = params({ code, id: z.string().uuid() }, req.params);
    const org = await publicOrganisation(db, p.code);
    // The council's own branding, even in a database with several organisations.
    req.branding = await brandingOf(db, org.id);
    const data = await publicCommittee(db, org.id, p.id);
    return reply.render('committee/public/committee.njk', {
      title: data.committee.name,
      org,
      base: `/committees/${org.code.toLowerCase()}`,
      ...data,
      members: data.members.map((m) => ({
        name: m.name,
        role: MEMBER_ROLE_NAMES[m.role as MemberRole] ?? m.role,
      })),
    });
  });

  app.get('/committees/:code/:id/calendar.ics', { config: { permission: PUBLIC } }, async (req, reply) => {
    const p = params({ code, id: z.string().uuid() }, req.params);
    const org = await publicOrganisation(db, p.code);
    const data = await publicCommittee(db, org.id, p.id);
    const base = `${req.protocol}://${req.host}/committees/${org.code.toLowerCase()}`;
    const ics = meetingsCalendar(
      data.committee.name,
      data.meetings.map((m) => ({ ...m, url: m.published ? `${base}/meetings/${m.id}` : null })),
      { now: app.deps.clock.now(), host: req.hostname },
    );
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="meetings.ics"')
      .send(ics);
  });

  app.get('/committees/:code/meetings/:id', { config: { permission: PUBLIC } }, async (req, reply) => {
    const p = params({ code, id: z.string().uuid() }, req.params);
    const org = await publicOrganisation(db, p.code);
    // The council's own branding, even in a database with several organisations.
    req.branding = await brandingOf(db, org.id);
    const data = await publicPack(db, org.id, p.id);
    return reply.render('committee/public/meeting.njk', {
      title: `${data.pack.committeeName}, agenda and public reports`,
      org,
      meetingId: p.id,
      pdfAvailable: chromiumPath() !== undefined,
      base: `/committees/${org.code.toLowerCase()}`,
      ...data,
      minutesApproved: (await publicMinutes(db, org.id, p.id)) !== null,
    });
  });
}
