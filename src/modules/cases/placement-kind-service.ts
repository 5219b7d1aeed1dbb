/**
 * The regulation 28 visiting kind of a child's placements: shown with where
 * it comes from (the SSD codes or set by hand), and set by hand where the
 * extract cannot say. Each change is a new row; the engine uses the latest.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { requireChild } from './access';
import { notifyRegisterChanged } from './importer';
import { insertPlacementKind, placementsWithKinds } from './placement-kind-repository';
import { PLACEMENT_KIND_LABELS, type PlacementKindChoice, placementVisiting } from './placement-kinds';
import { PLACEMENT_TYPE } from './ssd/codes';

export interface PlacementKindView {
  sourceId: string;
  startDate: string;
  endDate: string | null;
  placementType: string | null;
  kind: PlacementKindChoice;
  kindLabel: string;
  longTerm: boolean;
  source: 'set' | 'ssd';
  setByName: string | null;
  setAt: string | null;
}

/** The child's placements and their visiting kinds (audited "child.placements"). */
export async function placementKinds(
  db: Db,
  actor: Actor,
  personId: string,
  ctx: AuditContext,
): Promise<PlacementKindView[]> {
  await requireChild(db, actor, personId, ctx);
  const rows = await placementsWithKinds(db, actor.organisationId, personId);
  await recordAudit(db, ctx, { action: 'child.placements', recordType: 'child', recordId: personId });
  return rows.map((r) => {
    const v = placementVisiting(
      r.placementType,
      r.legalStatuses ? r.legalStatuses.split(',') : [],
      r.setKind ? { kind: r.setKind, longTerm: r.setLongTerm === true } : null,
    );
    const kind: PlacementKindChoice = v.kind ?? 'ordinary';
    return {
      sourceId: r.sourceId,
      startDate: r.startDate,
      endDate: r.endDate,
      placementType: r.placementType && (PLACEMENT_TYPE.codes[r.placementType] ?? r.placementType),
      kind,
      kindLabel: PLACEMENT_KIND_LABELS[kind],
      longTerm: v.longTerm,
      source: v.source,
      setByName: r.setByName,
      setAt: r.setAt,
    };
  });
}

/** Set one placement's kind, then bring the child's statutory tasks up to date. */
export async function setPlacementKind(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  personId: string,
  input: { placementSourceId: string; kind: PlacementKindChoice; longTerm: boolean },
): Promise<void> {
  await requireChild(db, actor, personId, ctx);
  const placements = await placementsWithKinds(db, actor.organisationId, personId);
  if (!placements.some((p) => p.sourceId === input.placementSourceId)) throw new NotFoundError('placement');
  await db.transaction(async (tx) => {
    await insertPlacementKind(tx, {
      organisationId: actor.organisationId,
      personId,
      placementSourceId: input.placementSourceId,
      kind: input.kind,
      longTerm: input.longTerm,
      setBy: actor.userId,
      at: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'child.placement.kind',
      recordType: 'child',
      recordId: personId,
      detail: `${input.placementSourceId}: ${input.kind}${input.longTerm ? ', long term' : ''}`,
    });
  });
  await notifyRegisterChanged({ organisationId: actor.organisationId, personIds: [personId] });
}
