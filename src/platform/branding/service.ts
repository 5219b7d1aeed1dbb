import { type AuditContext, recordAudit } from '../audit/service';
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import type { Actor } from '../permissions';
import type { LogoType } from './logo';
import { DEFAULT_MARKING, markedFilename } from './marking';
import { brandingRow, firstOrganisationIds, logoRow, upsertSettings } from './repository';

/**
 * The organisation's own branding: its name and logo in the header, the
 * protective marking on its pages and documents, the feedback link in the
 * phase banner. Settings are read on each page (one small query) so that
 * every instance shows a change at once.
 */

export interface Branding {
  organisationId: string;
  organisationName: string;
  protectiveMarking: string;
  feedbackUrl: string | null;
  /** Where the logo is served, with its version so a new logo is never cached as the old. */
  logoUrl: string | null;
}

export function logoPath(organisationId: string, updatedAt: Date): string {
  return `/organisation-logo/${organisationId}?v=${updatedAt.getTime()}`;
}

/** The branding of one organisation, or undefined when there is no such organisation. */
export async function brandingOf(db: Db, organisationId: string): Promise<Branding | undefined> {
  const row = await brandingRow(db, organisationId);
  if (!row) return undefined;
  return {
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    protectiveMarking: row.protectiveMarking ?? DEFAULT_MARKING,
    feedbackUrl: row.feedbackUrl ?? null,
    logoUrl: row.logoUpdatedAt ? logoPath(row.organisationId, row.logoUpdatedAt) : null,
  };
}

/**
 * The protective marking of this organisation: the one place every page,
 * print and export asks what to mark itself with.
 */
export async function protectiveMarking(db: Db, organisationId: string): Promise<string> {
  return (await brandingRow(db, organisationId))?.protectiveMarking ?? DEFAULT_MARKING;
}

/**
 * The content-disposition of a download, its file name starting with the
 * organisation's marking (CSV files carry it only there, so that their data
 * stays exactly what an import or a spreadsheet expects).
 */
export async function markedAttachment(db: Db, organisationId: string, filename: string): Promise<string> {
  const marking = await protectiveMarking(db, organisationId);
  return `attachment; filename="${markedFilename(marking, filename)}"`;
}

/**
 * For pages seen before sign-in: the branding of the organisation when the
 * database holds exactly one (a council's own installation), otherwise none,
 * since nothing says which organisation the visitor belongs to.
 */
export async function soleOrganisationBranding(db: Db): Promise<Branding | undefined> {
  const ids = await firstOrganisationIds(db);
  return ids.length === 1 ? brandingOf(db, ids[0]!) : undefined;
}

export async function logoOf(db: Db, organisationId: string) {
  return logoRow(db, organisationId);
}

function auditCtx(actor: Actor, ctx: AuditContext): AuditContext {
  return { ...ctx, organisationId: actor.organisationId, userId: actor.userId };
}

/** Change the marking and feedback link; the audit says what changed, from what to what. */
export async function updateBrandingSettings(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: { protectiveMarking: string; feedbackUrl?: string },
): Promise<{ changed: string[] }> {
  return db.transaction(async (tx) => {
    const before = await brandingOf(tx, actor.organisationId);
    if (!before) throw new NotFoundError('organisation');
    const feedbackUrl = input.feedbackUrl ?? null;
    const changed: string[] = [];
    if (before.protectiveMarking !== input.protectiveMarking) {
      changed.push(`protective marking from "${before.protectiveMarking}" to "${input.protectiveMarking}"`);
    }
    if (before.feedbackUrl !== feedbackUrl) {
      changed.push(`feedback link from ${before.feedbackUrl ?? 'none'} to ${feedbackUrl ?? 'none'}`);
    }
    if (changed.length === 0) return { changed };
    await upsertSettings(
      tx,
      actor.organisationId,
      { protectiveMarking: input.protectiveMarking, feedbackUrl },
      { userId: actor.userId, at: ctx.at },
    );
    await recordAudit(tx, auditCtx(actor, ctx), {
      action: 'branding.update',
      recordType: 'organisation',
      recordId: actor.organisationId,
      detail: changed.join('; ').slice(0, 1000),
    });
    return { changed };
  });
}

export async function replaceLogo(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  logo: { type: LogoType; data: Buffer },
): Promise<void> {
  await db.transaction(async (tx) => {
    await upsertSettings(
      tx,
      actor.organisationId,
      { logoType: logo.type, logo: logo.data, logoUpdatedAt: ctx.at },
      { userId: actor.userId, at: ctx.at },
    );
    await recordAudit(tx, auditCtx(actor, ctx), {
      action: 'branding.logo',
      recordType: 'organisation',
      recordId: actor.organisationId,
      detail: `${logo.type}, ${logo.data.length} bytes`,
    });
  });
}

export async function removeLogo(db: Db, actor: Actor, ctx: AuditContext): Promise<void> {
  await db.transaction(async (tx) => {
    await upsertSettings(
      tx,
      actor.organisationId,
      { logoType: null, logo: null, logoUpdatedAt: null },
      { userId: actor.userId, at: ctx.at },
    );
    await recordAudit(tx, auditCtx(actor, ctx), {
      action: 'branding.logo-remove',
      recordType: 'organisation',
      recordId: actor.organisationId,
    });
  });
}
