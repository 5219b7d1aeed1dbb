/**
 * Importing a plan from a file (read by import-rows, previewed, written in one
 * transaction) and reading a plan for export (audited).
 */

import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { formatDate } from '../../platform/http/views';
import { type Actor, can } from '../../platform/permissions';
import { canManagePlan, need, needManage, PERMISSIONS, todayOf } from './access';
import { insertActionTx } from './actions-service';
import type { PlanDocument } from './document';
import { documentOf } from './document-service';
import { readPlanFile, UnreadableFileError } from './files';
import type { ColumnUse } from './import-columns';
import { type ColumnMapping, type ImportedPlan, type ImportProblem, parsePlanRows } from './import-rows';
import { getPlan, insertPlanTx } from './plans-service';
import { getRagKey, getRagScale } from './rag-key-service';
import * as repo from './repository';
import { ragCounts, ragCountsSentence } from './rules';
import { getSnapshot } from './snapshots-service';
import type { PlanType, RagCode } from './vocab';

// ---------------------------------------------------------------- Import (the rows are read and checked by import-rows)

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
    // The DOCX export prints the plan in the columns of the document it came from.
    if (imported.columns)
      await repo.updatePlan(tx, actor.organisationId, planId, { tableColumns: imported.columns });
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
          score: a.score,
        },
      );
      // Each comment is credited as the table credits it, or to the file: never to the importer.
      for (const u of a.updates) {
        await repo.insertUpdate(tx, {
          organisationId: actor.organisationId,
          actionId,
          updateDate: u.date ?? reviewedOn,
          progress: u.progress,
          focus: u.focus,
          authorId: actor.userId,
          authorLabel: u.authorLabel ?? `imported from ${filename.slice(0, 100)}`,
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

// ---------------------------------------------------------------- Import and export

export type ImportOutcome =
  | { ok: true; planId: string; actions: number; notices: string[] }
  | { ok: false; problems: ImportProblem[]; mapping?: ColumnMapping }
  | { ok: 'preview'; preview: ImportPreview };

export interface ImportOptions {
  /** Columns as the person mapped them in the preview, by position. */
  mapping?: Readonly<Record<number, ColumnUse>>;
  /** The plan's name and type when the file has no plan details (a Word table). */
  defaults?: { name?: string | null; type?: PlanType };
  /** Write the plan; otherwise only the preview is returned. */
  confirm: boolean;
}

/** What an import would write: each row as it will be imported, the notices, the counts by RAG. */
export interface ImportPreview {
  plan: ImportedPlan;
  notices: string[];
  mapping: ColumnMapping;
  counts: Record<RagCode, number>;
  countsLine: string;
}

/**
 * Import a plan from an XLSX, CSV or DOCX file. Every row is checked first;
 * without `confirm` only the preview comes back; with it, the plan is
 * written in one transaction, and only if the whole file is clean.
 */
export async function importPlanFile(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  file: { filename: string; data: Buffer },
  options: ImportOptions = { confirm: true },
): Promise<ImportOutcome> {
  if (!can(actor, PERMISSIONS.manage)) throw new ForbiddenError();
  let rows: unknown[][];
  try {
    rows = await readPlanFile(file.filename, file.data);
  } catch (e) {
    if (e instanceof UnreadableFileError) return { ok: false, problems: [{ row: 0, message: e.message }] };
    throw e;
  }
  const [ragKey, ragScale, leads] = await Promise.all([
    getRagKey(db, actor.organisationId),
    getRagScale(db, actor.organisationId),
    repo.listLeads(db, actor.organisationId),
  ]);
  const parsed = parsePlanRows(rows, {
    ragKey,
    ragScale,
    leads,
    mapping: options.mapping,
    defaults: options.defaults,
  });
  if (!parsed.ok) return parsed;
  if (!options.confirm) {
    const counts = ragCounts(parsed.plan.actions);
    return {
      ok: 'preview',
      preview: {
        plan: parsed.plan,
        notices: parsed.notices,
        mapping: parsed.mapping,
        counts,
        countsLine: ragCountsSentence(counts, ragKey),
      },
    };
  }
  try {
    const planId = await saveImportedPlan(db, actor, ctx, parsed.plan, file.filename);
    return { ok: true, planId, actions: parsed.plan.actions.length, notices: parsed.notices };
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
