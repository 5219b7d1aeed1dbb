/** Committee pages for staff and members: parse and validate, call the service, render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { componentRegistry } from '../../platform/components';
import type { Config } from '../../platform/config';
import { chromiumPath, printingSession } from '../../platform/documents/pdf';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { COMMITTEE } from './access';
import {
  addMember,
  clerksToChoose,
  createCommittee,
  getCommittee,
  listCommitteesFor,
  membersToChoose,
} from './committees-service';
import { FINDING_NAMES } from './disclosure';
import { addItem, addStandardItems, createMeeting, getMeeting } from './meetings-service';
import { tellMembersOfPublication } from './notify-service';
import type { Printer } from './pack-pdf';
import {
  checkPublication,
  overrideFinding,
  PublicationBlocked,
  publishPacks,
  readPack,
} from './publish-service';
import {
  type Body,
  committeeFields,
  committeeSchema,
  type FieldSpec,
  itemFields,
  itemSchema,
  meetingFields,
  meetingSchema,
  memberFields,
  memberSchema,
  readForm,
  valuesOf,
} from './route-forms';
import { committeeView, meetingView } from './view-models';

const BASE = '/committee-business';
const id = (v: unknown) => {
  const r = z.object({ id: z.string().uuid() }).safeParse(v);
  if (!r.success) throw new NotFoundError();
  return r.data.id;
};

/**
 * Publication with the printer that numbers packs: one Chromium session
 * (printing the parts, then the front sheets) where installed. Not under
 * test, where packs are published through these routes many times over: the
 * numbering is tested with a fake printer (publish-printing.test.ts).
 */
const withPublicationPrinter = <T>(env: Config['env'], work: (printer: Printer | null) => Promise<T>) =>
  chromiumPath() && env !== 'test' ? printingSession(work) : work(null);

export async function committeeRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const ctxOf = (req: FastifyRequest) => auditContext(req, clock);
  const kinds = () => componentRegistry(app.deps.modules);
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

  app.get(BASE, { config: { permission: COMMITTEE.read } }, async (req, reply) => {
    const rows = await listCommitteesFor(db, req.actor!, ctxOf(req));
    return reply.render('committee/views/committees.njk', {
      title: 'Committees',
      rows,
      mayManage: req.actor!.permissions.has(COMMITTEE.manage),
    });
  });

  // ---- committees -----------------------------------------------------------

  const committeePage = async (req: FastifyRequest) => ({
    title: 'Add a committee',
    action: `${BASE}/new`,
    back: BASE,
    submit: 'Add committee',
    fields: committeeFields(
      await listCommitteesFor(db, req.actor!, ctxOf(req)),
      await clerksToChoose(db, req.actor!),
    ),
  });
  app.get(`${BASE}/new`, { config: { permission: COMMITTEE.manage } }, async (req, reply) =>
    form(reply, await committeePage(req)),
  );
  app.post(`${BASE}/new`, { config: { permission: COMMITTEE.manage } }, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const read = readForm(committeeSchema, body);
    if (!read.ok) return form(reply.code(400), await committeePage(req), read.values, read.errors);
    try {
      const cid = await createCommittee(db, req.actor!, ctxOf(req), read.data);
      reply.flash('Committee added.');
      return reply.redirect(`${BASE}/${cid}`);
    } catch (e) {
      if (e instanceof ValidationError)
        return form(reply.code(400), await committeePage(req), body, formErrors(e.fields));
      throw e;
    }
  });

  app.get(`${BASE}/:id`, { config: { permission: COMMITTEE.read } }, async (req, reply) => {
    const data = await getCommittee(db, req.actor!, ctxOf(req), id(req.params));
    return reply.render('committee/views/committee.njk', {
      title: data.committee.name,
      ...committeeView(data),
      mayManage: req.actor!.permissions.has(COMMITTEE.manage),
    });
  });

  const memberDates = [
    { name: 'termStart', label: 'the start of the term' },
    { name: 'termEnd', label: 'the end of the term', optional: true },
  ];
  const memberPage = async (req: FastifyRequest, cid: string) => ({
    title: 'Add a member',
    action: `${BASE}/${cid}/members`,
    back: `${BASE}/${cid}`,
    submit: 'Add member',
    fields: memberFields(await membersToChoose(db, req.actor!)),
  });
  app.get(`${BASE}/:id/members`, { config: { permission: COMMITTEE.manage } }, async (req, reply) => {
    const cid = id(req.params);
    await getCommittee(db, req.actor!, ctxOf(req), cid);
    return form(reply, await memberPage(req, cid));
  });
  app.post(`${BASE}/:id/members`, { config: { permission: COMMITTEE.manage } }, async (req, reply) => {
    const cid = id(req.params);
    const body = (req.body ?? {}) as Body;
    const read = readForm(memberSchema, body, memberDates);
    if (!read.ok) return form(reply.code(400), await memberPage(req, cid), read.values, read.errors);
    try {
      await addMember(db, req.actor!, ctxOf(req), cid, {
        ...read.data,
        termStart: read.dates.termStart!,
        termEnd: read.dates.termEnd ?? null,
      });
    } catch (e) {
      if (e instanceof ValidationError)
        return form(
          reply.code(400),
          await memberPage(req, cid),
          valuesOf(body, memberDates),
          formErrors(e.fields),
        );
      throw e;
    }
    reply.flash('Member added.');
    return reply.redirect(`${BASE}/${cid}`);
  });

  // ---- meetings -------------------------------------------------------------

  const meetingPage = (cid: string) => ({
    title: 'Add a meeting',
    action: `${BASE}/${cid}/meetings`,
    back: `${BASE}/${cid}`,
    submit: 'Add meeting',
    fields: meetingFields,
  });
  const meetingDates = [{ name: 'date', label: 'the date of the meeting' }];
  app.get(`${BASE}/:id/meetings`, { config: { permission: COMMITTEE.manage } }, async (req, reply) => {
    const cid = id(req.params);
    await getCommittee(db, req.actor!, ctxOf(req), cid);
    return form(reply, meetingPage(cid));
  });
  app.post(`${BASE}/:id/meetings`, { config: { permission: COMMITTEE.manage } }, async (req, reply) => {
    const cid = id(req.params);
    const body = (req.body ?? {}) as Body;
    const read = readForm(meetingSchema, body, meetingDates);
    if (!read.ok) return form(reply.code(400), meetingPage(cid), read.values, read.errors);
    try {
      const mid = await createMeeting(db, req.actor!, ctxOf(req), cid, {
        date: read.dates.date!,
        startTime: read.data.startTime,
        venue: read.data.venue ?? null,
        virtualLink: read.data.virtualLink ?? null,
        recordingLink: read.data.recordingLink ?? null,
      });
      reply.flash('Meeting added.');
      return reply.redirect(`${BASE}/meetings/${mid}`);
    } catch (e) {
      if (e instanceof ValidationError)
        return form(reply.code(400), meetingPage(cid), valuesOf(body, meetingDates), formErrors(e.fields));
      throw e;
    }
  });

  app.get(`${BASE}/meetings/:id`, { config: { permission: COMMITTEE.read } }, async (req, reply) => {
    const data = await getMeeting(db, req.actor!, ctxOf(req), id(req.params));
    return reply.render('committee/views/meeting.njk', {
      ...meetingView(data),
      mayManage: req.actor!.permissions.has(COMMITTEE.manage),
      mayDraft: req.actor!.permissions.has(COMMITTEE.draft),
    });
  });

  app.post(
    `${BASE}/meetings/:id/standard-items`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const mid = id(req.params);
      await addStandardItems(db, req.actor!, ctxOf(req), mid);
      reply.flash('Standard items added to the agenda.');
      return reply.redirect(`${BASE}/meetings/${mid}`);
    },
  );

  const itemPage = (mid: string) => ({
    title: 'Add a report to the agenda',
    action: `${BASE}/meetings/${mid}/items`,
    back: `${BASE}/meetings/${mid}`,
    submit: 'Add to the agenda',
    fields: itemFields,
  });
  app.get(`${BASE}/meetings/:id/items`, { config: { permission: COMMITTEE.manage } }, async (req, reply) => {
    const mid = id(req.params);
    await getMeeting(db, req.actor!, ctxOf(req), mid);
    return form(reply, itemPage(mid));
  });
  app.post(`${BASE}/meetings/:id/items`, { config: { permission: COMMITTEE.manage } }, async (req, reply) => {
    const mid = id(req.params);
    const body = (req.body ?? {}) as Body;
    const read = readForm(itemSchema, body);
    if (!read.ok) return form(reply.code(400), itemPage(mid), read.values, read.errors);
    try {
      await addItem(db, req.actor!, ctxOf(req), mid, read.data);
    } catch (e) {
      if (e instanceof ValidationError)
        return form(reply.code(400), itemPage(mid), body, formErrors(e.fields));
      throw e;
    }
    reply.flash('Item added to the agenda.');
    return reply.redirect(`${BASE}/meetings/${mid}`);
  });

  // ---- publication ----------------------------------------------------------

  const renderCheck = async (
    req: FastifyRequest,
    reply: FastifyReply,
    mid: string,
    errors = formErrors({}),
  ) => {
    const check = await checkPublication(db, req.actor!, kinds(), mid, clock.now());
    return reply.render('committee/views/publish.njk', {
      title: 'Publish the agenda and packs',
      meetingId: mid,
      check,
      findingNames: FINDING_NAMES,
      errors,
    });
  };
  app.get(`${BASE}/meetings/:id/publish`, { config: { permission: COMMITTEE.manage } }, async (req, reply) =>
    renderCheck(req, reply, id(req.params)),
  );
  app.post(
    `${BASE}/meetings/:id/publish`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const mid = id(req.params);
      try {
        const version = await withPublicationPrinter(app.deps.config.env, (printer) =>
          publishPacks(db, req.actor!, ctxOf(req), kinds(), mid, printer),
        );
        const told = await tellMembersOfPublication(
          db,
          app.deps.mailer,
          req.actor!.organisationId,
          mid,
          version,
        );
        reply.flash(
          `Packs published (version ${version}); ${told === 1 ? '1 member was' : `${told} members were`} told by mail.`,
        );
        return reply.redirect(`${BASE}/meetings/${mid}`);
      } catch (e) {
        if (e instanceof PublicationBlocked)
          return renderCheck(
            req,
            reply.code(400),
            mid,
            formErrors({ publish: 'Publication is blocked: put right what is listed, then publish again' }),
          );
        throw e;
      }
    },
  );
  const overrideSchema = z.object({
    key: z.string().min(1).max(2000),
    reason: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : v),
      z
        .string()
        .min(1, 'Enter why this may be published')
        .max(1000, 'The reason must be 1000 characters or fewer'),
    ),
  });
  app.post(
    `${BASE}/meetings/:id/overrides`,
    { config: { permission: COMMITTEE.manage } },
    async (req, reply) => {
      const mid = id(req.params);
      const parsed = overrideSchema.safeParse(req.body ?? {});
      if (!parsed.success)
        return renderCheck(
          req,
          reply.code(400),
          mid,
          formErrors({ reason: 'Enter why this may be published' }),
        );
      try {
        await overrideFinding(db, req.actor!, ctxOf(req), kinds(), mid, parsed.data.key, parsed.data.reason);
      } catch (e) {
        if (e instanceof ValidationError) return renderCheck(req, reply.code(400), mid, formErrors(e.fields));
        throw e;
      }
      reply.flash('The finding is let through, with your reason recorded.');
      return reply.redirect(`${BASE}/meetings/${mid}/publish`);
    },
  );

  app.get(
    `${BASE}/meetings/:id/packs/:version/:which`,
    { config: { permission: COMMITTEE.read } },
    async (req, reply) => {
      const p = z
        .object({
          id: z.string().uuid(),
          version: z.coerce.number().int().min(1),
          which: z.enum(['public', 'non-public']),
        })
        .safeParse(req.params);
      if (!p.success) throw new NotFoundError();
      const { pack, version, publishedAt } = await readPack(
        db,
        req.actor!,
        ctxOf(req),
        p.data.id,
        p.data.version,
        p.data.which,
      );
      return reply.render('committee/views/pack-page.njk', {
        title: `${pack.committeeName}: ${p.data.which === 'public' ? 'public' : 'non-public'} pack`,
        pack,
        which: p.data.which,
        version,
        publishedAt,
        back: `${BASE}/meetings/${p.data.id}`,
        fileBase: `${BASE}/meetings/${p.data.id}/packs/${version}/appendices`,
        pdfLinks: chromiumPath()
          ? [
              {
                href: `${BASE}/meetings/${p.data.id}/packs/${version}/pdf/public`,
                text: 'Public pack as a PDF',
              },
              ...(p.data.which === 'non-public'
                ? [
                    {
                      href: `${BASE}/meetings/${p.data.id}/packs/${version}/pdf/full`,
                      text: 'Full pack (public and non-public) as a PDF',
                    },
                  ]
                : []),
            ]
          : [],
      });
    },
  );
}
