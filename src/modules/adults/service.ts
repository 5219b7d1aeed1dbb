/**
 * The adults' safeguarding register: what the pages, the demo and the
 * indicators call. Person-level: every read of a concern or a list of them,
 * and every change, writes an access-audit event; every query is scoped by
 * organisation (another organisation's concern is not found). Changes and
 * imports are one transaction with their audit event.
 *
 *   listConcerns / getConcern            the register, audited
 *   saveConcern / importConcerns         by form, or a whole CSV at once
 *   adultFigures / adultBreakdownsFor    aggregates for the indicators (no person-level data)
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { figureSourceChanged } from '../../platform/figure-sources';
import { type ConcernInput, checkConcern } from './concern';
import {
  type AdultMeasureKey,
  adultBreakdowns,
  adultMeasure,
  type Breakdown,
  type MeasureFigure,
  type Window,
} from './measures';
import * as repo from './repository';

export type { ConcernInput } from './concern';
export type { AdultMeasureKey, Breakdown, MeasureFigure } from './measures';
export type { ConcernFilters, StoredConcern } from './repository';

export type ChangeContext = AuditContext & { organisationId: string; userId: string };
export type ReadContext = AuditContext & { organisationId: string };

export async function listConcerns(
  db: Db,
  ctx: ReadContext,
  filters: repo.ConcernFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: repo.StoredConcern[]; total: number }> {
  const found = await repo.listConcerns(db, ctx.organisationId, filters, page);
  await recordAudit(db, ctx, {
    action: 'adult-concern.list',
    recordType: 'adult-concern',
    detail: `${found.rows.length} of ${found.total} shown`,
  });
  return found;
}

export async function getConcern(db: Db, ctx: ReadContext, id: string): Promise<repo.StoredConcern> {
  const row = await repo.getConcern(db, ctx.organisationId, id);
  if (!row) throw new NotFoundError('concern');
  await recordAudit(db, ctx, { action: 'adult-concern.view', recordType: 'adult-concern', recordId: id });
  return row;
}

/** Record a concern (id null) or change one; the notices say what is unusual about it. */
export async function saveConcern(
  db: Db,
  ctx: ChangeContext,
  id: string | null,
  input: ConcernInput,
  today: string,
): Promise<{ id: string; notices: string[] }> {
  const check = checkConcern(input, today);
  if (Object.keys(check.errors).length) throw new ValidationError(check.errors as Record<string, string>);
  return db.transaction(async (tx) => {
    const existing = (await repo.idsByReference(tx, ctx.organisationId, [input.reference])).get(
      input.reference,
    );
    if (existing && existing !== id)
      throw new ValidationError({
        reference: `The concern ID ${input.reference} is already in the register: enter another`,
      });
    const write = { ...input, organisationId: ctx.organisationId, userId: ctx.userId, at: ctx.at };
    let savedId = id;
    if (id) {
      if (!(await repo.getConcern(tx, ctx.organisationId, id))) throw new NotFoundError('concern');
      await repo.updateConcern(tx, id, write);
    } else {
      savedId = await repo.insertConcern(tx, write);
    }
    await figureSourceChanged(tx, ctx.organisationId);
    await recordAudit(tx, ctx, {
      action: id ? 'adult-concern.update' : 'adult-concern.create',
      recordType: 'adult-concern',
      recordId: savedId!,
    });
    return { id: savedId!, notices: check.notices };
  });
}

/** A whole checked file: concerns added, or replaced by their concern ID; all or nothing. */
export async function importConcerns(
  db: Db,
  ctx: ChangeContext,
  rows: readonly ConcernInput[],
): Promise<{ added: number; replaced: number }> {
  return db.transaction(async (tx) => {
    const existing = await repo.idsByReference(
      tx,
      ctx.organisationId,
      rows.map((r) => r.reference),
    );
    await repo.upsertConcerns(
      tx,
      rows.map((r) => ({ ...r, organisationId: ctx.organisationId, userId: ctx.userId, at: ctx.at })),
    );
    const replaced = rows.filter((r) => existing.has(r.reference)).length;
    await figureSourceChanged(tx, ctx.organisationId);
    await recordAudit(tx, ctx, {
      action: 'adult-concern.import',
      recordType: 'adult-concern',
      detail: `${rows.length - replaced} added, ${replaced} replaced`,
    });
    return { added: rows.length - replaced, replaced };
  });
}

/**
 * Figures for the indicators: each measure for each window, from one query
 * over the span the windows cover. Aggregates only.
 */
export async function adultFigures(
  db: Db,
  organisationId: string,
  wanted: ReadonlyArray<{ measure: AdultMeasureKey; windows: readonly Window[] }>,
): Promise<Map<AdultMeasureKey, MeasureFigure[]>> {
  const all = wanted.flatMap((w) => w.windows);
  if (!all.length) return new Map();
  // ISO dates sort as text: the earliest first day and the latest last day.
  const firsts = all.map((w) => w.first).sort();
  const lasts = all.map((w) => w.last).sort();
  const span = { first: firsts[0]!, last: lasts.at(-1)! };
  const rows = await repo.measuredConcerns(db, organisationId, span);
  return new Map(wanted.map((w) => [w.measure, w.windows.map((win) => adultMeasure(w.measure, rows, win))]));
}

/** Concluded section 42 enquiries in a window by type, location and source of risk (aggregates). */
export async function adultBreakdownsFor(
  db: Db,
  organisationId: string,
  window: Window,
): Promise<Breakdown[]> {
  return adultBreakdowns(await repo.measuredConcerns(db, organisationId, window), window);
}
