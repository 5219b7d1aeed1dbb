/** Committee vocabularies (../shared/reference/vocabularies.md, "Committees"). */

export const MEMBER_ROLES = ['chairman', 'deputy_chairman', 'member', 'co_opted'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_NAMES: Record<MemberRole, string> = {
  chairman: 'Chairman',
  deputy_chairman: 'Deputy chairman',
  member: 'Member',
  co_opted: 'Co-opted member',
};

export const MEETING_STATUSES = [
  'scheduled',
  'agenda_published',
  'held',
  'minutes_draft',
  'minutes_approved',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_NAMES: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  agenda_published: 'Agenda published',
  held: 'Held',
  minutes_draft: 'Minutes in draft',
  minutes_approved: 'Minutes approved',
};

/** The one status a meeting may move to next, or null at the end. */
export function nextStatus(status: MeetingStatus): MeetingStatus | null {
  const i = MEETING_STATUSES.indexOf(status);
  return MEETING_STATUSES[i + 1] ?? null;
}

/** Schedule 12A, Part 1 (England): the exempt information paragraphs. */
export const SCHEDULE_12A: Record<number, string> = {
  1: 'Information relating to any individual',
  2: 'Information which is likely to reveal the identity of an individual',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information)',
  4: 'Information relating to any consultations or negotiations in connection with any labour relations matter',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings',
  6: 'Information which reveals that the authority proposes to give a notice, or to make an order or direction',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime',
};
export const PARAGRAPHS = [1, 2, 3, 4, 5, 6, 7] as const;

export const PURPOSES = ['information', 'decision'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const PURPOSE_NAMES: Record<Purpose, string> = {
  information: 'For Information',
  decision: 'For Decision',
};

export const REPORT_STATUSES = ['draft', 'awaiting_sign_off', 'signed_off', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_NAMES: Record<ReportStatus, string> = {
  draft: 'Draft',
  awaiting_sign_off: 'Awaiting sign-off',
  signed_off: 'Signed off',
  accepted: 'Accepted by the clerk',
};
