import { sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../platform/db/client';

export interface RecordedEventRow {
  id: string;
  sourceId: string;
  type: string;
  date: string;
  recordedAt: string;
  recordedBy: string | null;
  recorderName: string | null;
  recorderTeamId: string | null;
  withdrawnAt: string | null;
  withdrawnByName: string | null;
  reason: string | null;
}

const SELECT = sql`select e.id, e.source_id as "sourceId", e.event_type as type, e.event_date::text as date,
       e.recorded_at as "recordedAt", e.recorded_by as "recordedBy", ru.name as "recorderName", ru.team_id as "recorderTeamId",
       w.withdrawn_at as "withdrawnAt", wu.name as "withdrawnByName", w.reason
     from case_recorded_events e
     left join users ru on ru.id = e.recorded_by
     left join case_recorded_event_withdrawals w on w.recorded_event_id = e.id and w.organisation_id = e.organisation_id
     left join users wu on wu.id = w.withdrawn_by`;

const normalise = (r: RecordedEventRow): RecordedEventRow => ({
  ...r,
  recordedAt: new Date(r.recordedAt).toISOString(),
  withdrawnAt: r.withdrawnAt ? new Date(r.withdrawnAt).toISOString() : null,
});

/** The events recorded by form for one child, newest first, each with its withdrawal if any. */
export async function recordedEventsOf(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<RecordedEventRow[]> {
  const rows = await rawRows<RecordedEventRow>(
    db,
    sql`${SELECT} where e.organisation_id = ${organisationId} and e.person_id = ${personId}::uuid and e.closed_at is null
        order by e.event_date desc, e.recorded_at desc`,
  );
  return rows.map(normalise);
}

/** One recorded event of one child, or undefined. */
export async function recordedEventOf(
  db: Db,
  organisationId: string,
  personId: string,
  eventId: string,
): Promise<RecordedEventRow | undefined> {
  const [row] = await rawRows<RecordedEventRow>(
    db,
    sql`${SELECT} where e.organisation_id = ${organisationId} and e.person_id = ${personId}::uuid
          and e.id = ${eventId}::uuid and e.closed_at is null`,
  );
  return row && normalise(row);
}

export async function insertWithdrawal(
  db: Db,
  input: {
    organisationId: string;
    personId: string;
    recordedEventId: string;
    withdrawnBy: string;
    at: Date;
    reason: string;
  },
): Promise<void> {
  await db.execute(sql`
    insert into case_recorded_event_withdrawals (organisation_id, recorded_event_id, person_id, withdrawn_by, withdrawn_at, reason)
    values (${input.organisationId}, ${input.recordedEventId}::uuid, ${input.personId}::uuid, ${input.withdrawnBy}::uuid,
            ${input.at.toISOString()}::timestamptz, ${input.reason})`);
}
