/** Members are told by mail when a pack of their committee is published. */
import type { Db } from '../../platform/db/client';
import { formatDate } from '../../platform/http/views';
import type { Mailer } from '../../platform/mail/service';
import * as repo from './repository';

/** Mail each member seated on the meeting's day (active accounts); returns how many were told. */
export async function tellMembersOfPublication(
  db: Db,
  mailer: Mailer,
  organisationId: string,
  meetingId: string,
  version: number,
): Promise<number> {
  const meeting = await repo.meetingById(db, organisationId, meetingId);
  if (!meeting) return 0;
  const committee = await repo.committeeById(db, organisationId, meeting.committeeId);
  if (!committee) return 0;
  const members = (await repo.membersOf(db, organisationId, committee.id)).filter(
    (m) => m.active && m.termStart <= meeting.date && (!m.termEnd || m.termEnd >= meeting.date),
  );
  const when = formatDate(meeting.date);
  for (const m of members)
    await mailer.send(db, {
      organisationId,
      to: m.email,
      toUserId: m.userId,
      subject: `${committee.name}: papers for ${when} published`,
      body:
        `The agenda and papers for the meeting of the ${committee.name} on ${when} at ${meeting.startTime} ` +
        `have been published${version > 1 ? ` (version ${version}, replacing the earlier one)` : ''}.\n\n` +
        `Sign in to Oversight to read them, the non-public papers included: /committee-business/meetings/${meetingId}\n`,
    });
  return members.length;
}
