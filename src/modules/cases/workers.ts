/**
 * Workers and their links to users, and access grants for roles that see assigned records
 * only.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { NotFoundError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import * as repo from './repository';

// ---- workers and access ------------------------------------------------------------

export async function listWorkers(db: Db, actor: Actor) {
  const rows = await repo.workersOf(db, actor.organisationId);
  return rows.map((w) => ({
    id: w.id,
    sourceId: w.source_id,
    name: w.name,
    jobTitle: w.job_title,
    userId: w.user_id,
    teamName: w.team_name,
    teamId: w.team_id,
    openAllocations: w.open_allocations,
  }));
}

export async function workerForUser(db: Db, organisationId: string, userId: string) {
  const rows = await repo.workersOf(db, organisationId);
  return rows.find((w) => w.user_id === userId) ?? null;
}

/** The worker records (case_workers ids) linked to a user account: usually one, none without a caseload. */
export async function workerIdsForUser(db: Db, organisationId: string, userId: string): Promise<string[]> {
  return repo.workerIdsOfUser(db, organisationId, userId);
}

/** Display names of children by id (for lists the caller has already scoped; no audit). */
export async function childNames(
  db: Db,
  organisationId: string,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await repo.namesOfPeople(db, organisationId, personIds);
  return new Map(
    rows.map((r) => [r.id, [r.forename, r.surname].filter(Boolean).join(' ') || `Child ${r.source_id}`]),
  );
}

/** The children's ids in the SSD (the authority's child identifiers, as statutory returns use them), by id (no audit). */
export async function childSourceIds(
  db: Db,
  organisationId: string,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await repo.namesOfPeople(db, organisationId, personIds);
  return new Map(rows.map((r) => [r.id, r.source_id]));
}

export interface ChildDemographics {
  dateOfBirth: string | null;
  /** F, M or U as the SSD records it. */
  sex: string | null;
  /** The DfE ethnicity code (WBRI...). */
  ethnicity: string | null;
  uasc: boolean;
}

/** Date of birth, sex, ethnicity and UASC of children by id, for aggregate breakdowns only (no audit). */
export async function childDemographics(
  db: Db,
  organisationId: string,
  personIds: readonly string[],
): Promise<Map<string, ChildDemographics>> {
  const rows = await repo.demographicsOfPeople(db, organisationId, personIds);
  return new Map(
    rows.map((r) => [
      r.id,
      { dateOfBirth: r.date_of_birth, sex: r.sex, ethnicity: r.ethnicity, uasc: r.uasc },
    ]),
  );
}

export async function workerNames(
  db: Db,
  organisationId: string,
  workerIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await repo.namesOfWorkers(db, organisationId, workerIds);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Workers with an open allocation in a platform team (or whose account is in it); all workers when teamId is null. */
export async function workersInTeam(
  db: Db,
  organisationId: string,
  teamId: string | null,
): Promise<Array<{ id: string; name: string; userId: string | null }>> {
  const rows = await repo.workersInTeam(db, organisationId, teamId);
  return rows.map((r) => ({ id: r.id, name: r.name, userId: r.user_id }));
}

/** case_workers id -> user id, for workers with an account. */
export async function workerUserLinks(db: Db, organisationId: string): Promise<Map<string, string>> {
  const rows = await repo.workerUserLinks(db, organisationId);
  return new Map(rows.map((r) => [r.id, r.user_id]));
}

/** Let a user whose role sees assigned records only (an independent auditor) see one child, until a time. */
export async function grantCaseAccess(
  db: Db,
  ctx: AuditContext & { organisationId: string },
  input: { personId: string; userId: string; reason: string; expiresAt: Date | null },
): Promise<void> {
  const owner = await repo.ownership(db, ctx.organisationId, input.personId, londonDateOf(ctx.at), ctx.at);
  if (!owner.exists) throw new NotFoundError('child');
  const id = await repo.insertAccessGrant(db, {
    organisationId: ctx.organisationId,
    grantedAt: ctx.at,
    ...input,
  });
  await recordAudit(db, ctx, {
    action: 'child.access.grant',
    recordType: 'child',
    recordId: input.personId,
    detail: `grant ${id} to user ${input.userId}: ${input.reason}`,
  });
}

/** The same for many children at once (an auditor's share of a round's sample): one audit event naming the count. */
export async function grantCaseAccessToMany(
  db: Db,
  ctx: AuditContext & { organisationId: string },
  input: {
    personIds: readonly string[];
    userId: string;
    reason: string;
    /** When the grant starts to let its holder in (null or absent: at once). */
    startsAt?: Date | null;
    expiresAt: Date | null;
  },
): Promise<number> {
  const made = await repo.insertAccessGrants(db, {
    organisationId: ctx.organisationId,
    grantedAt: ctx.at,
    ...input,
  });
  await recordAudit(db, ctx, {
    action: 'child.access.grant',
    recordType: 'user',
    recordId: input.userId,
    detail: `${made} children granted: ${input.reason}`,
  });
  return made;
}

export async function revokeCaseAccess(
  db: Db,
  ctx: AuditContext & { organisationId: string },
  input: { personId: string; userId: string },
): Promise<void> {
  const n = await repo.revokeAccessGrants(db, ctx.organisationId, input.personId, input.userId, ctx.at);
  await recordAudit(db, ctx, {
    action: 'child.access.revoke',
    recordType: 'child',
    recordId: input.personId,
    detail: `${n} grants of user ${input.userId} revoked`,
  });
}
