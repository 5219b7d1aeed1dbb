/**
 * The quarterly report's life, for each audience (children's, adults'):
 * officers write commentary (each save a new
 * row, the latest shown), a senior leader signs the report off, which
 * freezes it as it stands (append-only: one sign-off per quarter), and
 * committee papers take the frozen report with small numbers suppressed.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { type Quarter, quarterStarting, quartersTo } from '../../platform/calendar/quarters';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { together } from '../../platform/db/together';
import type { SuppressionRule } from '../../platform/disclosure/suppression';
import { ValidationError } from '../../platform/errors';
import * as adults from '../adults/service';
import { AUDIENCE_LABELS, type Audience } from './catalogue';
import type { ChangeContext } from './catalogue-service';
import { indicatorTable } from './figures';
import {
  type PublishableReport,
  publishable,
  type ReportBreakdown,
  type ReportRow,
  type ReportSnapshot,
  reportRows,
} from './report';
import * as repo from './repository';
import { indicatorTableAsAt } from './stored-figures';

/** The code the overall commentary is kept under. */
export const OVERALL = '';

/** The latest commentary for a quarter, by indicator code ('' for the whole report). */
export async function commentaryFor(
  db: Db,
  organisationId: string,
  quarter: Quarter,
  audience: Audience = 'children',
): Promise<Map<string, string>> {
  const latest = new Map<string, string>();
  for (const row of await repo.commentary(db, organisationId, audience, quarter.first)) {
    if (!latest.has(row.code)) latest.set(row.code, row.text);
  }
  return latest;
}

export interface LiveReport {
  audience: Audience;
  quarter: Quarter;
  quarterLabels: string[];
  overall: string;
  rows: ReportRow[];
  /** The adults' report's tables of concluded enquiries by type, location and source of risk. */
  breakdowns: ReportBreakdown[];
  /** The frozen report, once signed off. */
  signed: ReportSnapshot | null;
  /** When the draft's figures were computed (the stored table's time for the last complete quarter). */
  computedAt: Date;
}

/**
 * The report as it stands: its figures computed at `at`, or, given a clock
 * (the pages), the stored table's for the last complete quarter.
 */
export async function liveReport(
  db: Db,
  organisationId: string,
  quarter: Quarter,
  at: Date,
  audience: Audience = 'children',
  options: { clock?: Clock } = {},
): Promise<LiveReport> {
  const stored = await repo.signoff(db, organisationId, audience, quarter.first);
  const { clock } = options;
  const [table, commentary, breakdowns] = await together(
    db,
    () =>
      stored
        ? Promise.resolve({ rows: [], computedAt: at })
        : clock
          ? indicatorTableAsAt(db, organisationId, quarter, clock, audience)
          : indicatorTable(db, organisationId, quarter, at, { audience }).then((rows) => ({
              rows,
              computedAt: at,
            })),
    () => commentaryFor(db, organisationId, quarter, audience),
    () =>
      stored || audience !== 'adults'
        ? Promise.resolve([])
        : adults.adultBreakdownsFor(db, organisationId, quarter),
  );
  return {
    audience,
    quarter,
    quarterLabels: quartersTo(quarter, 4).map((q) => q.label),
    overall: commentary.get(OVERALL) ?? '',
    rows: reportRows(table.rows, commentary),
    breakdowns: breakdowns.map((b) => ({
      title: b.title,
      enquiries: b.enquiries,
      overlapping: b.overlapping,
      rows: b.rows.map((r) => ({ label: r.label, count: r.count })),
    })),
    signed: stored ? (stored.snapshot as ReportSnapshot) : null,
    computedAt: table.computedAt,
  };
}

/** Save what changed of the commentary; nothing once the report is signed off. */
export async function saveCommentary(
  db: Db,
  ctx: ChangeContext,
  quarter: Quarter,
  texts: ReadonlyMap<string, string>,
  audience: Audience = 'children',
): Promise<number> {
  return db.transaction(async (tx) => {
    if (await repo.signoff(tx, ctx.organisationId, audience, quarter.first)) {
      throw new ValidationError({
        overall: `The ${quarter.label} report is signed off: its commentary cannot change`,
      });
    }
    const before = await commentaryFor(tx, ctx.organisationId, quarter, audience);
    const changed = [...texts].filter(([code, text]) => (before.get(code) ?? '') !== text);
    await repo.insertCommentary(
      tx,
      changed.map(([code, text]) => ({
        organisationId: ctx.organisationId,
        audience,
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
        detail: `${audience}: ${changed.length} commentar${changed.length === 1 ? 'y' : 'ies'} changed`,
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
  audience: Audience = 'children',
): Promise<ReportSnapshot> {
  return db.transaction(async (tx) => {
    const live = await liveReport(tx, ctx.organisationId, quarter, ctx.at, audience);
    if (live.signed)
      throw new ValidationError({ quarter: `The ${quarter.label} report is already signed off` });
    if (!live.overall.trim()) {
      throw new ValidationError({ overall: 'Write the overall commentary before the report is signed off' });
    }
    const snapshot: ReportSnapshot = {
      audience,
      quarter: live.quarter,
      quarterLabels: live.quarterLabels,
      overall: live.overall,
      rows: live.rows,
      ...(live.breakdowns.length ? { breakdowns: live.breakdowns } : {}),
      signedBy: ctx.name,
      signedAt: ctx.at.toISOString(),
    };
    const inserted = await repo.insertSignoff(tx, {
      organisationId: ctx.organisationId,
      audience,
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
      detail: `${AUDIENCE_LABELS[audience].report}, ${quarter.label}: ${snapshot.rows.length} indicators frozen`,
    });
    return snapshot;
  });
}

/** Quarters with a signed-off report for the audience, latest first. */
export async function signedOffQuarters(
  db: Db,
  organisationId: string,
  audience: Audience = 'children',
): Promise<Quarter[]> {
  return (await repo.signoffs(db, organisationId, audience)).map((s) => quarterStarting(s.quarter));
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
  audience: Audience = 'children',
): Promise<PublishableReport | null> {
  const stored = await repo.signoff(db, organisationId, audience, quarterFirstDay);
  return stored ? publishable(stored.snapshot as ReportSnapshot, rule) : null;
}
