/**
 * Queries of the practice records: chronology notes, the child's own words,
 * oversight decisions and supervision. Every query is scoped by
 * organisation. Reads of the case register here are read-only and limited to
 * what these pages need that the register's service does not give.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Db, rawRows } from '../../platform/db/client';
import { users } from '../../platform/schema';
import {
  caseChronologyNotes,
  caseOversightNotes,
  caseVoiceRecords,
  supervisionActionOutcomes,
  supervisionActions,
  supervisionCases,
  supervisions,
} from './practice-schema';

// ---- chronology notes ------------------------------------------------------------

export type NewChronologyNote = typeof caseChronologyNotes.$inferInsert;

export async function insertChronologyNote(db: Db, row: NewChronologyNote): Promise<string> {
  const [created] = await db
    .insert(caseChronologyNotes)
    .values(row)
    .returning({ id: caseChronologyNotes.id });
  return created!.id;
}

export interface ChronologyNoteRow {
  id: string;
  eventTable: string;
  eventSourceId: string;
  eventDate: string;
  eventTitle: string;
  significance: string;
  authorName: string;
  createdAt: Date;
}

/** Every note on a child's chronology, oldest first (the last for an event is its current one). */
export async function chronologyNotesFor(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<ChronologyNoteRow[]> {
  return db
    .select({
      id: caseChronologyNotes.id,
      eventTable: caseChronologyNotes.eventTable,
      eventSourceId: caseChronologyNotes.eventSourceId,
      eventDate: caseChronologyNotes.eventDate,
      eventTitle: caseChronologyNotes.eventTitle,
      significance: caseChronologyNotes.significance,
      authorName: users.name,
      createdAt: caseChronologyNotes.createdAt,
    })
    .from(caseChronologyNotes)
    .innerJoin(users, eq(users.id, caseChronologyNotes.authorUserId))
    .where(
      and(eq(caseChronologyNotes.organisationId, organisationId), eq(caseChronologyNotes.personId, personId)),
    )
    .orderBy(asc(caseChronologyNotes.createdAt), asc(caseChronologyNotes.id));
}

// ---- the voice of the child --------------------------------------------------------

export type NewVoiceRecord = typeof caseVoiceRecords.$inferInsert;

export async function insertVoiceRecord(db: Db, row: NewVoiceRecord): Promise<string> {
  const [created] = await db.insert(caseVoiceRecords).values(row).returning({ id: caseVoiceRecords.id });
  return created!.id;
}

export interface VoiceRecordRow {
  id: string;
  recordedOn: string;
  words: string;
  captureMethod: string;
  capturedByName: string | null;
  capturedByUserName: string | null;
  changedSomething: boolean;
  whatChanged: string | null;
  linkedTable: string | null;
  linkedSourceId: string | null;
  createdByName: string;
  createdAt: Date;
}

/** The child's recorded views, latest first. */
export async function voiceRecordsFor(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<VoiceRecordRow[]> {
  const capturer = alias(users, 'capturer');
  const creator = alias(users, 'creator');
  return db
    .select({
      id: caseVoiceRecords.id,
      recordedOn: caseVoiceRecords.recordedOn,
      words: caseVoiceRecords.words,
      captureMethod: caseVoiceRecords.captureMethod,
      capturedByName: caseVoiceRecords.capturedByName,
      capturedByUserName: capturer.name,
      changedSomething: caseVoiceRecords.changedSomething,
      whatChanged: caseVoiceRecords.whatChanged,
      linkedTable: caseVoiceRecords.linkedTable,
      linkedSourceId: caseVoiceRecords.linkedSourceId,
      createdByName: creator.name,
      createdAt: caseVoiceRecords.createdAt,
    })
    .from(caseVoiceRecords)
    .leftJoin(capturer, eq(capturer.id, caseVoiceRecords.capturedByUserId))
    .innerJoin(creator, eq(creator.id, caseVoiceRecords.createdBy))
    .where(and(eq(caseVoiceRecords.organisationId, organisationId), eq(caseVoiceRecords.personId, personId)))
    .orderBy(desc(caseVoiceRecords.recordedOn), desc(caseVoiceRecords.createdAt));
}

/** How many voice-of-the-child records the case management system's extract holds for a child. */
export async function ssdVoiceCount(db: Db, organisationId: string, personId: string): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from case_voice_of_child_flags
        where organisation_id = ${organisationId} and person_id = ${personId}::uuid and closed_at is null`,
  );
  return Number(row?.n ?? 0);
}

export interface OpenCaseVoiceRow {
  personId: string;
  forename: string | null;
  surname: string | null;
  sourceId: string;
  workerId: string | null;
  workerName: string | null;
  workerUserId: string | null;
  caseTeamId: string | null;
  teamName: string | null;
  teamId: string | null;
  lastVoiceOn: string | null;
  ssdVoice: boolean;
}

/**
 * Every open case of an organisation with its current allocation, the date
 * of the child's latest views recorded in Oversight (up to today) and
 * whether the SSD extract holds voice flags for the child.
 */
export async function openCasesWithVoice(
  db: Db,
  organisationId: string,
  today: string,
): Promise<OpenCaseVoiceRow[]> {
  // Set-based (one pass over allocations, voice records and flags), not a lookup per child:
  // the large authority has fifteen thousand open cases.
  return rawRows<OpenCaseVoiceRow>(
    db,
    sql`with current_allocation as (
          select distinct on (i.person_id) i.person_id, i.worker_id, w.name as worker_name,
                 w.user_id as worker_user_id, i.case_team_id, ct.name as team_name, ct.team_id
          from case_involvements i
          left join case_workers w on w.id = i.worker_id
          left join case_teams ct on ct.id = i.case_team_id
          where i.organisation_id = ${organisationId} and i.closed_at is null and i.start_date <= ${today}::date
            and (i.end_date is null or i.end_date >= ${today}::date)
          order by i.person_id, i.start_date desc, i.source_id desc
        ), latest_voice as (
          select person_id, max(recorded_on)::text as last_on from case_voice_records
          where organisation_id = ${organisationId} and recorded_on <= ${today}::date
          group by person_id
        ), flagged as (
          select distinct person_id from case_voice_of_child_flags
          where organisation_id = ${organisationId} and closed_at is null
        )
        select p.id as "personId", p.forename, p.surname, p.source_id as "sourceId",
          a.worker_id as "workerId", a.worker_name as "workerName", a.worker_user_id as "workerUserId",
          a.case_team_id as "caseTeamId", a.team_name as "teamName", a.team_id as "teamId",
          v.last_on as "lastVoiceOn", f.person_id is not null as "ssdVoice"
        from case_people p
        left join current_allocation a on a.person_id = p.id
        left join latest_voice v on v.person_id = p.id
        left join flagged f on f.person_id = p.id
        where p.organisation_id = ${organisationId} and p.closed_at is null and p.open_case
        order by p.surname nulls last, p.forename nulls last, p.source_id`,
  );
}

// ---- management oversight -----------------------------------------------------------

export type NewOversightNote = typeof caseOversightNotes.$inferInsert;

export async function insertOversightNote(db: Db, row: NewOversightNote): Promise<string> {
  const [created] = await db.insert(caseOversightNotes).values(row).returning({ id: caseOversightNotes.id });
  return created!.id;
}

export interface OversightNoteRow {
  id: string;
  decidedOn: string;
  decision: string;
  reasons: string;
  authorName: string;
  authorRole: string;
  createdAt: Date;
}

/** Oversight decisions on a child's case, latest first. */
export async function oversightNotesFor(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<OversightNoteRow[]> {
  return db
    .select({
      id: caseOversightNotes.id,
      decidedOn: caseOversightNotes.decidedOn,
      decision: caseOversightNotes.decision,
      reasons: caseOversightNotes.reasons,
      authorName: users.name,
      authorRole: caseOversightNotes.authorRole,
      createdAt: caseOversightNotes.createdAt,
    })
    .from(caseOversightNotes)
    .innerJoin(users, eq(users.id, caseOversightNotes.authorUserId))
    .where(
      and(eq(caseOversightNotes.organisationId, organisationId), eq(caseOversightNotes.personId, personId)),
    )
    .orderBy(desc(caseOversightNotes.decidedOn), desc(caseOversightNotes.createdAt));
}

// ---- supervision: workers and their children -------------------------------------------

export interface SuperviseeRow {
  id: string;
  name: string;
  jobTitle: string | null;
  userId: string | null;
  teamId: string | null;
  teamName: string | null;
  openAllocations: number;
  /** The date of the latest supervision of this worker recorded in Oversight, if any. */
  lastSupervisedOn: string | null;
}

/**
 * Case workers a manager may supervise: those of a team (by their latest
 * allocation's team, or the team of their linked account), or every current
 * worker of the organisation when teamId is null.
 */
export async function supervisees(
  db: Db,
  organisationId: string,
  teamId: string | null,
  today: string,
): Promise<SuperviseeRow[]> {
  // Each worker's latest allocation is one probe of an index (case_involvements_worker_latest), not a
  // sort of every allocation; the children each holds today are counted in one grouped pass over
  // today's allocations (case_involvements_current), not a count per worker.
  const team = teamId === null ? sql`true` : sql`s.team_id = ${teamId}::uuid`;
  return rawRows<SuperviseeRow>(
    db,
    sql`with held as (
          select i.worker_id, count(*)::int as n from case_involvements i
          where i.organisation_id = ${organisationId} and i.closed_at is null and i.worker_id is not null
            and i.start_date <= ${today}::date and (i.end_date is null or i.end_date >= ${today}::date)
          group by i.worker_id
        ), last as (
          select sv.worker_id, max(sv.held_on)::text as held_on from supervisions sv
          where sv.organisation_id = ${organisationId}
          group by sv.worker_id
        ), s as (
          select w.id, w.name, w.job_title, w.user_id,
            coalesce(u.team_id, latest.team_id) as team_id,
            coalesce(t.name, latest.team_name) as team_name
          from case_workers w
          left join users u on u.id = w.user_id and u.organisation_id = w.organisation_id
          left join teams t on t.id = u.team_id
          left join lateral (
            select ct.team_id, ct.name as team_name
            from case_involvements i
            join case_teams ct on ct.id = i.case_team_id
            where i.organisation_id = ${organisationId} and i.worker_id = w.id and i.closed_at is null
            order by i.start_date desc, i.source_id desc
            limit 1
          ) latest on true
          where w.organisation_id = ${organisationId} and w.closed_at is null
        )
        select s.id, s.name, s.job_title as "jobTitle", s.user_id as "userId", s.team_id as "teamId",
          s.team_name as "teamName", coalesce(held.n, 0) as "openAllocations",
          last.held_on as "lastSupervisedOn"
        from s left join held on held.worker_id = s.id
          left join last on last.worker_id = s.id
        where ${team}
        order by s.name, s.id`,
  );
}

export interface WorkerChildRow {
  id: string;
  sourceId: string;
  forename: string | null;
  surname: string | null;
  dateOfBirth: string | null;
  serviceLevel: string;
}

/** Children currently allocated to a case worker. */
export async function childrenOfWorker(
  db: Db,
  organisationId: string,
  workerId: string,
  today: string,
): Promise<WorkerChildRow[]> {
  return rawRows<WorkerChildRow>(
    db,
    sql`select p.id, p.source_id as "sourceId", p.forename, p.surname, p.date_of_birth::text as "dateOfBirth",
          p.service_level as "serviceLevel"
        from case_people p
        where p.organisation_id = ${organisationId} and p.closed_at is null
          and p.id in (select i.person_id from case_involvements i where i.worker_id = ${workerId}::uuid
            and i.closed_at is null and i.start_date <= ${today}::date
            and coalesce(i.end_date, 'infinity'::date) >= ${today}::date)
        order by p.surname nulls last, p.forename nulls last, p.source_id`,
  );
}

// ---- supervision records --------------------------------------------------------------

export type NewSupervision = typeof supervisions.$inferInsert;
export type NewSupervisionAction = typeof supervisionActions.$inferInsert;
export type NewActionOutcome = typeof supervisionActionOutcomes.$inferInsert;

export async function insertSupervision(db: Db, row: NewSupervision): Promise<string> {
  const [created] = await db.insert(supervisions).values(row).returning({ id: supervisions.id });
  return created!.id;
}

export async function insertSupervisionCases(
  db: Db,
  organisationId: string,
  supervisionId: string,
  personIds: readonly string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .insert(supervisionCases)
    .values(personIds.map((personId) => ({ organisationId, supervisionId, personId })));
}

export async function insertSupervisionAction(db: Db, row: NewSupervisionAction): Promise<string> {
  const [created] = await db.insert(supervisionActions).values(row).returning({ id: supervisionActions.id });
  return created!.id;
}

export async function insertActionOutcome(db: Db, row: NewActionOutcome): Promise<void> {
  await db.insert(supervisionActionOutcomes).values(row);
}

export interface SupervisionRow {
  id: string;
  heldOn: string;
  reflection: string;
  supervisorUserId: string;
  supervisorName: string;
  workerId: string;
  workerName: string;
  createdAt: Date;
}

const supervisionColumns = sql`s.id, s.held_on::text as "heldOn", s.reflection,
  s.supervisor_user_id as "supervisorUserId", su.name as "supervisorName",
  s.worker_id as "workerId", w.name as "workerName", s.created_at as "createdAt"`;

/** Supervisions of an organisation, latest first, optionally of these workers only. */
export async function listSupervisions(
  db: Db,
  organisationId: string,
  filter: { workerIds?: readonly string[]; limit: number },
): Promise<SupervisionRow[]> {
  if (filter.workerIds && filter.workerIds.length === 0) return [];
  const workers = filter.workerIds
    ? sql`and s.worker_id in (select (jsonb_array_elements_text(${JSON.stringify(filter.workerIds)}::jsonb))::uuid)`
    : sql``;
  const rows = await rawRows<SupervisionRow>(
    db,
    sql`select ${supervisionColumns} from supervisions s
        join users su on su.id = s.supervisor_user_id
        join case_workers w on w.id = s.worker_id
        where s.organisation_id = ${organisationId} ${workers}
        order by s.held_on desc, s.created_at desc limit ${filter.limit}`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

export async function findSupervision(
  db: Db,
  organisationId: string,
  id: string,
): Promise<SupervisionRow | undefined> {
  const [row] = await rawRows<SupervisionRow>(
    db,
    sql`select ${supervisionColumns} from supervisions s
        join users su on su.id = s.supervisor_user_id
        join case_workers w on w.id = s.worker_id
        where s.organisation_id = ${organisationId} and s.id = ${id}::uuid`,
  );
  return row ? { ...row, createdAt: new Date(row.createdAt) } : undefined;
}

export async function casesOfSupervision(db: Db, organisationId: string, supervisionId: string) {
  return rawRows<{ id: string; sourceId: string; forename: string | null; surname: string | null }>(
    db,
    sql`select p.id, p.source_id as "sourceId", p.forename, p.surname from supervision_cases c
        join case_people p on p.id = c.person_id
        where c.organisation_id = ${organisationId} and c.supervision_id = ${supervisionId}::uuid
        order by p.surname nulls last, p.forename nulls last, p.source_id`,
  );
}

export interface ActionRow {
  id: string;
  chainId: string;
  previousActionId: string | null;
  supervisionId: string;
  heldOn: string;
  description: string;
  ownerKind: string;
  ownerName: string;
  dueOn: string;
  outcome: 'done' | 'carried' | null;
  outcomeOn: string | null;
  /** The supervision at which the outcome was decided (null: marked done between supervisions). */
  decidedAt: string | null;
  workerId: string;
  workerName: string;
  supervisorName: string;
}

/** Supervision actions with what became of them: for one worker, one supervision's chains, or the whole organisation. */
export async function listActions(
  db: Db,
  organisationId: string,
  filter: { workerId?: string; workerIds?: readonly string[]; chainIds?: readonly string[] } = {},
): Promise<ActionRow[]> {
  const worker = filter.workerId
    ? sql`and s.worker_id = ${filter.workerId}::uuid`
    : filter.workerIds
      ? sql`and s.worker_id in (select (jsonb_array_elements_text(${JSON.stringify(filter.workerIds)}::jsonb))::uuid)`
      : sql``;
  const chains = filter.chainIds
    ? sql`and a.chain_id in (select (jsonb_array_elements_text(${JSON.stringify(filter.chainIds)}::jsonb))::uuid)`
    : sql``;
  return rawRows<ActionRow>(
    db,
    sql`select a.id, a.chain_id as "chainId", a.previous_action_id as "previousActionId",
          a.supervision_id as "supervisionId", s.held_on::text as "heldOn", a.description,
          a.owner_kind as "ownerKind", a.owner_name as "ownerName", a.due_on::text as "dueOn",
          o.outcome, o.recorded_on::text as "outcomeOn", o.decided_at_supervision_id as "decidedAt",
          s.worker_id as "workerId", w.name as "workerName", su.name as "supervisorName"
        from supervision_actions a
        join supervisions s on s.id = a.supervision_id
        join case_workers w on w.id = s.worker_id
        join users su on su.id = s.supervisor_user_id
        left join supervision_action_outcomes o on o.action_id = a.id
        where a.organisation_id = ${organisationId} ${worker} ${chains}
        order by s.held_on, s.created_at, a.position, a.id`,
  );
}

/** The latest supervision of a worker (to carry its open actions into the next). */
export async function latestSupervisionOf(
  db: Db,
  organisationId: string,
  workerId: string,
): Promise<{ id: string; heldOn: string } | undefined> {
  const [row] = await db
    .select({ id: supervisions.id, heldOn: supervisions.heldOn })
    .from(supervisions)
    .where(and(eq(supervisions.organisationId, organisationId), eq(supervisions.workerId, workerId)))
    .orderBy(desc(supervisions.heldOn), desc(supervisions.createdAt))
    .limit(1);
  return row;
}

// ---- the child's name ----------------------------------------------------------------------

/** A child's name and SSD id, for a page heading (the caller has checked scope). */
export async function childName(db: Db, organisationId: string, personId: string) {
  const [row] = await rawRows<{ forename: string | null; surname: string | null; sourceId: string }>(
    db,
    sql`select forename, surname, source_id as "sourceId" from case_people
        where organisation_id = ${organisationId} and id = ${personId}::uuid`,
  );
  return row;
}
