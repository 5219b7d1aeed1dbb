/** What the missing pages show, mapped from the service's records (no queries here). */
import { formatDate, formatDateTime } from '../../platform/http/views';
import type { Clock, Light } from './clocks';
import type { openEpisode } from './episode';
import type { EpisodeSummary } from './overview';
import {
  EPISODE_TYPE_LABELS,
  type EpisodeType,
  HIGH_RISK_LABELS,
  POLICE_RISK_LABELS,
  type PoliceRisk,
} from './vocab';

export const LIGHT_LABELS: Record<Light, string> = {
  red: 'Overdue',
  amber: 'Due soon',
  green: 'Not yet due',
  done: 'Done',
  done_late: 'Done late',
};
export const LIGHT_TAGS: Record<Light, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--yellow',
  green: 'govuk-tag--green',
  done: 'govuk-tag--blue',
  done_late: 'govuk-tag--orange',
};

export function clockRow(c: Clock) {
  return {
    name: c.key === 'strategy_meeting' ? `${c.name} ${c.sequence}` : c.name,
    due: c.unit === 'hours' ? formatDateTime(c.dueAt) : `by the end of ${formatDate(c.dueDate)}`,
    done: c.doneAt ? (c.key === 'strategy_meeting' ? formatDate(c.doneAt) : formatDateTime(c.doneAt)) : '',
    light: c.light,
    label: LIGHT_LABELS[c.light],
    tag: LIGHT_TAGS[c.light],
  };
}

const riskText = (s: EpisodeSummary) =>
  s.risk.level === 'not_classified'
    ? 'Not yet classified'
    : `${POLICE_RISK_LABELS[s.risk.level as PoliceRisk]}${s.risk.byLocalRule ? ' (local rule)' : ''}`;

export function summaryRow(s: EpisodeSummary) {
  const m = s.merged;
  return {
    id: s.id,
    personId: s.personId,
    childName: s.childName,
    href: s.id ? `/missing/episodes/${s.id}` : null,
    recordHref: s.id
      ? null
      : `/children/${s.personId}/missing/new?ssd=${encodeURIComponent(m.imported!.sourceId)}`,
    source: m.recorded && m.imported ? 'Recorded and SSD' : m.recorded ? 'Recorded' : 'SSD extract',
    ssdId: m.imported?.sourceId ?? null,
    type: EPISODE_TYPE_LABELS[m.type as EpisodeType],
    start: m.startTimeKnown ? formatDateTime(m.startAt) : formatDate(m.startAt),
    end: m.endAt ? (m.recorded?.endAt ? formatDateTime(m.endAt) : formatDate(m.endDate)) : '',
    missingNow: s.missingNow,
    risk: riskText(s),
    riskHigh: s.risk.level === 'high',
    lookedAfter: s.lookedAfter,
    clocks: s.clocks.map(clockRow),
    attention: s.attention.map(clockRow),
    overdue: s.clocks.filter((c) => c.light === 'red').length,
  };
}

export function followUpRows(rows: readonly EpisodeSummary[]) {
  return rows.map(summaryRow);
}

export function episodePage(page: Awaited<ReturnType<typeof openEpisode>>, childName: string) {
  const { row, summary, types, attempts, meetings, interview } = page;
  const i = interview.current;
  return {
    title: `Missing episode: ${childName}`,
    childName,
    episode: summaryRow(summary),
    row: {
      id: row.id,
      personId: row.personId,
      reportedBy: row.reportedBy,
      reportedAt: formatDateTime(row.reportedAt),
      policeReference: row.policeReference,
      policeRisk: row.policeRisk ? POLICE_RISK_LABELS[row.policeRisk as PoliceRisk] : 'Not yet classified',
      riskWorkedTo: [
        summaryRow(summary).risk,
        ...summary.riskReasons.map((r) => HIGH_RISK_LABELS[r] ?? r),
      ].join('; '),
      withWhom: row.withWhom,
      whereFound: row.whereFound,
      ended: row.endAt !== null,
    },
    types: types.map((t) => ({
      type: EPISODE_TYPE_LABELS[t.type as EpisodeType] ?? t.type,
      from: formatDateTime(t.fromAt),
    })),
    attempts: attempts.map((a) => ({ at: formatDateTime(a.at), contacted: a.contacted, result: a.result })),
    meetings: meetings.map((m) => ({
      heldOn: formatDate(m.heldOn),
      chair: m.chair,
      attendees: m.attendees,
      decisions: m.decisions,
      nextDate: m.nextDate ? formatDate(m.nextDate) : '',
    })),
    interview: i
      ? {
          offered: i.offeredAt ? formatDateTime(i.offeredAt) : '',
          offeredBy: i.offeredBy,
          independent: i.independent === null ? '' : i.independent ? 'Yes' : 'No',
          response:
            i.response === 'accepted' ? 'Accepted' : i.response === 'declined' ? 'Declined' : 'No answer yet',
          respondedOn: i.respondedOn ? formatDate(i.respondedOn) : '',
          socialWorkerOffered: i.socialWorkerOffered === null ? '' : i.socialWorkerOffered ? 'Yes' : 'No',
          completedOn: i.completedOn ? formatDate(i.completedOn) : '',
          completedBy: i.completedBy,
          childAccount: i.childAccount,
          pushFactors: i.pushFactors,
          pullFactors: i.pullFactors,
          whereWent: i.whereWent,
          withWhom: i.withWhom,
          exploitationConcerns: i.exploitationConcerns,
          actions: i.actions,
          saves: interview.history.length,
        }
      : null,
  };
}
