/**
 * Audit templates: a QA officer builds one and edits it; each edit is a new
 * version, so an audit keeps the version it was done on.
 */
import { randomUUID } from 'node:crypto';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import { QA } from './permissions';
import * as repo from './repository';
import { parseTemplateText } from './template-text';

export interface TemplateInput {
  name: string;
  text: string;
}

function checked(input: TemplateInput) {
  const name = input.name.trim();
  const fields: Record<string, string> = {};
  if (!name) fields.name = 'Enter the name of the template';
  else if (name.length > 200) fields.name = 'The name must be 200 characters or fewer';
  const parsed = parseTemplateText(input.text);
  if (!parsed.ok) fields.text = parsed.message;
  if (Object.keys(fields).length || !parsed.ok) throw new ValidationError(fields);
  return { name, definition: parsed.definition };
}

function mayManage(actor: Actor) {
  if (!can(actor, QA.templates)) throw new ForbiddenError();
}

export async function createTemplate(db: Db, actor: Actor, ctx: AuditContext, input: TemplateInput) {
  mayManage(actor);
  const { name, definition } = checked(input);
  return db.transaction(async (tx) => {
    const row = await repo.insertTemplateVersion(tx, {
      organisationId: actor.organisationId,
      templateId: randomUUID(),
      version: 1,
      name,
      definition,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'qa.template.create',
      recordType: 'qa_template',
      recordId: row.templateId,
    });
    return row;
  });
}

/** A new version of a template: the old ones stay as they were, with the audits done on them. */
export async function editTemplate(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  templateId: string,
  input: TemplateInput,
) {
  mayManage(actor);
  const { name, definition } = checked(input);
  return db.transaction(async (tx) => {
    const [latest] = await repo.templateVersions(tx, actor.organisationId, templateId);
    if (!latest) throw new NotFoundError('template');
    const row = await repo.insertTemplateVersion(tx, {
      organisationId: actor.organisationId,
      templateId,
      version: latest.version + 1,
      name,
      definition,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'qa.template.edit',
      recordType: 'qa_template',
      recordId: templateId,
      detail: `version ${row.version}`,
    });
    return row;
  });
}

/** The newest version of every template (for choosing one for a round). */
export async function listTemplates(db: Db, actor: Actor) {
  if (!can(actor, QA.templates) && !can(actor, QA.roundsManage)) throw new ForbiddenError();
  return repo.latestTemplates(db, actor.organisationId);
}

/** A template's versions, newest first, each with how many audits were done on it. */
export async function templateHistory(db: Db, actor: Actor, templateId: string) {
  mayManage(actor);
  const versions = await repo.templateVersions(db, actor.organisationId, templateId);
  if (!versions.length) throw new NotFoundError('template');
  const used = await repo.auditsPerVersion(
    db,
    actor.organisationId,
    versions.map((v) => v.id),
  );
  return versions.map((v) => ({ ...v, audits: used.get(v.id) ?? 0 }));
}

export async function templateVersionFor(db: Db, actor: Actor, versionId: string) {
  mayManage(actor);
  const row = await repo.templateVersion(db, actor.organisationId, versionId);
  if (!row) throw new NotFoundError('template');
  return row;
}
