import { describe, expect, it } from 'vitest';
import type { DocAction } from './document';
import { actionsToShow, completedOnOf, outstandingHtml, outstandingRows } from './outstanding-list';
import { DEFAULT_RAG_KEY } from './vocab';

const action = (reference: string, over: Partial<DocAction> = {}): DocAction => ({
  actionId: reference,
  reference,
  aim: null,
  source: { kind: 'committee', detail: null },
  action: `Action ${reference}`,
  startDate: '2026-03-01',
  endDate: '2026-06-01',
  measure: null,
  outcomeForChildren: null,
  leadOfficer: {
    leadId: 'l1',
    jobTitle: 'Head of Service, Children in Care',
    initials: 'HS',
    holderName: 'A Person',
  },
  seniorLead: null,
  areaLead: null,
  rag: 'green',
  ragReviewedOn: '2026-03-01',
  addedOn: '2026-03-01',
  completedOn: null,
  completionEvidence: null,
  overdue: false,
  stale: false,
  latestUpdate: null,
  dateAdded: '2026-03-01',
  agendaItem: 'Item 5: Safeguarding performance',
  homePlan: null,
  ...over,
});

describe('which outstanding actions the next list shows', () => {
  const open = action('1', { rag: 'amber' });
  const doneBefore = action('2', { rag: 'blue', completedOn: '2026-05-01' });
  const doneSince = action('3', { rag: 'blue', completedOn: '2026-06-10' });
  const doneOnTheDay = action('4', { rag: 'blue', completedOn: '2026-06-03' });
  const doneUndated = action('5', { rag: 'blue', completedOn: null, ragReviewedOn: null });
  const all = [open, doneBefore, doneSince, doneOnTheDay, doneUndated];

  it('shows open actions and those completed since the previous list; drops those completed before it', () => {
    expect(actionsToShow(all, '2026-06-03').map((a) => a.reference)).toEqual(['1', '3', '4']);
  });

  it('shows every action, completed or not, on a committee’s first list', () => {
    expect(actionsToShow(all, null).map((a) => a.reference)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('a completed action shows once: on the list after its completion, not on the one after that', () => {
    expect(actionsToShow([doneSince], '2026-06-03')).toHaveLength(1);
    expect(actionsToShow([doneSince], '2026-09-02')).toHaveLength(0);
  });

  it('takes the date it was rated complete when no completion date was kept', () => {
    expect(completedOnOf(action('6', { rag: 'blue', ragReviewedOn: '2026-07-01' }))).toBe('2026-07-01');
    expect(completedOnOf(open)).toBeNull();
  });
});

describe('the rendered list', () => {
  it('prints the post, the item it arose from, the status and the latest update, escaped', () => {
    const rows = outstandingRows(
      [
        action('1', {
          rag: 'red',
          action: 'Report <figures> by team',
          latestUpdate: {
            updateId: 'u',
            date: '2026-05-20',
            progress: 'Draft ready',
            focus: null,
            authorName: 'X',
          },
        }),
        action('2', { rag: 'blue', completedOn: '2026-06-10' }),
      ],
      DEFAULT_RAG_KEY,
      '2026-06-03',
    );
    expect(rows[0]).toMatchObject({
      officer: 'Head of Service, Children in Care',
      arising: 'Meeting of 1 March 2026, Item 5: Safeguarding performance',
      status: 'Red',
      latestUpdate: '20 May 2026: Draft ready',
    });
    const html = outstandingHtml({
      committeeName: 'Sub-Committee',
      asAt: '2026-06-20',
      previousListOn: '2026-06-03',
      rows,
    });
    expect(html).toContain('Report &lt;figures&gt; by team');
    expect(html).toContain('Completed on 10 June 2026');
    expect(html).toContain('<caption');
    expect(html).not.toContain('A Person');
  });

  it('says so when there is nothing outstanding', () => {
    expect(
      outstandingHtml({ committeeName: 'C', asAt: '2026-06-20', previousListOn: null, rows: [] }),
    ).toContain('There are no outstanding actions.');
  });
});
