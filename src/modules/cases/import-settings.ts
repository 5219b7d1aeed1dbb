/**
 * How an organisation's SSD imports are graded: by default notices (a value
 * kept as given or left empty, a column not read) are listed and the extract
 * is imported; an administrator can have them reject the extract instead.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { caseImportSettings } from './import-schema';

export interface ImportSettings {
  noticesAreErrors: boolean;
}

export async function importSettings(db: Db, organisationId: string): Promise<ImportSettings> {
  const [row] = await db
    .select({ noticesAreErrors: caseImportSettings.noticesAreErrors })
    .from(caseImportSettings)
    .where(eq(caseImportSettings.organisationId, organisationId));
  return { noticesAreErrors: row?.noticesAreErrors ?? false };
}

export async function saveImportSettings(
  db: Db,
  organisationId: string,
  settings: ImportSettings,
  by: { userId: string | null; at: Date },
): Promise<void> {
  await db
    .insert(caseImportSettings)
    .values({ organisationId, ...settings, updatedAt: by.at, updatedBy: by.userId })
    .onConflictDoUpdate({
      target: caseImportSettings.organisationId,
      set: { ...settings, updatedAt: by.at, updatedBy: by.userId },
    });
}
