/**
 * Findings of an audit: strengths and areas for development, each tagged
 * with themes from the organisation's editable list. The auditor records them
 * while the audit is open; a QA officer may add or remove them until it is
 * closed. Every change is access-audited against the child.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import { requireRights } from './audit-access';
import * as repo from './findings-repository';
import { QA } from './permissions';
import { audit as auditRow, round as roundRow } from './repository';

export const DEFAULT_THEMES = [
  'Management oversight',
  'Supervision',
  'SMART planning',
  'Contingency planning',
  'Contextual safeguarding',
  'Fathers and wider family',
  "The child's voice",
  'Chronology quality',
  'Missing episodes',
  'Thresholds',
  'Recording delays',
  'Direct work',
] as const;

export const FINDING_KINDS = ['strength', 'development'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_KIND_NAMES: Record<FindingKind, string> = {
  strength: 'Strength',
  development: 'Area for development',
};
const MAX_THEME = 80;
const MAX_FINDING = 2000;

/** The organisation's themes (retired ones too, marked); the default list is laid down the first time. */
export async function themeList(db: Db, organisationId: string, at: Date) {
  let rows = await repo.themes(db, organisationId);
  if (!rows.length) {
    await repo.insertThemes(
      db,
      DEFAULT_THEMES.map((name, i) => ({ organisationId, name, position: i + 1, createdAt: at })),
    );
    rows = await repo.themes(db, organisationId);
  }
  return rows;
}

function themeName(name: string, taken: ReadonlyArray<{ id: string; name: string }>, exceptId?: string) {
  const t = name.trim().replace(/\s+/g, ' ');
  if (!t) throw new ValidationError({ name: 'Enter the name of the theme' });
  if (t.length > MAX_THEME)
    throw new ValidationError({ name: `The name must be ${MAX_THEME} characters or fewer` });
  if (taken.some((x) => x.id !== exceptId && x.name.toLowerCase() === t.toLowerCase()))
    throw new ValidationError({ name: `There is already a theme called ${t}` });
  return t;
}

export async function addTheme(db: Db, actor: Actor, ctx: AuditContext, name: string) {
  if (!can(actor, QA.themes)) throw new ForbiddenError();
  const all = await themeList(db, actor.organisationId, ctx.at);
  const t = themeName(name, all);
  await db.transaction(async (tx) => {
    await repo.insertThemes(tx, [
      {
        organisationId: actor.organisationId,
        name: t,
        position: Math.max(0, ...all.map((x) => x.position)) + 1,
        createdAt: ctx.at,
      },
    ]);
    await recordAudit(tx, ctx, { action: 'qa.theme.add', recordType: 'qa_theme', detail: t });
  });
}

/** Rename a theme, or retire it (kept on past findings, no longer offered) or bring it back. */
export async function changeTheme(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  change: { name?: string; retired?: boolean },
) {
  if (!can(actor, QA.themes)) throw new ForbiddenError();
  const all = await themeList(db, actor.organisationId, ctx.at);
  const theme = all.find((t) => t.id === id);
  if (!theme) throw new NotFoundError('theme');
  const name = change.name === undefined ? undefined : themeName(change.name, all, id);
  await db.transaction(async (tx) => {
    await repo.updateTheme(tx, actor.organisationId, id, {
      ...(name ? { name } : {}),
      ...(change.retired === undefined ? {} : { retired: change.retired }),
    });
    await recordAudit(tx, ctx, {
      action: 'qa.theme.change',
      recordType: 'qa_theme',
      recordId: id,
      detail: name
        ? `${theme.name} renamed ${name}`
        : `${theme.name} ${change.retired ? 'retired' : 'in use again'}`,
    });
  });
}

async function loadForFindings(db: Db, actor: Actor, auditId: string, at: Date) {
  const audit = await auditRow(db, actor.organisationId, auditId);
  if (!audit) throw new NotFoundError('audit');
  const round = await roundRow(db, actor.organisationId, audit.roundId);
  if (!round) throw new NotFoundError('audit');
  const rights = await requireRights(db, actor, audit, round, at);
  const open = audit.status === 'assigned' || audit.status === 'in_progress';
  const mayChange = (rights.conduct && open) || (rights.moderate && audit.status !== 'closed');
  return { audit, round, rights, mayChange };
}

/** An audit's findings with their theme names, and whether the actor may change them. Not access-audited: the audit page records the read. */
export async function auditFindings(db: Db, actor: Actor, ctx: AuditContext, auditId: string) {
  const { audit, mayChange } = await loadForFindings(db, actor, auditId, ctx.at);
  const [rows, themes] = await Promise.all([
    repo.findingsOfAudit(db, actor.organisationId, audit.id),
    themeList(db, actor.organisationId, ctx.at),
  ]);
  const names = new Map(themes.map((t) => [t.id, t.name]));
  return {
    audit,
    mayChange,
    themes: themes.filter((t) => !t.retired),
    findings: rows.map((f) => ({
      ...f,
      themeNames: f.themeIds.map((id) => names.get(id)).filter((n): n is string => !!n),
    })),
  };
}

export interface FindingInput {
  kind: string;
  text: string;
  themeIds: string[];
}

export async function addFinding(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  auditId: string,
  input: FindingInput,
) {
  const { audit, mayChange } = await loadForFindings(db, actor, auditId, ctx.at);
  if (!mayChange) throw new ForbiddenError('The findings of this audit can no longer be changed');
  const themes = (await themeList(db, actor.organisationId, ctx.at)).filter((t) => !t.retired);
  const fields: Record<string, string> = {};
  if (!(FINDING_KINDS as readonly string[]).includes(input.kind))
    fields.kind = 'Select whether this is a strength or an area for development';
  const text = input.text.trim();
  if (!text) fields.text = 'Enter the finding: what the audit found';
  else if (text.length > MAX_FINDING)
    fields.text = `The finding must be ${MAX_FINDING.toLocaleString('en-GB')} characters or fewer`;
  const ids = [...new Set(input.themeIds)];
  if (!ids.length) fields.themeIds = 'Select at least one theme';
  else if (ids.some((id) => !themes.some((t) => t.id === id)))
    fields.themeIds = 'Select themes from the list';
  if (Object.keys(fields).length) throw new ValidationError(fields);
  await db.transaction(async (tx) => {
    const row = await repo.insertFinding(tx, {
      organisationId: actor.organisationId,
      auditId: audit.id,
      roundId: audit.roundId,
      kind: input.kind,
      text,
      themeIds: ids,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'qa.finding.add',
      recordType: 'child',
      recordId: audit.personId,
      detail: `finding ${row.id} on audit ${audit.id}`,
    });
  });
}

export async function removeFinding(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  auditId: string,
  findingId: string,
) {
  const { audit, mayChange } = await loadForFindings(db, actor, auditId, ctx.at);
  if (!mayChange) throw new ForbiddenError('The findings of this audit can no longer be changed');
  await db.transaction(async (tx) => {
    const gone = await repo.deleteFinding(tx, actor.organisationId, audit.id, findingId);
    if (!gone.length) throw new NotFoundError('finding');
    await recordAudit(tx, ctx, {
      action: 'qa.finding.remove',
      recordType: 'child',
      recordId: audit.personId,
      detail: `finding ${findingId} on audit ${audit.id}`,
    });
  });
}
