/**
 * Provider and setting audits: the providers the quality assurance service
 * visits, each visit's RAG per area (the areas come from the provider's kind),
 * and recommendations followed up to completion. Every change is
 * access-audited; nothing here is child-level.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import { QA } from './permissions';
import * as repo from './provider-repository';
import { type AreaResult, areaGrid, nextVisitDue, visitOverdue, visitSummary } from './provider-rules';
import { PROVIDER_AREAS, type ProviderKind } from './provider-vocab';

const read = (actor: Actor) => {
  if (!can(actor, QA.providersRead)) throw new ForbiddenError();
};
const manage = (actor: Actor) => {
  if (!can(actor, QA.providersManage)) throw new ForbiddenError();
};

const areasOf = (kind: string) => PROVIDER_AREAS[kind as ProviderKind] ?? [];

/** Every provider with its latest visit's RAG, when it is next due, and its open recommendations. */
export async function providerOverview(db: Db, actor: Actor, today: string, kind?: ProviderKind) {
  read(actor);
  const rows = (await repo.providerList(db, actor.organisationId, today))
    .filter((r) => !kind || r.kind === kind)
    .map((r) => ({
      ...r,
      overall: r.lastResults ? visitSummary(r.lastResults).overall : null,
      nextDue: r.active ? nextVisitDue(r.lastVisitOn, r.addedOn) : null,
      visitOverdue: r.active && visitOverdue(r.lastVisitOn, r.addedOn, today),
    }));
  return {
    rows,
    overdueVisits: rows.filter((r) => r.visitOverdue).length,
    overdueRecommendations: rows.reduce((n, r) => n + r.overdueRecommendations, 0),
  };
}

export interface ProviderInput {
  name: string;
  kind: ProviderKind;
  urn: string | null;
}

export async function addProvider(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: ProviderInput,
  today: string,
) {
  manage(actor);
  if (await repo.providerByName(db, actor.organisationId, input.name))
    throw new ValidationError({ name: 'A provider with this name is already listed: open it from the list' });
  return db.transaction(async (tx) => {
    const row = await repo.insertProvider(tx, {
      ...input,
      organisationId: actor.organisationId,
      addedOn: today,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, { action: 'provider.add', recordType: 'qa_provider', recordId: row.id });
    return row;
  });
}

async function providerOf(db: Db, actor: Actor, id: string) {
  const row = await repo.provider(db, actor.organisationId, id);
  if (!row) throw new NotFoundError();
  return row;
}

/** A provider and the areas its visits are audited against (for the visit form), without its history. */
export async function providerWithAreas(db: Db, actor: Actor, id: string) {
  manage(actor);
  const provider = await providerOf(db, actor, id);
  return { provider, areas: areasOf(provider.kind) };
}

/** A provider: its visits (each with its counts), the grid of areas across visits, and its recommendations. */
export async function providerDetail(db: Db, actor: Actor, id: string, today: string) {
  read(actor);
  const provider = await providerOf(db, actor, id);
  const [visits, recommendations] = await Promise.all([
    repo.visitsOf(db, actor.organisationId, id),
    repo.recommendationsOf(db, actor.organisationId, id),
  ]);
  const areas = areasOf(provider.kind);
  const last = visits.at(-1);
  return {
    provider,
    areas,
    visits: visits.map((v) => ({
      ...v,
      summary: visitSummary(v.results),
      notes: v.summary,
      comments: v.results
        .filter((r) => r.comment)
        .map((r) => ({ ...r, title: areas.find((a) => a.key === r.area)?.title ?? r.area })),
    })),
    grid: areaGrid(areas, visits),
    nextDue: nextVisitDue(last?.visitedOn ?? null, provider.addedOn),
    visitOverdue: visitOverdue(last?.visitedOn ?? null, provider.addedOn, today),
    open: recommendations
      .filter((r) => r.status === 'open')
      .map((r) => ({
        ...r,
        overdue: r.dueOn < today,
        areaTitle: areas.find((a) => a.key === r.area)?.title,
      })),
    completed: recommendations
      .filter((r) => r.status === 'completed')
      .map((r) => ({ ...r, areaTitle: areas.find((a) => a.key === r.area)?.title })),
  };
}

export interface VisitInput {
  visitedOn: string;
  results: AreaResult[];
  summary: string;
}

/** Record a visit: every area of the provider's kind needs a RAG (or "not looked at"), in one transaction. */
export async function recordVisit(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  providerId: string,
  input: VisitInput,
  today: string,
) {
  manage(actor);
  const provider = await providerOf(db, actor, providerId);
  const fields: Record<string, string> = {};
  if (input.visitedOn > today) fields.visitedOn = 'The date of the visit must be today or in the past';
  const areas = areasOf(provider.kind);
  for (const area of areas)
    if (!input.results.some((r) => r.area === area.key))
      fields[`area-${area.key}`] =
        `Select a RAG for ${area.title.toLowerCase()}, or that it was not looked at`;
  if (input.results.every((r) => r.rag === 'not_seen'))
    fields[`area-${areas[0]?.key}`] ??=
      'Give at least one area a RAG: a visit that looked at nothing is not a visit';
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const results = areas.map((a) => input.results.find((r) => r.area === a.key)!);
  return db.transaction(async (tx) => {
    const row = await repo.insertVisit(tx, {
      organisationId: actor.organisationId,
      providerId,
      visitedOn: input.visitedOn,
      results,
      summary: input.summary,
      visitedBy: actor.userId,
      createdAt: ctx.at,
    });
    const counts = visitSummary(results);
    await recordAudit(tx, ctx, {
      action: 'provider.visit',
      recordType: 'qa_provider',
      recordId: providerId,
      detail: `${input.visitedOn}: ${counts.red} red, ${counts.amber} amber, ${counts.green} green`,
    });
    return row;
  });
}

export interface ProviderRecommendationInput {
  visitId: string;
  area: string | null;
  text: string;
  dueOn: string;
}

export async function addProviderRecommendation(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  providerId: string,
  input: ProviderRecommendationInput,
) {
  manage(actor);
  const provider = await providerOf(db, actor, providerId);
  const visits = await repo.visitsOf(db, actor.organisationId, providerId);
  const visit = visits.find((v) => v.id === input.visitId);
  const fields: Record<string, string> = {};
  if (!visit) fields.visitId = 'Select the visit that made this recommendation';
  if (input.area && !areasOf(provider.kind).some((a) => a.key === input.area))
    fields.area = 'Select an area from the list, or none';
  if (visit && input.dueOn < visit.visitedOn)
    fields.dueOn = 'The date it is due must be on or after the visit';
  if (Object.keys(fields).length) throw new ValidationError(fields);
  return db.transaction(async (tx) => {
    const row = await repo.insertRecommendation(tx, {
      ...input,
      organisationId: actor.organisationId,
      providerId,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'provider.recommendation.add',
      recordType: 'qa_provider',
      recordId: providerId,
    });
    return row;
  });
}

export async function completeProviderRecommendation(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  providerId: string,
  id: string,
  input: { followUp: string; completedOn: string },
  today: string,
) {
  manage(actor);
  await providerOf(db, actor, providerId);
  if (input.completedOn > today)
    throw new ValidationError({ completedOn: 'The date it was completed must be today or in the past' });
  await db.transaction(async (tx) => {
    if (!(await repo.completeRecommendation(tx, actor.organisationId, providerId, id, input)))
      throw new ValidationError({ followUp: 'This recommendation is already completed' });
    await recordAudit(tx, ctx, {
      action: 'provider.recommendation.complete',
      recordType: 'qa_provider',
      recordId: providerId,
    });
  });
}
