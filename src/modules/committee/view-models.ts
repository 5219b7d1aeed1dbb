/** What the committee pages show, shaped apart from the services. */
import { formatDate } from '../../platform/http/views';
import { paragraphList } from './agenda';
import type { getCommittee } from './committees-service';
import { GLOSSARY_CHOICES } from './glossary';
import type { getMeeting } from './meetings-service';
import {
  MEETING_STATUS_NAMES,
  MEMBER_ROLE_NAMES,
  type MeetingStatus,
  type MemberRole,
  nextStatus,
  PURPOSE_NAMES,
  type Purpose,
  REPORT_STATUS_NAMES,
  type ReportStatus,
} from './vocab';

export function committeeView(data: Awaited<ReturnType<typeof getCommittee>>) {
  return {
    committee: data.committee,
    clerkName: data.clerkName,
    parentName: data.parentName,
    members: data.members.map((m) => ({
      name: m.name,
      role: MEMBER_ROLE_NAMES[m.role as MemberRole] ?? m.role,
      term: `${formatDate(m.termStart)} to ${m.termEnd ? formatDate(m.termEnd) : 'no end set'}`,
    })),
    meetings: data.meetings.map((m) => ({
      id: m.id,
      date: m.date,
      time: m.startTime,
      venue: m.venue ?? 'Online',
      status: MEETING_STATUS_NAMES[m.status as MeetingStatus] ?? m.status,
    })),
  };
}

export function meetingView(data: Awaited<ReturnType<typeof getMeeting>>) {
  const { meeting, committee } = data;
  return {
    title: `${committee.name}, ${formatDate(meeting.date)}`,
    committee,
    meeting: {
      ...meeting,
      statusName: MEETING_STATUS_NAMES[meeting.status as MeetingStatus] ?? meeting.status,
    },
    glossaryChoices: GLOSSARY_CHOICES.map((c) => ({
      value: c.value,
      text: c.text,
      hint: { text: c.hint },
      checked: c.value === meeting.glossary,
    })),
    items: data.items.map((i) => {
      const report = data.reports.get(i.id);
      return {
        id: i.id,
        number: i.number,
        title: i.title,
        part: i.part,
        paragraphs: paragraphList(i.paragraphs),
        purpose: i.purpose ? PURPOSE_NAMES[i.purpose as Purpose] : null,
        fromOfficer: i.fromOfficer,
        isReport: i.standard === null,
        isElection: i.standard?.startsWith('election-') ?? false,
        reportStatus: report
          ? REPORT_STATUS_NAMES[report.status as ReportStatus]
          : i.standard === null
            ? 'Not started'
            : null,
      };
    }),
    attendance: {
      present: meeting.attendance.members
        .filter((m) => m.status === 'present')
        .map((m) => m.name)
        .join(', '),
      apologies: meeting.attendance.members
        .filter((m) => m.status === 'apologies')
        .map((m) => m.name)
        .join(', '),
      officers: meeting.attendance.officers.map((o) => `${o.name} (${o.department})`).join(', '),
    },
    nextStatus: (() => {
      const next = nextStatus(meeting.status as MeetingStatus);
      // The agenda is published by publishing the packs, not by a button.
      return next && next !== 'agenda_published' ? { value: next, text: MEETING_STATUS_NAMES[next] } : null;
    })(),
    exclusion: data.exclusion,
    publications: data.publications,
    nonPublic: data.nonPublic,
  };
}
