import { describe, expect, it } from 'vitest';
import { compareDocuments } from './compare';
import { type ActionRow, buildDocument, type PlanHeader } from './document';
import { DEFAULT_RAG_KEY, type RagCode } from './vocab';

const header: PlanHeader = {
  planId: 'p1',
  type: 'service_improvement',
  name: 'Service improvement plan',
  durationFrom: '2026-01-01',
  durationTo: '2027-03-31',
  relevantStrategies: null,
  previousVersions: null,
  monitoringBoard: null,
  owner: null,
  implementationDate: null,
  reviewDate: null,
  monitoringFrequency: 'quarterly',
  aims: null,
  committeeName: null,
};

function action(id: string, reference: string, rag: RagCode, endDate: string | null = '2026-12-31') {
  const row: ActionRow & { priorityId: string } = {
    priorityId: 'pr1',
    actionId: id,
    reference,
    aim: null,
    source: { kind: 'new', detail: null },
    action: `Action ${id}`,
    startDate: '2026-01-01',
    endDate,
    measure: null,
    outcomeForChildren: null,
    leadOfficer: null,
    seniorLead: null,
    areaLead: null,
    rag,
    ragReviewedOn: '2026-06-01',
    addedOn: '2026-01-01',
    completedOn: null,
    completionEvidence: null,
    latestUpdate: null,
    dateAdded: null,
    agendaItem: null,
    homePlan: null,
  };
  return row;
}

function doc(asAt: string, actions: ReturnType<typeof action>[]) {
  return buildDocument({
    plan: header,
    asAt,
    ragKey: DEFAULT_RAG_KEY,
    priorities: [{ priorityId: 'pr1', number: 1, title: 'Practice' }],
    actions,
  });
}

describe('snapshot comparison', () => {
  const earlier = doc('2026-06-30', [
    action('a', '1.1', 'green'),
    action('b', '1.2', 'amber'),
    action('c', '1.3', 'green', '2026-07-31'),
    action('d', '1.4', 'green'),
    action('e', '1.5', 'red'),
    action('f', '1.6', 'green'),
  ]);
  const later = doc('2026-09-30', [
    action('a', '1.1', 'green'),
    action('b', '1.2', 'blue'),
    action('c', '1.3', 'green', '2026-07-31'),
    action('d', '1.4', 'amber'),
    action('f', '1.7', 'green'),
    action('g', '1.8', 'green'),
  ]);
  const result = compareDocuments(earlier, later);

  it('lists RAG changes with from and to', () => {
    expect(result.ragChanged.map((r) => [r.reference, r.from, r.to])).toEqual([
      ['1.2', 'amber', 'blue'],
      ['1.4', 'green', 'amber'],
    ]);
  });
  it('lists actions completed since the earlier snapshot', () => {
    expect(result.completed.map((r) => r.reference)).toEqual(['1.2']);
  });
  it('lists actions that became overdue between the two dates', () => {
    expect(result.becameOverdue.map((r) => r.reference)).toEqual(['1.3']);
  });
  it('lists added and removed actions', () => {
    expect(result.added.map((r) => r.reference)).toEqual(['1.8']);
    expect(result.removed.map((r) => [r.reference, r.from])).toEqual([['1.5', 'red']]);
  });
  it('matches actions by identity, so a renumbered action is not added and removed', () => {
    expect(result.renumbered.map((r) => [r.previousReference, r.reference])).toEqual([['1.6', '1.7']]);
    expect(result.unchanged).toBe(1);
  });
  it('finds nothing between a snapshot and itself', () => {
    const same = compareDocuments(later, later);
    expect(same.ragChanged).toEqual([]);
    expect(same.added).toEqual([]);
    expect(same.removed).toEqual([]);
    expect(same.unchanged).toBe(6);
  });
  it('counts an action added already complete as completed too', () => {
    const withDone = doc('2026-09-30', [
      ...later.priorities[0]!.actions.map((a) => ({ ...a, priorityId: 'pr1' })),
      action('h', '1.9', 'blue'),
    ]);
    expect(compareDocuments(earlier, withDone).completed.map((r) => r.reference)).toEqual(['1.2', '1.9']);
  });
});
