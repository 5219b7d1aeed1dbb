import type { Db } from '../db/client';
import { accessAudit } from '../schema';

/** Who is acting, from where: everything an audit event needs besides the event. */
export interface AuditContext {
  organisationId: string | null;
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  at: Date;
}

export interface AuditEvent {
  /** Verb-like, dotted: "child.view", "user.deactivate", "sign-in.failed". */
  action: string;
  recordType?: string;
  recordId?: string;
  reason?: string;
  /** Short, non-sensitive detail, e.g. the fields changed. */
  detail?: string;
}

/**
 * Append an access-audit event. Pass the transaction that makes the change so
 * that the change and its audit land together or not at all.
 */
export async function recordAudit(db: Db, ctx: AuditContext, event: AuditEvent): Promise<void> {
  await db.insert(accessAudit).values({
    organisationId: ctx.organisationId,
    userId: ctx.userId,
    action: event.action,
    recordType: event.recordType ?? null,
    recordId: event.recordId ?? null,
    reason: event.reason ?? null,
    detail: event.detail ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    requestId: ctx.requestId,
    at: ctx.at,
  });
}
