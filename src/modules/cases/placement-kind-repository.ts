import { sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../platform/db/client';

export interface PlacementKindRow {
  sourceId: string;
  startDate: string;
  endDate: string | null;
  placementType: string | null;
  legalStatuses: string | null;
  setKind: string | null;
  setLongTerm: boolean | null;
  setByName: string | null;
  setAt: string | null;
}

/** One child's placements (newest first) with the legal statuses in force when each started and the latest kind set by hand. */
export function placementsWithKinds(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<PlacementKindRow[]> {
  return rawRows(
    db,
    sql`select pl.source_id as "sourceId", pl.start_date::text as "startDate", pl.end_date::text as "endDate",
          pl.placement_type as "placementType",
          (select string_agg(ls.legal_status, ',') from case_legal_statuses ls
            where ls.organisation_id = pl.organisation_id and ls.person_id = pl.person_id and ls.closed_at is null
              and ls.start_date <= pl.start_date and (ls.end_date is null or ls.end_date >= pl.start_date)) as "legalStatuses",
          k.kind as "setKind", k.long_term as "setLongTerm", u.name as "setByName", k.set_at::text as "setAt"
        from case_cla_placements pl
        left join lateral (select * from case_placement_kinds k where k.organisation_id = pl.organisation_id
            and k.placement_source_id = pl.source_id order by k.set_at desc, k.id desc limit 1) k on true
        left join users u on u.id = k.set_by
        where pl.organisation_id = ${organisationId} and pl.person_id = ${personId}::uuid and pl.closed_at is null
        order by pl.start_date desc`,
  );
}

export async function insertPlacementKind(
  db: Db,
  input: {
    organisationId: string;
    personId: string;
    placementSourceId: string;
    kind: string;
    longTerm: boolean;
    setBy: string;
    at: Date;
  },
): Promise<void> {
  await db.execute(sql`
    insert into case_placement_kinds (organisation_id, person_id, placement_source_id, kind, long_term, set_by, set_at)
    values (${input.organisationId}, ${input.personId}::uuid, ${input.placementSourceId}, ${input.kind}, ${input.longTerm},
            ${input.setBy}::uuid, ${input.at.toISOString()}::timestamptz)`);
}
