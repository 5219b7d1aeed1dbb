/**
 * Case register service: the only way other modules and the pages reach
 * children's records.
 *
 * Reading children — every call is scoped to the actor (ROLE_CASE_SCOPE via
 * decide()): a practitioner sees children they are currently involved with
 * (ssd_involvements), a team manager children currently allocated to their
 * team, organisation-wide roles all, an independent auditor only children
 * granted to them, committee members, clerks and administrators none. A child
 * outside scope, or of another organisation, is NotFoundError (404). "Today"
 * is the London date of ctx.at.
 *
 *   searchChildren(db, actor, query, ctx)      -> { rows, total }   audited "child.search"
 *   getChildForActor(db, actor, personId, ctx) -> ChildRecord       audited "child.view"
 *   listChildEvents(db, actor, personId, ctx, filter?) -> ChronologyEvent[]  audited "child.chronology"
 *   caseloadFor(db, actor, ctx)                -> ChildListRow[]    children allocated to the actor's worker record
 *   teamCaseload(db, actor, ctx)               -> ChildListRow[]    a team manager's team (with worker names)
 *   mayViewChild(db, actor, personId, at)      -> boolean           a guard for other pages (no audit)
 *   listWorkers(db, actor) / workerForUser(db, organisationId, userId)
 *   grantCaseAccess / revokeCaseAccess         -> access for roles that see assigned records only
 *
 * For the compliance engine (organisation-level; never shown to a user as is):
 *   listOpenCaseFacts(db, organisationId, { since?, personIds? }) -> OpenCaseFacts[]
 *     per child with an open case: date of birth, episodes (child_in_need, s47,
 *     child_protection_plan, child_in_need_plan, looked_after, placement,
 *     care_leaver, early_help, missing), dated events (referral, contact,
 *     assessment_completed, strategy_discussion, initial_conference,
 *     review_conference, cp_visit, cin_visit, looked_after_review,
 *     looked_after_visit, health_assessment, personal_education_plan,
 *     pathway_plan, care_leaver_contact, missing_return) and allocations over time.
 *   onRegisterChanged(listener)  -> told after each applied import.
 *
 * SSD import (see importer.ts): startSsdImport (upload page), importSsdFolder
 * (command, demo), getImportForActor, listImportHistory, importErrorsCsv.
 */

import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { type Clock, londonDateOf } from '../../platform/clock';
import { safeCsv } from '../../platform/csv';
import type { Db } from '../../platform/db/client';
import { NotFoundError } from '../../platform/errors';
import { type Actor, decide, ROLE_CASE_SCOPE } from '../../platform/permissions';
import {
  type ImportMode,
  type ImportOutcome,
  importAndWait,
  liveImportProgress,
  type StartImport,
  startImport,
} from './importer';
import { isRecordableEventType, RECORDABLE_EVENTS, type RecordableEventType } from './recordable-events';
import * as repo from './repository';
import type {
  caseAssessments,
  caseCareLeavers,
  caseCinPlans,
  caseCinVisits,
  caseClaEpisodes,
  caseClaHealth,
  caseClaPeps,
  caseClaPlacements,
  caseClaReviews,
  caseClaVisits,
  caseContacts,
  caseCpPlans,
  caseCpReviews,
  caseCpVisits,
  caseDisabilities,
  caseEarlyHelpEpisodes,
  caseImmigrationStatuses,
  caseInitialConferences,
  caseLegalStatuses,
  caseMissingEpisodes,
  caseReferrals,
  caseS47Enquiries,
} from './schema';
import {
  CARE_LEAVER_IN_TOUCH,
  CLA_CEASED_REASON,
  CP_CATEGORY,
  LEGAL_STATUS,
  LONG_TERM_PLACEMENTS,
  MISSING_TYPE,
  PLACEMENT_TYPE,
  PRIMARY_NEED,
} from './ssd/codes';
import { type ExtractFile, filesFromFolder } from './ssd/extract';
import { TABLES_BY_NAME, type TableSpec } from './ssd/spec';

export type { TableCounts as TableCountsView } from './importer';
export { importSettled, onRegisterChanged } from './importer';
export type { ChildListRow } from './repository';

export const CASE_PERMISSIONS = {
  read: 'cases.read',
  import: 'cases.import',
  importSettings: 'cases.import.settings',
} as const;

export const SERVICE_LEVEL_NAMES: Record<string, string> = {
  looked_after: 'Looked after',
  child_protection: 'Child protection',
  child_in_need: 'Child in need',
  care_leaver: 'Care leaver',
  early_help: 'Early help',
  none: 'No open case',
};

const todayAt = (ctx: { at: Date }) => londonDateOf(ctx.at);

function scopeFor(actor: Actor, at: Date): repo.ScopeFilter {
  if (!actor.permissions.has(CASE_PERMISSIONS.read)) return { kind: 'none' };
  switch (ROLE_CASE_SCOPE[actor.role]) {
    case 'organisation':
      return { kind: 'organisation' };
    case 'own':
      return { kind: 'own', userId: actor.userId };
    case 'team':
      return actor.teamId ? { kind: 'team', teamId: actor.teamId } : { kind: 'none' };
    case 'assigned':
      return { kind: 'assigned', userId: actor.userId, at };
    case 'none':
      return { kind: 'none' };
  }
}

// ---- search and lists ----------------------------------------------------------

export interface ChildQuery {
  /** Name words, or an identifier: SSD person id, NHS number, UPN, legacy id. */
  text?: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  openOnly?: boolean;
  page?: number;
  pageSize?: number;
}

export async function searchChildren(
  db: Db,
  actor: Actor,
  query: ChildQuery,
  ctx: AuditContext,
): Promise<{ rows: repo.ChildListRow[]; total: number; page: number; pageSize: number }> {
  const pageSize = Math.min(Math.max(query.pageSize ?? 25, 1), 200);
  const page = Math.max(query.page ?? 1, 1);
  const scope = scopeFor(actor, ctx.at);
  if (scope.kind === 'none') return { rows: [], total: 0, page, pageSize };
  const result = await repo.searchPeople(db, actor.organisationId, scope, todayAt(ctx), {
    text: query.text,
    dateOfBirth: query.dateOfBirth,
    openOnly: query.openOnly,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  await recordAudit(db, ctx, {
    action: 'child.search',
    recordType: 'child',
    detail: `${result.total} children matched`,
  });
  return { ...result, page, pageSize };
}

/** Children the actor is currently allocated to (through their worker record). */
export async function caseloadFor(db: Db, actor: Actor, ctx: AuditContext): Promise<repo.ChildListRow[]> {
  if (!actor.permissions.has(CASE_PERMISSIONS.read)) return [];
  const rows = await repo.allocatedChildren(
    db,
    actor.organisationId,
    { kind: 'own', userId: actor.userId },
    todayAt(ctx),
  );
  await recordAudit(db, ctx, {
    action: 'child.caseload',
    recordType: 'child',
    detail: `${rows.length} children`,
  });
  return rows;
}

/** Children currently allocated to the actor's team (team managers; others with organisation scope may too). */
export async function teamCaseload(db: Db, actor: Actor, ctx: AuditContext): Promise<repo.ChildListRow[]> {
  const scope = scopeFor(actor, ctx.at);
  if (!actor.teamId || (scope.kind !== 'team' && scope.kind !== 'organisation')) return [];
  const rows = await repo.allocatedChildren(
    db,
    actor.organisationId,
    { kind: 'team', teamId: actor.teamId },
    todayAt(ctx),
  );
  await recordAudit(db, ctx, {
    action: 'child.team-caseload',
    recordType: 'team',
    recordId: actor.teamId,
    detail: `${rows.length} children`,
  });
  return rows;
}

/** May the actor see this child now? For pages of other modules that show something about one child. */
export async function mayViewChild(db: Db, actor: Actor, personId: string, at: Date): Promise<boolean> {
  return (await access(db, actor, personId, at)) === 'allow';
}

async function access(db: Db, actor: Actor, personId: string, at: Date) {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return 'not-found' as const;
  const owner = await repo.ownership(db, actor.organisationId, personId, londonDateOf(at), at);
  if (!owner.exists) return 'not-found' as const;
  return decide(actor, CASE_PERMISSIONS.read, {
    organisationId: actor.organisationId,
    workerIds: owner.workerUserIds,
    teamIds: owner.teamIds,
    assignedUserIds: owner.assignedUserIds,
  });
}

async function requireChild(db: Db, actor: Actor, personId: string, ctx: AuditContext): Promise<void> {
  if ((await access(db, actor, personId, ctx.at)) !== 'allow') throw new NotFoundError('child');
}

// ---- one child -------------------------------------------------------------------

type Imported<T> = Omit<
  T,
  'organisationId' | 'rowHash' | 'firstImportId' | 'changedImportId' | 'closedByImportId' | 'personId'
>;

export interface ChildSummary {
  openCase: boolean;
  serviceLevel: string;
  serviceLevelName: string;
  legalStatus: { code: string; name: string; startDate: string } | null;
  allocatedWorker: { name: string; userId: string | null; role: string | null; since: string } | null;
  team: { name: string; teamId: string | null } | null;
  /** Short labels, shown as tags: "UASC", "Child protection plan", "Missing now"... */
  flags: string[];
}

export interface ChildRecord {
  id: string;
  sourceId: string;
  name: string;
  forename: string | null;
  surname: string | null;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  dateOfDeath: string | null;
  ageYears: number | null;
  sex: string | null;
  gender: string | null;
  ethnicity: string | null;
  nhsNumber: string | null;
  upn: string | null;
  upnUnknownReason: string | null;
  hasEhcp: boolean | null;
  nationality: string | null;
  legacyId: string | null;
  uasc: boolean;
  disabled: boolean;
  summary: ChildSummary;
  involvements: Array<{
    id: string;
    role: string | null;
    startDate: string;
    endDate: string | null;
    changeReason: string | null;
    workerName: string | null;
    workerUserId: string | null;
    teamName: string | null;
    teamId: string | null;
    current: boolean;
  }>;
  referrals: Imported<typeof caseReferrals.$inferSelect>[];
  assessments: Imported<typeof caseAssessments.$inferSelect>[];
  s47Enquiries: Imported<typeof caseS47Enquiries.$inferSelect>[];
  initialConferences: Imported<typeof caseInitialConferences.$inferSelect>[];
  cpPlans: Imported<typeof caseCpPlans.$inferSelect>[];
  cpReviews: Imported<typeof caseCpReviews.$inferSelect>[];
  cpVisits: Imported<typeof caseCpVisits.$inferSelect>[];
  cinPlans: Imported<typeof caseCinPlans.$inferSelect>[];
  cinVisits: Imported<typeof caseCinVisits.$inferSelect>[];
  claEpisodes: Imported<typeof caseClaEpisodes.$inferSelect>[];
  placements: Imported<typeof caseClaPlacements.$inferSelect>[];
  claReviews: Imported<typeof caseClaReviews.$inferSelect>[];
  claVisits: Imported<typeof caseClaVisits.$inferSelect>[];
  health: Imported<typeof caseClaHealth.$inferSelect>[];
  peps: Imported<typeof caseClaPeps.$inferSelect>[];
  careLeaver: Imported<typeof caseCareLeavers.$inferSelect> | null;
  missing: Imported<typeof caseMissingEpisodes.$inferSelect>[];
  earlyHelp: Imported<typeof caseEarlyHelpEpisodes.$inferSelect>[];
  contacts: Imported<typeof caseContacts.$inferSelect>[];
  legalStatuses: Imported<typeof caseLegalStatuses.$inferSelect>[];
  immigrationStatuses: Imported<typeof caseImmigrationStatuses.$inferSelect>[];
  disabilities: Imported<typeof caseDisabilities.$inferSelect>[];
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
function camelRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[camel(k)] = v;
  return out as T;
}

function spec(ssd: string): TableSpec {
  return TABLES_BY_NAME.get(ssd)!;
}

async function rowsOf<T>(db: Db, ssd: string, personId: string, orderBy: string): Promise<T[]> {
  const rows = await repo.personRows<Record<string, unknown>>(db, spec(ssd), personId, { orderBy });
  return rows.map((r) => camelRow<T>(r));
}

function ageOn(dob: string | null, today: string): number | null {
  if (!dob) return null;
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/** The child's record, with every current episode and event, for a person the actor may see. */
export async function getChildForActor(
  db: Db,
  actor: Actor,
  personId: string,
  ctx: AuditContext,
): Promise<ChildRecord> {
  await requireChild(db, actor, personId, ctx);
  const today = todayAt(ctx);
  const person = camelRow<Record<string, unknown>>(
    (await repo.personRecord<Record<string, unknown>>(
      db,
      spec('ssd_person'),
      actor.organisationId,
      personId,
    ))!,
  );
  const [
    involvementRows,
    referrals,
    assessments,
    s47Enquiries,
    initialConferences,
    cpPlans,
    cpReviews,
    cpVisits,
    cinPlans,
    cinVisits,
    claEpisodes,
    placements,
    claReviews,
    claVisits,
    health,
    peps,
    careLeavers,
    missing,
    earlyHelp,
    contacts,
    legalStatuses,
    immigrationStatuses,
    disabilities,
  ] = [
    await repo.involvementsOf(db, personId),
    await rowsOf<ChildRecord['referrals'][number]>(
      db,
      'ssd_cin_episodes',
      personId,
      'referral_date, source_id',
    ),
    await rowsOf<ChildRecord['assessments'][number]>(
      db,
      'ssd_cin_assessments',
      personId,
      'start_date, source_id',
    ),
    await rowsOf<ChildRecord['s47Enquiries'][number]>(
      db,
      'ssd_s47_enquiry',
      personId,
      'start_date, source_id',
    ),
    await rowsOf<ChildRecord['initialConferences'][number]>(
      db,
      'ssd_initial_cp_conference',
      personId,
      'conference_date, source_id',
    ),
    await rowsOf<ChildRecord['cpPlans'][number]>(db, 'ssd_cp_plans', personId, 'start_date, source_id'),
    await rowsOf<ChildRecord['cpReviews'][number]>(
      db,
      'ssd_cp_reviews',
      personId,
      'review_date nulls last, source_id',
    ),
    await rowsOf<ChildRecord['cpVisits'][number]>(db, 'ssd_cp_visits', personId, 'visit_date, source_id'),
    await rowsOf<ChildRecord['cinPlans'][number]>(db, 'ssd_cin_plans', personId, 'start_date, source_id'),
    await rowsOf<ChildRecord['cinVisits'][number]>(db, 'ssd_cin_visits', personId, 'visit_date, source_id'),
    await rowsOf<ChildRecord['claEpisodes'][number]>(
      db,
      'ssd_cla_episodes',
      personId,
      'start_date, source_id',
    ),
    await rowsOf<ChildRecord['placements'][number]>(
      db,
      'ssd_cla_placement',
      personId,
      'start_date, source_id',
    ),
    await rowsOf<ChildRecord['claReviews'][number]>(
      db,
      'ssd_cla_reviews',
      personId,
      'review_date nulls last, source_id',
    ),
    await rowsOf<ChildRecord['claVisits'][number]>(db, 'ssd_cla_visits', personId, 'visit_date, source_id'),
    await rowsOf<ChildRecord['health'][number]>(db, 'ssd_cla_health', personId, 'check_date, source_id'),
    await rowsOf<ChildRecord['peps'][number]>(db, 'ext_cla_pep', personId, 'pep_date, source_id'),
    await rowsOf<NonNullable<ChildRecord['careLeaver']>>(db, 'ssd_care_leavers', personId, 'source_id'),
    await rowsOf<ChildRecord['missing'][number]>(db, 'ssd_missing', personId, 'start_date, source_id'),
    await rowsOf<ChildRecord['earlyHelp'][number]>(
      db,
      'ssd_early_help_episodes',
      personId,
      'start_date, source_id',
    ),
    await rowsOf<ChildRecord['contacts'][number]>(db, 'ssd_contacts', personId, 'contact_date, source_id'),
    await rowsOf<ChildRecord['legalStatuses'][number]>(
      db,
      'ssd_legal_status',
      personId,
      'start_date, source_id',
    ),
    await rowsOf<ChildRecord['immigrationStatuses'][number]>(
      db,
      'ssd_immigration_status',
      personId,
      'start_date nulls first, source_id',
    ),
    await rowsOf<ChildRecord['disabilities'][number]>(db, 'ssd_disability', personId, 'source_id'),
  ];
  const involvements = involvementRows.map((i) => ({
    id: i.id,
    role: i.role,
    startDate: i.start_date,
    endDate: i.end_date,
    changeReason: i.change_reason,
    workerName: i.worker_name,
    workerUserId: i.worker_user_id,
    teamName: i.team_name,
    teamId: i.team_id,
    current: i.start_date <= today && (i.end_date === null || i.end_date >= today),
  }));
  const current = [...involvements].reverse().find((i) => i.current) ?? null;
  const legal = [...legalStatuses].reverse().find((l) => l.endDate === null || l.endDate >= today) ?? null;
  const careLeaver = careLeavers.at(-1) ?? null;
  const flags: string[] = [];
  if (person.uasc) flags.push('UASC');
  if (cpPlans.some((p) => p.endDate === null)) flags.push('Child protection plan');
  if (claEpisodes.some((e) => e.ceasedDate === null)) flags.push('Looked after');
  if (missing.some((m) => m.endDate === null)) flags.push('Missing now');
  if (person.disabled) flags.push('Disabled');
  if (person.hasEhcp) flags.push('EHC plan');
  if (careLeaver && person.serviceLevel === 'care_leaver') flags.push('Care leaver');
  if (person.dateOfDeath) flags.push('Died');
  const record: ChildRecord = {
    id: person.id as string,
    sourceId: person.sourceId as string,
    name: [person.forename, person.surname].filter(Boolean).join(' ') || `Child ${person.sourceId}`,
    forename: person.forename as string | null,
    surname: person.surname as string | null,
    dateOfBirth: person.dateOfBirth as string | null,
    expectedDateOfBirth: person.expectedDateOfBirth as string | null,
    dateOfDeath: person.dateOfDeath as string | null,
    ageYears: ageOn(person.dateOfBirth as string | null, today),
    sex: person.sex as string | null,
    gender: person.gender as string | null,
    ethnicity: person.ethnicity as string | null,
    nhsNumber: person.nhsNumber as string | null,
    upn: person.upn as string | null,
    upnUnknownReason: person.upnUnknownReason as string | null,
    hasEhcp: person.hasEhcp as boolean | null,
    nationality: person.nationality as string | null,
    legacyId: person.legacyId as string | null,
    uasc: person.uasc as boolean,
    disabled: person.disabled as boolean,
    summary: {
      openCase: person.openCase as boolean,
      serviceLevel: person.serviceLevel as string,
      serviceLevelName: SERVICE_LEVEL_NAMES[person.serviceLevel as string] ?? String(person.serviceLevel),
      legalStatus: legal
        ? {
            code: legal.legalStatus,
            name: LEGAL_STATUS.codes[legal.legalStatus] ?? legal.legalStatus,
            startDate: legal.startDate,
          }
        : null,
      allocatedWorker: current?.workerName
        ? {
            name: current.workerName,
            userId: current.workerUserId,
            role: current.role,
            since: current.startDate,
          }
        : null,
      team: current?.teamName ? { name: current.teamName, teamId: current.teamId } : null,
      flags,
    },
    involvements,
    referrals,
    assessments,
    s47Enquiries,
    initialConferences,
    cpPlans,
    cpReviews,
    cpVisits,
    cinPlans,
    cinVisits,
    claEpisodes,
    placements,
    claReviews,
    claVisits,
    health,
    peps,
    careLeaver,
    missing,
    earlyHelp,
    contacts,
    legalStatuses,
    immigrationStatuses,
    disabilities,
  };
  await recordAudit(db, ctx, { action: 'child.view', recordType: 'child', recordId: personId });
  return record;
}

// ---- chronology -------------------------------------------------------------------

export const CHRONOLOGY_CATEGORIES = [
  'contact',
  'referral',
  'assessment',
  'child protection',
  'child in need',
  'looked after',
  'health',
  'education',
  'care leaver',
  'missing',
  'legal',
  'early help',
  'allocation',
] as const;
export type ChronologyCategory = (typeof CHRONOLOGY_CATEGORIES)[number];

export interface ChronologyEvent {
  date: string;
  category: ChronologyCategory;
  title: string;
  detail: string | null;
  /** The SSD table and id it came from. */
  ssdTable: string;
  sourceId: string;
  /** Our record id (for linking significance notes to it). */
  recordId: string;
}

export interface ChronologyFilter {
  categories?: readonly ChronologyCategory[];
  from?: string;
  to?: string;
}

const yes = (v: boolean | null | undefined, y: string, n: string) =>
  v === true ? y : v === false ? n : null;

/** Every significant event in the child's record, in date order (oldest first). */
export async function listChildEvents(
  db: Db,
  actor: Actor,
  personId: string,
  ctx: AuditContext,
  filter: ChronologyFilter = {},
): Promise<ChronologyEvent[]> {
  await requireChild(db, actor, personId, ctx);
  const child = await buildRecordForChronology(db, personId);
  const names = await repo.workforceNames(db, actor.organisationId);
  const events: ChronologyEvent[] = [];
  const add = (
    date: string | null | undefined,
    category: ChronologyCategory,
    title: string,
    detail: string | null,
    ssdTable: string,
    row: { id: string; sourceId: string },
  ) => {
    if (!date) return;
    events.push({ date, category, title, detail, ssdTable, sourceId: row.sourceId, recordId: row.id });
  };
  for (const c of child.contacts)
    add(c.contactDate, 'contact', 'Contact received', c.sourceDescription, 'ssd_contacts', c);
  for (const r of child.referrals) {
    const need = r.primaryNeedCode ? PRIMARY_NEED.codes[r.primaryNeedCode] : null;
    const worker = r.workerSourceId ? names.workers.get(r.workerSourceId) : null;
    add(
      r.referralDate,
      'referral',
      'Referral received',
      [need && `Need: ${need}`, worker && `Worker: ${worker}`].filter(Boolean).join('. ') || null,
      'ssd_cin_episodes',
      r,
    );
    add(r.closeDate, 'referral', 'Case closed', r.closeReason, 'ssd_cin_episodes', r);
  }
  for (const a of child.assessments) {
    add(a.startDate, 'assessment', 'Assessment started', null, 'ssd_cin_assessments', a);
    add(
      a.authorisedDate,
      'assessment',
      'Assessment completed',
      yes(a.childSeen, 'Child seen', 'Child not seen'),
      'ssd_cin_assessments',
      a,
    );
  }
  for (const s of child.s47Enquiries) {
    add(
      s.startDate,
      'child protection',
      'Strategy discussion: section 47 enquiry started',
      null,
      'ssd_s47_enquiry',
      s,
    );
    add(
      s.endDate,
      'child protection',
      'Section 47 enquiry ended',
      yes(s.noFurtherAction, 'No further action', null as never),
      'ssd_s47_enquiry',
      s,
    );
  }
  for (const c of child.initialConferences) {
    add(
      c.conferenceDate,
      'child protection',
      'Initial child protection conference',
      yes(c.outcomeCpPlan, 'Child protection plan agreed', 'No child protection plan'),
      'ssd_initial_cp_conference',
      c,
    );
  }
  for (const p of child.cpPlans) {
    const category = p.latestCategory ?? p.initialCategory;
    add(
      p.startDate,
      'child protection',
      'Child protection plan started',
      category ? `Category: ${CP_CATEGORY.codes[category] ?? category}` : null,
      'ssd_cp_plans',
      p,
    );
    add(p.endDate, 'child protection', 'Child protection plan ended', null, 'ssd_cp_plans', p);
  }
  for (const r of child.cpReviews)
    add(
      r.reviewDate,
      'child protection',
      'Child protection review conference',
      yes(r.outcomeContinuePlan, 'Plan continues', 'Plan to end'),
      'ssd_cp_reviews',
      r,
    );
  for (const v of child.cpVisits)
    add(
      v.visitDate,
      'child protection',
      'Child protection visit',
      visitDetail(v.childSeen, v.seenAlone),
      'ssd_cp_visits',
      v,
    );
  for (const p of child.cinPlans) {
    add(p.startDate, 'child in need', 'Child in need plan started', null, 'ssd_cin_plans', p);
    add(p.endDate, 'child in need', 'Child in need plan ended', null, 'ssd_cin_plans', p);
  }
  for (const v of child.cinVisits)
    add(
      v.visitDate,
      'child in need',
      'Child in need visit',
      visitDetail(v.childSeen, v.seenAlone),
      'ssd_cin_visits',
      v,
    );
  for (const e of child.claEpisodes) {
    add(
      e.startDate,
      'looked after',
      e.startReason === 'S' ? 'Became looked after' : 'Looked-after episode changed',
      e.startReason && e.startReason !== 'S' ? reasonText(e.startReason) : null,
      'ssd_cla_episodes',
      e,
    );
    if (e.ceasedReason && e.ceasedReason !== 'X1') {
      add(
        e.ceasedDate,
        'looked after',
        'Stopped being looked after',
        CLA_CEASED_REASON.codes[e.ceasedReason] ?? e.ceasedReason,
        'ssd_cla_episodes',
        e,
      );
    }
  }
  for (const p of child.placements) {
    add(
      p.startDate,
      'looked after',
      'Placement started',
      [
        p.placementType && (PLACEMENT_TYPE.codes[p.placementType] ?? p.placementType),
        p.distanceMiles != null && `${p.distanceMiles} miles from home`,
      ]
        .filter(Boolean)
        .join('. ') || null,
      'ssd_cla_placement',
      p,
    );
    add(p.endDate, 'looked after', 'Placement ended', p.changeReason, 'ssd_cla_placement', p);
  }
  for (const r of child.claReviews)
    add(
      r.reviewDate,
      'looked after',
      r.cancelled ? 'Looked-after review cancelled' : 'Looked-after review',
      null,
      'ssd_cla_reviews',
      r,
    );
  for (const v of child.claVisits)
    add(
      v.visitDate,
      'looked after',
      'Statutory visit',
      visitDetail(v.childSeen, v.seenAlone),
      'ssd_cla_visits',
      v,
    );
  for (const h of child.health)
    add(h.checkDate, 'health', h.checkType ?? 'Health check', h.status, 'ssd_cla_health', h);
  for (const p of child.peps)
    add(p.pepDate, 'education', 'Personal education plan', p.status, 'ext_cla_pep', p);
  if (child.careLeaver) {
    const c = child.careLeaver;
    add(c.pathwayPlanReviewDate, 'care leaver', 'Pathway plan reviewed', null, 'ssd_care_leavers', c);
    add(
      c.latestContactDate,
      'care leaver',
      'Contact with personal adviser',
      c.inTouch ? (CARE_LEAVER_IN_TOUCH.codes[c.inTouch] ?? c.inTouch) : null,
      'ssd_care_leavers',
      c,
    );
  }
  for (const m of child.missing) {
    const type = m.episodeType ? (MISSING_TYPE.codes[m.episodeType] ?? m.episodeType) : 'Missing';
    add(m.startDate, 'missing', `${type}: episode started`, null, 'ssd_missing', m);
    add(
      m.endDate,
      'missing',
      'Returned',
      yes(m.returnInterviewOffered, 'Return interview offered', 'Return interview not offered'),
      'ssd_missing',
      m,
    );
  }
  for (const l of child.legalStatuses) {
    add(
      l.startDate,
      'legal',
      `Legal status: ${LEGAL_STATUS.codes[l.legalStatus] ?? l.legalStatus}`,
      null,
      'ssd_legal_status',
      l,
    );
    add(
      l.endDate,
      'legal',
      `Legal status ended: ${LEGAL_STATUS.codes[l.legalStatus] ?? l.legalStatus}`,
      null,
      'ssd_legal_status',
      l,
    );
  }
  for (const s of child.immigrationStatuses)
    add(s.startDate, 'legal', `Immigration status: ${s.status}`, null, 'ssd_immigration_status', s);
  for (const e of child.earlyHelp) {
    add(e.startDate, 'early help', 'Early help started', e.reason, 'ssd_early_help_episodes', e);
    add(e.endDate, 'early help', 'Early help ended', e.endReason, 'ssd_early_help_episodes', e);
  }
  for (const i of child.involvements) {
    const row = { id: i.id, sourceId: i.sourceId };
    add(
      i.startDate,
      'allocation',
      `Allocated to ${i.workerName ?? 'a worker'}`,
      [i.role, i.teamName].filter(Boolean).join(', ') || null,
      'ssd_involvements',
      row,
    );
    add(
      i.endDate,
      'allocation',
      `Allocation to ${i.workerName ?? 'a worker'} ended`,
      null,
      'ssd_involvements',
      row,
    );
  }
  const filtered = events.filter(
    (e) =>
      (!filter.categories?.length || filter.categories.includes(e.category)) &&
      (!filter.from || e.date >= filter.from) &&
      (!filter.to || e.date <= filter.to),
  );
  // Same-day events keep the order of the case process (contact, referral, assessment, s47, conference...).
  filtered.sort((a, b) => a.date.localeCompare(b.date));
  await recordAudit(db, ctx, { action: 'child.chronology', recordType: 'child', recordId: personId });
  return filtered;
}

function visitDetail(seen: boolean | null, alone: boolean | null): string | null {
  if (seen === false) return 'Child not seen';
  if (seen === true)
    return alone ? 'Child seen alone' : alone === false ? 'Child seen, not alone' : 'Child seen';
  return null;
}

function reasonText(code: string): string {
  const reasons: Record<string, string> = {
    L: 'Change of legal status',
    P: 'Change of placement and carer',
    T: 'Change of placement, same carer',
    B: 'Change of legal status and placement',
    U: 'Change of legal status and placement, same carer',
  };
  return reasons[code] ?? code;
}

/** The record without the audit and scope check (callers have checked). */
async function buildRecordForChronology(db: Db, personId: string) {
  const involvements = (await repo.involvementsOf(db, personId)).map((i) => ({
    id: i.id,
    sourceId: i.source_id,
    role: i.role,
    startDate: i.start_date,
    endDate: i.end_date,
    workerName: i.worker_name,
    teamName: i.team_name,
  }));
  return {
    involvements,
    contacts: await rowsOf<ChildRecord['contacts'][number]>(db, 'ssd_contacts', personId, 'source_id'),
    referrals: await rowsOf<ChildRecord['referrals'][number]>(db, 'ssd_cin_episodes', personId, 'source_id'),
    assessments: await rowsOf<ChildRecord['assessments'][number]>(
      db,
      'ssd_cin_assessments',
      personId,
      'source_id',
    ),
    s47Enquiries: await rowsOf<ChildRecord['s47Enquiries'][number]>(
      db,
      'ssd_s47_enquiry',
      personId,
      'source_id',
    ),
    initialConferences: await rowsOf<ChildRecord['initialConferences'][number]>(
      db,
      'ssd_initial_cp_conference',
      personId,
      'source_id',
    ),
    cpPlans: await rowsOf<ChildRecord['cpPlans'][number]>(db, 'ssd_cp_plans', personId, 'source_id'),
    cpReviews: await rowsOf<ChildRecord['cpReviews'][number]>(db, 'ssd_cp_reviews', personId, 'source_id'),
    cpVisits: await rowsOf<ChildRecord['cpVisits'][number]>(db, 'ssd_cp_visits', personId, 'source_id'),
    cinPlans: await rowsOf<ChildRecord['cinPlans'][number]>(db, 'ssd_cin_plans', personId, 'source_id'),
    cinVisits: await rowsOf<ChildRecord['cinVisits'][number]>(db, 'ssd_cin_visits', personId, 'source_id'),
    claEpisodes: await rowsOf<ChildRecord['claEpisodes'][number]>(
      db,
      'ssd_cla_episodes',
      personId,
      'source_id',
    ),
    placements: await rowsOf<ChildRecord['placements'][number]>(
      db,
      'ssd_cla_placement',
      personId,
      'source_id',
    ),
    claReviews: await rowsOf<ChildRecord['claReviews'][number]>(db, 'ssd_cla_reviews', personId, 'source_id'),
    claVisits: await rowsOf<ChildRecord['claVisits'][number]>(db, 'ssd_cla_visits', personId, 'source_id'),
    health: await rowsOf<ChildRecord['health'][number]>(db, 'ssd_cla_health', personId, 'source_id'),
    peps: await rowsOf<ChildRecord['peps'][number]>(db, 'ext_cla_pep', personId, 'source_id'),
    careLeaver:
      (
        await rowsOf<NonNullable<ChildRecord['careLeaver']>>(db, 'ssd_care_leavers', personId, 'source_id')
      ).at(-1) ?? null,
    missing: await rowsOf<ChildRecord['missing'][number]>(db, 'ssd_missing', personId, 'source_id'),
    earlyHelp: await rowsOf<ChildRecord['earlyHelp'][number]>(
      db,
      'ssd_early_help_episodes',
      personId,
      'source_id',
    ),
    legalStatuses: await rowsOf<ChildRecord['legalStatuses'][number]>(
      db,
      'ssd_legal_status',
      personId,
      'source_id',
    ),
    immigrationStatuses: await rowsOf<ChildRecord['immigrationStatuses'][number]>(
      db,
      'ssd_immigration_status',
      personId,
      'source_id',
    ),
  };
}

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
  | 'missing';

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
  const q = <T>(table: string, columns: string, dateColumn?: string) =>
    repo.openCaseRows<T & { person_id: string }>(db, organisationId, table, columns, {
      personIds: options.personIds,
      dateColumn,
      since: options.since,
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
  for (const p of await q<{
    id: string;
    start_date: string;
    end_date: string | null;
    placement_type: string | null;
  }>('case_cla_placements', 't.id, t.start_date::text, t.end_date::text, t.placement_type')) {
    episode(p.person_id, {
      id: p.id,
      type: 'placement',
      start: p.start_date,
      end: p.end_date,
      longTerm: p.placement_type ? LONG_TERM_PLACEMENTS.has(p.placement_type) : false,
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
  // Events recorded with Oversight's own form (no extract holds them): in the period of care, or the placement.
  for (const r of await q<{
    event_type: string;
    event_date: string;
    cla_source_id: string | null;
    placement_id: string | null;
  }>(
    'case_recorded_events',
    `t.event_type, t.event_date::text,
     (select e.cla_source_id from case_cla_episodes e where e.organisation_id = t.organisation_id and e.cla_source_id = t.episode_source_id limit 1) as cla_source_id,
     (select pl.id from case_cla_placements pl where pl.organisation_id = t.organisation_id and pl.source_id = t.episode_source_id) as placement_id`,
    'event_date',
  )) {
    if (!isRecordableEventType(r.event_type)) continue;
    const inPlacement = RECORDABLE_EVENTS[r.event_type].episode === 'placement';
    const episodeId = inPlacement ? r.placement_id : r.cla_source_id ? `cla:${r.cla_source_id}` : null;
    event(r.person_id, r.event_type, r.event_date, episodeId);
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

// ---- workers and access ------------------------------------------------------------

export async function listWorkers(db: Db, actor: Actor) {
  const rows = await repo.workersOf(db, actor.organisationId);
  return rows.map((w) => ({
    id: w.id,
    sourceId: w.source_id,
    name: w.name,
    jobTitle: w.job_title,
    userId: w.user_id,
    teamName: w.team_name,
    teamId: w.team_id,
    openAllocations: w.open_allocations,
  }));
}

export async function workerForUser(db: Db, organisationId: string, userId: string) {
  const rows = await repo.workersOf(db, organisationId);
  return rows.find((w) => w.user_id === userId) ?? null;
}

/** The worker records (case_workers ids) linked to a user account: usually one, none without a caseload. */
export async function workerIdsForUser(db: Db, organisationId: string, userId: string): Promise<string[]> {
  return repo.workerIdsOfUser(db, organisationId, userId);
}

/** Display names of children by id (for lists the caller has already scoped; no audit). */
export async function childNames(
  db: Db,
  organisationId: string,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await repo.namesOfPeople(db, organisationId, personIds);
  return new Map(
    rows.map((r) => [r.id, [r.forename, r.surname].filter(Boolean).join(' ') || `Child ${r.source_id}`]),
  );
}

export async function workerNames(
  db: Db,
  organisationId: string,
  workerIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await repo.namesOfWorkers(db, organisationId, workerIds);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Workers with an open allocation in a platform team (or whose account is in it); all workers when teamId is null. */
export async function workersInTeam(
  db: Db,
  organisationId: string,
  teamId: string | null,
): Promise<Array<{ id: string; name: string; userId: string | null }>> {
  const rows = await repo.workersInTeam(db, organisationId, teamId);
  return rows.map((r) => ({ id: r.id, name: r.name, userId: r.user_id }));
}

/** case_workers id -> user id, for workers with an account. */
export async function workerUserLinks(db: Db, organisationId: string): Promise<Map<string, string>> {
  const rows = await repo.workerUserLinks(db, organisationId);
  return new Map(rows.map((r) => [r.id, r.user_id]));
}

/** Let a user whose role sees assigned records only (an independent auditor) see one child, until a time. */
export async function grantCaseAccess(
  db: Db,
  ctx: AuditContext & { organisationId: string },
  input: { personId: string; userId: string; reason: string; expiresAt: Date | null },
): Promise<void> {
  const owner = await repo.ownership(db, ctx.organisationId, input.personId, londonDateOf(ctx.at), ctx.at);
  if (!owner.exists) throw new NotFoundError('child');
  const id = await repo.insertAccessGrant(db, {
    organisationId: ctx.organisationId,
    grantedAt: ctx.at,
    ...input,
  });
  await recordAudit(db, ctx, {
    action: 'child.access.grant',
    recordType: 'child',
    recordId: input.personId,
    detail: `grant ${id} to user ${input.userId}: ${input.reason}`,
  });
}

export async function revokeCaseAccess(
  db: Db,
  ctx: AuditContext & { organisationId: string },
  input: { personId: string; userId: string },
): Promise<void> {
  const n = await repo.revokeAccessGrants(db, ctx.organisationId, input.personId, input.userId, ctx.at);
  await recordAudit(db, ctx, {
    action: 'child.access.revoke',
    recordType: 'child',
    recordId: input.personId,
    detail: `${n} grants of user ${input.userId} revoked`,
  });
}

// ---- the SSD import --------------------------------------------------------------------

export interface ImportRequest {
  files: ExtractFile[];
  mode: ImportMode;
  /** True on a PostgreSQL server: progress is written while the import's transaction runs. */
  concurrentProgress: boolean;
  /** The instance running it (app.deps.instance). */
  instance?: StartImport['instance'];
}

/** Start an import from the upload page; it runs on after this returns. */
export async function startSsdImport(
  db: Db,
  actor: Actor,
  request: ImportRequest & { clock: Clock },
  ctx: AuditContext,
): Promise<string> {
  return startImport(db, {
    organisationId: actor.organisationId,
    userId: actor.userId,
    origin: 'upload',
    mode: request.mode,
    files: request.files,
    clock: request.clock,
    audit: ctx,
    concurrentProgress: request.concurrentProgress,
    instance: request.instance,
  });
}

/** Import every CSV file in a folder (the scheduled command and the demo generator). Waits for the end. */
export async function importSsdFolder(
  db: Db,
  input: {
    organisationId: string;
    folder: string;
    mode: ImportMode;
    origin: 'command' | 'demo';
    clock: { now(): Date };
    concurrentProgress: boolean;
    instance?: StartImport['instance'];
  },
): Promise<ImportOutcome> {
  const files = await filesFromFolder(input.folder);
  return importAndWait(db, {
    organisationId: input.organisationId,
    userId: null,
    origin: input.origin,
    mode: input.mode,
    files,
    clock: input.clock,
    audit: {
      organisationId: input.organisationId,
      userId: null,
      ip: null,
      userAgent: input.origin === 'demo' ? 'demo generator' : 'import:ssd command',
      requestId: null,
      at: input.clock.now(),
    },
    concurrentProgress: input.concurrentProgress,
    instance: input.instance,
  });
}

export interface ImportView extends repo.ImportRow {
  live: ReturnType<typeof liveImportProgress>;
}

/** One import of the actor's organisation (404 for another's). */
export async function getImportForActor(db: Db, actor: Actor, importId: string): Promise<ImportView> {
  if (!/^[0-9a-f-]{36}$/i.test(importId)) throw new NotFoundError('import');
  const row = await repo.findImport(db, actor.organisationId, importId);
  if (!row) throw new NotFoundError('import');
  return { ...row, live: liveImportProgress(importId) };
}

export async function listImportHistory(db: Db, actor: Actor, limit = 50) {
  return repo.listImports(db, actor.organisationId, limit);
}

/** The errors of a rejected import as CSV: file, row, field, value, what is expected. */
export async function importErrorsCsv(
  db: Db,
  actor: Actor,
  importId: string,
  ctx: AuditContext,
): Promise<string> {
  const row = await getImportForActor(db, actor, importId);
  const errors = row.errors as Array<{
    file: string;
    row: number;
    field: string;
    value: string;
    expected: string;
  }>;
  await recordAudit(db, ctx, {
    action: 'cases.import.errors-download',
    recordType: 'case_import',
    recordId: importId,
  });
  // Values come from the uploaded files: made safe, so opening the download never runs a formula.
  // Notices (values kept as given or left empty, columns and tables not read) follow the errors.
  const notices = (row.notices as Array<(typeof errors)[number] | string>).map((n) =>
    typeof n === 'string' ? { file: '', row: 0, field: '', value: '', expected: n } : n,
  );
  return safeCsv(
    ['kind', 'file', 'row', 'field', 'value', 'expected'],
    [...errors.map((e) => ({ kind: 'error', ...e })), ...notices.map((e) => ({ kind: 'notice', ...e }))].map(
      (e) => [e.kind, e.file, e.row === 0 ? '' : String(e.row), e.field, e.value, e.expected],
    ),
  );
}

/** The organisation a scheduled import is for: the one with this code, or the only one there is. */
export async function organisationForImport(
  db: Db,
  code?: string,
): Promise<{ id: string; code: string; name: string }> {
  const found = await repo.organisationsByCode(db, code);
  if (code && found.length === 0) throw new Error(`No organisation has the code ${code}.`);
  if (found.length === 0) {
    throw new Error(
      'There is no organisation yet: create the first with the setup command (see docs/operations.md, "First run").',
    );
  }
  if (found.length !== 1) {
    throw new Error(
      `Say which organisation the extract is for with --organisation CODE (one of: ${found.map((o) => o.code).join(', ')}).`,
    );
  }
  return found[0]!;
}
