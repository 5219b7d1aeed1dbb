/**
 * The child's chronology: dated events from every table, filtered by category (audited
 * "child.chronology").
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import type { Actor } from '../../platform/permissions';
import { requireChild } from './access';
import { recordedChronology } from './chronology-recorded';
import type { ChildRecord } from './record';
import { personRecordSets, RECORD_SETS } from './record-repository';
import { camelRow } from './record-rows';
import * as repo from './repository';
import {
  CARE_LEAVER_IN_TOUCH,
  CLA_CEASED_REASON,
  CP_CATEGORY,
  LEGAL_STATUS,
  MISSING_TYPE,
  PLACEMENT_TYPE,
  PRIMARY_NEED,
} from './ssd/codes';

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
  const child = await buildRecordForChronology(db, actor.organisationId, personId);
  const workers = await repo.workerNames(
    db,
    actor.organisationId,
    child.referrals.flatMap((r) => (r.workerSourceId ? [r.workerSourceId] : [])),
  );
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
    const worker = r.workerSourceId ? workers.get(r.workerSourceId) : null;
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
  events.push(...(await recordedChronology(db, actor.organisationId, personId)));
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

/** The record without the audit and scope check (callers have checked), in one query. */
async function buildRecordForChronology(db: Db, organisationId: string, personId: string) {
  const { involvements: rows, sets } = await personRecordSets(db, organisationId, personId, CHRONOLOGY_SETS);
  const involvements = rows.map((i) => ({
    id: i.id,
    sourceId: i.source_id,
    role: i.role,
    startDate: i.start_date,
    endDate: i.end_date,
    workerName: i.worker_name,
    teamName: i.team_name,
  }));
  const of = <K extends keyof ChildRecord>(key: K) =>
    (sets[key] ?? []).map((r) => camelRow<Record<string, unknown>>(r)) as unknown as ChildRecord[K];
  return {
    involvements,
    contacts: of('contacts'),
    referrals: of('referrals'),
    assessments: of('assessments'),
    s47Enquiries: of('s47Enquiries'),
    initialConferences: of('initialConferences'),
    cpPlans: of('cpPlans'),
    cpReviews: of('cpReviews'),
    cpVisits: of('cpVisits'),
    cinPlans: of('cinPlans'),
    cinVisits: of('cinVisits'),
    claEpisodes: of('claEpisodes'),
    placements: of('placements'),
    claReviews: of('claReviews'),
    claVisits: of('claVisits'),
    health: of('health'),
    peps: of('peps'),
    careLeaver:
      (sets.careLeaver ?? []).map((r) => camelRow<NonNullable<ChildRecord['careLeaver']>>(r)).at(-1) ?? null,
    missing: of('missing'),
    earlyHelp: of('earlyHelp'),
    legalStatuses: of('legalStatuses'),
    immigrationStatuses: of('immigrationStatuses'),
  };
}

/** The chronology's tables (the record's, less disabilities), ordered by their SSD id: it sorts by date itself. */
const CHRONOLOGY_SETS = RECORD_SETS.filter((s) => s.key !== 'disabilities').map((s) => ({
  ...s,
  orderBy: 'source_id',
}));
