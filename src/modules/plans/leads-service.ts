/**
 * The leads roster: the posts that lead actions (initials, post title,
 * the person who holds the post).
 */

import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { need, PERMISSIONS } from './access';
import * as repo from './repository';

// ---------------------------------------------------------------- Leads roster

export interface LeadInput {
  jobTitle: string;
  initials: string | null;
  holderUserId: string | null;
  holderName: string | null;
}

export interface LeadView {
  id: string;
  jobTitle: string;
  initials: string | null;
  holderUserId: string | null;
  holderName: string | null;
}

export async function listLeads(db: Db, actor: Actor): Promise<LeadView[]> {
  const rows = await repo.listLeads(db, actor.organisationId);
  return rows.map((r) => ({
    id: r.id,
    jobTitle: r.jobTitle,
    initials: r.initials,
    holderUserId: r.holderUserId,
    holderName: r.holderUserName ?? r.holderName,
  }));
}

export async function getLead(db: Db, actor: Actor, id: string) {
  need(actor, PERMISSIONS.manage);
  const lead = await repo.getLead(db, actor.organisationId, id);
  if (!lead) throw new NotFoundError('lead');
  return lead;
}

/** People who may hold a post: the organisation's active users. */
export async function assignableUsers(db: Db, actor: Actor) {
  return repo.activeUsers(db, actor.organisationId);
}

export async function checkLead(db: Db, organisationId: string, input: LeadInput, exceptId?: string) {
  if (input.holderUserId && !(await repo.userInOrganisation(db, organisationId, input.holderUserId))) {
    throw new ValidationError({ holderUserId: 'Select a person from the list' });
  }
  if (input.initials) {
    const clash = await repo.leadWithInitials(db, organisationId, input.initials);
    if (clash && clash.id !== exceptId) {
      throw new ValidationError({
        initials: `Initials ${input.initials} are already used for another post. Enter different initials`,
      });
    }
  }
}

export function leadValues(input: LeadInput) {
  return {
    jobTitle: input.jobTitle.trim(),
    initials: input.initials?.trim() || null,
    holderUserId: input.holderUserId || null,
    holderName: input.holderUserId ? null : input.holderName?.trim() || null,
  };
}

export async function createLead(db: Db, actor: Actor, ctx: AuditContext, input: LeadInput): Promise<string> {
  need(actor, PERMISSIONS.manage);
  return db.transaction(async (tx) => {
    await checkLead(tx, actor.organisationId, input);
    const { id } = await repo.insertLead(tx, {
      organisationId: actor.organisationId,
      ...leadValues(input),
      createdAt: ctx.at,
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, { action: 'plan.lead.create', recordType: 'plan_lead', recordId: id });
    return id;
  });
}

export async function updateLead(db: Db, actor: Actor, ctx: AuditContext, id: string, input: LeadInput) {
  need(actor, PERMISSIONS.manage);
  await db.transaction(async (tx) => {
    const lead = await repo.getLead(tx, actor.organisationId, id);
    if (!lead) throw new NotFoundError('lead');
    await checkLead(tx, actor.organisationId, input, id);
    const values = leadValues(input);
    await repo.updateLead(tx, actor.organisationId, id, { ...values, updatedAt: ctx.at });
    const holderChanged = lead.holderUserId !== values.holderUserId || lead.holderName !== values.holderName;
    await recordAudit(tx, ctx, {
      action: 'plan.lead.update',
      recordType: 'plan_lead',
      recordId: id,
      detail: holderChanged ? 'holder changed' : undefined,
    });
  });
}

/** Find a post by its job title or initials, or add it: how outstanding actions arriving from minutes name their officer. */
export async function findOrCreateLead(db: Db, ctx: AuditContext, organisationId: string, officer: string) {
  const wanted = officer.trim().toLowerCase();
  const leads = await repo.listLeads(db, organisationId);
  const found =
    leads.find((l) => l.initials?.toLowerCase() === wanted) ??
    leads.find((l) => l.jobTitle.toLowerCase() === wanted);
  if (found) return found.id;
  const { id } = await repo.insertLead(db, {
    organisationId,
    jobTitle: officer.trim(),
    initials: null,
    holderUserId: null,
    holderName: null,
    createdAt: ctx.at,
    updatedAt: ctx.at,
  });
  await recordAudit(db, ctx, { action: 'plan.lead.create', recordType: 'plan_lead', recordId: id });
  return id;
}
