/** Queries of the organisation's glossary: the only place they live. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { glossaryEntries } from './schema';

export type GlossaryRow = typeof glossaryEntries.$inferSelect;

export const glossaryOf = (db: Db, organisationId: string) =>
  db
    .select()
    .from(glossaryEntries)
    .where(eq(glossaryEntries.organisationId, organisationId))
    .orderBy(asc(glossaryEntries.acronymKey));

export async function glossaryEntry(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(glossaryEntries)
    .where(and(eq(glossaryEntries.organisationId, organisationId), eq(glossaryEntries.id, id)));
  return row;
}

export async function insertGlossaryEntry(db: Db, values: typeof glossaryEntries.$inferInsert) {
  const [row] = await db.insert(glossaryEntries).values(values).returning({ id: glossaryEntries.id });
  return row!.id;
}

export async function updateGlossaryEntry(
  db: Db,
  organisationId: string,
  id: string,
  values: Pick<GlossaryRow, 'acronym' | 'acronymKey' | 'meaning' | 'updatedBy' | 'updatedAt'>,
) {
  await db
    .update(glossaryEntries)
    .set(values)
    .where(and(eq(glossaryEntries.organisationId, organisationId), eq(glossaryEntries.id, id)));
}

export async function deleteGlossaryEntry(db: Db, organisationId: string, id: string) {
  await db
    .delete(glossaryEntries)
    .where(and(eq(glossaryEntries.organisationId, organisationId), eq(glossaryEntries.id, id)));
}
