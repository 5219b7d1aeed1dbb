import { and, count, eq, gt, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { caseImports } from './schema';

/** Import outcomes that need someone to look: the extract was refused, or writing it failed. */
export const PROBLEM_STATUSES = ['failed', 'rejected'] as const;

/** Imports that failed or were rejected after the latest import that was applied. */
export async function importProblemCount(db: Db, organisationId: string): Promise<number> {
  const lastApplied = db
    .select({ at: max(caseImports.createdAt) })
    .from(caseImports)
    .where(and(eq(caseImports.organisationId, organisationId), eq(caseImports.status, 'applied')));
  const [row] = await db
    .select({ n: count() })
    .from(caseImports)
    .where(
      and(
        eq(caseImports.organisationId, organisationId),
        inArray(caseImports.status, [...PROBLEM_STATUSES]),
        gt(caseImports.createdAt, sql`coalesce((${lastApplied}), '-infinity'::timestamptz)`),
      ),
    );
  return Number(row?.n ?? 0);
}
