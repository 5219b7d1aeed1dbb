/** The only place the adults module's queries live; every one scoped by organisation. */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import type { ConcernInput } from './concern';
import type { MeasuredConcern, Window } from './measures';
import { adultConcerns } from './schema';

export type StoredConcern = typeof adultConcerns.$inferSelect;

export interface ConcernFilters {
  /** Received on or after / on or before. */
  from?: string;
  to?: string;
  decision?: 'yes' | 'no' | 'none';
  /** open: started, not concluded; concluded; none: no enquiry. */
  enquiry?: 'open' | 'concluded' | 'none';
  abuseType?: string;
  personRef?: string;
}

function where(organisationId: string, f: ConcernFilters) {
  const c = adultConcerns;
  return and(
    eq(c.organisationId, organisationId),
    f.from ? gte(c.receivedOn, f.from) : undefined,
    f.to ? lte(c.receivedOn, f.to) : undefined,
    f.decision === 'none' ? isNull(c.s42Decision) : f.decision ? eq(c.s42Decision, f.decision) : undefined,
    f.enquiry === 'none'
      ? isNull(c.enquiryType)
      : f.enquiry === 'open'
        ? and(isNotNull(c.enquiryStartedOn), isNull(c.enquiryConcludedOn))
        : f.enquiry === 'concluded'
          ? isNotNull(c.enquiryConcludedOn)
          : undefined,
    f.abuseType ? sql`${c.abuseTypes} @> ${JSON.stringify([f.abuseType])}::jsonb` : undefined,
    f.personRef ? eq(c.personRef, f.personRef) : undefined,
  );
}

export async function listConcerns(
  db: Db,
  organisationId: string,
  filters: ConcernFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: StoredConcern[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(adultConcerns)
      .where(where(organisationId, filters))
      .orderBy(desc(adultConcerns.receivedOn), asc(adultConcerns.reference))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(adultConcerns).where(where(organisationId, filters)),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function getConcern(
  db: Db,
  organisationId: string,
  id: string,
): Promise<StoredConcern | undefined> {
  const [row] = await db
    .select()
    .from(adultConcerns)
    .where(and(eq(adultConcerns.organisationId, organisationId), eq(adultConcerns.id, id)));
  return row;
}

/** The ids of the references already in the register. */
export async function idsByReference(
  db: Db,
  organisationId: string,
  references: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // In slices: a bind parameter per reference, within PostgreSQL's limit.
  for (let i = 0; i < references.length; i += 5000) {
    const rows = await db
      .select({ id: adultConcerns.id, reference: adultConcerns.reference })
      .from(adultConcerns)
      .where(
        and(
          eq(adultConcerns.organisationId, organisationId),
          inArray(adultConcerns.reference, references.slice(i, i + 5000)),
        ),
      );
    for (const r of rows) out.set(r.reference, r.id);
  }
  return out;
}

type Write = ConcernInput & { organisationId: string; userId: string | null; at: Date };

const columns = (w: Write) => {
  const { organisationId, userId, at, ...concern } = w;
  return { ...concern, organisationId, updatedBy: userId, updatedAt: at };
};

export async function insertConcern(db: Db, w: Write): Promise<string> {
  const [row] = await db
    .insert(adultConcerns)
    .values({ ...columns(w), createdBy: w.userId, createdAt: w.at })
    .returning({ id: adultConcerns.id });
  return row!.id;
}

export async function updateConcern(db: Db, id: string, w: Write): Promise<void> {
  await db
    .update(adultConcerns)
    .set(columns(w))
    .where(and(eq(adultConcerns.organisationId, w.organisationId), eq(adultConcerns.id, id)));
}

/** Add or replace concerns by reference, in statements of a few hundred rows. */
export async function upsertConcerns(db: Db, rows: readonly Write[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(adultConcerns)
      .values(rows.slice(i, i + 500).map((w) => ({ ...columns(w), createdBy: w.userId, createdAt: w.at })))
      .onConflictDoUpdate({
        target: [adultConcerns.organisationId, adultConcerns.reference],
        set: Object.fromEntries(
          [
            'person_ref',
            'received_on',
            'source',
            's42_decision',
            'decision_on',
            'enquiry_type',
            'enquiry_started_on',
            'enquiry_concluded_on',
            'abuse_types',
            'location',
            'risk_source',
            'outcomes_asked',
            'outcomes_achieved',
            'risk_outcome',
            'updated_by',
            'updated_at',
          ].map((col) => [camel(col), sql.raw(`excluded.${col}`)]),
        ),
      });
  }
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** What the measures read, for every concern touching the span (received, started or concluded in it). */
export async function measuredConcerns(
  db: Db,
  organisationId: string,
  span: Window,
): Promise<MeasuredConcern[]> {
  const c = adultConcerns;
  const inSpan = (col: typeof c.receivedOn | typeof c.enquiryStartedOn | typeof c.enquiryConcludedOn) =>
    and(gte(col, span.first), lte(col, span.last));
  return db
    .select({
      receivedOn: c.receivedOn,
      s42Decision: c.s42Decision,
      enquiryType: c.enquiryType,
      enquiryStartedOn: c.enquiryStartedOn,
      enquiryConcludedOn: c.enquiryConcludedOn,
      abuseTypes: c.abuseTypes,
      location: c.location,
      riskSource: c.riskSource,
      outcomesAsked: c.outcomesAsked,
      outcomesAchieved: c.outcomesAchieved,
      riskOutcome: c.riskOutcome,
    })
    .from(c)
    .where(
      and(
        eq(c.organisationId, organisationId),
        or(inSpan(c.receivedOn), inSpan(c.enquiryStartedOn), inSpan(c.enquiryConcludedOn)),
      ),
    );
}
