/**
 * Improvement plans: the rules, transactions, permission and scope checks,
 * and the audit trail. Routes call these; so do the demo generator and (for
 * snapshots and outstanding actions) the committee module.
 */

import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { formatDate } from '../../platform/http/views';
import { type Actor, can } from '../../platform/permissions';
import { compareDocuments, type SnapshotComparison } from './compare';
import {
  type ActionRow,
  buildDocument,
  type DocUpdate,
  type LeadRef,
  type PlanDocument,
  type PlanHeader,
} from './document';
import { readPlanFile, UnreadableFileError } from './files';
import {
  checkReference,
  duplicateReferenceMessage,
  nextTopLevelReference,
  normaliseReference,
} from './reference';
import * as repo from './repository';
import { isOverdue, isStale } from './rules';
import { type ImportedPlan, type ImportProblem, parsePlanRows } from './table-io';
import {
  COMPLETE,
  DEFAULT_RAG_KEY,
  type Frequency,
  isRagCode,
  PLAN_TYPE_NAMES,
  type PlanType,
  RAG_CODES,
  type RagCode,
  type RagKeyEntry,
  ragLabel,
  type Source,
} from './vocab';

export { PLAN_TYPE_NAMES } from './vocab';

export const PERMISSIONS = {
  read: 'plans.read',
  published: 'plans.published',
  update: 'plans.update',
  manage: 'plans.manage',
  committee: 'plans.committee',
  publish: 'plans.publish',
  export: 'plans.export',
  configure: 'plans.configure',
} as const;

/** Evidence files: what may be uploaded, and how big. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_EXTENSIONS = [
  'pdf',
  'docx',
  'doc',
  'xlsx',
  'xls',
  'odt',
  'ods',
  'txt',
  'csv',
  'png',
  'jpg',
  'jpeg',
];

function need(actor: Actor, permission: string): void {
  if (!can(actor, permission)) throw new ForbiddenError();
}

function todayOf(ctx: AuditContext): string {
  return londonDateOf(ctx.at);
}

// ---------------------------------------------------------------- RAG key

export async function getRagKey(db: Db, organisationId: string): Promise<RagKeyEntry[]> {
  const rows = await repo.ragKeyRows(db, organisationId);
  return DEFAULT_RAG_KEY.map((d) => {
    const r = rows.find((x) => x.code === d.code);
    return r ? { code: d.code, label: r.label, meaning: r.meaning } : { ...d };
  });
}

export async function updateRagKey(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  entries: ReadonlyArray<{ code: RagCode; label: string; meaning: string }>,
): Promise<void> {
  need(actor, PERMISSIONS.configure);
  const fields: Record<string, string> = {};
  const seen = new Map<string, RagCode>();
  for (const e of entries) {
    const lower = e.label.trim().toLowerCase();
    const other = seen.get(lower);
    if (other)
      fields[`${e.code}Label`] =
        `The ${e.code} label is the same as the ${other} label. Give each status its own label`;
    seen.set(lower, e.code);
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
  await db.transaction(async (tx) => {
    for (const e of entries) {
      await repo.saveRagKeyEntry(tx, {
        organisationId: actor.organisationId,
        code: e.code,
        label: e.label.trim(),
        meaning: e.meaning.trim(),
        updatedAt: ctx.at,
        updatedBy: actor.userId,
      });
    }
    await recordAudit(tx, ctx, { action: 'plan.rag-key.update', recordType: 'plan_rag_key' });
  });
}

// ---------------------------------------------------------------- Leads roster

export interface LeadInput {
  jobTitle: string;
  initials: string | null;
  holderUserId: string | null;
  holderName: string | null;
}

export interface LeadView {
  id: string;
  jobTitle: string;
  initials: string | null;
  holderUserId: string | null;
  holderName: string | null;
}

export async function listLeads(db: Db, actor: Actor): Promise<LeadView[]> {
  const rows = await repo.listLeads(db, actor.organisationId);
  return rows.map((r) => ({
    id: r.id,
    jobTitle: r.jobTitle,
    initials: r.initials,
    holderUserId: r.holderUserId,
    holderName: r.holderUserName ?? r.holderName,
  }));
}

export async function getLead(db: Db, actor: Actor, id: string) {
  need(actor, PERMISSIONS.manage);
  const lead = await repo.getLead(db, actor.organisationId, id);
  if (!lead) throw new NotFoundError('lead');
  return lead;
}

/** People who may hold a post: the organisation's active users. */
export async function assignableUsers(db: Db, actor: Actor) {
  return repo.activeUsers(db, actor.organisationId);
}

async function checkLead(db: Db, organisationId: string, input: LeadInput, exceptId?: string) {
  if (input.holderUserId && !(await repo.userInOrganisation(db, organisationId, input.holderUserId))) {
    throw new ValidationError({ holderUserId: 'Select a person from the list' });
  }
  if (input.initials) {
    const clash = await repo.leadWithInitials(db, organisationId, input.initials);
    if (clash && clash.id !== exceptId) {
      throw new ValidationError({
        initials: `Initials ${input.initials} are already used for another post. Enter different initials`,
      });
    }
  }
}

function leadValues(input: LeadInput) {
  return {
    jobTitle: input.jobTitle.trim(),
    initials: input.initials?.trim() || null,
    holderUserId: input.holderUserId || null,
    holderName: input.holderUserId ? null : input.holderName?.trim() || null,
  };
}

export async function createLead(db: Db, actor: Actor, ctx: AuditContext, input: LeadInput): Promise<string> {
  need(actor, PERMISSIONS.manage);
  return db.transaction(async (tx) => {
    await checkLead(tx, actor.organisationId, input);
    const { id } = await repo.insertLead(tx, {
      organisationId: actor.organisationId,
      ...leadValues(input),
      createdAt: ctx.at,
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, { action: 'plan.lead.create', recordType: 'plan_lead', recordId: id });
    return id;
  });
}

export async function updateLead(db: Db, actor: Actor, ctx: AuditContext, id: string, input: LeadInput) {
  need(actor, PERMISSIONS.manage);
  await db.transaction(async (tx) => {
    const lead = await repo.getLead(tx, actor.organisationId, id);
    if (!lead) throw new NotFoundError('lead');
    await checkLead(tx, actor.organisationId, input, id);
    const values = leadValues(input);
    await repo.updateLead(tx, actor.organisationId, id, { ...values, updatedAt: ctx.at });
    const holderChanged = lead.holderUserId !== values.holderUserId || lead.holderName !== values.holderName;
    await recordAudit(tx, ctx, {
      action: 'plan.lead.update',
      recordType: 'plan_lead',
      recordId: id,
      detail: holderChanged ? 'holder changed' : undefined,
    });
  });
}

/** Find a post by its job title or initials, or add it: how outstanding actions arriving from minutes name their officer. */
async function findOrCreateLead(db: Db, ctx: AuditContext, organisationId: string, officer: string) {
  const wanted = officer.trim().toLowerCase();
  const leads = await repo.listLeads(db, organisationId);
  const found =
    leads.find((l) => l.initials?.toLowerCase() === wanted) ??
    leads.find((l) => l.jobTitle.toLowerCase() === wanted);
  if (found) return found.id;
  const { id } = await repo.insertLead(db, {
    organisationId,
    jobTitle: officer.trim(),
    initials: null,
    holderUserId: null,
    holderName: null,
    createdAt: ctx.at,
    updatedAt: ctx.at,
  });
  await recordAudit(db, ctx, { action: 'plan.lead.create', recordType: 'plan_lead', recordId: id });
  return id;
}

// ---------------------------------------------------------------- Plans

export interface PlanInput {
  type: PlanType;
  name: string;
  durationFrom: string | null;
  durationTo: string | null;
  relevantStrategies: string | null;
  previousVersions: string | null;
  monitoringBoard: string | null;
  owner: string | null;
  implementationDate: string | null;
  reviewDate: string | null;
  monitoringFrequency: Frequency;
  aims: string | null;
  committeeName: string | null;
}

export interface PlanSummary {
  id: string;
  type: PlanType;
  typeName: string;
  name: string;
  committeeName: string | null;
  counts: Record<RagCode, number>;
  total: number;
  latestSnapshot: { number: number; asAt: string } | null;
}

function canManagePlan(actor: Actor, plan: { type: string }): boolean {
  return (
    can(actor, PERMISSIONS.manage) ||
    (plan.type === 'committee_outstanding' && can(actor, PERMISSIONS.committee))
  );
}

function needManage(actor: Actor, plan: { type: string }): void {
  if (!canManagePlan(actor, plan)) throw new ForbiddenError();
}

export function committeeKeyOf(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export async function listPlans(db: Db, actor: Actor): Promise<PlanSummary[]> {
  need(actor, PERMISSIONS.read);
  const rows = await repo.listPlans(db, actor.organisationId);
  const counts = await repo.actionCountsByPlan(db, actor.organisationId);
  const snapshots = await repo.allSnapshots(db, actor.organisationId);
  return rows.map((p) => {
    const c = Object.fromEntries(RAG_CODES.map((code) => [code, 0])) as Record<RagCode, number>;
    for (const r of counts.filter((x) => x.planId === p.id)) if (isRagCode(r.rag)) c[r.rag] += r.n;
    const latest = snapshots.find((s) => s.planId === p.id);
    return {
      id: p.id,
      type: p.type as PlanType,
      typeName: PLAN_TYPE_NAMES[p.type as PlanType],
      name: p.name,
      committeeName: p.committeeName,
      counts: c,
      total: Object.values(c).reduce((a, b) => a + b, 0),
      latestSnapshot: latest ? { number: latest.number, asAt: latest.asAt } : null,
    };
  });
}

async function loadPlan(db: Db, organisationId: string, planId: string) {
  const plan = await repo.getPlan(db, organisationId, planId);
  if (!plan) throw new NotFoundError('plan');
  return plan;
}

export async function getPlan(db: Db, actor: Actor, planId: string) {
  need(actor, PERMISSIONS.read);
  const plan = await loadPlan(db, actor.organisationId, planId);
  return { ...plan, type: plan.type as PlanType, monitoringFrequency: plan.monitoringFrequency as Frequency };
}

function checkPlanInput(input: PlanInput) {
  const fields: Record<string, string> = {};
  if (input.durationFrom && input.durationTo && input.durationTo < input.durationFrom) {
    fields.durationTo = 'The end of the plan must be the same as or after its start';
  }
  if (input.type === 'committee_outstanding' && !input.committeeName) {
    fields.committeeName = 'Enter the name of the committee, like Safeguarding Committee';
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
}

function planValues(input: PlanInput) {
  return {
    type: input.type,
    name: input.name.trim(),
    durationFrom: input.durationFrom,
    durationTo: input.durationTo,
    relevantStrategies: input.relevantStrategies,
    previousVersions: input.previousVersions,
    monitoringBoard: input.monitoringBoard,
    owner: input.owner,
    implementationDate: input.implementationDate,
    reviewDate: input.reviewDate,
    monitoringFrequency: input.monitoringFrequency,
    aims: input.aims,
    committeeName: input.type === 'committee_outstanding' ? input.committeeName : null,
    committeeKey:
      input.type === 'committee_outstanding' && input.committeeName
        ? committeeKeyOf(input.committeeName)
        : null,
  };
}

async function insertPlanTx(tx: Db, actor: Actor, ctx: AuditContext, input: PlanInput, detail?: string) {
  checkPlanInput(input);
  const values = planValues(input);
  if (values.committeeKey && (await repo.committeePlan(tx, actor.organisationId, values.committeeKey))) {
    throw new ValidationError({
      committeeName: `${input.committeeName} already has an outstanding actions list. Add actions to that list instead`,
    });
  }
  const { id } = await repo.insertPlan(tx, {
    organisationId: actor.organisationId,
    ...values,
    createdAt: ctx.at,
    createdBy: actor.userId,
    updatedAt: ctx.at,
  });
  if (input.type === 'committee_outstanding') {
    await repo.insertPriority(tx, {
      organisationId: actor.organisationId,
      planId: id,
      number: 1,
      title: 'Outstanding actions',
      createdAt: ctx.at,
    });
  }
  await recordAudit(tx, ctx, { action: 'plan.create', recordType: 'plan', recordId: id, detail });
  return id;
}

export async function createPlan(db: Db, actor: Actor, ctx: AuditContext, input: PlanInput): Promise<string> {
  needManage(actor, input);
  return db.transaction((tx) => insertPlanTx(tx, actor, ctx, input));
}

export async function updatePlan(db: Db, actor: Actor, ctx: AuditContext, planId: string, input: PlanInput) {
  await db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor.organisationId, planId);
    needManage(actor, plan);
    if (input.type !== plan.type) {
      if (plan.type === 'committee_outstanding' || input.type === 'committee_outstanding') {
        throw new ValidationError({
          type: 'A committee outstanding actions list cannot become another kind of plan, or the other way round. Make a new plan instead',
        });
      }
    }
    checkPlanInput(input);
    const values = planValues(input);
    if (values.committeeKey && values.committeeKey !== plan.committeeKey) {
      const clash = await repo.committeePlan(tx, actor.organisationId, values.committeeKey);
      if (clash && clash.id !== planId) {
        throw new ValidationError({
          committeeName: `${input.committeeName} already has an outstanding actions list`,
        });
      }
    }
    await repo.updatePlan(tx, actor.organisationId, planId, { ...values, updatedAt: ctx.at });
    await recordAudit(tx, ctx, { action: 'plan.update', recordType: 'plan', recordId: planId });
  });
}

// ---------------------------------------------------------------- Priorities

export async function listPriorities(db: Db, actor: Actor, planId: string) {
  need(actor, PERMISSIONS.read);
  await loadPlan(db, actor.organisationId, planId);
  return repo.listPriorities(db, actor.organisationId, planId);
}

export async function getPriority(db: Db, actor: Actor, planId: string, priorityId: string) {
  need(actor, PERMISSIONS.read);
  const p = await repo.getPriority(db, actor.organisationId, priorityId);
  if (!p || p.planId !== planId) throw new NotFoundError('priority');
  return p;
}

async function checkPriorityNumber(
  db: Db,
  organisationId: string,
  planId: string,
  number: number,
  exceptId?: string,
) {
  const existing = await repo.listPriorities(db, organisationId, planId);
  if (existing.some((p) => p.number === number && p.id !== exceptId)) {
    throw new ValidationError({
      number: `Priority ${number} already exists in this plan. Enter a different number`,
    });
  }
}

export async function createPriority(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  input: { number: number; title: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor.organisationId, planId);
    needManage(actor, plan);
    await checkPriorityNumber(tx, actor.organisationId, planId, input.number);
    const { id } = await repo.insertPriority(tx, {
      organisationId: actor.organisationId,
      planId,
      number: input.number,
      title: input.title.trim(),
      createdAt: ctx.at,
    });
    await recordAudit(tx, ctx, { action: 'plan.priority.create', recordType: 'plan', recordId: planId });
    return id;
  });
}

export async function updatePriority(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  priorityId: string,
  input: { number: number; title: string },
) {
  await db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor.organisationId, planId);
    needManage(actor, plan);
    const p = await repo.getPriority(tx, actor.organisationId, priorityId);
    if (!p || p.planId !== planId) throw new NotFoundError('priority');
    await checkPriorityNumber(tx, actor.organisationId, planId, input.number, priorityId);
    await repo.updatePriority(tx, actor.organisationId, priorityId, {
      number: input.number,
      title: input.title.trim(),
    });
    await recordAudit(tx, ctx, { action: 'plan.priority.update', recordType: 'plan', recordId: planId });
  });
}

// ---------------------------------------------------------------- Actions

export interface ActionInput {
  priorityId: string;
  reference: string;
  aim: string | null;
  source: Source;
  action: string;
  startDate: string | null;
  endDate: string | null;
  measure: string | null;
  outcomeForChildren: string | null;
  leadOfficerId: string | null;
  seniorLeadId: string | null;
  areaLeadId: string | null;
  dateAdded: string | null;
  agendaItem: string | null;
}

export interface Evidence {
  text: string | null;
  link: string | null;
  file: { filename: string; contentType: string; data: Buffer } | null;
}

const NO_EVIDENCE: Evidence = { text: null, link: null, file: null };

async function checkReferenceFree(
  db: Db,
  organisationId: string,
  planId: string,
  reference: string,
  field = 'reference',
  exceptActionId?: string,
): Promise<string> {
  const check = checkReference(reference);
  if (!check.ok) throw new ValidationError({ [field]: check.message });
  const taken = await repo.referencesInPlan(db, organisationId, planId);
  if (
    taken.some((t) => normaliseReference(t.reference) === check.reference && t.actionId !== exceptActionId)
  ) {
    throw new ValidationError({ [field]: duplicateReferenceMessage(check.reference) });
  }
  return check.reference;
}

async function checkActionInput(db: Db, organisationId: string, planId: string, input: ActionInput) {
  const fields: Record<string, string> = {};
  const priority = await repo.getPriority(db, organisationId, input.priorityId);
  if (!priority || priority.planId !== planId)
    fields.priorityId = 'Select the priority this action belongs to';
  if (input.startDate && input.endDate && input.endDate < input.startDate) {
    fields.endDate = 'The end date must be the same as or after the start date';
  }
  for (const key of ['leadOfficerId', 'seniorLeadId', 'areaLeadId'] as const) {
    const id = input[key];
    if (id && !(await repo.getLead(db, organisationId, id)))
      fields[key] = 'Select a post from the leads roster';
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
}

function actionValues(input: ActionInput, reference: string) {
  return {
    priorityId: input.priorityId,
    reference,
    aim: input.aim,
    sourceKind: input.source.kind,
    sourceDetail: input.source.detail,
    action: input.action.trim(),
    startDate: input.startDate,
    endDate: input.endDate,
    measure: input.measure,
    outcomeForChildren: input.outcomeForChildren,
    leadOfficerId: input.leadOfficerId,
    seniorLeadId: input.seniorLeadId,
    areaLeadId: input.areaLeadId,
    dateAdded: input.dateAdded,
    agendaItem: input.agendaItem,
  };
}

function checkEvidence(evidence: Evidence): Record<string, string> {
  const fields: Record<string, string> = {};
  if (evidence.link && !/^https?:\/\/[^\s]+$/i.test(evidence.link)) {
    fields.evidenceLink = 'Enter a link that starts with https:// or http://';
  }
  if (evidence.file) {
    const ext = evidence.file.filename.split('.').pop()?.toLowerCase() ?? '';
    if (!EVIDENCE_EXTENSIONS.includes(ext)) {
      fields.evidenceFile = `The evidence file must be a ${EVIDENCE_EXTENSIONS.slice(0, -1).join(', ')} or ${EVIDENCE_EXTENSIONS.at(-1)} file`;
    } else if (evidence.file.data.length === 0) {
      fields.evidenceFile = 'The selected file is empty. Choose a file with the evidence in it';
    } else if (evidence.file.data.length > MAX_EVIDENCE_BYTES) {
      fields.evidenceFile = 'The evidence file must be smaller than 5MB';
    }
  }
  return fields;
}

function hasEvidence(evidence: Evidence): boolean {
  return Boolean(evidence.text?.trim() || evidence.link?.trim() || evidence.file);
}

export const COMPLETION_NEEDS_EVIDENCE =
  'To mark this action complete, give evidence that it is done: describe it, add a link to it, or upload a file';

/** Write a RAG decision (change or confirmation) and bring the action's current RAG up to date. */
async function writeRag(
  tx: Db,
  actor: { userId: string | null; organisationId: string },
  ctx: AuditContext,
  action: { id: string; rag: string | null; ragReviewedOn: string | null; completedOn: string | null },
  input: {
    rag: RagCode;
    reviewedOn: string;
    reason: string | null;
    evidence: Evidence;
    completedOn?: string | null;
  },
) {
  const completing = input.rag === COMPLETE && action.rag !== COMPLETE;
  if (completing && !hasEvidence(input.evidence)) {
    throw new ValidationError({ evidenceText: COMPLETION_NEEDS_EVIDENCE });
  }
  let evidenceFileId: string | null = null;
  if (input.evidence.file) {
    const f = input.evidence.file;
    evidenceFileId = (
      await repo.insertEvidenceFile(tx, {
        organisationId: actor.organisationId,
        actionId: action.id,
        filename: f.filename.replace(/[/\\]/g, '_').slice(0, 200),
        contentType: f.contentType || 'application/octet-stream',
        sizeBytes: f.data.length,
        content: f.data,
        uploadedBy: actor.userId,
        uploadedAt: ctx.at,
      })
    ).id;
  }
  await repo.insertRagChange(tx, {
    organisationId: actor.organisationId,
    actionId: action.id,
    fromRag: action.rag,
    toRag: input.rag,
    reviewedOn: input.reviewedOn,
    reason: input.reason,
    evidenceText: input.evidence.text?.trim() || null,
    evidenceLink: input.evidence.link?.trim() || null,
    evidenceFileId,
    changedBy: actor.userId,
    changedAt: ctx.at,
  });
  const reviewed =
    action.ragReviewedOn && action.ragReviewedOn > input.reviewedOn ? action.ragReviewedOn : input.reviewedOn;
  await repo.updateAction(tx, actor.organisationId, action.id, {
    rag: input.rag,
    ragReviewedOn: reviewed,
    completedOn:
      input.rag === COMPLETE
        ? completing
          ? (input.completedOn ?? input.reviewedOn)
          : action.completedOn
        : null,
    updatedAt: ctx.at,
  });
}

async function insertActionTx(
  tx: Db,
  actor: Actor,
  ctx: AuditContext,
  plan: { id: string },
  input: ActionInput,
  initial: {
    rag: RagCode;
    reviewedOn: string;
    reason: string;
    evidence: Evidence;
    completedOn?: string | null;
  },
) {
  await checkActionInput(tx, actor.organisationId, plan.id, input);
  const reference = await checkReferenceFree(tx, actor.organisationId, plan.id, input.reference);
  const { id } = await repo.insertAction(tx, {
    organisationId: actor.organisationId,
    homePlanId: plan.id,
    ...actionValues(input, reference),
    rag: initial.rag,
    ragReviewedOn: null,
    completedOn: null,
    addedOn: todayOf(ctx),
    createdAt: ctx.at,
    updatedAt: ctx.at,
  });
  await writeRag(tx, actor, ctx, { id, rag: null, ragReviewedOn: null, completedOn: null }, initial);
  await recordAudit(tx, ctx, { action: 'plan.action.create', recordType: 'plan_action', recordId: id });
  return id;
}

export async function createAction(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  input: ActionInput,
  initialRag: Exclude<RagCode, 'blue'> = 'green',
): Promise<string> {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor.organisationId, planId);
    needManage(actor, plan);
    return insertActionTx(tx, actor, ctx, plan, input, {
      rag: initialRag,
      reviewedOn: todayOf(ctx),
      reason: 'Action added to the plan',
      evidence: NO_EVIDENCE,
    });
  });
}

export async function updateAction(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  actionId: string,
  input: ActionInput,
) {
  await db.transaction(async (tx) => {
    const action = await repo.getAction(tx, actor.organisationId, actionId);
    if (!action) throw new NotFoundError('action');
    const plan = await loadPlan(tx, actor.organisationId, action.homePlanId);
    needManage(actor, plan);
    await checkActionInput(tx, actor.organisationId, plan.id, input);
    const reference = await checkReferenceFree(
      tx,
      actor.organisationId,
      plan.id,
      input.reference,
      'reference',
      actionId,
    );
    await repo.updateAction(tx, actor.organisationId, actionId, {
      ...actionValues(input, reference),
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.action.update',
      recordType: 'plan_action',
      recordId: actionId,
    });
  });
}

async function heldLeadIds(db: Db, actor: Actor): Promise<Set<string>> {
  return new Set(await repo.leadIdsHeldBy(db, actor.organisationId, actor.userId));
}

function ledBy(action: repo.ActionRowDb, held: ReadonlySet<string>): boolean {
  return [action.leadOfficerId, action.seniorLeadId, action.areaLeadId].some((id) => id && held.has(id));
}

/** May this person add updates and set the RAG of this action? Managers of the plan may; so may the action's leads. */
export function mayUpdate(
  actor: Actor,
  action: repo.ActionRowDb,
  homePlan: { type: string },
  held: ReadonlySet<string>,
): boolean {
  if (canManagePlan(actor, homePlan)) return true;
  return can(actor, PERMISSIONS.update) && ledBy(action, held);
}

async function loadActionForUpdate(tx: Db, actor: Actor, actionId: string) {
  const action = await repo.getAction(tx, actor.organisationId, actionId);
  if (!action) throw new NotFoundError('action');
  const plan = await loadPlan(tx, actor.organisationId, action.homePlanId);
  if (!mayUpdate(actor, action, plan, await heldLeadIds(tx, actor))) {
    throw new ForbiddenError(
      'Only the leads for this action and the managers of its plan can update it. Ask the lead officer or the plan owner',
    );
  }
  return { action, plan };
}

export interface UpdateInput {
  date: string;
  progress: string;
  focus: string | null;
  rag: RagCode;
  reason: string | null;
  evidence: Evidence;
}

/**
 * A dated, attributed update: progress and impact, focus for the next period,
 * and the RAG reviewed (changed with a reason, or confirmed). Completion needs
 * evidence.
 */
export async function addUpdate(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  actionId: string,
  input: UpdateInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    const { action } = await loadActionForUpdate(tx, actor, actionId);
    const fields: Record<string, string> = { ...checkEvidence(input.evidence) };
    const today = todayOf(ctx);
    if (input.date > today) fields.date = 'The date of the update must be today or in the past';
    const [latest] = await repo.updatesOf(tx, actor.organisationId, [actionId]);
    if (latest && input.date < latest.update.updateDate) {
      fields.date = `The date of the update must be the same as or after the last update, ${latest.update.updateDate}`;
    }
    const changing = input.rag !== action.rag;
    if (changing && input.rag !== COMPLETE && !input.reason?.trim()) {
      fields.reason = 'Enter why the RAG status is changing';
    }
    if (input.rag === COMPLETE && action.rag !== COMPLETE && !hasEvidence(input.evidence)) {
      fields.evidenceText = COMPLETION_NEEDS_EVIDENCE;
    }
    if (Object.keys(fields).length) throw new ValidationError(fields);
    const { id } = await repo.insertUpdate(tx, {
      organisationId: actor.organisationId,
      actionId,
      updateDate: input.date,
      progress: input.progress.trim(),
      focus: input.focus?.trim() || null,
      authorId: actor.userId,
      createdAt: ctx.at,
    });
    await writeRag(tx, actor, ctx, action, {
      rag: input.rag,
      reviewedOn: input.date,
      reason: input.reason?.trim() || (changing ? null : 'Reviewed with the update; no change'),
      evidence: input.evidence,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.action.progress',
      recordType: 'plan_action',
      recordId: actionId,
      detail: changing ? `RAG ${action.rag} to ${input.rag}` : `RAG ${input.rag} confirmed`,
    });
    return id;
  });
}

/** Mark an action complete on a date, with evidence (the committee's outstanding actions, or any action). */
export async function completeAction(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  actionId: string,
  input: { completedOn: string; evidence: Evidence; note: string | null },
) {
  await db.transaction(async (tx) => {
    const { action } = await loadActionForUpdate(tx, actor, actionId);
    const fields: Record<string, string> = { ...checkEvidence(input.evidence) };
    if (action.rag === COMPLETE) fields.completedOn = 'This action is already complete';
    if (input.completedOn > todayOf(ctx))
      fields.completedOn = 'The date of completion must be today or in the past';
    if (!hasEvidence(input.evidence)) fields.evidenceText = COMPLETION_NEEDS_EVIDENCE;
    if (Object.keys(fields).length) throw new ValidationError(fields);
    await writeRag(tx, actor, ctx, action, {
      rag: COMPLETE,
      reviewedOn: input.completedOn,
      reason: input.note?.trim() || 'Marked complete',
      evidence: input.evidence,
      completedOn: input.completedOn,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.action.complete',
      recordType: 'plan_action',
      recordId: actionId,
    });
  });
}

/** An update may be corrected by its author or a manager of the plan, only while no later update exists. */
export async function editUpdate(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  updateId: string,
  input: { date: string; progress: string; focus: string | null },
) {
  await db.transaction(async (tx) => {
    const update = await repo.getUpdate(tx, actor.organisationId, updateId);
    if (!update) throw new NotFoundError('update');
    const { plan } = await loadActionForUpdate(tx, actor, update.actionId);
    if (update.authorId !== actor.userId && !canManagePlan(actor, plan)) {
      throw new ForbiddenError(
        'Only the person who wrote this update, or a manager of the plan, can correct it',
      );
    }
    const all = await repo.updatesOf(tx, actor.organisationId, [update.actionId]);
    if (all[0]?.update.id !== updateId) {
      throw new ValidationError({
        progress:
          'This update cannot be changed because a later update has been added. Add a new update instead',
      });
    }
    const previous = all[1]?.update;
    if (input.date > todayOf(ctx))
      throw new ValidationError({ date: 'The date of the update must be today or in the past' });
    if (previous && input.date < previous.updateDate) {
      throw new ValidationError({
        date: `The date of the update must be the same as or after the update before it, ${previous.updateDate}`,
      });
    }
    await repo.editUpdate(tx, actor.organisationId, updateId, {
      updateDate: input.date,
      progress: input.progress.trim(),
      focus: input.focus?.trim() || null,
      editedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.update.edit',
      recordType: 'plan_action',
      recordId: update.actionId,
    });
  });
}

export async function linkAction(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  actionId: string,
  input: { planId: string; priorityId: string; reference: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const action = await repo.getAction(tx, actor.organisationId, actionId);
    if (!action) throw new NotFoundError('action');
    const target = await repo.getPlan(tx, actor.organisationId, input.planId);
    if (!target) throw new ValidationError({ planId: 'Select the plan to link this action into' });
    needManage(actor, target);
    if (target.id === action.homePlanId) {
      throw new ValidationError({
        planId: 'This action already belongs to that plan. Select a different plan',
      });
    }
    const links = await repo.linksOfAction(tx, actor.organisationId, actionId);
    if (links.some((l) => l.planId === target.id)) {
      throw new ValidationError({ planId: `This action is already linked into ${target.name}` });
    }
    const priority = await repo.getPriority(tx, actor.organisationId, input.priorityId);
    if (!priority || priority.planId !== target.id) {
      throw new ValidationError({ priorityId: `Select a priority in ${target.name}` });
    }
    const reference = await checkReferenceFree(tx, actor.organisationId, target.id, input.reference);
    await repo.insertLink(tx, {
      organisationId: actor.organisationId,
      planId: target.id,
      actionId,
      priorityId: priority.id,
      reference,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.action.link',
      recordType: 'plan_action',
      recordId: actionId,
      detail: `linked into plan ${target.id}`,
    });
  });
}

// ---------------------------------------------------------------- Reading plans as documents

function leadRef(
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

function headerOf(plan: repo.PlanRow): PlanHeader {
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
  };
}

async function documentOf(
  db: Db,
  organisationId: string,
  plan: repo.PlanRow,
  asAt: string,
): Promise<PlanDocument> {
  const [priorities, placed, leadRows, ragKey] = await Promise.all([
    repo.listPriorities(db, organisationId, plan.id),
    repo.actionsInPlan(db, organisationId, plan.id),
    repo.listLeads(db, organisationId),
    getRagKey(db, organisationId),
  ]);
  const ids = placed.map((a) => a.id);
  const [updates, completions] = await Promise.all([
    repo.updatesOf(db, organisationId, ids),
    repo.completionsOf(db, organisationId, ids),
  ]);
  const leads = new Map(leadRows.map((l) => [l.id, l]));
  const latest = new Map<string, DocUpdate>();
  for (const u of updates) {
    if (latest.has(u.update.actionId)) continue;
    latest.set(u.update.actionId, {
      updateId: u.update.id,
      date: u.update.updateDate,
      progress: u.update.progress,
      focus: u.update.focus,
      authorName: u.authorName,
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
    endDate: a.endDate,
    measure: a.measure,
    outcomeForChildren: a.outcomeForChildren,
    leadOfficer: leadRef(leads, a.leadOfficerId),
    seniorLead: leadRef(leads, a.seniorLeadId),
    areaLead: leadRef(leads, a.areaLeadId),
    rag: a.rag as RagCode,
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
  const [leadRows, priority, links, updates, changes, held, ragKey] = await Promise.all([
    repo.listLeads(db, actor.organisationId),
    repo.getPriority(db, actor.organisationId, action.priorityId),
    repo.linksOfAction(db, actor.organisationId, actionId),
    repo.updatesOf(db, actor.organisationId, [actionId]),
    repo.ragChangesOf(db, actor.organisationId, actionId),
    heldLeadIds(db, actor),
    getRagKey(db, actor.organisationId),
  ]);
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
      byName: u.authorName,
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
    ragKey,
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

/** Actions whose lead officer, senior lead or area lead post is held by this person. */
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

// ---------------------------------------------------------------- Snapshots

export interface SnapshotSummary {
  id: string;
  planId: string;
  planName: string;
  planType: PlanType;
  number: number;
  asAt: string;
  publishedAt: Date;
  publishedByName: string | null;
}

function summary(row: Awaited<ReturnType<typeof repo.snapshotsOf>>[number]): SnapshotSummary {
  return { ...row, planType: row.planType as PlanType };
}

/**
 * Publish the plan as it stands: one transaction writes a frozen document
 * numbered after the plan's last snapshot. Never updated afterwards (the
 * service has no function to change one; the database refuses too).
 */
export async function publishSnapshot(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  input: { asAt: string },
): Promise<{ id: string; number: number }> {
  need(actor, PERMISSIONS.publish);
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor.organisationId, planId);
    if (input.asAt > todayOf(ctx))
      throw new ValidationError({ asAt: 'The "as at" date must be today or in the past' });
    const [previous] = await repo.snapshotsOf(tx, actor.organisationId, planId);
    if (previous && input.asAt < previous.asAt) {
      throw new ValidationError({
        asAt: `The "as at" date must be the same as or after the last snapshot's, ${previous.asAt}`,
      });
    }
    const document = await documentOf(tx, actor.organisationId, plan, input.asAt);
    const number = await repo.nextSnapshotNumber(tx, actor.organisationId, planId);
    const { id } = await repo.insertSnapshot(tx, {
      organisationId: actor.organisationId,
      planId,
      number,
      asAt: input.asAt,
      document,
      publishedAt: ctx.at,
      publishedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.snapshot.publish',
      recordType: 'plan_snapshot',
      recordId: id,
      detail: `plan ${planId} snapshot ${number}`,
    });
    return { id, number };
  });
}

export async function listSnapshots(db: Db, actor: Actor, planId: string): Promise<SnapshotSummary[]> {
  need(actor, PERMISSIONS.published);
  await loadPlan(db, actor.organisationId, planId);
  return (await repo.snapshotsOf(db, actor.organisationId, planId)).map(summary);
}

export interface Snapshot extends SnapshotSummary {
  document: PlanDocument;
}

export async function getSnapshot(db: Db, actor: Actor, planId: string, number: number): Promise<Snapshot> {
  need(actor, PERMISSIONS.published);
  const plan = await loadPlan(db, actor.organisationId, planId);
  const row = await repo.snapshotByNumber(db, actor.organisationId, planId, number);
  if (!row) throw new NotFoundError('snapshot');
  return {
    id: row.snapshot.id,
    planId,
    planName: plan.name,
    planType: plan.type as PlanType,
    number: row.snapshot.number,
    asAt: row.snapshot.asAt,
    publishedAt: row.snapshot.publishedAt,
    publishedByName: row.publishedByName,
    document: row.snapshot.document,
  };
}

export async function compareSnapshots(
  db: Db,
  actor: Actor,
  planId: string,
  from: number,
  to: number,
): Promise<{ from: Snapshot; to: Snapshot; comparison: SnapshotComparison }> {
  const a = await getSnapshot(db, actor, planId, from);
  const b = await getSnapshot(db, actor, planId, to);
  const [earlier, later] = a.number <= b.number ? [a, b] : [b, a];
  return { from: earlier, to: later, comparison: compareDocuments(earlier.document, later.document) };
}

/**
 * For the committee module: the published snapshots of this organisation's
 * plans, newest first within each plan. Snapshots hold no child-level data.
 */
export async function listPublishedSnapshots(
  db: Db,
  organisationId: string,
  options: { planId?: string } = {},
): Promise<SnapshotSummary[]> {
  const rows = options.planId
    ? await repo.snapshotsOf(db, organisationId, options.planId)
    : await repo.allSnapshots(db, organisationId);
  return rows.map(summary);
}

/**
 * For the committee module: a published snapshot's frozen document, to embed
 * in a report exactly as it was published. Another organisation's snapshot
 * is not found.
 */
export async function getSnapshotForEmbedding(
  db: Db,
  organisationId: string,
  snapshotId: string,
): Promise<Snapshot> {
  const row = await repo.snapshotById(db, organisationId, snapshotId);
  if (!row) throw new NotFoundError('snapshot');
  const plan = await loadPlan(db, organisationId, row.snapshot.planId);
  return {
    id: row.snapshot.id,
    planId: plan.id,
    planName: plan.name,
    planType: plan.type as PlanType,
    number: row.snapshot.number,
    asAt: row.snapshot.asAt,
    publishedAt: row.snapshot.publishedAt,
    publishedByName: row.publishedByName,
    document: row.snapshot.document,
  };
}

// ---------------------------------------------------------------- Committee outstanding actions

export interface OutstandingActionInput {
  committeeName: string;
  /** Defaults to a key made from the name; the committee module passes its own. */
  committeeKey?: string;
  action: string;
  dateAdded: string;
  agendaItem: string | null;
  /** A post on the leads roster, or a job title (or initials) to find or add one. */
  officerLeadId?: string | null;
  officer?: string | null;
  targetDate: string | null;
}

/**
 * Add an action to a committee's outstanding actions list (made on first
 * use). The committee module calls this for actions arising from minutes;
 * clerks add them by hand through the same function.
 */
export async function addOutstandingAction(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: OutstandingActionInput,
): Promise<{ planId: string; actionId: string; reference: string }> {
  if (!can(actor, PERMISSIONS.committee) && !can(actor, PERMISSIONS.manage)) throw new ForbiddenError();
  return db.transaction(async (tx) => {
    const key = input.committeeKey ?? committeeKeyOf(input.committeeName);
    let plan = await repo.committeePlan(tx, actor.organisationId, key);
    if (!plan) {
      const id = await insertPlanTx(tx, actor, ctx, {
        type: 'committee_outstanding',
        name: `${input.committeeName.trim()}: outstanding actions`,
        durationFrom: null,
        durationTo: null,
        relevantStrategies: null,
        previousVersions: null,
        monitoringBoard: input.committeeName.trim(),
        owner: null,
        implementationDate: null,
        reviewDate: null,
        monitoringFrequency: 'quarterly',
        aims: null,
        committeeName: input.committeeName.trim(),
      });
      await repo.updatePlan(tx, actor.organisationId, id, { committeeKey: key });
      plan = (await repo.getPlan(tx, actor.organisationId, id))!;
    }
    const [priority] = await repo.listPriorities(tx, actor.organisationId, plan.id);
    const taken = await repo.referencesInPlan(tx, actor.organisationId, plan.id);
    const reference = nextTopLevelReference(taken.map((t) => t.reference));
    const officerLeadId =
      input.officerLeadId ??
      (input.officer?.trim() ? await findOrCreateLead(tx, ctx, actor.organisationId, input.officer) : null);
    const actionId = await insertActionTx(
      tx,
      actor,
      ctx,
      plan,
      {
        priorityId: priority!.id,
        reference,
        aim: null,
        source: { kind: 'committee', detail: input.agendaItem },
        action: input.action,
        startDate: input.dateAdded,
        endDate: input.targetDate,
        measure: null,
        outcomeForChildren: null,
        leadOfficerId: officerLeadId,
        seniorLeadId: null,
        areaLeadId: null,
        dateAdded: input.dateAdded,
        agendaItem: input.agendaItem,
      },
      {
        rag: 'green',
        reviewedOn: input.dateAdded,
        reason: 'Added to the outstanding actions list',
        evidence: NO_EVIDENCE,
      },
    );
    return { planId: plan.id, actionId, reference };
  });
}

// ---------------------------------------------------------------- Import (the rows are read and checked by table-io)

/** Write a checked plan in one transaction. Any failure writes nothing. */
export async function saveImportedPlan(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  imported: ImportedPlan,
  filename: string,
): Promise<string> {
  needManage(actor, imported.header);
  return db.transaction(async (tx) => {
    const planId = await insertPlanTx(
      tx,
      actor,
      ctx,
      imported.header,
      `imported from ${filename.slice(0, 100)}`,
    );
    const priorityIds = new Map<number, string>();
    if (imported.header.type === 'committee_outstanding') {
      const [p] = await repo.listPriorities(tx, actor.organisationId, planId);
      priorityIds.set(1, p!.id);
    }
    for (const p of imported.priorities) {
      if (priorityIds.has(p.number)) continue;
      const { id } = await repo.insertPriority(tx, {
        organisationId: actor.organisationId,
        planId,
        number: p.number,
        title: p.title,
        createdAt: ctx.at,
      });
      priorityIds.set(p.number, id);
    }
    const today = todayOf(ctx);
    for (const a of imported.actions) {
      const reviewedOn = a.ragReviewedOn ?? today;
      const actionId = await insertActionTx(
        tx,
        actor,
        ctx,
        { id: planId },
        { ...a.input, priorityId: priorityIds.get(a.priorityNumber)! },
        {
          rag: a.rag,
          reviewedOn,
          reason: `Imported from ${filename.slice(0, 100)}`,
          evidence: { text: a.evidence, link: null, file: null },
          completedOn: a.completedOn,
        },
      );
      if (a.update) {
        await repo.insertUpdate(tx, {
          organisationId: actor.organisationId,
          actionId,
          updateDate: a.update.date,
          progress: a.update.progress,
          focus: a.update.focus,
          authorId: actor.userId,
          createdAt: ctx.at,
        });
      }
    }
    await recordAudit(tx, ctx, {
      action: 'plan.import',
      recordType: 'plan',
      recordId: planId,
      detail: `${imported.actions.length} actions`,
    });
    return planId;
  });
}

export async function leadsForImport(db: Db, organisationId: string) {
  return repo.listLeads(db, organisationId);
}

export async function recordExport(db: Db, ctx: AuditContext, planId: string, what: string) {
  await recordAudit(db, ctx, { action: 'plan.export', recordType: 'plan', recordId: planId, detail: what });
}

export async function planChoices(db: Db, actor: Actor) {
  need(actor, PERMISSIONS.read);
  const rows = await repo.listPlans(db, actor.organisationId);
  const result = [];
  for (const p of rows) {
    if (!canManagePlan(actor, p)) continue;
    result.push({
      id: p.id,
      name: p.name,
      priorities: await repo.listPriorities(db, actor.organisationId, p.id),
    });
  }
  return result;
}

export function mayManagePlan(actor: Actor, plan: { type: string }): boolean {
  return canManagePlan(actor, plan);
}

// ---------------------------------------------------------------- Import and export

export type ImportOutcome =
  | { ok: true; planId: string; actions: number }
  | { ok: false; problems: ImportProblem[] };

/**
 * Import a plan from an XLSX or CSV file laid out as the committee table.
 * Every row is checked first; nothing is written unless the whole file is
 * clean, and then everything is written in one transaction.
 */
export async function importPlanFile(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  file: { filename: string; data: Buffer },
): Promise<ImportOutcome> {
  if (!can(actor, PERMISSIONS.manage)) throw new ForbiddenError();
  let rows: unknown[][];
  try {
    rows = await readPlanFile(file.filename, file.data);
  } catch (e) {
    if (e instanceof UnreadableFileError) return { ok: false, problems: [{ row: 0, message: e.message }] };
    throw e;
  }
  const [ragKey, leads] = await Promise.all([
    getRagKey(db, actor.organisationId),
    repo.listLeads(db, actor.organisationId),
  ]);
  const parsed = parsePlanRows(rows, { ragKey, leads });
  if (!parsed.ok) return parsed;
  try {
    const planId = await saveImportedPlan(db, actor, ctx, parsed.plan, file.filename);
    return { ok: true, planId, actions: parsed.plan.actions.length };
  } catch (e) {
    if (e instanceof ValidationError) {
      return { ok: false, problems: Object.values(e.fields).map((message) => ({ row: 0, message })) };
    }
    throw e;
  }
}

/** A plan (as it stands, or a published snapshot) for export; the export is audited. */
export async function documentForExport(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  options: { snapshotNumber?: number; format: string },
): Promise<{ document: PlanDocument; title: string; filenameBase: string }> {
  const plan = await getPlan(db, actor, planId);
  const slug =
    plan.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'plan';
  let document: PlanDocument;
  let title: string;
  let filenameBase: string;
  if (options.snapshotNumber !== undefined) {
    const snap = await getSnapshot(db, actor, planId, options.snapshotNumber);
    document = snap.document;
    title = `${snap.document.plan.name}: version ${snap.number}, as at ${formatDate(snap.asAt)}`;
    filenameBase = `${slug}-v${snap.number}-${snap.asAt}`;
  } else {
    const asAt = todayOf(ctx);
    document = await documentOf(db, actor.organisationId, plan, asAt);
    title = `${plan.name}: working copy, ${formatDate(asAt)}`;
    filenameBase = `${slug}-${asAt}`;
  }
  await recordExport(
    db,
    ctx,
    planId,
    `${options.format}${options.snapshotNumber ? ` snapshot ${options.snapshotNumber}` : ''}`,
  );
  return { document, title, filenameBase };
}
