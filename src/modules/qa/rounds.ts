/**
 * Audit rounds: created by a QA officer with a template, dates, auditors and
 * a sampling rule; the sample is drawn from the open cases (through the cases
 * service) and becomes one audit per case, all in one transaction. Auditors
 * who see assigned cases only are given access to their cases until the
 * round ends.
 */

import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { addDays } from '../../platform/calendar/working-days';
import { londonDateOf, londonMidnight } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { activeUsers } from '../../platform/directory';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { formatDate } from '../../platform/http/views';
import { type Actor, can, ROLE_CASE_SCOPE } from '../../platform/permissions';
import {
  childNames,
  contactsOrReferralsBetween,
  grantCaseAccessToMany,
  openCasesForSampling,
  SERVICE_LEVEL_NAMES,
} from '../cases/service';
import { QA, qaPermissions } from './permissions';
import * as repo from './repository';
import { assignAuditors, drawSample, type SamplingRule } from './sampling';
import type { RoundType } from './vocab';

export const levelName = (level: string) => SERVICE_LEVEL_NAMES[level] ?? level;

export type RuleChoice = 'half_year_first' | 'half_year_second' | 'criteria' | 'chosen';

export interface RoundInput {
  name: string;
  type: RoundType;
  startDate: string;
  endDate: string;
  templateId: string;
  auditorIds: string[];
  rule: RuleChoice;
  previousRoundId?: string;
  serviceLevels: string[];
  /** Teams, for cases meeting criteria (with or instead of service levels). */
  teamNames?: string[];
  /** For cases meeting criteria: only those with a contact or referral from this date to `contactTo` (both or neither). */
  contactFrom?: string;
  contactTo?: string;
  /** SSD person ids, for chosen cases. */
  sourceIds: string[];
}

/** Which rules suit which round type: thematic rounds sample by criteria, multi-agency rounds take chosen cases. */
export const RULES_FOR_TYPE: Record<RoundType, readonly RuleChoice[]> = {
  independent: ['half_year_first', 'half_year_second', 'chosen'],
  internal: ['half_year_first', 'half_year_second', 'chosen', 'criteria'],
  thematic: ['criteria'],
  multi_agency: ['chosen'],
  peer: ['chosen', 'criteria'],
};

/** People who may be assigned audits: those whose role holds the permission to conduct them. */
export async function possibleAuditors(db: Db, organisationId: string) {
  return activeUsers(db, organisationId, { roles: qaPermissions[QA.conduct]!.roles });
}

/** The teams of the open cases, for criteria. */
export async function teamsOfOpenCases(db: Db, organisationId: string, today: string): Promise<string[]> {
  const open = await openCasesForSampling(db, organisationId, today);
  return [...new Set(open.map((c) => c.teamName).filter((t): t is string => !!t))].sort();
}

/** Rounds that can be the first of a half-year pair and have no second yet. */
export async function openFirstHalves(db: Db, organisationId: string) {
  const all = await repo.roundSummaries(db, organisationId);
  const followed = new Set(all.map((r) => r.sampling.previousRoundId).filter(Boolean));
  return all.filter((r) => r.sampling.rule === 'half_year_first' && !followed.has(r.id));
}

export async function createRound(db: Db, actor: Actor, ctx: AuditContext, input: RoundInput) {
  if (!can(actor, QA.roundsManage)) throw new ForbiddenError();
  const org = actor.organisationId;
  const fields: Record<string, string> = {};
  if (input.endDate < input.startDate)
    fields.endDate = 'The end date must be the same as or after the start date';
  if (!RULES_FOR_TYPE[input.type].includes(input.rule))
    fields.rule =
      input.type === 'thematic'
        ? 'A thematic round samples by criteria: choose "Cases meeting criteria"'
        : input.type === 'multi_agency'
          ? 'A multi-agency round takes chosen cases: choose "Chosen cases"'
          : 'Choose a way of drawing the sample that suits this type of round';
  const [template] = (await repo.latestTemplates(db, org)).filter((t) => t.templateId === input.templateId);
  if (!template) fields.templateId = 'Select the template the auditors will use';
  const auditors = await possibleAuditors(db, org);
  const auditorRoles = new Map(auditors.map((a) => [a.id, a.role]));
  if (!input.auditorIds.length) fields.auditorIds = 'Select at least one auditor';
  else if (input.auditorIds.some((id) => !auditorRoles.has(id)))
    fields.auditorIds = 'Select auditors from the list';
  const today = londonDateOf(ctx.at);
  const open = (await openCasesForSampling(db, org, today)).map((c) => ({
    personId: c.id,
    sourceId: c.sourceId,
    serviceLevel: c.serviceLevel,
    teamName: c.teamName,
    workerUserId: c.workerUserId,
  }));
  let rule: SamplingRule | undefined;
  const stored: Record<string, unknown> = { rule: input.rule };
  if (input.rule === 'half_year_first') {
    rule = { rule: 'half_year_first', seed: `${org}:${input.name}:${input.startDate}` };
    stored.seed = rule.seed;
  } else if (input.rule === 'half_year_second') {
    const open = (await openFirstHalves(db, org)).find((r) => r.id === input.previousRoundId);
    // The whole round (with the cases it left out) only for the one chosen.
    const previous = open ? await repo.round(db, org, open.id) : undefined;
    if (!previous) fields.previousRoundId = 'Select the first half-year round this one follows';
    else {
      const audits = await repo.auditsOfRound(db, org, previous.id);
      const sampled = new Set(audits.map((a) => a.personId));
      rule = {
        rule: 'half_year_second',
        previousRoundName: previous.name,
        previouslySampled: sampled,
        previouslyOpen: new Set([...sampled, ...previous.excluded.map((e) => e.personId)]),
      };
      stored.previousRoundId = previous.id;
    }
  } else if (input.rule === 'criteria') {
    const teamNames = input.teamNames ?? [];
    const teams = new Set(open.map((c) => c.teamName).filter(Boolean));
    const { contactFrom: from, contactTo: to } = input;
    if (!input.serviceLevels.length && !teamNames.length && !(from && to))
      fields.serviceLevels = 'Select at least one service level or team, or enter dates, for the criteria';
    else if (teamNames.some((t) => !teams.has(t))) fields.teamNames = 'Select teams from the list';
    if (from && to && to < from)
      fields.contactTo = 'The last date of contact or referral must be the same as or after the first';
    const dates =
      from && to
        ? {
            from,
            to,
            inRange: await contactsOrReferralsBetween(db, org, from, to),
            format: formatDate,
          }
        : undefined;
    rule = { rule: 'criteria', serviceLevels: input.serviceLevels, teamNames, dates };
    stored.serviceLevels = input.serviceLevels;
    stored.teamNames = teamNames;
    if (dates) Object.assign(stored, { contactFrom: from, contactTo: to });
  } else {
    const bySource = new Map(open.map((c) => [c.sourceId.toLowerCase(), c.personId]));
    const unknown = input.sourceIds.filter((s) => !bySource.has(s.toLowerCase()));
    if (!input.sourceIds.length) fields.sourceIds = 'Enter the person ids of the cases to audit, one a line';
    else if (unknown.length)
      fields.sourceIds = `These person ids are not open cases: ${unknown.slice(0, 10).join(', ')}. Check them against the case register`;
    rule = {
      rule: 'chosen',
      personIds: input.sourceIds.map((s) => bySource.get(s.toLowerCase())!).filter(Boolean),
    };
    stored.sourceIds = input.sourceIds;
  }
  if (Object.keys(fields).length || !rule || !template) throw new ValidationError(fields);
  const drawn = drawSample(open, rule, levelName);
  if (!drawn.sample.length)
    throw new ValidationError({ rule: 'No open case meets this rule: the sample would be empty' });
  const assigned = assignAuditors(drawn.sample, input.auditorIds);
  // An auditor sees the sampled children only while the round runs: from its first day to the end of its last.
  const startsAt = londonMidnight(input.startDate);
  const expiresAt = londonMidnight(addDays(input.endDate, 1));
  return db.transaction(async (tx) => {
    const round = await repo.insertRound(tx, {
      organisationId: org,
      name: input.name,
      type: input.type,
      startDate: input.startDate,
      endDate: input.endDate,
      templateVersionId: template.id,
      auditorIds: input.auditorIds,
      sampling: stored,
      eligibleCount: drawn.eligible,
      excluded: drawn.excluded,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await repo.insertAudits(
      tx,
      assigned.map((c) => ({
        organisationId: org,
        roundId: round.id,
        personId: c.personId,
        templateVersionId: template.id,
        reason: c.reason,
        stratum: c.stratum,
        workerUserId: c.workerUserId,
        teamName: c.teamName,
        auditorId: c.auditorId,
        status: 'assigned',
        answers: {},
        updatedAt: ctx.at,
      })),
    );
    for (const auditorId of input.auditorIds) {
      const role = auditorRoles.get(auditorId);
      if (!role || ROLE_CASE_SCOPE[role] !== 'assigned') continue;
      await grantCaseAccessToMany(
        tx,
        { ...ctx, organisationId: org },
        {
          personIds: assigned.filter((c) => c.auditorId === auditorId).map((c) => c.personId),
          userId: auditorId,
          reason: `Case file audit in ${input.name}`,
          startsAt,
          expiresAt,
        },
      );
    }
    await recordAudit(tx, ctx, {
      action: 'qa.round.create',
      recordType: 'qa_round',
      recordId: round.id,
      detail: `${drawn.sample.length} of ${drawn.eligible} open cases sampled (${input.rule})`,
    });
    return round;
  });
}

export async function listRounds(db: Db, actor: Actor) {
  if (!can(actor, QA.roundsRead)) throw new ForbiddenError();
  return repo.roundSummaries(db, actor.organisationId);
}

/** Audits a page of a round shows. */
export const ROUND_PAGE_SIZE = 50;

/**
 * A round with one page of its sample (each case with why it is in it; the `page` asked for,
 * past the end the last) and the open cases left out, grouped by why.
 */
export async function roundDetail(db: Db, actor: Actor, ctx: AuditContext, roundId: string, page = 1) {
  if (!can(actor, QA.roundsRead)) throw new ForbiddenError();
  const round = await repo.round(db, actor.organisationId, roundId);
  if (!round) throw new NotFoundError('round');
  const total = await repo.auditCountOfRound(db, actor.organisationId, roundId);
  const shown = Math.min(Math.max(1, page), Math.max(1, Math.ceil(total / ROUND_PAGE_SIZE)));
  const [audits, template, auditors] = await Promise.all([
    repo.auditsOfRound(db, actor.organisationId, roundId, {
      limit: ROUND_PAGE_SIZE,
      offset: (shown - 1) * ROUND_PAGE_SIZE,
    }),
    repo.templateVersion(db, actor.organisationId, round.templateVersionId),
    possibleAuditors(db, actor.organisationId),
  ]);
  const names = await childNames(
    db,
    actor.organisationId,
    audits.map((a) => a.personId),
  );
  const people = new Map(auditors.map((a) => [a.id, a.name]));
  const exclusions = new Map<string, number>();
  for (const e of round.excluded) exclusions.set(e.reason, (exclusions.get(e.reason) ?? 0) + 1);
  await recordAudit(db, ctx, {
    action: 'qa.round.view',
    recordType: 'qa_round',
    recordId: roundId,
    detail: `${audits.length} of ${total} audits listed (page ${shown})`,
  });
  return {
    round,
    template,
    auditorNames: round.auditorIds.map((id) => people.get(id) ?? 'Former user'),
    auditTotal: total,
    page: shown,
    audits: audits.map((a) => ({
      ...a,
      childName: names.get(a.personId) ?? 'Unknown child',
      auditorName: a.auditorId ? (people.get(a.auditorId) ?? 'Former user') : 'Not assigned',
    })),
    exclusions: [...exclusions]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count),
  };
}
