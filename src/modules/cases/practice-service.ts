import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, ROLE_CASE_SCOPE, type Role } from '../../platform/permissions';
import * as repo from './practice-repository';
import * as cases from './service';
import { CP_CATEGORY } from './ssd/codes';
import { isUuid } from './supervision-service';
import {
  CAPTURE_METHODS,
  type CaptureMethod,
  computeVoiceIndicator,
  type VoiceIndicator,
} from './voice-rules';

const todayOf = (ctx: { at: Date }) => londonDateOf(ctx.at);

/** Roles whose oversight notes count as management oversight. */
export const OVERSIGHT_ROLES: readonly Role[] = ['team_manager', 'service_manager', 'senior_leader'];

async function requireChildInScope(db: Db, actor: Actor, personId: string, at: Date): Promise<void> {
  if (!isUuid(personId) || !(await cases.mayViewChild(db, actor, personId, at)))
    throw new NotFoundError('child');
}

// ---- lists -----------------------------------------------------------------------------

export const findChildren = cases.searchChildren;
export const myCases = cases.caseloadFor;
export const teamCases = cases.teamCaseload;
export const teamCasesPage = cases.teamCaseloadPage;

// ---- the child's page ---------------------------------------------------------------------

/** A plan or episode the child's views can be linked to. */
export interface LinkOption {
  value: string;
  text: string;
}

export interface ChildPage {
  child: cases.ChildRecord;
  /** The current child protection plan's category of abuse, in words. */
  cpCategory: string | null;
  voice: repo.VoiceRecordRow[];
  /** Voice-of-the-child records the case management system's extract holds (undated flags). */
  ssdVoiceCount: number;
  oversight: repo.OversightNoteRow[];
  links: LinkOption[];
}

function linkOptions(child: cases.ChildRecord): LinkOption[] {
  const period = (start: string, end: string | null | undefined) =>
    end ? `from ${start} to ${end}` : `from ${start} (current)`;
  const options: LinkOption[] = [];
  for (const p of child.cpPlans)
    options.push({
      value: `ssd_cp_plans:${p.sourceId}`,
      text: `Child protection plan ${period(p.startDate, p.endDate)}`,
    });
  for (const p of child.cinPlans)
    options.push({
      value: `ssd_cin_plans:${p.sourceId}`,
      text: `Child in need plan ${period(p.startDate, p.endDate)}`,
    });
  for (const e of child.claEpisodes)
    options.push({
      value: `ssd_cla_episodes:${e.sourceId}`,
      text: `Looked-after episode ${period(e.startDate, e.ceasedDate)}`,
    });
  for (const p of child.placements)
    options.push({
      value: `ssd_cla_placement:${p.sourceId}`,
      text: `Placement ${period(p.startDate, p.endDate)}`,
    });
  if (child.careLeaver)
    options.push({
      value: `ssd_care_leavers:${child.careLeaver.sourceId}`,
      text: 'Pathway plan (care leaver)',
    });
  for (const e of child.earlyHelp)
    options.push({
      value: `ssd_early_help_episodes:${e.sourceId}`,
      text: `Early help episode ${period(e.startDate, e.endDate)}`,
    });
  for (const r of child.referrals)
    options.push({
      value: `ssd_cin_episodes:${r.sourceId}`,
      text: `Child in need episode ${period(r.referralDate, r.closeDate)}`,
    });
  return options;
}

export async function childPage(
  db: Db,
  actor: Actor,
  personId: string,
  ctx: AuditContext,
): Promise<ChildPage> {
  if (!isUuid(personId)) throw new NotFoundError('child');
  // Together, not one after another: on a server each is a round trip. The practice records are
  // read alongside the scope check but only returned if it passes (the record throws otherwise).
  const [child, voice, ssdVoiceCount, oversight] = await Promise.all([
    cases.getChildForActor(db, actor, personId, ctx),
    repo.voiceRecordsFor(db, actor.organisationId, personId),
    repo.ssdVoiceCount(db, actor.organisationId, personId),
    repo.oversightNotesFor(db, actor.organisationId, personId),
  ]);
  const current = child.cpPlans.filter((p) => p.endDate === null).at(-1);
  const category = current ? (current.latestCategory ?? current.initialCategory) : null;
  return {
    child,
    cpCategory: category ? (CP_CATEGORY.codes[category] ?? category) : null,
    voice,
    ssdVoiceCount,
    oversight,
    links: linkOptions(child),
  };
}

// ---- chronology ------------------------------------------------------------------------------

/** Categories of Oversight's own records in the chronology, beside the register's. */
export const PRACTICE_CATEGORIES = ["child's views", 'management oversight'] as const;
export type PracticeCategory = (typeof PRACTICE_CATEGORIES)[number];
export type AnyCategory = cases.ChronologyCategory | PracticeCategory;
export const ALL_CATEGORIES: readonly AnyCategory[] = [
  ...cases.CHRONOLOGY_CATEGORIES,
  ...PRACTICE_CATEGORIES,
];

export const VOICE_TABLE = 'oversight_voice';
export const OVERSIGHT_TABLE = 'oversight_decision';

export interface TimelineEvent {
  date: string;
  category: AnyCategory;
  title: string;
  detail: string | null;
  /** With eventSourceId and date: the key a note is written against. */
  eventTable: string;
  eventSourceId: string;
  /** The note in force (the latest) and earlier versions, oldest first. */
  note: repo.ChronologyNoteRow | null;
  history: repo.ChronologyNoteRow[];
}

export interface ChronologyFilter {
  categories?: readonly AnyCategory[];
  from?: string;
  to?: string;
}

export interface Chronology {
  child: { id: string; name: string; forename: string | null };
  events: TimelineEvent[];
  /** Notes whose event is no longer in the record (its date corrected, or the record closed). */
  orphanNotes: repo.ChronologyNoteRow[];
  /** Events in the whole chronology, and how many have a note on what they meant. */
  totalEvents: number;
  annotatedEvents: number;
}

const noteKey = (table: string, sourceId: string, date: string) => `${table}|${sourceId}|${date}`;

/** All events of the child's chronology (register and practice records), unfiltered, each with its notes. */
async function allEvents(db: Db, actor: Actor, personId: string, ctx: AuditContext) {
  const register = await cases.listChildEvents(db, actor, personId, ctx);
  const voice = await repo.voiceRecordsFor(db, actor.organisationId, personId);
  const oversight = await repo.oversightNotesFor(db, actor.organisationId, personId);
  const events: Array<Omit<TimelineEvent, 'note' | 'history'>> = [
    ...register.map((e) => ({
      date: e.date,
      category: e.category,
      title: e.title,
      detail: e.detail,
      eventTable: e.ssdTable,
      eventSourceId: e.sourceId,
    })),
    ...voice.map((v) => ({
      date: v.recordedOn,
      category: "child's views" as const,
      title: "The child's views recorded",
      detail: `“${v.words}”${v.changedSomething && v.whatChanged ? ` What changed: ${v.whatChanged}` : ''}`,
      eventTable: VOICE_TABLE,
      eventSourceId: v.id,
    })),
    ...oversight.map((o) => ({
      date: o.decidedOn,
      category: 'management oversight' as const,
      title: `Management oversight decision by ${o.authorName}`,
      detail: `${o.decision} Reasons: ${o.reasons}`,
      eventTable: OVERSIGHT_TABLE,
      eventSourceId: o.id,
    })),
  ];
  events.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.eventTable.localeCompare(b.eventTable) ||
      a.eventSourceId.localeCompare(b.eventSourceId),
  );
  const notes = await repo.chronologyNotesFor(db, actor.organisationId, personId);
  const byKey = new Map<string, repo.ChronologyNoteRow[]>();
  for (const n of notes) {
    const key = noteKey(n.eventTable, n.eventSourceId, n.eventDate);
    byKey.set(key, [...(byKey.get(key) ?? []), n]);
  }
  const withNotes: TimelineEvent[] = events.map((e) => {
    const list = byKey.get(noteKey(e.eventTable, e.eventSourceId, e.date)) ?? [];
    return { ...e, note: list.at(-1) ?? null, history: list.slice(0, -1) };
  });
  const used = new Set(events.map((e) => noteKey(e.eventTable, e.eventSourceId, e.date)));
  const orphanNotes = notes.filter((n) => !used.has(noteKey(n.eventTable, n.eventSourceId, n.eventDate)));
  return { events: withNotes, orphanNotes };
}

/** The child's name for a page heading; callers have checked scope (listChildEvents does). */
async function childHeading(db: Db, actor: Actor, personId: string): Promise<Chronology['child']> {
  const row = await repo.childName(db, actor.organisationId, personId);
  if (!row) throw new NotFoundError('child');
  return {
    id: personId,
    name: [row.forename, row.surname].filter(Boolean).join(' ') || `Child ${row.sourceId}`,
    forename: row.forename,
  };
}

/** The child's chronology: every significant event in date order, filtered, with what each meant for the child. */
export async function chronology(
  db: Db,
  actor: Actor,
  personId: string,
  filter: ChronologyFilter,
  ctx: AuditContext,
): Promise<Chronology> {
  if (!isUuid(personId)) throw new NotFoundError('child');
  const { events, orphanNotes } = await allEvents(db, actor, personId, ctx);
  const filtered = events.filter(
    (e) =>
      (!filter.categories?.length || filter.categories.includes(e.category)) &&
      (!filter.from || e.date >= filter.from) &&
      (!filter.to || e.date <= filter.to),
  );
  return {
    child: await childHeading(db, actor, personId),
    events: filtered,
    orphanNotes,
    totalEvents: events.length,
    annotatedEvents: events.filter((e) => e.note).length,
  };
}

/**
 * The chronology to download as a document: read (scope-checked and audited)
 * as the page reads it, and audited as a download, naming the format.
 */
export async function chronologyForDownload(
  db: Db,
  actor: Actor,
  personId: string,
  filter: ChronologyFilter,
  format: 'pdf' | 'docx',
  ctx: AuditContext,
): Promise<Chronology> {
  const view = await chronology(db, actor, personId, filter, ctx);
  await recordAudit(db, ctx, {
    action: 'child.chronology.download',
    recordType: 'child',
    recordId: personId,
    detail: `${format}, ${view.events.length} ${view.events.length === 1 ? 'event' : 'events'}`,
  });
  return view;
}

/** One event of the child's chronology, to write a note against; 404 when there is no such event. */
export async function chronologyEvent(
  db: Db,
  actor: Actor,
  personId: string,
  key: { eventTable: string; eventSourceId: string; eventDate: string },
  ctx: AuditContext,
): Promise<{ child: Chronology['child']; event: TimelineEvent }> {
  if (!isUuid(personId)) throw new NotFoundError('child');
  const { events } = await allEvents(db, actor, personId, ctx);
  const event = events.find(
    (e) =>
      e.eventTable === key.eventTable && e.eventSourceId === key.eventSourceId && e.date === key.eventDate,
  );
  if (!event) throw new NotFoundError('event');
  return { child: await childHeading(db, actor, personId), event };
}

export async function addChronologyNote(
  db: Db,
  actor: Actor,
  personId: string,
  input: { eventTable: string; eventSourceId: string; eventDate: string; significance: string },
  ctx: AuditContext,
): Promise<void> {
  const { event } = await chronologyEvent(db, actor, personId, input, ctx);
  await db.transaction(async (tx) => {
    const id = await repo.insertChronologyNote(tx, {
      organisationId: actor.organisationId,
      personId,
      eventTable: event.eventTable,
      eventSourceId: event.eventSourceId,
      eventDate: event.date,
      eventTitle: event.title,
      significance: input.significance,
      authorUserId: actor.userId,
      createdAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'child.chronology.note',
      recordType: 'child',
      recordId: personId,
      detail: `note ${id} on ${event.eventTable} ${event.eventSourceId} ${event.date}`,
    });
  });
}

// ---- the voice of the child -------------------------------------------------------------------

export interface VoiceInput {
  recordedOn: string;
  words: string;
  captureMethod: CaptureMethod;
  capturedBy: 'me' | 'other';
  capturedByName?: string;
  changedSomething: boolean;
  whatChanged?: string;
  /** "ssd_table:sourceId" of one of the child's plans or episodes. */
  linked?: string;
}

export async function recordVoice(
  db: Db,
  actor: Actor,
  personId: string,
  input: VoiceInput,
  ctx: AuditContext,
): Promise<string> {
  await requireChildInScope(db, actor, personId, ctx.at);
  if (input.recordedOn > todayOf(ctx)) {
    throw new ValidationError({
      recordedOn: "The date the child's views were captured must be today or in the past",
    });
  }
  if (!(input.captureMethod in CAPTURE_METHODS)) {
    throw new ValidationError({ captureMethod: "Select how the child's views were captured" });
  }
  let linkedTable: string | null = null;
  let linkedSourceId: string | null = null;
  if (input.changedSomething && input.linked) {
    // The link must be one of this child's own plans or episodes.
    const page = await childPage(db, actor, personId, ctx);
    if (!page.links.some((l) => l.value === input.linked)) {
      throw new ValidationError({ linked: "Select one of the child's plans or episodes, or none" });
    }
    const at = input.linked.indexOf(':');
    linkedTable = input.linked.slice(0, at);
    linkedSourceId = input.linked.slice(at + 1);
  }
  return db.transaction(async (tx) => {
    const id = await repo.insertVoiceRecord(tx, {
      organisationId: actor.organisationId,
      personId,
      recordedOn: input.recordedOn,
      words: input.words,
      captureMethod: input.captureMethod,
      capturedByUserId: input.capturedBy === 'me' ? actor.userId : null,
      capturedByName: input.capturedBy === 'other' ? (input.capturedByName ?? null) : null,
      changedSomething: input.changedSomething,
      whatChanged: input.changedSomething ? (input.whatChanged ?? null) : null,
      linkedTable,
      linkedSourceId,
      createdBy: actor.userId,
      createdAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'child.voice.record',
      recordType: 'child',
      recordId: personId,
      detail: `voice record ${id}`,
    });
    return id;
  });
}

/** The voice-of-the-child indicator for an organisation (aggregate: no child is named). */
export async function voiceIndicator(db: Db, organisationId: string, today: string): Promise<VoiceIndicator> {
  const rows = await repo.openCasesWithVoice(db, organisationId, today);
  return computeVoiceIndicator(rows, today);
}

export interface VoiceIndicatorPage {
  indicator: VoiceIndicator;
  /** Group keys whose children the actor may list: a figure links to its list only for these. */
  listable: { team: string[]; worker: string[] };
  /** Children within the actor's scope whose views are not recorded in the last three months. */
  without: Array<{
    id: string;
    name: string;
    workerName: string | null;
    teamName: string | null;
    lastVoiceOn: string | null;
  }>;
  withoutLimit: number;
}

/** The indicator, and the children in the actor's own scope who need their views recorded. */
export async function voiceIndicatorForActor(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  /** Narrow the list of children without recent views to one team or worker ('' for none): a figure's list. */
  only: { team?: string; worker?: string } = {},
): Promise<VoiceIndicatorPage> {
  const today = todayOf(ctx);
  const rows = await repo.openCasesWithVoice(db, actor.organisationId, today);
  const indicator = computeVoiceIndicator(rows, today);
  const scope = ROLE_CASE_SCOPE[actor.role];
  const inScope = rows.filter((r) =>
    scope === 'organisation'
      ? true
      : scope === 'team'
        ? actor.teamId !== null && r.teamId === actor.teamId
        : scope === 'own'
          ? r.workerUserId === actor.userId
          : false,
  );
  const withoutLimit = 200;
  const without = inScope
    .filter((r) => r.lastVoiceOn === null || r.lastVoiceOn < indicator.since)
    .filter((r) => only.team === undefined || (r.teamId ?? '') === only.team)
    .filter((r) => only.worker === undefined || (r.workerId ?? '') === only.worker)
    .slice(0, withoutLimit)
    .map((r) => ({
      id: r.personId,
      name: [r.forename, r.surname].filter(Boolean).join(' ') || `Child ${r.sourceId}`,
      workerName: r.workerName,
      teamName: r.teamName,
      lastVoiceOn: r.lastVoiceOn,
    }));
  await recordAudit(db, ctx, {
    action: 'child.voice-indicator',
    recordType: 'child',
    detail: `${without.length} children listed without recent views`,
  });
  const listable = {
    team: [...new Set(inScope.map((r) => r.teamId ?? ''))],
    worker: [...new Set(inScope.map((r) => r.workerId ?? ''))],
  };
  return { indicator, without, withoutLimit, listable };
}

// ---- management oversight ----------------------------------------------------------------------

export async function recordOversight(
  db: Db,
  actor: Actor,
  personId: string,
  input: { decidedOn: string; decision: string; reasons: string },
  ctx: AuditContext,
): Promise<string> {
  if (!OVERSIGHT_ROLES.includes(actor.role))
    throw new ForbiddenError('Only a manager can record management oversight');
  await requireChildInScope(db, actor, personId, ctx.at);
  if (input.decidedOn > todayOf(ctx)) {
    throw new ValidationError({ decidedOn: 'The date of the decision must be today or in the past' });
  }
  return db.transaction(async (tx) => {
    const id = await repo.insertOversightNote(tx, {
      organisationId: actor.organisationId,
      personId,
      decidedOn: input.decidedOn,
      decision: input.decision,
      reasons: input.reasons,
      authorUserId: actor.userId,
      authorRole: actor.role,
      createdAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'child.oversight.record',
      recordType: 'child',
      recordId: personId,
      detail: `oversight note ${id}`,
    });
    return id;
  });
}

export * from './supervision-attention';
export { carryMessage, REPEAT_THRESHOLD } from './supervision-rules';
export * from './supervision-service';
