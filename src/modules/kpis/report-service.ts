/**
 * The quarterly report's life: officers write commentary (each save a new
 * row, the latest shown), a senior leader signs the report off, which
 * freezes it as it stands (append-only: one sign-off per quarter), and
 * committee papers take the frozen report with small numbers suppressed.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import type { SuppressionRule } from '../../platform/disclosure/suppression';
import { ValidationError } from '../../platform/errors';
import { type Quarter, quarterStarting, quartersTo } from './catalogue';
import type { ChangeContext } from './catalogue-service';
import { indicatorTable } from './figures';
import {
  type PublishableReport,
  publishable,
  type ReportRow,
  type ReportSnapshot,
  reportRows,
} from './report';
import * as repo from './repository';

/** The code the overall commentary is kept under. */
export const OVERALL = '';

/** The latest commentary for a quarter, by indicator code ('' for the whole report). */
export async function commentaryFor(
  db: Db,
  organisationId: string,
  quarter: Quarter,
): Promise<Map<string, string>> {
  const latest = new Map<string, string>();
  for (const row of await repo.commentary(db, organisationId, quarter.first)) {
    if (!latest.has(row.code)) latest.set(row.code, row.text);
  }
  return latest;
}

export interface LiveReport {
  quarter: Quarter;
  quarterLabels: string[];
  overall: string;
  rows: ReportRow[];
  /** The frozen report, once signed off. */
  signed: ReportSnapshot | null;
}

export async function liveReport(
  db: Db,
  organisationId: string,
  quarter: Quarter,
  at: Date,
): Promise<LiveReport> {
  const stored = await repo.signoff(db, organisationId, quarter.first);
  const [table, commentary] = await Promise.all([
    stored ? Promise.resolve([]) : indicatorTable(db, organisationId, quarter, at),
    commentaryFor(db, organisationId, quarter),
  ]);
  return {
    quarter,
    quarterLabels: quartersTo(quarter, 4).map((q) => q.label),
    overall: commentary.get(OVERALL) ?? '',
    rows: reportRows(table, commentary),
    signed: stored ? (stored.snapshot as ReportSnapshot) : null,
  };
}

/** Save what changed of the commentary; nothing once the report is signed off. */
export async function saveCommentary(
  db: Db,
  ctx: ChangeContext,
  quarter: Quarter,
  texts: ReadonlyMap<string, string>,
): Promise<number> {
  return db.transaction(async (tx) => {
    if (await repo.signoff(tx, ctx.organisationId, quarter.first)) {
      throw new ValidationError({
        overall: `The ${quarter.label} report is signed off: its commentary cannot change`,
      });
    }
    const before = await commentaryFor(tx, ctx.organisationId, quarter);
    const changed = [...texts].filter(([code, text]) => (before.get(code) ?? '') !== text);
    await repo.insertCommentary(
      tx,
      changed.map(([code, text]) => ({
        organisationId: ctx.organisationId,
        quarter: quarter.first,
        code,
        text,
        createdBy: ctx.userId,
        createdAt: ctx.at,
      })),
    );
    if (changed.length) {
      await recordAudit(tx, ctx, {
        action: 'indicator-report.commentary',
        recordType: 'indicator-report',
        recordId: quarter.first,
        detail: `${changed.length} commentar${changed.length === 1 ? 'y' : 'ies'} changed`,
      });
    }
    return changed.length;
  });
}

/** Sign the report off: freeze it as it stands. A quarter is signed off once. */
export async function signOffReport(
  db: Db,
  ctx: AuditContext & { organisationId: string; userId: string; name: string },
  quarter: Quarter,
): Promise<ReportSnapshot> {
  return db.transaction(async (tx) => {
    const live = await liveReport(tx, ctx.organisationId, quarter, ctx.at);
    if (live.signed)
      throw new ValidationError({ quarter: `The ${quarter.label} report is already signed off` });
    if (!live.overall.trim()) {
      throw new ValidationError({ overall: 'Write the overall commentary before the report is signed off' });
    }
    const snapshot: ReportSnapshot = {
      quarter: live.quarter,
      quarterLabels: live.quarterLabels,
      overall: live.overall,
      rows: live.rows,
      signedBy: ctx.name,
      signedAt: ctx.at.toISOString(),
    };
    const inserted = await repo.insertSignoff(tx, {
      organisationId: ctx.organisationId,
      quarter: quarter.first,
      snapshot,
      signedBy: ctx.userId,
      signedAt: ctx.at,
    });
    if (!inserted)
      throw new ValidationError({ quarter: `The ${quarter.label} report is already signed off` });
    await recordAudit(tx, ctx, {
      action: 'indicator-report.sign-off',
      recordType: 'indicator-report',
      recordId: quarter.first,
      detail: `${quarter.label}: ${snapshot.rows.length} indicators frozen`,
    });
    return snapshot;
  });
}

/** Quarters with a signed-off report, latest first. */
export async function signedOffQuarters(db: Db, organisationId: string): Promise<Quarter[]> {
  return (await repo.signoffs(db, organisationId)).map((s) => quarterStarting(s.quarter));
}

/**
 * For committee papers: the signed-off report of a quarter as it was frozen,
 * with small numbers suppressed; null when the quarter is not signed off.
 * Aggregates only: no child-level data.
 */
export async function publishableReport(
  db: Db,
  organisationId: string,
  quarterFirstDay: string,
  rule?: SuppressionRule,
): Promise<PublishableReport | null> {
  const stored = await repo.signoff(db, organisationId, quarterFirstDay);
  return stored ? publishable(stored.snapshot as ReportSnapshot, rule) : null;
}
