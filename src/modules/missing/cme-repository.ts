/** The only place the children missing education register's queries live. Every query is scoped by organisation. */
import { and, asc, count, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { anyId, type IdSet, noIds } from '../../platform/db/any-id';
import type { Db } from '../../platform/db/client';
import { cmeCases, cmeEnquiries } from './cme-schema';

export type CmeRow = typeof cmeCases.$inferSelect;
export type CmeEnquiryRow = typeof cmeEnquiries.$inferSelect;

/** open: not closed; overdue: open with a clock past its day; closed; all. */
export const CME_FILTERS = ['open', 'overdue', 'closed', 'all'] as const;
export type CmeFilter = (typeof CME_FILTERS)[number];

export interface CmeListFilter {
  organisationId: string;
  /** The children the actor may see: all of the organisation's, or these. */
  people: 'all' | IdSet;
  show: CmeFilter;
  /** For the overdue filter: a clock due before today is overdue. */
  today: string;
}

function conditionsOf(f: CmeListFilter) {
  const conditions = [eq(cmeCases.organisationId, f.organisationId)];
  if (f.people !== 'all') conditions.push(anyId(cmeCases.personId, f.people));
  if (f.show === 'open') conditions.push(isNull(cmeCases.closedOn));
  if (f.show === 'closed') conditions.push(isNotNull(cmeCases.closedOn));
  if (f.show === 'overdue') conditions.push(isNull(cmeCases.closedOn), lt(cmeCases.nextDueOn, f.today));
  return and(...conditions);
}

export async function countCmeCases(db: Db, f: CmeListFilter): Promise<number> {
  if (f.people !== 'all' && noIds(f.people)) return 0;
  const [row] = await db.select({ n: count() }).from(cmeCases).where(conditionsOf(f));
  return Number(row?.n ?? 0);
}

/** Open cases, and those of them with a check due before today, in one query. */
export async function countOpenCmeCases(
  db: Db,
  f: Omit<CmeListFilter, 'show'>,
): Promise<{ open: number; overdue: number }> {
  if (f.people !== 'all' && noIds(f.people)) return { open: 0, overdue: 0 };
  const [row] = await db
    .select({
      open: count(),
      overdue: sql<number>`count(*) filter (where ${cmeCases.nextDueOn} < ${f.today})`,
    })
    .from(cmeCases)
    .where(conditionsOf({ ...f, show: 'open' }));
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
}

/** One page: open cases first, the soonest due first; then the latest absences. */
export async function listCmeCases(
  db: Db,
  f: CmeListFilter,
  limit: number,
  offset: number,
): Promise<CmeRow[]> {
  if (f.people !== 'all' && noIds(f.people)) return [];
  return db
    .select()
    .from(cmeCases)
    .where(conditionsOf(f))
    .orderBy(
      sql`${cmeCases.closedOn} is not null`,
      sql`${cmeCases.nextDueOn} asc nulls last`,
      desc(cmeCases.firstAbsentOn),
      asc(cmeCases.id),
    )
    .limit(limit)
    .offset(offset);
}

export async function cmeCaseById(db: Db, organisationId: string, id: string): Promise<CmeRow | null> {
  const [row] = await db
    .select()
    .from(cmeCases)
    .where(and(eq(cmeCases.organisationId, organisationId), eq(cmeCases.id, id)));
  return row ?? null;
}

export async function cmeCasesOfChild(db: Db, organisationId: string, personId: string): Promise<CmeRow[]> {
  return db
    .select()
    .from(cmeCases)
    .where(and(eq(cmeCases.organisationId, organisationId), eq(cmeCases.personId, personId)))
    .orderBy(desc(cmeCases.firstAbsentOn), asc(cmeCases.id));
}

export async function insertCmeCase(db: Db, values: typeof cmeCases.$inferInsert): Promise<string> {
  const [row] = await db.insert(cmeCases).values(values).returning({ id: cmeCases.id });
  return row!.id;
}

export async function updateCmeCase(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<typeof cmeCases.$inferInsert>,
): Promise<void> {
  await db
    .update(cmeCases)
    .set(values)
    .where(and(eq(cmeCases.organisationId, organisationId), eq(cmeCases.id, id)));
}

export async function cmeEnquiriesOf(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<CmeEnquiryRow[]> {
  return db
    .select()
    .from(cmeEnquiries)
    .where(and(eq(cmeEnquiries.organisationId, organisationId), eq(cmeEnquiries.caseId, caseId)))
    .orderBy(asc(cmeEnquiries.madeOn), asc(cmeEnquiries.id));
}

export async function insertCmeEnquiry(db: Db, values: typeof cmeEnquiries.$inferInsert): Promise<void> {
  await db.insert(cmeEnquiries).values(values);
}

/** Every case of the organisation, only what the quarterly key data counts and lists. */
export async function cmeCasesForKeyData(
  db: Db,
  organisationId: string,
): Promise<
  Array<{ id: string; personId: string; school: string; reportedOn: string; closedOn: string | null }>
> {
  return db
    .select({
      id: cmeCases.id,
      personId: cmeCases.personId,
      school: cmeCases.school,
      reportedOn: cmeCases.reportedOn,
      closedOn: cmeCases.closedOn,
    })
    .from(cmeCases)
    .where(eq(cmeCases.organisationId, organisationId))
    .orderBy(asc(cmeCases.reportedOn), asc(cmeCases.id));
}
