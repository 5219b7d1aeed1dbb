/**
 * Officers' reports for agenda items: drafted in the service, sent to a
 * senior leader for sign-off, then accepted by the clerk. Appendices embed
 * other modules' components (frozen when the pack is published).
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { EmbeddableComponentKind } from '../../platform/components';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { COMMITTEE, need } from './access';
import * as repo from './repository';
import type { ReportBody, ReportCover } from './schema';
import type { ReportStatus } from './vocab';

async function itemOf(db: Db, actor: Actor, itemId: string) {
  const item = await repo.itemById(db, actor.organisationId, itemId);
  if (!item || item.standard !== null) throw new NotFoundError('agenda item');
  return item;
}

/** The item's report with its appendices (null when nobody has started one). */
export async function reportForItem(db: Db, actor: Actor, itemId: string) {
  need(actor, COMMITTEE.draft);
  const item = await itemOf(db, actor, itemId);
  const meeting = (await repo.meetingById(db, actor.organisationId, item.meetingId))!;
  const report = (await repo.reportByItem(db, actor.organisationId, itemId)) ?? null;
  const appendices = report ? await repo.appendicesOf(db, actor.organisationId, [report.id]) : [];
  const signatory = report?.signOffBy
    ? await repo.userById(db, actor.organisationId, report.signOffBy)
    : undefined;
  return { item, meeting, report, appendices, signatoryName: signatory?.name ?? null };
}

export async function saveReport(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  itemId: string,
  input: { cover: ReportCover; body: ReportBody },
) {
  need(actor, COMMITTEE.draft);
  await itemOf(db, actor, itemId);
  return db.transaction(async (tx) => {
    const existing = await repo.reportByItem(tx, actor.organisationId, itemId);
    if (existing && existing.status !== 'draft')
      throw new ValidationError({
        'cover.subject': 'The report has been sent for sign-off: it can no longer be changed',
      });
    let id: string;
    if (existing) {
      id = existing.id;
      await repo.updateReport(tx, actor.organisationId, id, { ...input, updatedAt: ctx.at });
    } else {
      id = (
        await repo.insertReport(tx, {
          organisationId: actor.organisationId,
          agendaItemId: itemId,
          ...input,
          status: 'draft',
          draftedBy: actor.userId,
          updatedAt: ctx.at,
        })
      ).id;
    }
    await recordAudit(tx, ctx, {
      action: 'committee.report.save',
      recordType: 'committee_report',
      recordId: id,
    });
    return id;
  });
}

async function move(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  reportId: string,
  from: ReportStatus,
  to: ReportStatus,
  extra: Parameters<typeof repo.updateReport>[3] = {},
  check?: (report: repo.ReportRow) => void,
) {
  await db.transaction(async (tx) => {
    const report = await repo.reportById(tx, actor.organisationId, reportId);
    if (!report) throw new NotFoundError('report');
    check?.(report);
    if (report.status !== from)
      throw new ValidationError({
        report: `The report is not ${from.replace(/_/g, ' ')}: it cannot be moved on`,
      });
    await repo.updateReport(tx, actor.organisationId, reportId, { status: to, updatedAt: ctx.at, ...extra });
    await recordAudit(tx, ctx, {
      action: `committee.report.${to}`,
      recordType: 'committee_report',
      recordId: reportId,
    });
  });
}

export async function sendForSignOff(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  reportId: string,
  signatoryId: string,
) {
  need(actor, COMMITTEE.draft);
  const signatory = await repo.userById(db, actor.organisationId, signatoryId);
  if (signatory?.role !== 'senior_leader' || !signatory.active)
    throw new ValidationError({ signOffBy: 'Choose the senior leader who signs the report off' });
  await move(db, actor, ctx, reportId, 'draft', 'awaiting_sign_off', { signOffBy: signatoryId });
}

export async function signOff(db: Db, actor: Actor, ctx: AuditContext, reportId: string) {
  need(actor, COMMITTEE.signOff);
  await move(db, actor, ctx, reportId, 'awaiting_sign_off', 'signed_off', { signedOffAt: ctx.at }, (r) => {
    if (r.signOffBy !== actor.userId)
      throw new ForbiddenError('The report was sent to another senior leader');
  });
}

export async function acceptReport(db: Db, actor: Actor, ctx: AuditContext, reportId: string) {
  need(actor, COMMITTEE.manage);
  await move(db, actor, ctx, reportId, 'signed_off', 'accepted', { acceptedAt: ctx.at });
}

/**
 * Take a report back to draft for changes (a disclosure finding to fix, a
 * correction): it must be signed off and accepted again. Published packs keep
 * what they froze; the next publication is a new version.
 */
export async function returnToDraft(db: Db, actor: Actor, ctx: AuditContext, reportId: string) {
  need(actor, COMMITTEE.draft);
  await db.transaction(async (tx) => {
    const report = await repo.reportById(tx, actor.organisationId, reportId);
    if (!report) throw new NotFoundError('report');
    if (report.status === 'draft') throw new ValidationError({ report: 'The report is already a draft' });
    await repo.updateReport(tx, actor.organisationId, reportId, {
      status: 'draft',
      signedOffAt: null,
      acceptedAt: null,
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'committee.report.draft',
      recordType: 'committee_report',
      recordId: reportId,
      detail: `from ${report.status}`,
    });
  });
}

/** Reports signed off and waiting for the clerk. */
export async function awaitingAcceptance(db: Db, actor: Actor) {
  need(actor, COMMITTEE.manage);
  return repo.reportsAwaitingAcceptance(db, actor.organisationId);
}

/** Reports waiting for this senior leader. */
export async function awaitingMySignOff(db: Db, actor: Actor) {
  need(actor, COMMITTEE.signOff);
  return repo.reportsAwaitingSignOff(db, actor.organisationId, actor.userId);
}

export async function addAppendix(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  kinds: ReadonlyMap<string, EmbeddableComponentKind>,
  reportId: string,
  input: { title: string; public: boolean; componentKind: string; componentRef: string },
) {
  need(actor, COMMITTEE.draft);
  const report = await repo.reportById(db, actor.organisationId, reportId);
  if (!report) throw new NotFoundError('report');
  if (report.status !== 'draft')
    throw new ValidationError({
      componentRef: 'The report has been sent for sign-off: it can no longer be changed',
    });
  const kind = kinds.get(input.componentKind);
  const choices = kind ? await kind.choices(db, actor, ctx.at) : [];
  if (!kind || !choices.some((c) => c.ref === input.componentRef))
    throw new ValidationError({ componentRef: 'Choose what to embed from the list' });
  await db.transaction(async (tx) => {
    const existing = await repo.appendicesOf(tx, actor.organisationId, [reportId]);
    await repo.insertAppendix(tx, {
      organisationId: actor.organisationId,
      reportId,
      position: existing.length + 1,
      ...input,
      createdAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'committee.report.appendix',
      recordType: 'committee_report',
      recordId: reportId,
      detail: input.componentKind,
    });
  });
}
