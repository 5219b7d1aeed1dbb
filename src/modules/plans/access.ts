/**
 * Who may do what with plans: the permission names, the checks shared by
 * every plans service, and the limits on evidence files.
 */

import type { AuditContext } from '../../platform/audit/service';
import { londonDateOf } from '../../platform/clock';
import { ForbiddenError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';

export const PERMISSIONS = {
  read: 'plans.read',
  published: 'plans.published',
  update: 'plans.update',
  manage: 'plans.manage',
  committee: 'plans.committee',
  publish: 'plans.publish',
  export: 'plans.export',
  configure: 'plans.configure',
} as const;

/** Evidence files: what may be uploaded, and how big. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_EXTENSIONS = [
  'pdf',
  'docx',
  'doc',
  'xlsx',
  'xls',
  'odt',
  'ods',
  'txt',
  'csv',
  'png',
  'jpg',
  'jpeg',
];

export function need(actor: Actor, permission: string): void {
  if (!can(actor, permission)) throw new ForbiddenError();
}

export function todayOf(ctx: AuditContext): string {
  return londonDateOf(ctx.at);
}

export function canManagePlan(actor: Actor, plan: { type: string }): boolean {
  return (
    can(actor, PERMISSIONS.manage) ||
    (plan.type === 'committee_outstanding' && can(actor, PERMISSIONS.committee))
  );
}

export function needManage(actor: Actor, plan: { type: string }): void {
  if (!canManagePlan(actor, plan)) throw new ForbiddenError();
}

export function mayManagePlan(actor: Actor, plan: { type: string }): boolean {
  return canManagePlan(actor, plan);
}
