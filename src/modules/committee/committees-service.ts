/** Committees: constitution, terms of reference, members and clerk. */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { COMMITTEE, need, readableCommittees, todayOf } from './access';
import * as repo from './repository';
import type { MemberRole } from './vocab';

export interface CommitteeInput {
  name: string;
  parentId: string | null;
  memberCount: number;
  quorum: number;
  duties: string[];
  frequency: string;
  clerkUserId: string | null;
}

export async function listCommitteesFor(db: Db, actor: Actor, ctx: AuditContext) {
  need(actor, COMMITTEE.read);
  const readable = await readableCommittees(db, actor, todayOf(ctx));
  const rows = await repo.listCommittees(db, actor.organisationId);
  return rows.filter((c) => readable === 'all' || readable.has(c.id));
}

/**
 * For other modules: the committees the actor sits on today (a member's
 * seat whose term covers today). Empty for anyone who is not a member.
 */
export async function committeesOfMember(
  db: Db,
  actor: Actor,
  at: Date,
): Promise<Array<{ id: string; name: string }>> {
  const ids = new Set(
    await repo.committeeIdsOfUser(db, actor.organisationId, actor.userId, todayOf({ at } as AuditContext)),
  );
  const rows = await repo.listCommittees(db, actor.organisationId);
  return rows.filter((c) => ids.has(c.id)).map((c) => ({ id: c.id, name: c.name }));
}

/** A committee the actor may read, or NotFoundError (another organisation's, or not the member's own). */
export async function getCommittee(db: Db, actor: Actor, ctx: AuditContext, id: string) {
  need(actor, COMMITTEE.read);
  const row = await repo.committeeById(db, actor.organisationId, id);
  if (!row) throw new NotFoundError('committee');
  const readable = await readableCommittees(db, actor, todayOf(ctx));
  if (readable !== 'all' && !readable.has(id)) throw new NotFoundError('committee');
  const [members, meetings, clerk, parent] = await Promise.all([
    repo.membersOf(db, actor.organisationId, id),
    repo.meetingsOf(db, actor.organisationId, id),
    row.clerkUserId ? repo.userById(db, actor.organisationId, row.clerkUserId) : undefined,
    row.parentId ? repo.committeeById(db, actor.organisationId, row.parentId) : undefined,
  ]);
  return {
    committee: row,
    members,
    meetings,
    clerkName: clerk?.name ?? null,
    parentName: parent?.name ?? null,
  };
}

async function checkInput(db: Db, actor: Actor, input: CommitteeInput) {
  const errors: Record<string, string> = {};
  if (input.quorum > input.memberCount)
    errors.quorum = 'The quorum must not be more than the number of members';
  if (input.parentId && !(await repo.committeeById(db, actor.organisationId, input.parentId)))
    errors.parentId = 'Choose a parent committee from the list';
  if (input.clerkUserId) {
    const clerk = await repo.userById(db, actor.organisationId, input.clerkUserId);
    if (clerk?.role !== 'committee_clerk' || !clerk.active)
      errors.clerkUserId = 'Choose the clerk from the list of committee clerks';
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

export async function createCommittee(db: Db, actor: Actor, ctx: AuditContext, input: CommitteeInput) {
  need(actor, COMMITTEE.manage);
  await checkInput(db, actor, input);
  const existing = await repo.listCommittees(db, actor.organisationId);
  if (existing.some((c) => c.name.toLowerCase() === input.name.toLowerCase()))
    throw new ValidationError({ name: 'A committee with this name already exists: choose another name' });
  return db.transaction(async (tx) => {
    const { id } = await repo.insertCommittee(tx, {
      organisationId: actor.organisationId,
      ...input,
      createdAt: ctx.at,
    });
    await recordAudit(tx, ctx, { action: 'committee.create', recordType: 'committee', recordId: id });
    return id;
  });
}

export interface MemberInput {
  userId: string;
  role: MemberRole;
  termStart: string;
  termEnd: string | null;
}

export async function addMember(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  committeeId: string,
  input: MemberInput,
) {
  need(actor, COMMITTEE.manage);
  const committee = await repo.committeeById(db, actor.organisationId, committeeId);
  if (!committee) throw new NotFoundError('committee');
  const user = await repo.userById(db, actor.organisationId, input.userId);
  if (user?.role !== 'committee_member' || !user.active)
    throw new ValidationError({
      userId: 'Choose a member from the list of people with the committee member role',
    });
  if (input.termEnd && input.termEnd < input.termStart)
    throw new ValidationError({ termEnd: 'The end of the term must be the same as or after its start' });
  const current = (await repo.membersOf(db, actor.organisationId, committeeId)).filter(
    (m) => !m.termEnd || m.termEnd >= input.termStart,
  );
  if (current.some((m) => m.userId === input.userId))
    throw new ValidationError({ userId: `${user.name} already sits on this committee in that term` });
  if (input.role === 'chairman' || input.role === 'deputy_chairman') {
    const holder = current.find((m) => m.role === input.role);
    if (holder) throw new ValidationError({ role: `${holder.name} already holds this role in that term` });
  }
  await db.transaction(async (tx) => {
    await repo.insertMember(tx, { organisationId: actor.organisationId, committeeId, ...input });
    await recordAudit(tx, ctx, {
      action: 'committee.member.add',
      recordType: 'committee',
      recordId: committeeId,
      detail: `user ${input.userId} as ${input.role}`,
    });
  });
}

export const membersToChoose = (db: Db, actor: Actor) =>
  repo.usersWithRole(db, actor.organisationId, 'committee_member');
export const clerksToChoose = (db: Db, actor: Actor) =>
  repo.usersWithRole(db, actor.organisationId, 'committee_clerk');
export const signatoriesToChoose = (db: Db, actor: Actor) =>
  repo.usersWithRole(db, actor.organisationId, 'senior_leader');
