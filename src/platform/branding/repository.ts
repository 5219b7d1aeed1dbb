import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organisationSettings, organisations } from '../schema';

/** The only place the branding settings' queries live; every one is scoped by organisation. */

/** The organisation and its settings, without the logo's bytes (read on every page). */
export async function brandingRow(db: Db, organisationId: string) {
  const [row] = await db
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      protectiveMarking: organisationSettings.protectiveMarking,
      feedbackUrl: organisationSettings.feedbackUrl,
      logoUpdatedAt: organisationSettings.logoUpdatedAt,
    })
    .from(organisations)
    .leftJoin(organisationSettings, eq(organisationSettings.organisationId, organisations.id))
    .where(eq(organisations.id, organisationId));
  return row;
}

/** The ids of at most two organisations: enough to tell whether the database holds exactly one. */
export async function firstOrganisationIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(2);
  return rows.map((r) => r.id);
}

export async function logoRow(db: Db, organisationId: string) {
  const [row] = await db
    .select({
      type: organisationSettings.logoType,
      data: organisationSettings.logo,
      updatedAt: organisationSettings.logoUpdatedAt,
    })
    .from(organisationSettings)
    .where(eq(organisationSettings.organisationId, organisationId));
  return row?.type && row.data && row.updatedAt
    ? { type: row.type, data: row.data, updatedAt: row.updatedAt }
    : undefined;
}

type SettingsChange = Partial<{
  protectiveMarking: string;
  feedbackUrl: string | null;
  logoType: string | null;
  logo: Buffer | null;
  logoUpdatedAt: Date | null;
}>;

/** Create the organisation's settings row with this change, or apply the change to it. */
export async function upsertSettings(
  db: Db,
  organisationId: string,
  change: SettingsChange,
  by: { userId: string; at: Date },
): Promise<void> {
  const values = { ...change, updatedAt: by.at, updatedBy: by.userId };
  await db
    .insert(organisationSettings)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({ target: organisationSettings.organisationId, set: values });
}
