/** Pages for missing episodes: parse and validate, call the service, render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditContext } from '../../platform/audit/service';
import { recordAudit } from '../../platform/audit/service';
import { ValidationError } from '../../platform/errors';
import type { FormErrors } from '../../platform/http/forms';
import { formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import type { Actor } from '../../platform/permissions';
import { childNames, importedMissingEpisodes, mayViewChild } from '../cases/service';
import { openEpisode, openEpisodeForm } from './episode';
import { dateTimeParts, errorsFor, type Field, type FormValues, readForm } from './form-kit';
import {
  attemptFields,
  episodeFields,
  episodeValues,
  interviewFields,
  interviewValues,
  meetingFields,
  notificationFields,
  notificationValues,
  returnFields,
  typeFields,
} from './forms';
import { interviewOf, saveInterview } from './interviews';
import { type FollowUpFilter, listFollowUps } from './overview';
import type { EpisodeRow } from './repository';
import {
  addLocateAttempt,
  addStrategyMeeting,
  changeType,
  recordEpisode,
  recordNotifications,
  recordReturn,
  updateEpisodeDetails,
} from './service';
import { repeatRuleOf } from './settings';
import { episodePage, followUpRows } from './view-models';
import { type EpisodeType, type PoliceRisk, type RecordedHighRisk, typeFromSsd } from './vocab';

const idParams = z.object({ id: z.string().uuid() });
const listQuery = z.object({
  show: z.enum(['attention', 'overdue', 'missing-now', 'interviews', 'repeat', 'all']).catch('attention'),
});
const newQuery = z.object({ ssd: z.string().max(100).optional() });

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const yn = (v: unknown) => (v === 'yes' ? true : v === 'no' ? false : null);

interface EpisodeForm {
  path: string;
  title: string;
  submit: string;
  flash: string;
  fields: Field[];
  intro?: string;
  values(row: EpisodeRow, db: FastifyInstance['deps']['db']): Promise<FormValues> | FormValues;
  save(actor: Actor, ctx: AuditContext, id: string, data: Record<string, unknown>): Promise<void>;
}

export async function missingRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const ctxOf = (req: FastifyRequest) => auditContext(req, clock);

  app.get('/missing', { config: { permission: 'missing.followups' } }, async (req, reply) => {
    const { show } = listQuery.parse(req.query ?? {});
    const rows = await listFollowUps(db, req.actor!, ctxOf(req), show as FollowUpFilter);
    return reply.render('missing/views/follow-ups.njk', {
      title: 'Missing children: follow-ups',
      show,
      rows: followUpRows(rows),
      mayRecord: req.actor!.permissions.has('missing.record'),
      mayKeyData: req.actor!.permissions.has('missing.keydata'),
      repeatRule: show === 'repeat' ? await repeatRuleOf(db, req.actor!.organisationId) : null,
    });
  });

  // ---- a new episode ----------------------------------------------------------

  async function renderNew(
    req: FastifyRequest,
    reply: FastifyReply,
    personId: string,
    ssd: string | null,
    extra: { errors?: FormErrors; values?: FormValues } = {},
  ) {
    const actor = req.actor!;
    const ctx = ctxOf(req);
    if (!(await mayViewChild(db, actor, personId, ctx.at))) return reply.code(404).render('errors/404.njk');
    const [names, imported] = await Promise.all([
      childNames(db, actor.organisationId, [personId]),
      ssd
        ? importedMissingEpisodes(db, actor.organisationId, { personIds: [personId] })
        : Promise.resolve([]),
    ]);
    const from = ssd ? imported.find((i) => i.sourceId === ssd) : undefined;
    if (ssd && !from) return reply.code(404).render('errors/404.njk');
    await recordAudit(db, ctx, {
      action: 'missing.episode.form',
      recordType: 'child',
      recordId: personId,
      detail: 'new',
    });
    const childName = names.get(personId) ?? 'this child';
    const query = ssd ? `?ssd=${encodeURIComponent(ssd)}` : '';
    return reply.render('missing/views/form.njk', {
      title: 'Record a missing episode',
      caption: childName,
      back: `/children/${personId}`,
      action: `/children/${personId}/missing${query}`,
      intro: from
        ? `The SSD extract holds this episode (${from.sourceId}). What you record here is added to it, not recorded twice.`
        : undefined,
      fields: episodeFields(true),
      submit: 'Record episode',
      errors: extra.errors ?? formErrors({}),
      values:
        extra.values ??
        episodeValues(
          null,
          from ? { startAt: from.startAt, type: typeFromSsd(from.episodeType) } : undefined,
        ),
    });
  }

  app.get('/children/:id/missing/new', { config: { permission: 'missing.record' } }, async (req, reply) => {
    const { id } = idParams.parse(req.params);
    const { ssd } = newQuery.parse(req.query ?? {});
    return renderNew(req, reply, id, ssd ?? null);
  });

  app.post('/children/:id/missing', { config: { permission: 'missing.record' } }, async (req, reply) => {
    const { id } = idParams.parse(req.params);
    const { ssd } = newQuery.parse(req.query ?? {});
    const fields = episodeFields(true);
    const read = readForm(fields, (req.body ?? {}) as Record<string, unknown>);
    if (!read.ok) return renderNew(req, reply.code(400), id, ssd ?? null, read);
    try {
      const d = read.data;
      const episodeId = await recordEpisode(db, req.actor!, ctxOf(req), id, {
        startAt: d.startAt as Date,
        type: d.type as EpisodeType,
        reportedBy: d.reportedBy as string,
        reportedAt: d.reportedAt as Date,
        policeReference: str(d.policeReference),
        policeRisk: str(d.policeRisk) as PoliceRisk | null,
        highRiskCircumstances: d.highRiskCircumstances as RecordedHighRisk[],
        withWhom: str(d.withWhom),
        ssdSourceId: ssd ?? null,
      });
      reply.flash('Missing episode recorded.');
      return reply.redirect(`/missing/episodes/${episodeId}`);
    } catch (e) {
      if (e instanceof ValidationError)
        return renderNew(req, reply.code(400), id, ssd ?? null, {
          errors: errorsFor(fields, e.fields),
          values: read.values,
        });
      throw e;
    }
  });

  // ---- one episode -------------------------------------------------------------

  app.get('/missing/episodes/:id', { config: { permission: 'missing.read' } }, async (req, reply) => {
    const { id } = idParams.parse(req.params);
    const page = await openEpisode(db, req.actor!, id, ctxOf(req));
    const names = await childNames(db, req.actor!.organisationId, [page.row.personId]);
    return reply.render('missing/views/episode.njk', {
      ...episodePage(page, names.get(page.row.personId) ?? 'Unknown child'),
      mayRecord: req.actor!.permissions.has('missing.record'),
    });
  });

  function episodeForm(form: EpisodeForm) {
    const url = `/missing/episodes/:id/${form.path}`;
    async function render(
      req: FastifyRequest,
      reply: FastifyReply,
      id: string,
      extra: { errors?: FormErrors; values?: FormValues } = {},
    ) {
      const { row } = await openEpisodeForm(db, req.actor!, id, ctxOf(req), form.path);
      const names = await childNames(db, req.actor!.organisationId, [row.personId]);
      return reply.render('missing/views/form.njk', {
        title: form.title,
        caption: names.get(row.personId) ?? 'Missing episode',
        back: `/missing/episodes/${row.id}`,
        action: `/missing/episodes/${row.id}/${form.path}`,
        intro: form.intro,
        fields: form.fields,
        submit: form.submit,
        errors: extra.errors ?? formErrors({}),
        values: extra.values ?? (await form.values(row, db)),
      });
    }
    app.get(url, { config: { permission: 'missing.record' } }, async (req, reply) => {
      const { id } = idParams.parse(req.params);
      return render(req, reply, id);
    });
    app.post(url, { config: { permission: 'missing.record' } }, async (req, reply) => {
      const { id } = idParams.parse(req.params);
      const read = readForm(form.fields, (req.body ?? {}) as Record<string, unknown>);
      if (!read.ok) return render(req, reply.code(400), id, read);
      try {
        await form.save(req.actor!, ctxOf(req), id, read.data);
      } catch (e) {
        if (e instanceof ValidationError)
          return render(req, reply.code(400), id, {
            errors: errorsFor(form.fields, e.fields),
            values: read.values,
          });
        throw e;
      }
      reply.flash(form.flash);
      return reply.redirect(`/missing/episodes/${id}`);
    });
  }

  episodeForm({
    path: 'edit',
    title: 'Change the episode’s details',
    submit: 'Save changes',
    flash: 'Episode details saved.',
    fields: episodeFields(false),
    values: (row) => episodeValues(row),
    save: (actor, ctx, id, d) =>
      updateEpisodeDetails(db, actor, ctx, id, {
        startAt: d.startAt as Date,
        reportedBy: d.reportedBy as string,
        reportedAt: d.reportedAt as Date,
        policeReference: str(d.policeReference),
        policeRisk: str(d.policeRisk) as PoliceRisk | null,
        highRiskCircumstances: d.highRiskCircumstances as RecordedHighRisk[],
        withWhom: str(d.withWhom),
      }),
  });
  episodeForm({
    path: 'return',
    title: 'Record the child’s return',
    submit: 'Record return',
    flash: 'Return recorded. The 24-hour and 72-hour clocks have started.',
    fields: returnFields,
    values: (row) => ({ endAt: dateTimeParts(row.endAt), whereFound: row.whereFound ?? '' }),
    save: (actor, ctx, id, d) =>
      recordReturn(db, actor, ctx, id, { endAt: d.endAt as Date, whereFound: d.whereFound as string }),
  });
  episodeForm({
    path: 'type',
    title: 'Record a change of type',
    intro:
      'The police classify an episode; when they change it, the earlier type stays in the episode’s history.',
    submit: 'Record change',
    flash: 'Change of type recorded.',
    fields: typeFields,
    values: () => ({}),
    save: (actor, ctx, id, d) =>
      changeType(db, actor, ctx, id, { type: d.type as EpisodeType, fromAt: d.fromAt as Date }),
  });
  episodeForm({
    path: 'attempts',
    title: 'Record an attempt to locate the child',
    submit: 'Record attempt',
    flash: 'Attempt to locate recorded.',
    fields: attemptFields,
    values: () => ({}),
    save: (actor, ctx, id, d) =>
      addLocateAttempt(db, actor, ctx, id, {
        at: d.at as Date,
        contacted: d.contacted as string,
        result: d.result as string,
      }),
  });
  episodeForm({
    path: 'notifications',
    title: 'Who was told, and the social worker’s contact',
    submit: 'Save',
    flash: 'Saved.',
    fields: notificationFields,
    values: (row) => notificationValues(row),
    save: (actor, ctx, id, d) =>
      recordNotifications(db, actor, ctx, id, {
        policeToldAt: (d.policeToldAt as Date | null) ?? null,
        adToldAt: (d.adToldAt as Date | null) ?? null,
        leadMemberToldAt: (d.leadMemberToldAt as Date | null) ?? null,
        socialWorkerContactAt: (d.socialWorkerContactAt as Date | null) ?? null,
      }),
  });
  episodeForm({
    path: 'meetings',
    title: 'Record a strategy meeting',
    submit: 'Record meeting',
    flash: 'Strategy meeting recorded.',
    fields: meetingFields,
    values: () => ({}),
    save: (actor, ctx, id, d) =>
      addStrategyMeeting(db, actor, ctx, id, {
        heldOn: d.heldOn as string,
        chair: d.chair as string,
        attendees: str(d.attendees),
        decisions: d.decisions as string,
        nextDate: str(d.nextDate),
      }),
  });
  episodeForm({
    path: 'interview',
    title: 'Return home interview',
    intro:
      'Record the offer within 72 hours of the return, then the child’s answer and, if accepted, the interview. Each save is kept.',
    submit: 'Save interview',
    flash: 'Return home interview saved.',
    fields: interviewFields,
    values: async (row) => interviewValues((await interviewOf(db, row.organisationId, row.id)).current),
    save: (actor, ctx, id, d) =>
      saveInterview(db, actor, ctx, id, {
        offeredAt: (d.offeredAt as Date | null) ?? null,
        offeredBy: str(d.offeredBy),
        independent: yn(d.independent),
        response: (str(d.response) as 'accepted' | 'declined' | null) ?? null,
        respondedOn: str(d.respondedOn),
        socialWorkerOffered: yn(d.socialWorkerOffered),
        completedOn: str(d.completedOn),
        completedBy: str(d.completedBy),
        childAccount: str(d.childAccount),
        pushFactors: str(d.pushFactors),
        pullFactors: str(d.pullFactors),
        whereWent: str(d.whereWent),
        withWhom: str(d.withWhom),
        exploitationConcerns: str(d.exploitationConcerns),
        actions: str(d.actions),
      }),
  });
}
