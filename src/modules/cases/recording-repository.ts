import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../platform/db/client';
import type { EventEpisodeKind } from './recordable-events';
import { FORM_SOURCE_PREFIX } from './repository';

export type VisitKind = 'looked_after' | 'child_protection' | 'child_in_need';

const VISIT_TABLES: Record<VisitKind, { table: string; episodeColumn: string }> = {
  looked_after: { table: 'case_cla_visits', episodeColumn: 'cla_source_id' },
  child_protection: { table: 'case_cp_visits', episodeColumn: 'cp_plan_source_id' },
  child_in_need: { table: 'case_cin_visits', episodeColumn: 'cin_plan_source_id' },
};

/** The child's open episodes a visit can belong to, with their start dates. */
export async function openVisitEpisodes(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<Array<{ kind: VisitKind; sourceId: string; start: string }>> {
  return rawRows(
    db,
    sql`select 'looked_after' as kind, cla_source_id as "sourceId", min(start_date)::text as start
          from case_cla_episodes
          where organisation_id = ${organisationId} and person_id = ${personId}::uuid and closed_at is null
            and cla_source_id in (select cla_source_id from case_cla_episodes
              where organisation_id = ${organisationId} and person_id = ${personId}::uuid and closed_at is null and ceased_date is null)
          group by cla_source_id
        union all
        select 'child_protection', source_id, start_date::text from case_cp_plans
          where organisation_id = ${organisationId} and person_id = ${personId}::uuid and closed_at is null and end_date is null
        union all
        select 'child_in_need', source_id, start_date::text from case_cin_plans
          where organisation_id = ${organisationId} and person_id = ${personId}::uuid and closed_at is null and end_date is null`,
  );
}

export async function insertVisit(
  db: Db,
  input: {
    organisationId: string;
    personId: string;
    kind: VisitKind;
    episodeSourceId: string;
    date: string;
    childSeen: boolean;
    seenAlone: boolean;
  },
): Promise<string> {
  const { table, episodeColumn } = VISIT_TABLES[input.kind];
  const sourceId = `${FORM_SOURCE_PREFIX}${randomUUID()}`;
  await db.execute(sql`
    insert into ${sql.raw(table)} (organisation_id, source_id, row_hash, person_id, ${sql.raw(episodeColumn)}, visit_date, child_seen, seen_alone)
    values (${input.organisationId}, ${sourceId}, ${'recorded in Oversight'}, ${input.personId}::uuid, ${input.episodeSourceId},
            ${input.date}::date, ${input.childSeen}, ${input.seenAlone})`);
  return sourceId;
}

/** The child's open period of care, open placements and open private fostering arrangements, with their start dates. */
export async function openEventEpisodes(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<Array<{ kind: EventEpisodeKind; sourceId: string; start: string }>> {
  return rawRows(
    db,
    sql`select 'looked_after' as kind, cla_source_id as "sourceId",
               min(least(start_date, coalesce(entered_care_date, start_date)))::text as start
          from case_cla_episodes
          where organisation_id = ${organisationId} and person_id = ${personId}::uuid and closed_at is null
            and cla_source_id in (select cla_source_id from case_cla_episodes
              where organisation_id = ${organisationId} and person_id = ${personId}::uuid and closed_at is null and ceased_date is null)
          group by cla_source_id
        union all
        select 'placement', source_id, start_date::text from case_cla_placements
          where organisation_id = ${organisationId} and person_id = ${personId}::uuid and closed_at is null and end_date is null
        union all
        select 'private_fostering', source_id, least(notification_date, start_date)::text from private_fostering_arrangements
          where organisation_id = ${organisationId} and person_id = ${personId}::uuid and end_date is null
        order by start desc`,
  );
}

export async function insertRecordedEvent(
  db: Db,
  input: {
    organisationId: string;
    personId: string;
    type: string;
    episodeSourceId: string;
    date: string;
    recordedBy: string | null;
  },
): Promise<string> {
  const sourceId = `${FORM_SOURCE_PREFIX}${randomUUID()}`;
  await db.execute(sql`
    insert into case_recorded_events (organisation_id, source_id, row_hash, person_id, event_type, event_date, episode_source_id, recorded_by)
    values (${input.organisationId}, ${sourceId}, ${'recorded in Oversight'}, ${input.personId}::uuid, ${input.type},
            ${input.date}::date, ${input.episodeSourceId}, ${input.recordedBy}::uuid)`);
  return sourceId;
}

/**
 * The kinds of recorded event the organisation holds for anyone, leaving out
 * withdrawn ones (a rule needing one starts working once one exists). Private
 * fostering visits count from the first arrangement recorded: a register of
 * arrangements is what the visits rule needs.
 */
export async function recordedEventTypes(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await rawRows<{ event_type: string }>(
    db,
    sql`select distinct e.event_type from case_recorded_events e
          where e.organisation_id = ${organisationId} and e.closed_at is null
            and not exists (select 1 from case_recorded_event_withdrawals w where w.recorded_event_id = e.id)
        union all
        select 'private_fostering_visit' from private_fostering_arrangements where organisation_id = ${organisationId} having count(*) > 0
        union all
        select 'supervision' from supervision_cases where organisation_id = ${organisationId} having count(*) > 0`,
  );
  return new Set(rows.map((r) => r.event_type));
}

/** Each child discussed at a supervision, on the day it was held: the compliance engine's "supervision" events. */
export function supervisionDiscussions(
  db: Db,
  organisationId: string,
  personIds?: readonly string[],
): Promise<Array<{ person_id: string; held_on: string }>> {
  const people = personIds
    ? sql`and sc.person_id in (select (jsonb_array_elements_text(${JSON.stringify(personIds)}::jsonb))::uuid)`
    : sql``;
  return rawRows(
    db,
    sql`select sc.person_id, s.held_on::text as held_on
        from supervision_cases sc join supervisions s on s.id = sc.supervision_id
        where sc.organisation_id = ${organisationId} and s.organisation_id = ${organisationId} ${people}
        order by s.held_on`,
  );
}
