/** The committee module's permissions and who may read which papers. */
import type { AuditContext } from '../../platform/audit/service';
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { ForbiddenError } from '../../platform/errors';
import { type Actor, can, type PermissionSet } from '../../platform/permissions';
import { committeeIdsOfUser } from './repository';

export const COMMITTEE = {
  read: 'committee.read',
  manage: 'committee.manage',
  draft: 'committee.report.draft',
  signOff: 'committee.report.signoff',
  glossary: 'committee.glossary',
} as const;

export const committeePermissions: PermissionSet = {
  [COMMITTEE.read]: {
    description:
      'Read committees, meetings and agendas; a committee member reads only their own committees, with their non-public papers (never child-level records)',
    roles: ['committee_clerk', 'committee_member', 'senior_leader', 'service_manager', 'qa_officer'],
  },
  [COMMITTEE.manage]: {
    description:
      'Run committee business: committees, members, meetings, agendas, acceptance of reports and publication',
    roles: ['committee_clerk'],
  },
  [COMMITTEE.draft]: {
    description: 'Draft committee reports for an agenda item and send them for sign-off',
    roles: ['committee_clerk', 'service_manager', 'qa_officer', 'senior_leader'],
  },
  [COMMITTEE.glossary]: {
    description: 'Keep the organisation’s glossary of acronyms, which the clerk may add to a pack',
    roles: ['committee_clerk', 'administrator'],
  },
  [COMMITTEE.signOff]: {
    description: 'Sign off committee reports sent to you',
    roles: ['senior_leader'],
  },
};

export function need(actor: Actor, permission: string): void {
  if (!can(actor, permission)) throw new ForbiddenError();
}

export const todayOf = (ctx: AuditContext) => londonDateOf(ctx.at);

/** A committee member's reading is limited to their own committees; other readers see all of the organisation's. */
export function limitedToOwn(actor: Actor): boolean {
  return actor.role === 'committee_member';
}

/** The committees whose papers this actor reads: "all" or the member's own committees today. */
export async function readableCommittees(db: Db, actor: Actor, today: string): Promise<'all' | Set<string>> {
  if (!limitedToOwn(actor)) return 'all';
  return new Set(await committeeIdsOfUser(db, actor.organisationId, actor.userId, today));
}

/** Who reads a meeting's non-public pack: the clerk, those who sign off, and members of that committee. */
export function mayReadNonPublic(actor: Actor, readable: 'all' | Set<string>, committeeId: string): boolean {
  if (limitedToOwn(actor)) return readable !== 'all' && readable.has(committeeId);
  return can(actor, COMMITTEE.manage) || can(actor, COMMITTEE.signOff);
}
