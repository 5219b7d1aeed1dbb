/** What the risk record pages and panel show: dates formatted, factors in the form's order. */
import { formatDate } from '../../platform/http/views';
import {
  ASSESSMENT_STATUS_TEXT,
  type AssessmentStatus,
  factorsOfConcern,
  RISK_ANSWER_LABELS,
  RISK_FACTORS,
  type RiskAnswer,
} from './risk';
import type { AssessmentToUpdate, riskRecordsOf } from './risk-records';

type Records = Awaited<ReturnType<typeof riskRecordsOf>>;

export function statusView(status: AssessmentStatus) {
  const since = 'since' in status ? status.since : null;
  const text =
    status.state === 'after_episode'
      ? `To update: episode ${formatDate(since)}`
      : status.state === 'review_overdue'
        ? `Review was due ${formatDate(since)}`
        : ASSESSMENT_STATUS_TEXT[status.state];
  const tag =
    status.state === 'current'
      ? 'govuk-tag--green'
      : status.state === 'not_needed'
        ? 'govuk-tag--grey'
        : 'govuk-tag--red';
  return { state: status.state, text, tag, prompt: tag === 'govuk-tag--red' };
}

/** The panel on the child's record: the latest of each, briefly. */
export function riskPanel(records: Records) {
  const a = records.assessment;
  const p = records.plan;
  return {
    status: statusView(records.status),
    assessment: a
      ? {
          completed: `${formatDate(a.completedOn)} by ${a.completedBy}`,
          review: a.reviewOn ? formatDate(a.reviewOn) : 'Not set',
          concerns: factorsOfConcern(a.factors as never),
        }
      : null,
    plan: p
      ? {
          updated: formatDate(p.recordedAt),
          seenByChild: p.seenByChild
            ? `Yes${p.seenByChildOn ? `, ${formatDate(p.seenByChildOn)}` : ''}`
            : 'No',
        }
      : null,
  };
}

/** The full records page. */
export function riskRecordsPage(records: Records) {
  const a = records.assessment;
  const p = records.plan;
  return {
    title: 'Missing: risk records',
    status: statusView(records.status),
    assessment: a
      ? {
          factors: RISK_FACTORS.map((f) => ({
            label: f.label,
            answer: RISK_ANSWER_LABELS[a.factors[f.key]?.answer as RiskAnswer] ?? 'Not answered',
            yes: a.factors[f.key]?.answer === 'yes',
            details: a.factors[f.key]?.details ?? '',
          })),
          summary: a.summary,
          actions: a.actions ?? 'Not recorded',
          reviewOn: a.reviewOn ? formatDate(a.reviewOn) : 'Not set',
          completed: `${formatDate(a.completedOn)} by ${a.completedBy}`,
          versions: records.assessmentVersions,
        }
      : null,
    plan: p
      ? {
          likelihoodFactors: p.likelihoodFactors,
          protectiveFactors: p.protectiveFactors ?? 'Not recorded',
          contacts: p.contacts ?? 'Not recorded',
          seenByChild: p.seenByChild
            ? `Yes${p.seenByChildOn ? `, ${formatDate(p.seenByChildOn)}` : ''}`
            : 'No',
          updated: formatDate(p.recordedAt),
          versions: records.planVersions,
        }
      : null,
  };
}

export function riskListRows(rows: AssessmentToUpdate[]) {
  return rows.map((r) => ({
    personId: r.personId,
    childName: r.childName,
    status: statusView(r.status),
  }));
}
