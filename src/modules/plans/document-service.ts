/**
 * Reading plans as documents (the view models every layout and export
 * reads), an action with its history, and "my actions".
 */

import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { together } from '../../platform/db/together';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { canManagePlan, need, PERMISSIONS } from './access';
import {
  type ActionRow,
  buildDocument,
  type DocUpdate,
  type LeadRef,
  type PlanDocument,
  type PlanHeader,
} from './document';
import { endDateText } from './layouts';
import { formatPlanDate } from './plan-dates';
import { loadPlan } from './plans-service';
import { getRagKey, getRagScale } from './rag-key-service';
import * as repo from './repository';
import { isOverdue, isStale } from './rules';
import { heldLeadIds, loadActionForUpdate, mayUpdate } from './updates-service';
import { COMPLETE, type Frequency, type PlanType, type RagCode, ragLabel, type Source } from './vocab';

// ---------------------------------------------------------------- Reading plans as documents

export function leadRef(
  leads: Map<string, Awaited<ReturnType<typeof repo.listLeads>>[number]>,
  id: string | null,
): LeadRef | null {
  if (!id) return null;
  const l = leads.get(id);
  if (!l) return null;
  return {
    leadId: l.id,
    jobTitle: l.jobTitle,
    initials: l.initials,
    holderName: l.holderUserName ?? l.holderName,
  };
}

export function evidenceSummary(
  change: { evidenceText: string | null; evidenceLink: string | null },
  fileName: string | null,
) {
  return (
    [change.evidenceText, change.evidenceLink, fileName ? `File: ${fileName}` : null]
      .filter(Boolean)
      .join(' ') || null
  );
}

export function headerOf(plan: repo.PlanRow): PlanHeader {
  return {
    planId: plan.id,
    type: plan.type as PlanType,
    name: plan.name,
    durationFrom: plan.durationFrom,
    durationTo: plan.durationTo,
    relevantStrategies: plan.relevantStrategies,
    previousVersions: plan.previousVersions,
    monitoringBoard: plan.monitoringBoard,
    owner: plan.owner,
    implementationDate: plan.implementationDate,
    reviewDate: plan.reviewDate,
    monitoringFrequency: plan.monitoringFrequency as Frequency,
    aims: plan.aims,
    committeeName: plan.committeeName,
    tableColumns: plan.tableColumns ?? null,
  };
}

export async function documentOf(
  db: Db,
  organisationId: string,
  plan: repo.PlanRow,
  asAt: string,
): Promise<PlanDocument> {
  const [priorities, placed, leadRows, ragKey, ragScale] = await together(
    db,
    () => repo.listPriorities(db, organisationId, plan.id),
    () => repo.actionsInPlan(db, organisationId, plan.id),
    () => repo.listLeads(db, organisationId),
    () => getRagKey(db, organisationId),
    () => getRagScale(db, organisationId),
  );
  const ids = placed.map((a) => a.id);
  const [updates, completions] = await together(
    db,
    () => repo.updatesOf(db, organisationId, ids),
    () => repo.completionsOf(db, organisationId, ids),
  );
  const leads = new Map(leadRows.map((l) => [l.id, l]));
  const latest = new Map<string, DocUpdate>();
  for (const u of updates) {
    if (latest.has(u.update.actionId)) continue;
    latest.set(u.update.actionId, {
      updateId: u.update.id,
      date: u.update.updateDate,
      progress: u.update.progress,
      focus: u.update.focus,
      authorName: u.update.authorLabel ?? u.authorName,
    });
  }
  const evidence = new Map<string, string | null>();
  for (const c of completions) evidence.set(c.change.actionId, evidenceSummary(c.change, c.fileName));
  const homeNames = new Map<string, string>();
  for (const a of placed) {
    if (a.linkId && !homeNames.has(a.homePlanId)) {
      homeNames.set(a.homePlanId, (await repo.getPlan(db, organisationId, a.homePlanId))?.name ?? '');
    }
  }
  const actions: Array<ActionRow & { priorityId: string }> = placed.map((a) => ({
    priorityId: a.placementPriorityId,
    actionId: a.id,
    reference: a.placementReference,
    aim: a.aim,
    source: { kind: a.sourceKind as Source['kind'], detail: a.sourceDetail },
    action: a.action,
    startDate: a.startDate,
    startDatePrecision: a.startDatePrecision,
    startDateText: a.startDateText,
    endDate: a.endDate,
    endDatePrecision: a.endDatePrecision,
    endDateText: a.endDateText,
    measure: a.measure,
    outcomeForChildren: a.outcomeForChildren,
    leadOfficer: leadRef(leads, a.leadOfficerId),
    seniorLead: leadRef(leads, a.seniorLeadId),
    areaLead: leadRef(leads, a.areaLeadId),
    otherLeads: (a.otherLeadIds ?? []).map((id) => leadRef(leads, id)).filter((l) => l !== null),
    subHeading: a.subHeading,
    extraText: a.extraText,
    rag: a.rag as RagCode,
    score: a.score,
    ragReviewedOn: a.ragReviewedOn,
    addedOn: a.addedOn,
    completedOn: a.completedOn,
    completionEvidence: a.rag === COMPLETE ? (evidence.get(a.id) ?? null) : null,
    latestUpdate: latest.get(a.id) ?? null,
    dateAdded: a.dateAdded,
    agendaItem: a.agendaItem,
    homePlan: a.linkId
      ? { planId: a.homePlanId, name: homeNames.get(a.homePlanId) ?? '', reference: a.reference }
      : null,
  }));
  return buildDocument({
    plan: headerOf(plan),
    asAt,
    ragKey,
    ragScale,
    priorities: priorities.map((p) => ({ priorityId: p.id, number: p.number, title: p.title })),
    actions,
  });
}

/** The plan as it stands now, with flags worked out for the given date (today). */
export async function getPlanDocument(
  db: Db,
  actor: Actor,
  planId: string,
  asAt: string,
): Promise<PlanDocument> {
  need(actor, PERMISSIONS.read);
  const plan = await loadPlan(db, actor.organisationId, planId);
  return documentOf(db, actor.organisationId, plan, asAt);
}

/**
 * A committee's outstanding actions as they stand, for those who read only
 * published plans (committee members): the list is the committee's own
 * record and holds no child-level data. Other plans stay closed to them.
 */
export async function getOutstandingDocument(
  db: Db,
  actor: Actor,
  planId: string,
  asAt: string,
): Promise<PlanDocument> {
  need(actor, PERMISSIONS.published);
  const plan = await loadPlan(db, actor.organisationId, planId);
  if (plan.type !== 'committee_outstanding') throw new ForbiddenError();
  return documentOf(db, actor.organisationId, plan, asAt);
}

export interface TimelineEntry {
  kind: 'update' | 'rag';
  at: Date;
  date: string;
  byName: string | null;
  update?: {
    id: string;
    progress: string;
    focus: string | null;
    edited: boolean;
    editable: boolean;
    /** The RAG status this update's author reviewed and left as it was. */
    ragConfirmed: RagCode | null;
  };
  rag?: {
    from: RagCode | null;
    to: RagCode;
    reason: string | null;
    evidenceText: string | null;
    evidenceLink: string | null;
    evidenceFileId: string | null;
    evidenceFileName: string | null;
  };
}

/** One action with its leads, links, history and what the reader may do with it. */
export async function getActionDetail(db: Db, actor: Actor, actionId: string, today: string) {
  need(actor, PERMISSIONS.read);
  const action = await repo.getAction(db, actor.organisationId, actionId);
  if (!action) throw new NotFoundError('action');
  const plan = await loadPlan(db, actor.organisationId, action.homePlanId);
  const [leadRows, priority, links, updates, changes, held, ragKey, ragScale] = await together(
    db,
    () => repo.listLeads(db, actor.organisationId),
    () => repo.getPriority(db, actor.organisationId, action.priorityId),
    () => repo.linksOfAction(db, actor.organisationId, actionId),
    () => repo.updatesOf(db, actor.organisationId, [actionId]),
    () => repo.ragChangesOf(db, actor.organisationId, actionId),
    () => heldLeadIds(db, actor),
    () => getRagKey(db, actor.organisationId),
    () => getRagScale(db, actor.organisationId),
  );
  const leads = new Map(leadRows.map((l) => [l.id, l]));
  const manage = canManagePlan(actor, plan);
  // A RAG review that confirmed the status with an update is shown with that update, not as an event of its own.
  const updateMoments = new Set(updates.map((u) => `${u.update.createdAt.getTime()}|${u.update.authorId}`));
  const confirmedWithUpdate = (c: (typeof changes)[number]) =>
    c.change.fromRag === c.change.toRag &&
    !c.change.evidenceFileId &&
    updateMoments.has(`${c.change.changedAt.getTime()}|${c.change.changedBy}`);
  const confirmations = new Map(
    changes
      .filter(confirmedWithUpdate)
      .map((c) => [`${c.change.changedAt.getTime()}|${c.change.changedBy}`, c]),
  );
  const timeline: TimelineEntry[] = [
    ...updates.map((u, i) => ({
      kind: 'update' as const,
      at: u.update.createdAt,
      date: u.update.updateDate,
      // An imported comment is credited as the table credits it, never to the importer.
      byName: u.update.authorLabel ?? u.authorName,
      update: {
        id: u.update.id,
        progress: u.update.progress,
        focus: u.update.focus,
        edited: Boolean(u.update.editedAt),
        editable: i === 0 && (u.update.authorId === actor.userId || manage),
        ragConfirmed:
          (confirmations.get(`${u.update.createdAt.getTime()}|${u.update.authorId}`)?.change.toRag as
            | RagCode
            | undefined) ?? null,
      },
    })),
    ...changes
      .filter((c) => !confirmedWithUpdate(c))
      .map((c) => ({
        kind: 'rag' as const,
        at: c.change.changedAt,
        date: c.change.reviewedOn,
        byName: c.byName,
        rag: {
          from: (c.change.fromRag as RagCode | null) ?? null,
          to: c.change.toRag as RagCode,
          reason: c.change.reason,
          evidenceText: c.change.evidenceText,
          evidenceLink: c.change.evidenceLink,
          evidenceFileId: c.change.evidenceFileId,
          evidenceFileName: c.fileName,
        },
      })),
  ].sort((a, b) => (a.date === b.date ? b.at.getTime() - a.at.getTime() : a.date < b.date ? 1 : -1));
  const flags = {
    rag: action.rag as RagCode,
    endDate: action.endDate,
    ragReviewedOn: action.ragReviewedOn,
    addedOn: action.addedOn,
  };
  return {
    action,
    rag: action.rag as RagCode,
    ragLabel: ragLabel(ragKey, action.rag as RagCode),
    endDateText: endDateText(action),
    startDateText: formatPlanDate(action.startDate, action.startDatePrecision, action.startDateText),
    ragKey,
    ragScale,
    plan: { id: plan.id, name: plan.name, type: plan.type as PlanType },
    priority,
    source: { kind: action.sourceKind as Source['kind'], detail: action.sourceDetail },
    leadOfficer: leadRef(leads, action.leadOfficerId),
    seniorLead: leadRef(leads, action.seniorLeadId),
    areaLead: leadRef(leads, action.areaLeadId),
    links,
    timeline,
    latestUpdateDate: updates[0]?.update.updateDate ?? null,
    overdue: isOverdue(flags, today),
    stale: isStale(flags, plan.monitoringFrequency as Frequency, today),
    mayUpdate: mayUpdate(actor, action, plan, held),
    mayManage: manage,
  };
}

export async function getUpdateForEdit(db: Db, actor: Actor, updateId: string) {
  const update = await repo.getUpdate(db, actor.organisationId, updateId);
  if (!update) throw new NotFoundError('update');
  const detail = await loadActionForUpdate(db, actor, update.actionId);
  return { update, action: detail.action };
}

export async function evidenceFile(db: Db, actor: Actor, ctx: AuditContext, fileId: string) {
  need(actor, PERMISSIONS.read);
  const file = await repo.getEvidenceFile(db, actor.organisationId, fileId);
  if (!file) throw new NotFoundError('file');
  await recordAudit(db, ctx, {
    action: 'plan.evidence.download',
    recordType: 'plan_evidence',
    recordId: fileId,
  });
  return file;
}

export interface MyAction {
  actionId: string;
  reference: string;
  action: string;
  planId: string;
  planName: string;
  rag: RagCode;
  endDate: string | null;
  overdue: boolean;
  stale: boolean;
  roles: string[];
}

/** Actions whose lead officer (or one of several), senior lead or area lead post is held by this person. */
export async function myActions(db: Db, actor: Actor, today: string): Promise<MyAction[]> {
  need(actor, PERMISSIONS.read);
  const held = await heldLeadIds(db, actor);
  const rows = await repo.actionsLedBy(db, actor.organisationId, [...held]);
  const planRows = await repo.listPlans(db, actor.organisationId);
  const planById = new Map(planRows.map((p) => [p.id, p]));
  return rows
    .map((a) => {
      const plan = planById.get(a.homePlanId)!;
      const flags = {
        rag: a.rag as RagCode,
        endDate: a.endDate,
        ragReviewedOn: a.ragReviewedOn,
        addedOn: a.addedOn,
      };
      const roles = [
        a.leadOfficerId && held.has(a.leadOfficerId) ? 'Lead officer' : null,
        a.seniorLeadId && held.has(a.seniorLeadId) ? 'Senior lead' : null,
        a.areaLeadId && held.has(a.areaLeadId) ? 'Area lead' : null,
        (a.otherLeadIds ?? []).some((id) => held.has(id)) ? 'Lead officer (one of several)' : null,
      ].filter((r): r is string => r !== null);
      return {
        actionId: a.id,
        reference: a.reference,
        action: a.action,
        planId: plan.id,
        planName: plan.name,
        rag: a.rag as RagCode,
        endDate: a.endDate,
        overdue: isOverdue(flags, today),
        stale: isStale(flags, plan.monitoringFrequency as Frequency, today),
        roles,
      };
    })
    .sort((x, y) => {
      if (x.overdue !== y.overdue) return x.overdue ? -1 : 1;
      if (x.stale !== y.stale) return x.stale ? -1 : 1;
      return (x.endDate ?? '9999') < (y.endDate ?? '9999') ? -1 : 1;
    });
}
