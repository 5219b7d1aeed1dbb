/**
 * Actions: creating and changing them, their RAG (with a reason and
 * evidence) and the evidence completion needs.
 */

import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { EVIDENCE_EXTENSIONS, MAX_EVIDENCE_BYTES, needManage, todayOf } from './access';
import type { DatePrecision } from './plan-dates';
import { loadPlan } from './plans-service';
import { checkReference, duplicateReferenceMessage, normaliseReference } from './reference';
import * as repo from './repository';
import { COMPLETE, type RagCode, type Source } from './vocab';

// ---------------------------------------------------------------- Actions

export interface ActionInput {
  priorityId: string;
  reference: string;
  aim: string | null;
  source: Source;
  action: string;
  startDate: string | null;
  /** How precisely the start date was written, as for the end date. */
  startDatePrecision?: Exclude<DatePrecision, 'day'> | null;
  startDateText?: string | null;
  endDate: string | null;
  /** How precisely the end date was written (a month, a season...); absent or null means a day. */
  endDatePrecision?: Exclude<DatePrecision, 'day'> | null;
  /** The end date as written, for a quarter, a season or a duration ("ongoing"). */
  endDateText?: string | null;
  measure: string | null;
  outcomeForChildren: string | null;
  leadOfficerId: string | null;
  seniorLeadId: string | null;
  areaLeadId: string | null;
  /** Further leads after the lead officer, from the roster. */
  otherLeadIds?: string[];
  subHeading?: string | null;
  extraText?: string | null;
  dateAdded: string | null;
  agendaItem: string | null;
}

export interface Evidence {
  text: string | null;
  link: string | null;
  file: { filename: string; contentType: string; data: Buffer } | null;
}

export const NO_EVIDENCE: Evidence = { text: null, link: null, file: null };

export async function checkReferenceFree(
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

export async function checkActionInput(db: Db, organisationId: string, planId: string, input: ActionInput) {
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
  for (const id of input.otherLeadIds ?? []) {
    if (!(await repo.getLead(db, organisationId, id)))
      fields.leadOfficerId = 'Select a post from the leads roster';
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
}

export function actionValues(input: ActionInput, reference: string) {
  return {
    priorityId: input.priorityId,
    reference,
    aim: input.aim,
    sourceKind: input.source.kind,
    sourceDetail: input.source.detail,
    action: input.action.trim(),
    startDate: input.startDate,
    startDatePrecision: input.startDatePrecision ?? null,
    startDateText: input.startDateText ?? null,
    endDate: input.endDate,
    endDatePrecision: input.endDatePrecision ?? null,
    endDateText: input.endDateText ?? null,
    measure: input.measure,
    outcomeForChildren: input.outcomeForChildren,
    leadOfficerId: input.leadOfficerId,
    seniorLeadId: input.seniorLeadId,
    areaLeadId: input.areaLeadId,
    ...(input.otherLeadIds !== undefined ? { otherLeadIds: input.otherLeadIds } : {}),
    ...(input.subHeading !== undefined ? { subHeading: input.subHeading } : {}),
    ...(input.extraText !== undefined ? { extraText: input.extraText } : {}),
    dateAdded: input.dateAdded,
    agendaItem: input.agendaItem,
  };
}

export function checkEvidence(evidence: Evidence): Record<string, string> {
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

export function hasEvidence(evidence: Evidence): boolean {
  return Boolean(evidence.text?.trim() || evidence.link?.trim() || evidence.file);
}

export const COMPLETION_NEEDS_EVIDENCE =
  'To mark this action complete, give evidence that it is done: describe it, add a link to it, or upload a file';

/** Write a RAG decision (change or confirmation) and bring the action's current RAG up to date. */
export async function writeRag(
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
    /** The score given (0 to 10) where the organisation scores its actions. */
    score?: number | null;
  },
) {
  const score =
    input.rag === 'red' || input.rag === 'amber' || input.rag === 'green' ? (input.score ?? null) : null;
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
    score,
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
    score,
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

export async function insertActionTx(
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
    score?: number | null;
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
    // A form that leaves a date as it was keeps how it was written ("March 2016").
    const kept = {
      ...(input.endDatePrecision === undefined && input.endDate === action.endDate
        ? { endDatePrecision: action.endDatePrecision, endDateText: action.endDateText }
        : {}),
      ...(input.startDatePrecision === undefined && input.startDate === action.startDate
        ? { startDatePrecision: action.startDatePrecision, startDateText: action.startDateText }
        : {}),
    };
    await repo.updateAction(tx, actor.organisationId, actionId, {
      ...actionValues(input, reference),
      ...kept,
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.action.update',
      recordType: 'plan_action',
      recordId: actionId,
    });
  });
}
