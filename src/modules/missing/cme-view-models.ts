/** What the children missing education pages show, mapped from the service's records (no queries here). */
import { formatDate } from '../../platform/http/views';
import type { CmeLight, LitCmeClock } from './cme-rules';
import type { CmeWithClocks, openCme } from './cme-service';
import {
  CME_OUTCOME_LABELS,
  CME_REASON_LABELS,
  type CmeOutcome,
  type CmeReason,
  REPORTER_KIND_LABELS,
  type ReporterKind,
} from './cme-vocab';
import { LIGHT_LABELS, LIGHT_TAGS } from './view-models';

const LABELS: Record<CmeLight, string> = { ...LIGHT_LABELS, too_early: 'Taken off roll too early' };
const TAGS: Record<CmeLight, string> = { ...LIGHT_TAGS, too_early: 'govuk-tag--red' };

export function cmeClockRow(k: LitCmeClock) {
  return {
    name: k.name,
    due: k.key === 'off_roll' ? `not before ${formatDate(k.dueOn)}` : `by the end of ${formatDate(k.dueOn)}`,
    done: k.doneOn ? formatDate(k.doneOn) : '',
    light: k.light,
    label: LABELS[k.light],
    tag: TAGS[k.light],
  };
}

function summary(c: CmeWithClocks) {
  const { row, clocks } = c;
  const rows = clocks.map(cmeClockRow);
  return {
    id: row.id,
    personId: row.personId,
    href: `/missing/cme/${row.id}`,
    school: row.school,
    firstAbsent: formatDate(row.firstAbsentOn),
    reason: CME_REASON_LABELS[row.reason as CmeReason] ?? row.reason,
    outcome: row.outcome
      ? (CME_OUTCOME_LABELS[row.outcome as CmeOutcome] ?? row.outcome)
      : 'Enquiries continuing',
    closed: row.closedOn ? formatDate(row.closedOn) : null,
    clocks: rows,
    attention: rows.filter((k) => k.light === 'red' || k.light === 'amber' || k.light === 'too_early'),
  };
}

export function cmeListRows(rows: ReadonlyArray<CmeWithClocks & { childName: string }>) {
  return rows.map((r) => ({ ...summary(r), childName: r.childName }));
}

export function cmePanelRows(rows: readonly CmeWithClocks[]) {
  return rows.map(summary);
}

export function cmeCasePage(page: Awaited<ReturnType<typeof openCme>>, childName: string) {
  const { row } = page;
  return {
    title: `Missing education: ${childName}`,
    childName,
    case: summary(page),
    details: {
      reportedOn: formatDate(row.reportedOn),
      reporter: `${row.reportedBy} (${REPORTER_KIND_LABELS[row.reporterKind as ReporterKind] ?? row.reporterKind})`,
      reasonDetails: row.reasonDetails,
      located: row.locatedOn ? formatDate(row.locatedOn) : '',
      offRoll: row.offRollOn ? formatDate(row.offRollOn) : '',
      recordsTransferred: row.recordsTransferredOn ? formatDate(row.recordsTransferredOn) : '',
    },
    enquiries: page.enquiries.map((e) => ({
      madeOn: formatDate(e.madeOn),
      contacted: e.contacted,
      result: e.result,
    })),
  };
}
