import { laterOf } from '../../platform/calendar/working-days';
import type { Db } from '../../platform/db/client';
import { placementVisiting, type SpecialPlacementKind } from './placement-kinds';
import { privateFosteringFacts } from './private-fostering-repository';
import { isRecordableEventType, RECORDABLE_EVENTS, type RecordableEventType } from './recordable-events';
import { supervisionDiscussions } from './recording-repository';
import * as repo from './repository';

/** The latest value set by hand for a placement's regulation 28 kind (case_placement_kinds is append-only). */
const PLACEMENT_KIND_SET = (column: string, name: string) =>
  `(select k.${column} from case_placement_kinds k where k.organisation_id = t.organisation_id
     and k.placement_source_id = t.source_id order by k.set_at desc, k.id desc limit 1) as ${name}`;

// ---- facts for the compliance engine ------------------------------------------------

/** The kinds of event recorded by form for anyone in the organisation: a timescale rule needing one works once one exists. */
export { recordedEventTypes } from './recording-repository';

export type FactEpisodeType =
  | 'child_in_need'
  | 's47'
  | 'child_protection_plan'
  | 'child_in_need_plan'
  | 'looked_after'
  | 'placement'
  | 'care_leaver'
  | 'early_help'
  | 'missing'
  | 'private_fostering';

export type FactEventType =
  | 'contact'
  | 'referral'
  | 'assessment_completed'
  | 'strategy_discussion'
  | 'initial_conference'
  | 'review_conference'
  | 'cp_visit'
  | 'cin_visit'
  | 'looked_after_review'
  | 'looked_after_visit'
  | 'health_assessment'
  | 'personal_education_plan'
  | 'pathway_plan'
  | 'care_leaver_contact'
  | 'missing_return'
  | 'supervision'
  | RecordableEventType;

export interface OpenCaseFacts {
  personId: string;
  sourceId: string;
  dateOfBirth: string | null;
  serviceLevel: string;
  episodes: Array<{
    id: string;
    type: FactEpisodeType;
    start: string;
    end: string | null;
    longTerm?: boolean;
    /** A placement with its own regulation 28 visiting pattern; null or absent for an ordinary one. */
    kind?: SpecialPlacementKind | null;
    /** An s47 enquiry that ended with no further action; null when it is open or the extract does not say. */
    noFurtherAction?: boolean | null;
    /** Where the SSD field is a date and time (missing episodes): the instants, ISO 8601 UTC, beside the dates. */
    startAt?: string | null;
    endAt?: string | null;
  }>;
  /** `at`: the instant (ISO 8601 UTC) beside the date where the SSD field has a time (referrals, contacts, strategy discussions, missing returns). */
  events: Array<{ type: FactEventType; date: string; episodeId: string | null; at?: string | null }>;
  /** Worker (case_workers.id, and their user account if any) and team over time. */
  allocations: Array<{
    workerId: string | null;
    userId: string | null;
    caseTeamId: string | null;
    teamId: string | null;
    start: string;
    end: string | null;
  }>;
}

/**
 * Episodes and dated events of every child with an open case (or of the
 * given people), in the engine's vocabulary. `since` drops events (not
 * episodes) dated before it. Visits count only where the child was seen (or
 * seen is not recorded); reviews only where held and not cancelled.
 */
export async function listOpenCaseFacts(
  db: Db,
  organisationId: string,
  options: { since?: string; personIds?: readonly string[] } = {},
): Promise<OpenCaseFacts[]> {
  const people = await repo.openCasePeople(db, organisationId, options.personIds);
  const byPerson = new Map<string, OpenCaseFacts>();
  for (const p of people) {
    byPerson.set(p.id, {
      personId: p.id,
      sourceId: p.source_id,
      dateOfBirth: p.date_of_birth,
      serviceLevel: p.service_level,
      episodes: [],
      events: [],
      allocations: [],
    });
  }
  /** `where`: a constant SQL condition on the table (alias t), never built from input. */
  const q = <T>(table: string, columns: string, dateColumn?: string, where?: string) =>
    repo.openCaseRows<T & { person_id: string }>(db, organisationId, table, columns, {
      personIds: options.personIds,
      dateColumn,
      since: options.since,
      where,
    });
  const episode = (personId: string, e: OpenCaseFacts['episodes'][number]) =>
    byPerson.get(personId)?.episodes.push(e);
  const event = (
    personId: string,
    type: FactEventType,
    date: string | null,
    episodeId: string | null,
    at?: string | null,
  ) => {
    if (date)
      byPerson.get(personId)?.events.push(at ? { type, date, episodeId, at } : { type, date, episodeId });
  };
  // Instants as ISO 8601 UTC text, the same on the embedded database and the server.
  const iso = (column: string, name: string) =>
    `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as ${name}`;

  const referralIds = new Map<string, string>();
  for (const r of await q<{
    id: string;
    source_id: string;
    referral_date: string;
    close_date: string | null;
    referral_at: string | null;
  }>(
    'case_referrals',
    `t.id, t.source_id, t.referral_date::text, t.close_date::text, ${iso('t.referral_at', 'referral_at')}`,
  )) {
    referralIds.set(r.source_id, r.id);
    episode(r.person_id, { id: r.id, type: 'child_in_need', start: r.referral_date, end: r.close_date });
    if (!options.since || r.referral_date >= options.since)
      event(r.person_id, 'referral', r.referral_date, r.id, r.referral_at);
  }
  for (const c of await q<{ contact_date: string; contact_at: string | null }>(
    'case_contacts',
    `t.contact_date::text, ${iso('t.contact_at', 'contact_at')}`,
    'contact_date',
  )) {
    event(c.person_id, 'contact', c.contact_date, null, c.contact_at);
  }
  for (const a of await q<{ authorised_date: string | null; referral_source_id: string | null }>(
    'case_assessments',
    't.authorised_date::text, t.referral_source_id',
    'authorised_date',
  )) {
    event(
      a.person_id,
      'assessment_completed',
      a.authorised_date,
      a.referral_source_id ? (referralIds.get(a.referral_source_id) ?? null) : null,
    );
  }
  const s47Ids = new Map<string, string>();
  for (const s of await q<{
    id: string;
    source_id: string;
    start_date: string;
    end_date: string | null;
    no_further_action: boolean | null;
    start_at: string | null;
  }>(
    'case_s47_enquiries',
    `t.id, t.source_id, t.start_date::text, t.end_date::text, t.no_further_action, ${iso('t.start_at', 'start_at')}`,
  )) {
    s47Ids.set(s.source_id, s.id);
    // Whether the enquiry ended with no further action decides whether an initial conference is still owed.
    episode(s.person_id, {
      id: s.id,
      type: 's47',
      start: s.start_date,
      end: s.end_date,
      noFurtherAction: s.end_date ? s.no_further_action : null,
    });
    if (!options.since || s.start_date >= options.since)
      event(s.person_id, 'strategy_discussion', s.start_date, s.id, s.start_at);
  }
  for (const c of await q<{ conference_date: string | null; s47_source_id: string | null }>(
    'case_initial_conferences',
    't.conference_date::text, t.s47_source_id',
    'conference_date',
  )) {
    event(
      c.person_id,
      'initial_conference',
      c.conference_date,
      c.s47_source_id ? (s47Ids.get(c.s47_source_id) ?? null) : null,
    );
  }
  const cpIds = new Map<string, string>();
  for (const p of await q<{ id: string; source_id: string; start_date: string; end_date: string | null }>(
    'case_cp_plans',
    't.id, t.source_id, t.start_date::text, t.end_date::text',
  )) {
    cpIds.set(p.source_id, p.id);
    episode(p.person_id, { id: p.id, type: 'child_protection_plan', start: p.start_date, end: p.end_date });
  }
  for (const r of await q<{ review_date: string | null; cp_plan_source_id: string | null }>(
    'case_cp_reviews',
    't.review_date::text, t.cp_plan_source_id',
    'review_date',
  )) {
    event(
      r.person_id,
      'review_conference',
      r.review_date,
      r.cp_plan_source_id ? (cpIds.get(r.cp_plan_source_id) ?? null) : null,
    );
  }
  for (const v of await q<{
    visit_date: string;
    cp_plan_source_id: string | null;
    child_seen: boolean | null;
  }>('case_cp_visits', 't.visit_date::text, t.cp_plan_source_id, t.child_seen', 'visit_date')) {
    if (v.child_seen !== false)
      event(
        v.person_id,
        'cp_visit',
        v.visit_date,
        v.cp_plan_source_id ? (cpIds.get(v.cp_plan_source_id) ?? null) : null,
      );
  }
  const cinPlanIds = new Map<string, string>();
  for (const p of await q<{ id: string; source_id: string; start_date: string; end_date: string | null }>(
    'case_cin_plans',
    't.id, t.source_id, t.start_date::text, t.end_date::text',
  )) {
    cinPlanIds.set(p.source_id, p.id);
    episode(p.person_id, { id: p.id, type: 'child_in_need_plan', start: p.start_date, end: p.end_date });
  }
  for (const v of await q<{
    visit_date: string;
    cin_plan_source_id: string | null;
    child_seen: boolean | null;
  }>('case_cin_visits', 't.visit_date::text, t.cin_plan_source_id, t.child_seen', 'visit_date')) {
    if (v.child_seen !== false)
      event(
        v.person_id,
        'cin_visit',
        v.visit_date,
        v.cin_plan_source_id ? (cinPlanIds.get(v.cin_plan_source_id) ?? null) : null,
      );
  }
  // Periods of care: the episodes sharing clae_cla_id.
  const periods = new Map<string, { personId: string; start: string; end: string | null; open: boolean }>();
  for (const e of await q<{
    cla_source_id: string;
    start_date: string;
    ceased_date: string | null;
    entered_care_date: string | null;
  }>(
    'case_cla_episodes',
    't.cla_source_id, t.start_date::text, t.ceased_date::text, t.entered_care_date::text',
  )) {
    const start =
      e.entered_care_date && e.entered_care_date < e.start_date ? e.entered_care_date : e.start_date;
    const period = periods.get(e.cla_source_id);
    if (!period) {
      periods.set(e.cla_source_id, {
        personId: e.person_id,
        start,
        end: e.ceased_date,
        open: e.ceased_date === null,
      });
    } else {
      if (start < period.start) period.start = start;
      if (e.ceased_date === null) period.open = true;
      else if (!period.end || e.ceased_date > period.end) period.end = e.ceased_date;
    }
  }
  const lastCeased = new Map<string, string>();
  for (const [claId, p] of periods) {
    const end = p.open ? null : p.end;
    episode(p.personId, { id: `cla:${claId}`, type: 'looked_after', start: p.start, end });
    if (end && (!lastCeased.get(p.personId) || end > lastCeased.get(p.personId)!))
      lastCeased.set(p.personId, end);
  }
  // The regulation 28 kind: set by hand on the child's record (latest wins), else what the SSD codes imply.
  for (const p of await q<{
    id: string;
    start_date: string;
    end_date: string | null;
    placement_type: string | null;
    legal_statuses: string | null;
    set_kind: string | null;
    set_long_term: boolean | null;
  }>(
    'case_cla_placements',
    `t.id, t.start_date::text, t.end_date::text, t.placement_type,
     (select string_agg(ls.legal_status, ',') from case_legal_statuses ls
       where ls.organisation_id = t.organisation_id and ls.person_id = t.person_id and ls.closed_at is null
         and ls.start_date <= t.start_date and (ls.end_date is null or ls.end_date >= t.start_date)) as legal_statuses,
     ${PLACEMENT_KIND_SET('kind', 'set_kind')}, ${PLACEMENT_KIND_SET('long_term', 'set_long_term')}`,
  )) {
    const visiting = placementVisiting(
      p.placement_type,
      p.legal_statuses ? p.legal_statuses.split(',') : [],
      p.set_kind ? { kind: p.set_kind, longTerm: p.set_long_term === true } : null,
    );
    episode(p.person_id, {
      id: p.id,
      type: 'placement',
      start: p.start_date,
      end: p.end_date,
      longTerm: visiting.longTerm,
      kind: visiting.kind,
    });
  }
  for (const r of await q<{ review_date: string | null; cla_source_id: string; cancelled: boolean | null }>(
    'case_cla_reviews',
    't.review_date::text, t.cla_source_id, t.cancelled',
    'review_date',
  )) {
    if (r.cancelled !== true)
      event(r.person_id, 'looked_after_review', r.review_date, `cla:${r.cla_source_id}`);
  }
  for (const v of await q<{ visit_date: string; cla_source_id: string | null; child_seen: boolean | null }>(
    'case_cla_visits',
    't.visit_date::text, t.cla_source_id, t.child_seen',
    'visit_date',
  )) {
    if (v.child_seen !== false)
      event(
        v.person_id,
        'looked_after_visit',
        v.visit_date,
        v.cla_source_id ? `cla:${v.cla_source_id}` : null,
      );
  }
  for (const h of await q<{ check_date: string; status: string | null }>(
    'case_cla_health',
    't.check_date::text, t.status',
    'check_date',
  )) {
    if (h.status === null || h.status === 'Completed')
      event(h.person_id, 'health_assessment', h.check_date, null);
  }
  for (const p of await q<{ pep_date: string; status: string | null; cla_source_id: string | null }>(
    'case_cla_peps',
    't.pep_date::text, t.status, t.cla_source_id',
    'pep_date',
  )) {
    if (p.status === null || p.status === 'Completed')
      event(
        p.person_id,
        'personal_education_plan',
        p.pep_date,
        p.cla_source_id ? `cla:${p.cla_source_id}` : null,
      );
  }
  for (const c of await q<{
    id: string;
    pathway_plan_review_date: string | null;
    latest_contact_date: string | null;
  }>('case_care_leavers', 't.id, t.pathway_plan_review_date::text, t.latest_contact_date::text')) {
    const facts = byPerson.get(c.person_id);
    const eighteen = facts?.dateOfBirth
      ? `${Number(facts.dateOfBirth.slice(0, 4)) + 18}${facts.dateOfBirth.slice(4)}`
      : null;
    const start =
      lastCeased.get(c.person_id) ?? eighteen ?? c.pathway_plan_review_date ?? c.latest_contact_date;
    if (start) episode(c.person_id, { id: c.id, type: 'care_leaver', start, end: null });
    event(c.person_id, 'pathway_plan', c.pathway_plan_review_date, c.id);
    event(c.person_id, 'care_leaver_contact', c.latest_contact_date, c.id);
  }
  for (const m of await q<{
    id: string;
    start_date: string;
    end_date: string | null;
    start_at: string | null;
    end_at: string | null;
  }>(
    'case_missing_episodes',
    `t.id, t.start_date::text, t.end_date::text, ${iso('t.start_at', 'start_at')}, ${iso('t.end_at', 'end_at')}`,
  )) {
    episode(m.person_id, {
      id: m.id,
      type: 'missing',
      start: m.start_date,
      end: m.end_date,
      startAt: m.start_at,
      endAt: m.end_at,
    });
    if (!options.since || (m.end_date && m.end_date >= options.since))
      event(m.person_id, 'missing_return', m.end_date, m.id, m.end_at);
  }
  for (const e of await q<{ id: string; start_date: string; end_date: string | null }>(
    'case_early_help_episodes',
    't.id, t.start_date::text, t.end_date::text',
  )) {
    episode(e.person_id, { id: e.id, type: 'early_help', start: e.start_date, end: e.end_date });
  }
  // Events recorded with Oversight's own form (no extract holds them): in the period of care, or the placement. Withdrawn ones never count.
  for (const r of await q<{
    event_type: string;
    event_date: string;
    cla_source_id: string | null;
    placement_id: string | null;
    episode_source_id: string | null;
  }>(
    'case_recorded_events',
    `t.event_type, t.event_date::text, t.episode_source_id,
     (select e.cla_source_id from case_cla_episodes e where e.organisation_id = t.organisation_id and e.cla_source_id = t.episode_source_id limit 1) as cla_source_id,
     (select pl.id from case_cla_placements pl where pl.organisation_id = t.organisation_id and pl.source_id = t.episode_source_id) as placement_id`,
    'event_date',
    'and not exists (select 1 from case_recorded_event_withdrawals w where w.recorded_event_id = t.id)',
  )) {
    if (!isRecordableEventType(r.event_type)) continue;
    const kind = RECORDABLE_EVENTS[r.event_type].episode;
    const episodeId =
      kind === 'placement'
        ? r.placement_id
        : kind === 'private_fostering'
          ? r.episode_source_id
          : r.cla_source_id
            ? `cla:${r.cla_source_id}`
            : null;
    event(r.person_id, r.event_type, r.event_date, episodeId);
  }
  // Private fostering arrangements (the clock starts at notification, or the arrangement's start if later) and their visits.
  const pf = await privateFosteringFacts(db, organisationId, options.personIds);
  for (const a of pf.arrangements) {
    episode(a.person_id, {
      id: a.source_id,
      type: 'private_fostering',
      start: laterOf(a.notification_date, a.start_date),
      end: a.end_date,
    });
  }
  // The children discussed at each supervision (the practice records): "case discussed in supervision".
  for (const d of await supervisionDiscussions(db, organisationId, options.personIds)) {
    if (!options.since || d.held_on >= options.since) event(d.person_id, 'supervision', d.held_on, null);
  }
  for (const a of await repo.openCaseAllocations(db, organisationId, options.personIds)) {
    byPerson.get(a.person_id)?.allocations.push({
      workerId: a.worker_id,
      userId: a.user_id,
      caseTeamId: a.case_team_id,
      teamId: a.team_id,
      start: a.start_date,
      end: a.end_date,
    });
  }
  const result = [...byPerson.values()];
  for (const f of result) {
    f.episodes.sort((a, b) => a.start.localeCompare(b.start));
    f.events.sort((a, b) => a.date.localeCompare(b.date));
  }
  return result;
}
