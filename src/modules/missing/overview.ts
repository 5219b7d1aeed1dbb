/**
 * Reading missing episodes: recorded and imported merged, each with its
 * clocks, for the episode page, the child's record, the follow-ups list and
 * the home page. Every list holds only children the actor may see.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { nonWorkingDaysFor } from '../../platform/calendar/service';
import { addDays } from '../../platform/calendar/working-days';
import type { IdSet } from '../../platform/db/any-id';
import type { Db } from '../../platform/db/client';
import { together } from '../../platform/db/together';
import { NotFoundError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import {
  type ChildPeriods,
  childDemographics,
  childIdsInScope,
  childNames,
  childPeriods,
  importedMissingEpisodes,
  mayViewChild,
} from '../cases/service';
import { type Clock, episodeClocks, needingAttention } from './clocks';
import { type HighRiskReason, highRiskReasons, type RiskLevel, workingRisk } from './high-risk';
import type { KeyDataEpisode } from './key-data';
import type { BreakdownEpisode } from './key-data-breakdowns';
import type { KeyDataListEpisode } from './key-data-list';
import { londonDateOf } from './london-time';
import { type MergedEpisode, mergeEpisodes } from './merge';
import { repeatMissing } from './repeat';
import * as repo from './repository';
import { repeatRuleOf } from './settings';
import type { PoliceRisk, RecordedHighRisk } from './vocab';

export type RecordedEpisode = repo.EpisodeRow & {
  ssdSourceId: string | null;
  type: 'missing' | 'absent' | 'away';
};

export interface EpisodeSummary {
  /** The recorded episode's id; null for an episode only the extract holds. */
  id: string | null;
  personId: string;
  childName: string;
  merged: MergedEpisode<RecordedEpisode>;
  clocks: Clock[];
  attention: Clock[];
  risk: RiskLevel;
  riskReasons: HighRiskReason[];
  lookedAfter: boolean;
  missingNow: boolean;
  /** The return interview as far as it is known (from the form, or the extract's flags). */
  interview: { offered: boolean; accepted: boolean; within72Hours: boolean };
}

/** What the child's record says on the day an episode began. */
export interface ChildContext {
  dateOfBirth: string | null;
  lookedAfterOn(date: string): boolean;
  protectionOn(date: string): boolean;
  planOn(date: string): boolean;
}

function contextOf(facts: ChildPeriods | undefined): ChildContext {
  const open = (types: string[], date: string) =>
    (facts?.periods ?? []).some(
      (e) => types.includes(e.type) && e.start <= date && (!e.end || e.end >= date),
    );
  return {
    dateOfBirth: facts?.dateOfBirth ?? null,
    lookedAfterOn: (d) => open(['looked_after'], d),
    protectionOn: (d) => open(['child_protection_plan', 's47'], d),
    planOn: (d) => open(['child_protection_plan'], d),
  };
}

/** Each child's context, from one query (date of birth and the periods that matter here). */
export async function childContexts(db: Db, organisationId: string, personIds: readonly string[]) {
  const byPerson = await childPeriods(db, organisationId, personIds);
  return (personId: string) => contextOf(byPerson.get(personId));
}

/** Merged episodes with their clocks, for the given children ('all': the organisation). */
async function summaries(
  db: Db,
  organisationId: string,
  people: 'all' | IdSet,
  now: Date,
  options: { since?: Date; names?: boolean } = {},
): Promise<EpisodeSummary[]> {
  // Imported episodes open or begun since the date (the database drops the rest, not this process).
  const since = options.since ? londonDateOf(options.since) : undefined;
  const [recorded, imported, holidays] = await together(
    db,
    () => repo.episodesOf(db, organisationId, people, options.since),
    () =>
      importedMissingEpisodes(
        db,
        organisationId,
        people === 'all' ? { since } : { personIds: people, since },
      ),
    () => nonWorkingDaysFor(db, organisationId),
  );
  const merged = mergeEpisodes(recorded as RecordedEpisode[], imported);
  const ids = recorded.map((r) => r.id);
  const personIds = [...new Set(merged.map((m) => m.personId))];
  const [meetings, interviews, names, context] = await together(
    db,
    () => repo.meetingsOf(db, organisationId, ids),
    () => repo.latestInterviews(db, organisationId, ids),
    () => (options.names === false ? new Map<string, string>() : childNames(db, organisationId, personIds)),
    () => childContexts(db, organisationId, personIds),
  );
  return merged.map((m) => {
    const ctx = context(m.personId);
    const startDate = londonDateOf(m.startAt);
    const r = m.recorded;
    const lookedAfter = ctx.lookedAfterOn(startDate);
    const reasons = highRiskReasons({
      dateOfBirth: ctx.dateOfBirth,
      startDate,
      onProtectionPlan: ctx.planOn(startDate),
      recorded: (r?.highRiskCircumstances ?? []) as RecordedHighRisk[],
    });
    let clocks: Clock[];
    if (r) {
      const interview = interviews.get(r.id);
      clocks = episodeClocks(
        {
          startAt: r.startAt,
          endAt: m.endAt,
          lookedAfter,
          protectionPlanOrEnquiry: ctx.protectionOn(startDate),
          policeToldAt: r.policeToldAt,
          adToldAt: r.adToldAt,
          leadMemberToldAt: r.leadMemberToldAt,
          socialWorkerContactAt: r.socialWorkerContactAt,
          interviewOfferedAt: interviewOfferedAt(interview),
          meetingsHeld: meetings.filter((x) => x.episodeId === r.id).map((x) => x.heldOn),
        },
        now,
        holidays,
      );
    } else {
      // Only the extract holds it: the return interview clock alone, done when the extract records an offer.
      clocks = m.endAt
        ? episodeClocks(
            {
              startAt: m.startAt,
              endAt: m.endAt,
              lookedAfter: false,
              protectionPlanOrEnquiry: false,
              policeToldAt: null,
              adToldAt: null,
              leadMemberToldAt: null,
              socialWorkerContactAt: null,
              interviewOfferedAt: m.imported?.interviewOffered ? m.endAt : null,
              meetingsHeld: [],
            },
            now,
            holidays,
          ).filter((c) => c.key === 'return_interview')
        : [];
    }
    return {
      id: r?.id ?? null,
      personId: m.personId,
      childName: names.get(m.personId) ?? 'Unknown child',
      merged: m,
      clocks,
      attention: needingAttention(clocks),
      risk: workingRisk((r?.policeRisk as PoliceRisk | null) ?? null, reasons),
      riskReasons: reasons,
      lookedAfter,
      missingNow: m.endAt === null,
      interview: interviewFacts(r ? interviews.get(r.id) : undefined, m),
    };
  });
}

function interviewFacts(i: repo.InterviewRow | undefined, m: MergedEpisode<RecordedEpisode>) {
  if (!i) {
    // The extract says offered and accepted, never when it was done.
    return {
      offered: m.imported?.interviewOffered === true,
      accepted: m.imported?.interviewAccepted === true,
      within72Hours: false,
    };
  }
  const by = m.endAt ? londonDateOf(new Date(m.endAt.getTime() + 72 * 3_600_000)) : null;
  return {
    offered: i.offeredAt !== null,
    accepted: i.response === 'accepted',
    within72Hours: Boolean(i.completedOn && by && i.completedOn <= by),
  };
}

/** Every episode of the organisation in the key data's terms (aggregates only leave the module). */
export async function keyDataEpisodes(db: Db, organisationId: string, now: Date): Promise<KeyDataEpisode[]> {
  return (await keyDataListEpisodes(db, organisationId, now)).map(({ id: _id, childName: _name, ...e }) => e);
}

/** The same episodes, each with its id and child's name, for the list behind a figure (organisation-wide readers only). */
export async function keyDataListEpisodes(
  db: Db,
  organisationId: string,
  now: Date,
): Promise<KeyDataListEpisode[]> {
  const all = await summaries(db, organisationId, 'all', now);
  return all.map((s) => ({
    id: s.id,
    childName: s.childName,
    personId: s.personId,
    startAt: s.merged.startAt,
    endAt: s.merged.endAt,
    type: s.merged.type,
    lookedAfter: s.lookedAfter,
    interviewOffered: s.interview.offered,
    interviewAccepted: s.interview.accepted,
    interviewWithin72Hours: s.interview.within72Hours,
  }));
}

/** Every episode of the organisation with who the child is, for the key data's breakdowns (aggregates only leave the module). */
export async function breakdownEpisodes(
  db: Db,
  organisationId: string,
  now: Date,
): Promise<BreakdownEpisode[]> {
  const all = await summaries(db, organisationId, 'all', now);
  const who = await childDemographics(db, organisationId, [...new Set(all.map((s) => s.personId))]);
  return all.map((s) => {
    const d = who.get(s.personId);
    return {
      personId: s.personId,
      startAt: s.merged.startAt,
      endAt: s.merged.endAt,
      whereFound: s.merged.recorded?.whereFound ?? null,
      dateOfBirth: d?.dateOfBirth ?? null,
      sex: d?.sex ?? null,
      ethnicity: d?.ethnicity ?? null,
      uasc: d?.uasc ?? false,
    };
  });
}

/** When the interview was offered (an answer, accepted or declined, is recorded only after an offer). */
export function interviewOfferedAt(i: repo.InterviewRow | undefined): Date | null {
  return i?.offeredAt ?? null;
}

/** A child's episodes, for the panel on the child's record (the record page has checked and audited the read). */
export async function episodesForChild(db: Db, actor: Actor, personId: string, now: Date) {
  if (!(await mayViewChild(db, actor, personId, now))) throw new NotFoundError('child');
  return summaries(db, actor.organisationId, [personId], now);
}

/** How far back the follow-ups list looks for ended episodes. */
export const FOLLOW_UP_DAYS = 90;

export type FollowUpFilter = 'attention' | 'overdue' | 'missing-now' | 'interviews' | 'repeat' | 'all';

/**
 * Episodes open, or begun in the last 90 days, of children the actor may see.
 * `people`: the children in scope when the caller has them already; `names:
 * false` for counts, which need no child's name.
 */
export async function followUps(
  db: Db,
  actor: Actor,
  now: Date,
  filter: FollowUpFilter,
  options: { people?: 'all' | IdSet; names?: boolean } = {},
): Promise<EpisodeSummary[]> {
  const [people, rule] = await together(
    db,
    () => options.people ?? childIdsInScope(db, actor, now),
    () => (filter === 'repeat' ? repeatRuleOf(db, actor.organisationId) : Promise.resolve(null)),
  );
  // The repeat rule may look back further than the follow-ups' 90 days.
  const days = Math.max(FOLLOW_UP_DAYS, rule?.days ?? 0);
  const since = new Date(now.getTime() - days * 86_400_000);
  const all = await summaries(db, actor.organisationId, people, now, { since, names: options.names });
  switch (filter) {
    case 'attention':
      return all.filter((s) => s.attention.length > 0);
    case 'overdue':
      return all.filter((s) => s.clocks.some((c) => c.light === 'red'));
    case 'missing-now':
      return all.filter((s) => s.missingNow);
    case 'interviews':
      return all.filter((s) =>
        s.clocks.some(
          (c) =>
            c.key === 'return_interview' && (c.light === 'red' || c.light === 'amber' || c.light === 'green'),
        ),
      );
    case 'repeat': {
      // Children going missing repeatedly (the organisation's rule): their episodes in the window, child by child.
      const from = addDays(londonDateOf(now), -(rule!.days - 1));
      const inWindow = all.filter((s) => londonDateOf(s.merged.startAt) >= from || s.missingNow);
      const repeat = new Set(
        repeatMissing(
          inWindow.map((s) => ({ personId: s.personId, startAt: s.merged.startAt })),
          londonDateOf(now),
          rule!,
        ).map((c) => c.personId),
      );
      return inWindow
        .filter((s) => repeat.has(s.personId))
        .sort(
          (a, b) =>
            a.childName.localeCompare(b.childName) || b.merged.startAt.getTime() - a.merged.startAt.getTime(),
        );
    }
    case 'all':
      return all;
  }
}

/** The follow-ups list, with its read in the access audit. */
export async function listFollowUps(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  filter: FollowUpFilter,
): Promise<EpisodeSummary[]> {
  const rows = await followUps(db, actor, ctx.at, filter);
  await recordAudit(db, ctx, {
    action: 'missing.follow-ups',
    recordType: 'child',
    detail: `${filter}: ${rows.length} episodes of ${new Set(rows.map((r) => r.personId)).size} children`,
  });
  return rows;
}

/** One recorded episode with its clocks, for pages about it (the caller audits). */
export async function episodeSummary(db: Db, actor: Actor, episodeId: string, now: Date) {
  const row = /^[0-9a-f-]{36}$/i.test(episodeId)
    ? await repo.episodeById(db, actor.organisationId, episodeId)
    : null;
  if (!row || !(await mayViewChild(db, actor, row.personId, now))) throw new NotFoundError('missing episode');
  const all = await summaries(db, actor.organisationId, [row.personId], now);
  const summary = all.find((s) => s.id === row.id);
  if (!summary) throw new NotFoundError('missing episode');
  return { row, summary };
}
