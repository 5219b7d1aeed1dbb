/**
 * Doing an audit: assigned -> in progress (saved section by section) ->
 * submitted -> moderated and shared (a QA officer agrees or changes each
 * grade, with a reason; both grades are kept) -> responded to by the worker or
 * their manager -> closed. Every read of an audit and every change is
 * access-audited.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { activeUsers } from '../../platform/directory';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { childNames } from '../cases/service';
import { requireRights } from './audit-access';
import { incompleteSections, standingGrades } from './audit-rules';
import { recommendationsOfAudit } from './recommendations';
import * as repo from './repository';
import { type Answer, type AuditAnswers, GRADE_NAMES, type Grade } from './vocab';

async function load(db: Db, actor: Actor, auditId: string, at: Date) {
  if (!/^[0-9a-f-]{36}$/i.test(auditId)) throw new NotFoundError('audit');
  const audit = await repo.audit(db, actor.organisationId, auditId);
  if (!audit) throw new NotFoundError('audit');
  const round = await repo.round(db, actor.organisationId, audit.roundId);
  if (!round) throw new NotFoundError('audit');
  const rights = await requireRights(db, actor, audit, round, at);
  return { audit, round, rights };
}

/** One audit with all it needs to show: template version, standing grades, moderation history, names. */
export async function openAudit(db: Db, actor: Actor, ctx: AuditContext, auditId: string) {
  const { audit, round, rights } = await load(db, actor, auditId, ctx.at);
  const [template, moderations, names, people, recommendations] = await Promise.all([
    repo.templateVersion(db, actor.organisationId, audit.templateVersionId),
    repo.moderations(db, actor.organisationId, audit.id),
    childNames(db, actor.organisationId, [audit.personId]),
    activeUsers(db, actor.organisationId),
    recommendationsOfAudit(db, actor.organisationId, audit.id),
  ]);
  if (!template) throw new NotFoundError('audit');
  const who = new Map(people.map((p) => [p.id, p.name]));
  await recordAudit(db, ctx, {
    action: 'qa.audit.view',
    recordType: 'child',
    recordId: audit.personId,
    detail: `audit ${audit.id}`,
  });
  return {
    audit,
    round,
    rights,
    template,
    childName: names.get(audit.personId) ?? 'Unknown child',
    auditorName: audit.auditorId ? (who.get(audit.auditorId) ?? 'Former user') : 'Not assigned',
    respondedByName: audit.respondedBy ? (who.get(audit.respondedBy) ?? 'Former user') : null,
    moderations: moderations.map((m) => ({
      ...m,
      byName: m.moderatedBy ? (who.get(m.moderatedBy) ?? 'Former user') : '',
    })),
    grades: standingGrades(audit.answers, audit.overallGrade as Grade | null, moderations),
    incomplete: incompleteSections(template.definition, audit.answers),
    recommendations: recommendations.map((r) => ({ ...r, ownerName: who.get(r.ownerId) ?? 'Former user' })),
  };
}

export interface SectionInput {
  questions: Record<string, { answer: Answer | null; evidence: string }>;
  grade: Grade | null;
}

/** Save one section as it stands (complete or not): an auditor's work is kept as they go. Answers the next section's key, if any. */
export async function saveSection(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  auditId: string,
  sectionKey: string,
  input: SectionInput,
): Promise<string | null> {
  const { audit, rights } = await load(db, actor, auditId, ctx.at);
  if (!rights.conduct) throw new ForbiddenError('Only the auditor assigned to this audit can change it');
  if (audit.status !== 'assigned' && audit.status !== 'in_progress')
    throw new ForbiddenError('This audit has been submitted and can no longer be changed');
  const template = await repo.templateVersion(db, actor.organisationId, audit.templateVersionId);
  const section = template?.definition.sections.find((s) => s.key === sectionKey);
  if (!section) throw new NotFoundError('section');
  const questions: SectionInput['questions'] = {};
  for (const q of section.questions)
    questions[q.key] = input.questions[q.key] ?? { answer: null, evidence: '' };
  const answers: AuditAnswers = { ...audit.answers, [sectionKey]: { questions, grade: input.grade } };
  await db.transaction(async (tx) => {
    await repo.updateAudit(tx, actor.organisationId, audit.id, {
      answers,
      status: 'in_progress',
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'qa.audit.save',
      recordType: 'child',
      recordId: audit.personId,
      detail: `audit ${audit.id} section ${sectionKey}`,
    });
  });
  const sections = template!.definition.sections;
  return sections[sections.indexOf(section) + 1]?.key ?? null;
}

/** Submit for moderation: every section complete, an overall grade and a narrative. */
export async function submitAudit(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  auditId: string,
  input: { overallGrade: Grade | null; narrative: string },
) {
  const { audit, rights } = await load(db, actor, auditId, ctx.at);
  if (!rights.conduct) throw new ForbiddenError('Only the auditor assigned to this audit can submit it');
  if (audit.status !== 'assigned' && audit.status !== 'in_progress')
    throw new ForbiddenError('This audit has already been submitted');
  const template = await repo.templateVersion(db, actor.organisationId, audit.templateVersionId);
  const fields: Record<string, string> = {};
  const missing = template ? incompleteSections(template.definition, audit.answers) : [];
  if (missing.length) fields.sections = `Complete every question and the grade of: ${missing.join('; ')}`;
  if (!input.overallGrade) fields.overallGrade = 'Select the overall grade';
  if (!input.narrative.trim())
    fields.narrative = 'Enter the narrative: what the audit found and why the grade';
  await db.transaction(async (tx) => {
    // Whatever the auditor wrote is kept even when the audit cannot be submitted yet.
    await repo.updateAudit(tx, actor.organisationId, audit.id, {
      overallGrade: input.overallGrade,
      narrative: input.narrative.trim() || null,
      updatedAt: ctx.at,
      ...(Object.keys(fields).length ? {} : { status: 'submitted', submittedAt: ctx.at }),
    });
    await recordAudit(tx, ctx, {
      action: Object.keys(fields).length ? 'qa.audit.save' : 'qa.audit.submit',
      recordType: 'child',
      recordId: audit.personId,
      detail: `audit ${audit.id}`,
    });
  });
  if (Object.keys(fields).length) throw new ValidationError(fields);
}

export interface ModerationDecision {
  /** null: the overall grade. */
  sectionKey: string | null;
  grade: Grade | null;
  reason: string;
}

/**
 * Moderate a submitted audit: each grade agreed or changed (a change needs a
 * reason). The auditor's grades stay; the moderation is added beside them,
 * and the audit is shared with the worker and their manager.
 */
export async function moderateAudit(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  auditId: string,
  decisions: ModerationDecision[],
) {
  const { audit, rights } = await load(db, actor, auditId, ctx.at);
  if (!rights.moderate) throw new ForbiddenError('Only a quality assurance officer can moderate an audit');
  if (audit.status !== 'submitted') throw new ForbiddenError('Only a submitted audit can be moderated');
  const template = await repo.templateVersion(db, actor.organisationId, audit.templateVersionId);
  if (!template) throw new NotFoundError('audit');
  const fields: Record<string, string> = {};
  const rows: Array<Parameters<typeof repo.insertModerations>[1][number]> = [];
  const keys: Array<{ key: string | null; title: string; auditor: Grade | null }> = [
    ...template.definition.sections.map((s) => ({
      key: s.key,
      title: s.title,
      auditor: audit.answers[s.key]?.grade ?? null,
    })),
    { key: null, title: 'the overall grade', auditor: audit.overallGrade as Grade | null },
  ];
  for (const k of keys) {
    const d = decisions.find((x) => x.sectionKey === k.key);
    const field = k.key ? `grade-${k.key}` : 'grade-overall';
    if (!d?.grade) {
      fields[field] = `Select the grade for ${k.title}`;
      continue;
    }
    const changed = d.grade !== k.auditor;
    if (changed && !d.reason.trim())
      fields[k.key ? `reason-${k.key}` : 'reason-overall'] =
        `Enter why the grade for ${k.title} changes from ${k.auditor ? GRADE_NAMES[k.auditor] : 'none'} to ${GRADE_NAMES[d.grade]}`;
    rows.push({
      organisationId: actor.organisationId,
      auditId: audit.id,
      sectionKey: k.key,
      auditorGrade: k.auditor,
      grade: d.grade,
      reason: d.reason.trim() || null,
      moderatedAt: ctx.at,
      moderatedBy: actor.userId,
    });
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const changes = rows.filter((r) => r.grade !== r.auditorGrade).length;
  await db.transaction(async (tx) => {
    await repo.insertModerations(tx, rows);
    await repo.updateAudit(tx, actor.organisationId, audit.id, {
      status: 'shared',
      moderatedAt: ctx.at,
      moderatedBy: actor.userId,
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'qa.audit.moderate',
      recordType: 'child',
      recordId: audit.personId,
      detail: `audit ${audit.id}: ${changes} grades changed`,
    });
  });
}

/** The worker or their manager responds to a shared audit. */
export async function respondToAudit(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  auditId: string,
  response: string,
) {
  const { audit, rights } = await load(db, actor, auditId, ctx.at);
  if (!rights.respond || audit.status !== 'shared')
    throw new ForbiddenError('Only the worker or team manager can respond, once the audit is shared');
  const text = response.trim();
  if (!text) throw new ValidationError({ response: 'Enter your response to the audit' });
  if (text.length > 5000)
    throw new ValidationError({ response: 'The response must be 5,000 characters or fewer' });
  await db.transaction(async (tx) => {
    await repo.updateAudit(tx, actor.organisationId, audit.id, {
      status: 'responded',
      response: text,
      respondedAt: ctx.at,
      respondedBy: actor.userId,
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'qa.audit.respond',
      recordType: 'child',
      recordId: audit.personId,
      detail: `audit ${audit.id}`,
    });
  });
}

export async function closeAudit(db: Db, actor: Actor, ctx: AuditContext, auditId: string) {
  const { audit, rights } = await load(db, actor, auditId, ctx.at);
  if (!rights.moderate) throw new ForbiddenError('Only a quality assurance officer can close an audit');
  if (audit.status !== 'shared' && audit.status !== 'responded')
    throw new ForbiddenError('Only a moderated audit can be closed');
  await db.transaction(async (tx) => {
    await repo.updateAudit(tx, actor.organisationId, audit.id, {
      status: 'closed',
      closedAt: ctx.at,
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'qa.audit.close',
      recordType: 'child',
      recordId: audit.personId,
      detail: `audit ${audit.id}`,
    });
  });
}
