/**
 * For disclosure control of public committee papers (organisation-level; the
 * caller never shows the register to anyone): the people in the case register
 * whose surname is among the given words, or whose identifier is among the
 * given tokens, or whose date of birth is among the given dates. One query
 * for a whole pack, however many texts it has.
 */
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { casePeople } from './schema';

export interface RegisterCandidate {
  forename: string | null;
  surname: string | null;
  dateOfBirth: string | null;
  /** The person's SSD id, legacy id, NHS number and UPN, where known. */
  identifiers: string[];
}

export async function registerCandidates(
  db: Db,
  organisationId: string,
  query: { words: readonly string[]; tokens: readonly string[]; dates: readonly string[] },
): Promise<RegisterCandidate[]> {
  const words = [...new Set(query.words.map((w) => w.toLowerCase()))];
  const tokens = [...new Set(query.tokens.map((t) => t.toLowerCase()))];
  const dates = [...new Set(query.dates)];
  const conditions: SQL[] = [];
  if (words.length) conditions.push(inArray(sql`lower(${casePeople.surname})`, words));
  if (tokens.length)
    conditions.push(
      inArray(sql`lower(${casePeople.sourceId})`, tokens),
      inArray(sql`lower(${casePeople.legacyId})`, tokens),
      inArray(sql`replace(${casePeople.nhsNumber}, ' ', '')`, tokens),
      inArray(sql`lower(${casePeople.upn})`, tokens),
    );
  if (dates.length) conditions.push(inArray(casePeople.dateOfBirth, dates));
  if (conditions.length === 0) return [];
  const rows = await db
    .select({
      forename: casePeople.forename,
      surname: casePeople.surname,
      dateOfBirth: casePeople.dateOfBirth,
      sourceId: casePeople.sourceId,
      legacyId: casePeople.legacyId,
      nhsNumber: casePeople.nhsNumber,
      upn: casePeople.upn,
    })
    .from(casePeople)
    .where(and(eq(casePeople.organisationId, organisationId), or(...conditions)));
  return rows.map((r) => ({
    forename: r.forename,
    surname: r.surname,
    dateOfBirth: r.dateOfBirth,
    identifiers: [r.sourceId, r.legacyId, r.nhsNumber?.replace(/ /g, ''), r.upn].filter(
      (x): x is string => !!x,
    ),
  }));
}
