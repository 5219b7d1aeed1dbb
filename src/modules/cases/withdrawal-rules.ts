/**
 * Who may withdraw a wrongly recorded event: the recorder's team manager and
 * above. Pure: no database.
 *
 * - a team manager: events recorded by themselves or by someone in their team;
 * - a service manager or senior leader: any event in the organisation;
 * - nobody else (a practitioner who recorded something wrong asks their team
 *   manager; an administrator does not see children's records).
 *
 * The route also needs 'cases.events.withdraw' and the child must be one the
 * person may see.
 */
import type { Role } from '../../platform/permissions';

export function mayWithdraw(
  actor: { role: Role; userId: string; teamId: string | null },
  recorder: { userId: string | null; teamId: string | null },
): boolean {
  switch (actor.role) {
    case 'service_manager':
    case 'senior_leader':
      return true;
    case 'team_manager':
      return (
        (recorder.userId !== null && recorder.userId === actor.userId) ||
        (actor.teamId !== null && recorder.teamId === actor.teamId)
      );
    default:
      return false;
  }
}

/** A reason is required, in words: at least a few characters, at most a paragraph. */
export const WITHDRAWAL_REASON_MAX = 1000;
