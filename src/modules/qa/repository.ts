/** The only place quality assurance queries live. Every query is scoped by organisation. */
import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { qaAudits, qaModerations, qaRounds, qaTemplateVersions } from './schema';

export type TemplateVersionRow = typeof qaTemplateVersions.$inferSelect;
export type RoundRow = typeof qaRounds.$inferSelect;
export type AuditRow = typeof qaAudits.$inferSelect;
export type ModerationRow = typeof qaModerations.$inferSelect;

// ---- templates -------------------------------------------------------------------

export async function insertTemplateVersion(
  db: Db,
  row: typeof qaTemplateVersions.$inferInsert,
): Promise<TemplateVersionRow> {
  const [inserted] = await db.insert(qaTemplateVersions).values(row).returning();
  return inserted!;
}

/** The newest version of each template, by name. */
export async function latestTemplates(db: Db, organisationId: string): Promise<TemplateVersionRow[]> {
  const rows = await db
    .selectDistinctOn([qaTemplateVersions.templateId])
    .from(qaTemplateVersions)
    .where(eq(qaTemplateVersions.organisationId, organisationId))
    .orderBy(qaTemplateVersions.templateId, desc(qaTemplateVersions.version));
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export async function templateVersions(
  db: Db,
  organisationId: string,
  templateId: string,
): Promise<TemplateVersionRow[]> {
  return db
    .select()
    .from(qaTemplateVersions)
    .where(
      and(
        eq(qaTemplateVersions.organisationId, organisationId),
        eq(qaTemplateVersions.templateId, templateId),
      ),
    )
    .orderBy(desc(qaTemplateVersions.version));
}

export async function templateVersion(
  db: Db,
  organisationId: string,
  id: string,
): Promise<TemplateVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(qaTemplateVersions)
    .where(and(eq(qaTemplateVersions.organisationId, organisationId), eq(qaTemplateVersions.id, id)));
  return row;
}

/** How many audits were done on each version of a template. */
export async function auditsPerVersion(
  db: Db,
  organisationId: string,
  versionIds: readonly string[],
): Promise<Map<string, number>> {
  if (!versionIds.length) return new Map();
  const rows = await db
    .select({ id: qaAudits.templateVersionId, n: sql<number>`count(*)::int` })
    .from(qaAudits)
    .where(
      and(eq(qaAudits.organisationId, organisationId), inArray(qaAudits.templateVersionId, [...versionIds])),
    )
    .groupBy(qaAudits.templateVersionId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

// ---- rounds ----------------------------------------------------------------------

export async function insertRound(db: Db, row: typeof qaRounds.$inferInsert): Promise<RoundRow> {
  const [inserted] = await db.insert(qaRounds).values(row).returning();
  return inserted!;
}

export async function rounds(db: Db, organisationId: string): Promise<RoundRow[]> {
  return db
    .select()
    .from(qaRounds)
    .where(eq(qaRounds.organisationId, organisationId))
    .orderBy(desc(qaRounds.startDate), asc(qaRounds.name));
}

/**
 * The rounds without the cases each left out (hundreds of kilobytes a round at a large
 * authority): for lists, and for which rounds are under way.
 */
export async function roundSummaries(db: Db, organisationId: string): Promise<Omit<RoundRow, 'excluded'>[]> {
  const { excluded: _excluded, ...columns } = getTableColumns(qaRounds);
  return db
    .select(columns)
    .from(qaRounds)
    .where(eq(qaRounds.organisationId, organisationId))
    .orderBy(desc(qaRounds.startDate), asc(qaRounds.name));
}

export async function round(db: Db, organisationId: string, id: string): Promise<RoundRow | undefined> {
  const [row] = await db
    .select()
    .from(qaRounds)
    .where(and(eq(qaRounds.organisationId, organisationId), eq(qaRounds.id, id)));
  return row;
}

/** Rounds by id, for lists of audits. */
export async function roundsById(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<Map<string, RoundRow>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select()
    .from(qaRounds)
    .where(and(eq(qaRounds.organisationId, organisationId), inArray(qaRounds.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

// ---- audits ----------------------------------------------------------------------

export async function insertAudits(db: Db, rows: Array<typeof qaAudits.$inferInsert>): Promise<void> {
  // In slices: a large authority's round holds thousands of cases.
  for (let i = 0; i < rows.length; i += 500) await db.insert(qaAudits).values(rows.slice(i, i + 500));
}

/** A round's audits, by group then child; one page of them when asked. */
export async function auditsOfRound(
  db: Db,
  organisationId: string,
  roundId: string,
  page?: { limit: number; offset: number },
): Promise<AuditRow[]> {
  const query = db
    .select()
    .from(qaAudits)
    .where(and(eq(qaAudits.organisationId, organisationId), eq(qaAudits.roundId, roundId)))
    .orderBy(asc(qaAudits.stratum), asc(qaAudits.personId), asc(qaAudits.id));
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

/** How many audits a round has. */
export async function auditCountOfRound(db: Db, organisationId: string, roundId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(qaAudits)
    .where(and(eq(qaAudits.organisationId, organisationId), eq(qaAudits.roundId, roundId)));
  return Number(row?.n ?? 0);
}

export async function audit(db: Db, organisationId: string, id: string): Promise<AuditRow | undefined> {
  const [row] = await db
    .select()
    .from(qaAudits)
    .where(and(eq(qaAudits.organisationId, organisationId), eq(qaAudits.id, id)));
  return row;
}

export async function updateAudit(
  db: Db,
  organisationId: string,
  id: string,
  change: Partial<typeof qaAudits.$inferInsert>,
): Promise<void> {
  await db
    .update(qaAudits)
    .set(change)
    .where(and(eq(qaAudits.organisationId, organisationId), eq(qaAudits.id, id)));
}

export interface AuditFilter {
  auditorId?: string;
  statuses?: readonly string[];
  personId?: string;
  workerUserId?: string;
  /** Only audits of these rounds (none when empty). */
  roundIds?: readonly string[];
}

function auditCondition(organisationId: string, filter: AuditFilter) {
  return and(
    eq(qaAudits.organisationId, organisationId),
    filter.auditorId ? eq(qaAudits.auditorId, filter.auditorId) : undefined,
    filter.statuses ? inArray(qaAudits.status, [...filter.statuses]) : undefined,
    filter.personId ? eq(qaAudits.personId, filter.personId) : undefined,
    filter.workerUserId ? eq(qaAudits.workerUserId, filter.workerUserId) : undefined,
    filter.roundIds ? inArray(qaAudits.roundId, [...filter.roundIds]) : undefined,
  );
}

/** Audits matching a filter, the latest changed first; one page of them when asked. */
export async function auditsWhere(
  db: Db,
  organisationId: string,
  filter: AuditFilter,
  page?: { limit: number; offset: number },
): Promise<AuditRow[]> {
  if (filter.roundIds && filter.roundIds.length === 0) return [];
  const query = db
    .select()
    .from(qaAudits)
    .where(auditCondition(organisationId, filter))
    .orderBy(desc(qaAudits.updatedAt), asc(qaAudits.id));
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

/** How many audits match a filter. */
export async function auditCountWhere(db: Db, organisationId: string, filter: AuditFilter): Promise<number> {
  if (filter.roundIds && filter.roundIds.length === 0) return 0;
  const [row] = await db.select({ n: count() }).from(qaAudits).where(auditCondition(organisationId, filter));
  return Number(row?.n ?? 0);
}

// ---- moderation ------------------------------------------------------------------

export async function insertModerations(
  db: Db,
  rows: Array<typeof qaModerations.$inferInsert>,
): Promise<void> {
  if (rows.length) await db.insert(qaModerations).values(rows);
}

export async function moderations(db: Db, organisationId: string, auditId: string): Promise<ModerationRow[]> {
  return db
    .select()
    .from(qaModerations)
    .where(and(eq(qaModerations.organisationId, organisationId), eq(qaModerations.auditId, auditId)))
    .orderBy(asc(qaModerations.moderatedAt));
}
