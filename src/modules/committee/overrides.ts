/**
 * Disclosure overrides, shared by publication of packs and approval of
 * minutes: the clerk's recorded reasons applied to a check's findings, and a
 * flagged finding let through with a reason (stored and access-audited).
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import type { Finding } from './disclosure';
import * as repo from './repository';

export type CheckedFinding = Finding & { overridden: string | null };

/** Each finding with the reason it was let through for this meeting, or null (an identifier never is). */
export async function withOverrides(
  db: Db,
  organisationId: string,
  meetingId: string,
  findings: readonly Finding[],
): Promise<CheckedFinding[]> {
  const overrides = new Map(
    (await repo.overridesOf(db, organisationId, meetingId)).map((o) => [o.matchKey, o.reason]),
  );
  return findings.map((f) => ({ ...f, overridden: f.overridable ? (overrides.get(f.key) ?? null) : null }));
}

/**
 * Let the finding with `key` through, with the reason: refused (with
 * `refusal` as the message) when the check has no such finding or it may not
 * be let through.
 */
export async function letThrough(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  findings: readonly Finding[],
  key: string,
  reason: string,
  refusal: string,
): Promise<void> {
  const finding = findings.find((f) => f.key === key);
  if (!finding?.overridable) throw new ValidationError({ reason: refusal });
  await db.transaction(async (tx) => {
    await repo.insertOverride(tx, {
      organisationId: actor.organisationId,
      meetingId,
      matchKey: key,
      reason,
      overriddenBy: actor.userId,
      overriddenAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'committee.disclosure.override',
      recordType: 'committee_meeting',
      recordId: meetingId,
      reason,
      detail: `${finding.kind} at ${finding.where}`,
    });
  });
}
