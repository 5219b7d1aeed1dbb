import { describe, expect, it } from 'vitest';
import { parsePlanRows } from './import-rows';
import { cellText, parseDateCell } from './table-io';
import { DEFAULT_RAG_KEY, formatSource, parseSource } from './vocab';

const leads = [
  { id: 'l1', jobTitle: 'Head of Service', initials: 'HOS' },
  { id: 'l2', jobTitle: 'Team Manager', initials: null },
  { id: 'l3', jobTitle: 'Team Manager', initials: 'TM2' },
];
const context = { ragKey: DEFAULT_RAG_KEY, leads };
const header = [
  ['Plan name', 'Early help plan'],
  ['Type of plan', 'Thematic action plan'],
  ['Frequency of monitoring and reporting', 'Six-monthly'],
  [],
];
const columns = [
  'Priority',
  'Reference',
  'Action',
  'Start',
  'End',
  'Lead officer',
  'RAG',
  'Evidence of completion',
  'Progress and impact',
  'Update date',
];

describe('reading dates from cells', () => {
  it('reads spreadsheet dates and the ways people type them', () => {
    expect(parseDateCell(new Date(Date.UTC(2027, 2, 31)))).toBe('2027-03-31');
    expect(parseDateCell('2027-03-31')).toBe('2027-03-31');
    expect(parseDateCell('31/03/2027')).toBe('2027-03-31');
    expect(parseDateCell('1.4.2027')).toBe('2027-04-01');
    expect(parseDateCell('31 March 2027')).toBe('2027-03-31');
    expect(parseDateCell('5 Sept 2026')).toBe('2026-09-05');
  });
  it('refuses impossible or unreadable dates', () => {
    for (const bad of ['31/02/2027', '2027-13-01', 'next spring', '03/31/2027', '1 Smarch 2026', '']) {
      expect(parseDateCell(bad), bad).toBeUndefined();
    }
  });
  it('turns cells into text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText('  x ')).toBe('x');
    expect(cellText(new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02');
  });
});

describe('sources', () => {
  it('reads what it writes, and keeps unknown sources as typed', () => {
    for (const source of [
      { kind: 'inspection_recommendation', detail: '3' },
      { kind: 'inspection_paragraph', detail: '39' },
      { kind: 'case_audit', detail: 'April 2026 thematic audit' },
      { kind: 'survey', detail: null },
      { kind: 'committee', detail: 'Item 6' },
      { kind: 'new', detail: null },
      { kind: 'other', detail: 'Peer review' },
    ] as const) {
      expect(parseSource(formatSource(source))).toEqual(source);
    }
    expect(parseSource('inspection recommendation no. 4')).toEqual({
      kind: 'inspection_recommendation',
      detail: '4',
    });
    expect(parseSource('')).toBeUndefined();
  });
});

describe('reading a plan from rows', () => {
  it('reads a clean file', () => {
    const result = parsePlanRows(
      [
        ...header,
        columns,
        ['1. Family hubs', '1.1', 'Open hubs', '01/04/2026', '31/03/2027', 'hos', 'Green'],
        [
          '1. Family hubs',
          '1.2',
          'Recruit workers',
          null,
          null,
          'TM2',
          'blue',
          'Ten appointed',
          'All posts filled',
          '2026-10-01',
        ],
        [],
        ['2 Outcomes', '2.1', 'Measure outcomes', null, null, null, ''],
      ],
      context,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.header).toMatchObject({
      name: 'Early help plan',
      type: 'thematic',
      monitoringFrequency: 'six_monthly',
    });
    expect(result.plan.priorities).toEqual([
      { number: 1, title: 'Family hubs' },
      { number: 2, title: 'Outcomes' },
    ]);
    expect(result.plan.actions.map((a) => [a.input.reference, a.rag, a.input.leadOfficerId])).toEqual([
      ['1.1', 'green', 'l1'],
      ['1.2', 'blue', 'l3'],
      // A blank RAG is Not rated, never Green, and the import says so.
      ['2.1', 'not_rated', null],
    ]);
    expect(result.notices).toContain('1 action was left not rated: the file gives no RAG for it');
    expect(result.plan.actions[1]).toMatchObject({
      evidence: 'Ten appointed',
      updates: [{ date: '2026-10-01', progress: 'All posts filled', focus: null, authorLabel: null }],
    });
  });

  it('reports every problem with its row number and returns no plan; what it can settle is not a problem', () => {
    const result = parsePlanRows(
      [
        ['Plan name', ''],
        ['Type of plan', 'Wish list'],
        ['Colour', 'Blue'],
        [],
        [...columns, 'Mood'],
        ['1. Hubs', '1.1', 'A', null, null, 'Team Manager'],
        ['1. Hubs', '1.1', 'B'],
        ['1. Different title', '1.2', 'C'],
        ['', '1.3', 'D'],
        ['1. Hubs', '1.4', 'E', '2027-01-01', '2026-01-01', null, 'Blue'],
        ['1. Hubs', '1.5', 'F', null, null, null, null, null, 'Progress without a date'],
      ],
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map((p) => `${p.row}: ${p.message}`);
    expect(lines).toEqual([
      '1: Enter the plan name in the row labelled Plan name',
      expect.stringMatching(/^2: "Wish list" is not a type of plan/),
      expect.stringMatching(/^3: "Colour" is not a plan detail/),
      expect.stringMatching(/^6: Lead officer "Team Manager" matches more than one post/),
      expect.stringMatching(/^8: Priority 1 is called "Different title" here but "Hubs" in row 6/),
      '10: End must be the same as or after Start',
      expect.stringMatching(/^10: RAG is Blue \(complete\) but Evidence of completion is empty/),
    ]);
  });

  it('refuses control characters (a NUL byte) in any cell, naming the row and column', () => {
    const result = parsePlanRows([...header, columns, ['1', 'P1.1', 'Visit\u0000 children']], context);
    expect(!result.ok && result.problems[0]).toEqual({
      row: 6,
      column: undefined,
      message:
        'Column 3 holds a control character (such as a NUL byte), which is not text. Remove it and import the file again',
    });
  });

  it('says what to do with a file that has no header row, or no actions', () => {
    const none = parsePlanRows([['just', 'text']], context);
    expect(!none.ok && none.problems[0]!.message).toMatch(/no row of column headings/);
    const empty = parsePlanRows([...header, columns], context);
    expect(!empty.ok && empty.problems[0]).toEqual({
      row: 6,
      message: 'The file has no actions under the header row. Add at least one action',
    });
  });

  it('lets a committee list leave the priority empty', () => {
    const result = parsePlanRows(
      [
        ['Plan name', 'Safeguarding Committee: outstanding actions'],
        ['Type of plan', 'Committee outstanding actions'],
        ['Committee', 'Safeguarding Committee'],
        [],
        ['Priority', 'Reference', 'Action', 'Date added', 'Agenda item'],
        ['', '1', 'Report back on return interviews', '03/03/2026', 'Item 6'],
      ],
      context,
    );
    expect(result.ok && result.plan.actions[0]!.input).toMatchObject({
      dateAdded: '2026-03-03',
      agendaItem: 'Item 6',
    });
    expect(result.ok && result.plan.header.committeeName).toBe('Safeguarding Committee');
  });
});
