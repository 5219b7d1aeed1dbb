/**
 * Reports of audit rounds: for one round, cases audited of those eligible
 * and why others were left out, the grade distribution overall and per
 * section, the comparison with the previous round and the same round last
 * year, themes by frequency with examples, and recommendations by status;
 * across rounds, the trend of grades. And a frozen, publishable summary (no
 * child-level data, small numbers suppressed) for committee reports to embed.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { mapTogether, together } from '../../platform/db/together';
import { cellText, suppressCount, suppressGroup } from '../../platform/disclosure/suppression';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import { standingGrades } from './audit-rules';
import { themeList } from './findings';
import * as findingsRepo from './findings-repository';
import { QA } from './permissions';
import { RECOMMENDATION_STATUS_NAMES, RECOMMENDATION_STATUSES } from './recommendations';
import * as reportRepo from './report-repository';
import {
  compareRounds,
  previousRound,
  type RoundGrades,
  roundGrades,
  type StandingGrades,
  sameRoundLastYear,
  themeFrequency,
} from './report-rules';
import type { RoundRow } from './repository';
import * as repo from './repository';
import { thematicOfRounds } from './thematic';
import { GRADE_NAMES, type Grade, ROUND_TYPE_NAMES, type RoundType } from './vocab';

/** A round without the cases it left out. */
type RoundSummary = Omit<RoundRow, 'excluded'>;

/** The standing grades (after moderation) of every graded audit of some rounds, by round. */
async function standingByRound(db: Db, organisationId: string, roundIds: readonly string[]) {
  const [audits, moderations] = await Promise.all([
    reportRepo.gradedAudits(db, organisationId, roundIds),
    reportRepo.moderationsOfRounds(db, organisationId, roundIds),
  ]);
  const byAudit = new Map<string, Array<{ sectionKey: string | null; grade: string }>>();
  for (const m of moderations) {
    const list = byAudit.get(m.auditId) ?? [];
    list.push(m);
    byAudit.set(m.auditId, list);
  }
  const result = new Map<string, StandingGrades[]>(roundIds.map((id) => [id, []]));
  for (const a of audits)
    result
      .get(a.roundId)!
      .push(standingGrades(a.answers, a.overallGrade as Grade | null, byAudit.get(a.id) ?? []));
  return result;
}

/** The grades of some rounds, by round id: their audits and moderations read together, each template once. */
async function gradesOfRounds(
  db: Db,
  organisationId: string,
  rounds: ReadonlyArray<Pick<RoundRow, 'id' | 'templateVersionId'>>,
): Promise<Map<string, RoundGrades>> {
  const versionIds = [...new Set(rounds.map((r) => r.templateVersionId))];
  const [standing, templates] = await together(
    db,
    () =>
      standingByRound(
        db,
        organisationId,
        rounds.map((r) => r.id),
      ),
    () => mapTogether(db, versionIds, (id) => repo.templateVersion(db, organisationId, id)),
  );
  const sections = new Map(versionIds.map((id, i) => [id, templates[i]?.definition.sections ?? []]));
  return new Map(
    rounds.map((r) => [r.id, roundGrades(standing.get(r.id) ?? [], sections.get(r.templateVersionId) ?? [])]),
  );
}

async function gradesOf(db: Db, organisationId: string, round: RoundRow): Promise<RoundGrades> {
  return (await gradesOfRounds(db, organisationId, [round])).get(round.id)!;
}

function need(actor: Actor) {
  if (!can(actor, QA.roundsRead)) throw new ForbiddenError();
}

async function loadRound(db: Db, actor: Actor, roundId: string) {
  need(actor);
  if (!/^[0-9a-f-]{36}$/i.test(roundId)) throw new NotFoundError('round');
  const round = await repo.round(db, actor.organisationId, roundId);
  if (!round) throw new NotFoundError('round');
  return round;
}

/** Everything the round's report shows. Findings' words are examples for officers, so the read is audited. */
export async function roundReport(db: Db, actor: Actor, ctx: AuditContext, roundId: string) {
  need(actor);
  const org = actor.organisationId;
  // The round and the rounds it is compared with, then every read of the report side by side.
  // The other rounds without the cases each left out (hundreds of kilobytes a round): only their dates matter here.
  const [round, all] = await Promise.all([loadRound(db, actor, roundId), repo.roundSummaries(db, org)]);
  const previous = previousRound<RoundSummary>(round, all);
  const lastYear = sameRoundLastYear<RoundSummary>(round, all);
  const [gradesById, statuses, findings, themes, caseRecs, thematic] = await Promise.all([
    gradesOfRounds(db, org, [round, ...(previous ? [previous] : []), ...(lastYear ? [lastYear] : [])]),
    reportRepo.statusCounts(db, org, round.id),
    findingsRepo.findingsOfRounds(db, org, [round.id]),
    themeList(db, org, ctx.at),
    reportRepo.recommendationCounts(db, org, round.id),
    thematicOfRounds(db, actor, [round.id]),
  ]);
  const grades = gradesById.get(round.id)!;
  const compared = (other: RoundSummary | undefined) => {
    const otherGrades = other && gradesById.get(other.id);
    return other && otherGrades
      ? { round: other, grades: otherGrades, comparison: compareRounds(grades, otherGrades) }
      : null;
  };
  const sampled = [...statuses.values()].reduce((a, b) => a + b, 0);
  const exclusions = new Map<string, number>();
  for (const e of round.excluded) exclusions.set(e.reason, (exclusions.get(e.reason) ?? 0) + 1);
  await recordAudit(db, ctx, {
    action: 'qa.round.report',
    recordType: 'qa_round',
    recordId: round.id,
    detail: `${findings.length} findings`,
  });
  return {
    round,
    typeName: ROUND_TYPE_NAMES[round.type as RoundType] ?? round.type,
    eligible: round.eligibleCount,
    sampled,
    statuses,
    exclusions: [...exclusions]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count),
    grades,
    previous: compared(previous),
    lastYear: compared(lastYear),
    themes: themeFrequency(findings, themes),
    caseRecommendations: RECOMMENDATION_STATUSES.map((s) => ({
      status: s,
      name: RECOMMENDATION_STATUS_NAMES[s],
      count: caseRecs.get(s) ?? 0,
    })),
    thematic,
  };
}

/** Every round, newest first, with how many were audited and the share good or better: the trend across rounds. */
export async function roundsOverview(db: Db, actor: Actor) {
  need(actor);
  const all = await repo.rounds(db, actor.organisationId);
  const standing = await standingByRound(
    db,
    actor.organisationId,
    all.map((r) => r.id),
  );
  return all.map((r) => {
    const g = roundGrades(standing.get(r.id) ?? [], []);
    return {
      round: r,
      typeName: ROUND_TYPE_NAMES[r.type as RoundType] ?? r.type,
      graded: g.graded,
      overall: g.overall,
      goodOrBetter: g.goodOrBetter,
    };
  });
}

export interface PublishableRoundSummary {
  kind: 'qa_round_summary';
  roundName: string;
  roundType: string;
  startDate: string;
  endDate: string;
  /** When the figures were taken: a committee report keeps them as they stood. */
  asAt: string;
  eligible: string;
  audited: string;
  /** Overall grades (after moderation), small numbers suppressed as a group. */
  grades: Array<{ grade: string; count: string }>;
  gradedTotal: string;
  /** Good or outstanding as a share of graded audits, or null when the figures are too small to publish. */
  goodOrBetterPercent: number | null;
  previous: { roundName: string; goodOrBetterPercent: number | null } | null;
  themes: Array<{ theme: string; findings: string }>;
  recommendations: Array<{ status: string; count: string }>;
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const publishableShare = (g: RoundGrades) => {
  const good = g.overall
    .filter((d) => d.grade === 'outstanding' || d.grade === 'good')
    .reduce((n, d) => n + d.count, 0);
  return suppressCount(good).suppressed || suppressCount(g.graded - good).suppressed ? null : g.goodOrBetter;
};

/**
 * A frozen summary of a round that may be published: counts only (small
 * numbers suppressed), no child, worker or finding's words. For committee
 * reports to embed as it stood when they were written; like the other
 * embeddable components it takes the organisation, not a person, since it
 * holds nothing a committee member may not read.
 */
export async function publishableRoundSummary(
  db: Db,
  organisationId: string,
  roundId: string,
  at: Date,
): Promise<Readonly<PublishableRoundSummary>> {
  const org = organisationId;
  const round = /^[0-9a-f-]{36}$/i.test(roundId) ? await repo.round(db, org, roundId) : undefined;
  if (!round) throw new NotFoundError('round');
  const all = await repo.rounds(db, org);
  const previous = previousRound(round, all);
  const [grades, statuses, findings, themes, caseRecs] = await together(
    db,
    () => gradesOf(db, org, round),
    () => reportRepo.statusCounts(db, org, round.id),
    () => findingsRepo.findingsOfRounds(db, org, [round.id]),
    () => themeList(db, org, at),
    () => reportRepo.recommendationCounts(db, org, round.id),
  );
  const group = suppressGroup(grades.overall.map((d) => d.count));
  const recGroup = suppressGroup(RECOMMENDATION_STATUSES.map((s) => caseRecs.get(s) ?? 0));
  return deepFreeze({
    kind: 'qa_round_summary' as const,
    roundName: round.name,
    roundType: ROUND_TYPE_NAMES[round.type as RoundType] ?? round.type,
    startDate: round.startDate,
    endDate: round.endDate,
    asAt: at.toISOString(),
    eligible: cellText(suppressCount(round.eligibleCount)),
    audited: cellText(suppressCount([...statuses.values()].reduce((a, b) => a + b, 0))),
    grades: grades.overall.map((d, i) => ({ grade: GRADE_NAMES[d.grade], count: cellText(group.cells[i]!) })),
    gradedTotal: cellText(group.total),
    goodOrBetterPercent: publishableShare(grades),
    previous: previous
      ? { roundName: previous.name, goodOrBetterPercent: publishableShare(await gradesOf(db, org, previous)) }
      : null,
    themes: themeFrequency(findings, themes, 0).map((t) => ({
      theme: t.name,
      findings: cellText(suppressCount(t.total)),
    })),
    recommendations: RECOMMENDATION_STATUSES.map((s, i) => ({
      status: RECOMMENDATION_STATUS_NAMES[s],
      count: cellText(recGroup.cells[i]!),
    })),
  });
}

/** The rounds a committee report may embed a summary of, newest first. */
export async function publishableRounds(db: Db, organisationId: string) {
  return (await repo.rounds(db, organisationId)).map((r) => ({
    id: r.id,
    name: r.name,
    type: ROUND_TYPE_NAMES[r.type as RoundType] ?? r.type,
    startDate: r.startDate,
    endDate: r.endDate,
  }));
}
