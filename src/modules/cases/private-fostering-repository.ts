import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../platform/db/client';

/** The prefix of an arrangement's source id: the episode id its visits (recorded events) refer to. */
export const ARRANGEMENT_SOURCE_PREFIX = 'PF-';

export interface ArrangementRow {
  id: string;
  sourceId: string;
  carerName: string;
  carerRelationship: string | null;
  notificationDate: string;
  startDate: string;
  endDate: string | null;
  assessmentDate: string | null;
  visits: number;
  lastVisit: string | null;
}

export interface ArrangementFields {
  carerName: string;
  carerRelationship: string | null;
  notificationDate: string;
  startDate: string;
  endDate: string | null;
  assessmentDate: string | null;
}

/** One child's arrangements, newest first, with the visits recorded (not withdrawn). */
export function arrangementsOf(db: Db, organisationId: string, personId: string): Promise<ArrangementRow[]> {
  return rawRows(
    db,
    sql`select a.id, a.source_id as "sourceId", a.carer_name as "carerName", a.carer_relationship as "carerRelationship",
          a.notification_date::text as "notificationDate", a.start_date::text as "startDate", a.end_date::text as "endDate",
          a.assessment_date::text as "assessmentDate",
          (select count(*)::int from case_recorded_events e where e.organisation_id = a.organisation_id
             and e.person_id = a.person_id and e.event_type = 'private_fostering_visit' and e.episode_source_id = a.source_id
             and not exists (select 1 from case_recorded_event_withdrawals w where w.recorded_event_id = e.id)) as visits,
          (select max(e.event_date)::text from case_recorded_events e where e.organisation_id = a.organisation_id
             and e.person_id = a.person_id and e.event_type = 'private_fostering_visit' and e.episode_source_id = a.source_id
             and not exists (select 1 from case_recorded_event_withdrawals w where w.recorded_event_id = e.id)) as "lastVisit"
        from private_fostering_arrangements a
        where a.organisation_id = ${organisationId} and a.person_id = ${personId}::uuid
        order by a.start_date desc, a.recorded_at desc`,
  );
}

export async function insertArrangement(
  db: Db,
  input: ArrangementFields & { organisationId: string; personId: string; recordedBy: string; at: Date },
): Promise<string> {
  const sourceId = `${ARRANGEMENT_SOURCE_PREFIX}${randomUUID()}`;
  await db.execute(sql`
    insert into private_fostering_arrangements (organisation_id, source_id, person_id, carer_name, carer_relationship,
      notification_date, start_date, end_date, assessment_date, recorded_by, recorded_at, updated_at)
    values (${input.organisationId}, ${sourceId}, ${input.personId}::uuid, ${input.carerName}, ${input.carerRelationship},
      ${input.notificationDate}::date, ${input.startDate}::date, ${input.endDate}::date, ${input.assessmentDate}::date,
      ${input.recordedBy}::uuid, ${input.at.toISOString()}::timestamptz, ${input.at.toISOString()}::timestamptz)`);
  return sourceId;
}

/** Change an arrangement's details (the assessment done, the arrangement ended, a correction). */
export async function updateArrangement(
  db: Db,
  input: ArrangementFields & { organisationId: string; personId: string; id: string; at: Date },
): Promise<boolean> {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`update private_fostering_arrangements set carer_name = ${input.carerName}, carer_relationship = ${input.carerRelationship},
          notification_date = ${input.notificationDate}::date, start_date = ${input.startDate}::date,
          end_date = ${input.endDate}::date, assessment_date = ${input.assessmentDate}::date,
          updated_at = ${input.at.toISOString()}::timestamptz
        where organisation_id = ${input.organisationId} and person_id = ${input.personId}::uuid and id = ${input.id}::uuid
        returning id`,
  );
  return rows.length === 1;
}

/**
 * The arrangements of the given people (or of everyone with an open case) for
 * the compliance engine: each is a private_fostering episode whose id is its
 * source id.
 */
export async function privateFosteringFacts(
  db: Db,
  organisationId: string,
  personIds?: readonly string[],
): Promise<{
  arrangements: Array<{
    person_id: string;
    source_id: string;
    notification_date: string;
    start_date: string;
    end_date: string | null;
  }>;
}> {
  const people = personIds
    ? sql`p.id in (select (jsonb_array_elements_text(${JSON.stringify(personIds)}::jsonb))::uuid)`
    : sql`p.open_case`;
  const arrangements = await rawRows<{
    person_id: string;
    source_id: string;
    notification_date: string;
    start_date: string;
    end_date: string | null;
  }>(
    db,
    sql`select a.person_id, a.source_id, a.notification_date::text, a.start_date::text, a.end_date::text
        from private_fostering_arrangements a join case_people p on p.id = a.person_id
        where a.organisation_id = ${organisationId} and p.organisation_id = ${organisationId} and p.closed_at is null and ${people}`,
  );
  return { arrangements };
}
