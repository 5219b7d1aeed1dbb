/**
 * The public site's reading (no sign-in): committees, their meetings with a
 * published pack, and the public pack of the latest version. Nothing here
 * reads a non-public pack, a draft or an agenda that is not published.
 */
import type { Db } from '../../platform/db/client';
import { NotFoundError } from '../../platform/errors';
import type { Pack } from './pack';
import * as repo from './repository';

export async function publicOrganisation(db: Db, code: string) {
  const org = await repo.organisationByCode(db, code);
  if (!org) throw new NotFoundError('organisation');
  return org;
}

export const publicOrganisations = (db: Db) => repo.allOrganisations(db);

export async function publicCommittees(db: Db, organisationId: string) {
  return (await repo.listCommittees(db, organisationId)).map((c) => ({ id: c.id, name: c.name }));
}

export async function publicCommittee(db: Db, organisationId: string, committeeId: string) {
  const committee = await repo.committeeById(db, organisationId, committeeId);
  if (!committee) throw new NotFoundError('committee');
  const meetings = await repo.meetingsOf(db, organisationId, committeeId);
  const published = await repo.publishedMeetingIds(
    db,
    organisationId,
    meetings.map((m) => m.id),
  );
  const members = await repo.membersOf(db, organisationId, committeeId);
  return {
    committee: {
      id: committee.id,
      name: committee.name,
      duties: committee.duties,
      frequency: committee.frequency,
      quorum: committee.quorum,
      memberCount: committee.memberCount,
    },
    members: members.map((m) => ({ name: m.name, role: m.role })),
    meetings: meetings.map((m) => ({
      id: m.id,
      date: m.date,
      startTime: m.startTime,
      venue: m.venue,
      published: published.has(m.id),
    })),
  };
}

/** The latest public pack of a meeting; a meeting with none published is not found. */
export async function publicPack(db: Db, organisationId: string, meetingId: string) {
  const meeting = await repo.meetingById(db, organisationId, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  const row = await repo.publication(db, organisationId, meetingId);
  if (!row) throw new NotFoundError('pack');
  return {
    committeeId: meeting.committeeId,
    pack: row.publicPack as Pack,
    version: row.version,
    publishedAt: row.publishedAt,
  };
}
