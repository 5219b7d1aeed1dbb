/**
 * Finding children and listing caseloads, within the actor's scope; every search is access-
 * audited.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import type { Actor } from '../../platform/permissions';
import { CASE_PERMISSIONS, scopeFor, todayAt } from './access';
import * as repo from './repository';

// ---- search and lists ----------------------------------------------------------

export interface ChildQuery {
  /** Name words, or an identifier: SSD person id, NHS number, UPN, legacy id. */
  text?: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  openOnly?: boolean;
  page?: number;
  pageSize?: number;
}

export async function searchChildren(
  db: Db,
  actor: Actor,
  query: ChildQuery,
  ctx: AuditContext,
): Promise<{ rows: repo.ChildListRow[]; total: number; page: number; pageSize: number }> {
  const pageSize = Math.min(Math.max(query.pageSize ?? 25, 1), 200);
  const page = Math.max(query.page ?? 1, 1);
  const scope = scopeFor(actor, ctx.at);
  if (scope.kind === 'none') return { rows: [], total: 0, page, pageSize };
  const result = await repo.searchPeople(db, actor.organisationId, scope, todayAt(ctx), {
    text: query.text,
    dateOfBirth: query.dateOfBirth,
    openOnly: query.openOnly,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  await recordAudit(db, ctx, {
    action: 'child.search',
    recordType: 'child',
    detail: `${result.total} children matched`,
  });
  return { ...result, page, pageSize };
}

/** Children the actor is currently allocated to (through their worker record). */
export async function caseloadFor(db: Db, actor: Actor, ctx: AuditContext): Promise<repo.ChildListRow[]> {
  if (!actor.permissions.has(CASE_PERMISSIONS.read)) return [];
  const rows = await repo.allocatedChildren(
    db,
    actor.organisationId,
    { kind: 'own', userId: actor.userId },
    todayAt(ctx),
  );
  await recordAudit(db, ctx, {
    action: 'child.caseload',
    recordType: 'child',
    detail: `${rows.length} children`,
  });
  return rows;
}

/** Children currently allocated to the actor's team (team managers; others with organisation scope may too). */
export async function teamCaseload(db: Db, actor: Actor, ctx: AuditContext): Promise<repo.ChildListRow[]> {
  return (await teamCaseloadPage(db, actor, ctx)).rows;
}

/**
 * One page of the team's children (all of them without `page`) and how many there are; a page
 * past the end is the last.
 */
export async function teamCaseloadPage(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  page?: { page: number; pageSize: number },
): Promise<{ rows: repo.ChildListRow[]; total: number; page: number }> {
  const scope = scopeFor(actor, ctx.at);
  if (!actor.teamId || (scope.kind !== 'team' && scope.kind !== 'organisation'))
    return { rows: [], total: 0, page: 1 };
  const team = { kind: 'team' as const, teamId: actor.teamId };
  const today = todayAt(ctx);
  let rows: repo.ChildListRow[];
  let total: number;
  let shown = 1;
  if (page) {
    total = await repo.allocatedCount(db, actor.organisationId, team, today);
    shown = Math.min(Math.max(1, page.page), Math.max(1, Math.ceil(total / page.pageSize)));
    rows = await repo.allocatedChildren(db, actor.organisationId, team, today, {
      limit: page.pageSize,
      offset: (shown - 1) * page.pageSize,
    });
  } else {
    rows = await repo.allocatedChildren(db, actor.organisationId, team, today);
    total = rows.length;
  }
  await recordAudit(db, ctx, {
    action: 'child.team-caseload',
    recordType: 'team',
    recordId: actor.teamId,
    detail: page ? `${rows.length} of ${total} children (page ${shown})` : `${rows.length} children`,
  });
  return { rows, total, page: shown };
}

/**
 * Every child with an open case now, with their current worker and team: for drawing a
 * quality assurance sample (organisation-level; the caller audits what it shows to a person).
 */
export async function openCasesForSampling(
  db: Db,
  organisationId: string,
  today: string,
): Promise<repo.ChildListRow[]> {
  const rows = await repo.allocatedChildren(db, organisationId, { kind: 'organisation' }, today);
  return rows.filter((r) => r.openCase);
}
