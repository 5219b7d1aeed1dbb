/**
 * The organisation's access audit for its administrators: a page of it, and
 * every event matching a filter as CSV. Reading or exporting it is audited too.
 */
import { stringify } from 'csv-stringify/sync';
import { type AuditContext, recordAudit } from '../audit/service';
import { csvSafe } from '../csv';
import type { Db } from '../db/client';
import type { Actor } from '../permissions';
import { londonStartOfDay } from './dates';
import { limitOffset, type PageRequest } from './pagination';
import { type AuditQuery, type AuditRow, auditBatch, auditPage } from './repository';
import { orgContext } from './service';

export interface AuditFilter {
  /** Calendar dates (Europe/London), inclusive. */
  from?: string;
  to?: string;
  userId?: string;
  action?: string;
  recordType?: string;
  recordId?: string;
}

function auditQuery(f: AuditFilter): AuditQuery {
  const nextDay = (iso: string) => {
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };
  return {
    fromAt: f.from ? londonStartOfDay(f.from) : undefined,
    toAt: f.to ? londonStartOfDay(nextDay(f.to)) : undefined,
    userId: f.userId,
    action: f.action,
    recordType: f.recordType,
    recordId: f.recordId,
  };
}

function describeFilter(f: AuditFilter, page = 1): string | undefined {
  const parts = Object.entries({ ...f, page: page > 1 ? String(page) : undefined })
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join('; ').slice(0, 500) : undefined;
}

/** A page of the organisation's access audit, newest first. Reading the audit is itself audited. */
export async function readAudit(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  filter: AuditFilter,
  page: PageRequest,
): Promise<{ rows: AuditRow[]; total: number }> {
  const result = await auditPage(db, actor.organisationId, auditQuery(filter), limitOffset(page));
  await recordAudit(db, orgContext(actor, ctx), {
    action: 'audit.view',
    recordType: 'access-audit',
    detail: describeFilter(filter, page.page),
  });
  return result;
}

export const AUDIT_CSV_COLUMNS = [
  'Event id',
  'When (UTC)',
  'User id',
  'User name',
  'User email',
  'Action',
  'Record type',
  'Record id',
  'Reason',
  'Detail',
  'Address',
  'User agent',
  'Request id',
] as const;

export function auditCsvLines(rows: AuditRow[], withHeader: boolean): string {
  const records = rows.map((r) =>
    [
      r.id,
      r.at.toISOString(),
      r.userId,
      r.userName,
      r.userEmail,
      r.action,
      r.recordType,
      r.recordId,
      r.reason,
      r.detail,
      r.ip,
      r.userAgent,
      r.requestId,
    ].map(csvSafe),
  );
  return stringify(withHeader ? [[...AUDIT_CSV_COLUMNS], ...records] : records, { record_delimiter: '\r\n' });
}

const EXPORT_BATCH = 1000;

/**
 * Every event matching the filter as CSV, newest first, produced in batches so
 * an export of any size never sits in memory whole. The export is audited
 * before the first line is produced.
 */
export async function exportAudit(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  filter: AuditFilter,
): Promise<AsyncGenerator<string>> {
  await recordAudit(db, orgContext(actor, ctx), {
    action: 'audit.export',
    recordType: 'access-audit',
    detail: describeFilter(filter),
  });
  const query = auditQuery(filter);
  const organisationId = actor.organisationId;
  return (async function* lines() {
    yield auditCsvLines([], true);
    let after: { at: Date; id: number } | undefined;
    for (;;) {
      const rows = await auditBatch(db, organisationId, query, after, EXPORT_BATCH);
      if (rows.length > 0) yield auditCsvLines(rows, false);
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1]!;
      after = { at: last.at, id: last.id };
    }
  })();
}
