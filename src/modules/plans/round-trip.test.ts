import { describe, expect, it } from 'vitest';
import { type ActionRow, allActions, buildDocument, type LeadRef, type PlanHeader } from './document';
import { parsePlanRows } from './import-rows';
import { textTable } from './layouts';
import { asStart, parsePlanDate } from './plan-dates';
import { ragCounts } from './rules';
import { documentToRows } from './table-io';
import { DEFAULT_RAG_KEY, DEFAULT_RAG_SCALE, parseScore, ragFromScore } from './vocab';

const leads = [
  { id: 'rdp', jobTitle: 'Head of Practice Development', initials: 'RdP' },
  { id: 'jf', jobTitle: 'Head of Service, Family Help', initials: 'JF' },
];
const ref = (id: string): LeadRef => {
  const l = leads.find((x) => x.id === id)!;
  return { leadId: l.id, jobTitle: l.jobTitle, initials: l.initials, holderName: null };
};
const header: PlanHeader = {
  planId: 'p1',
  type: 'thematic',
  name: 'Early help outcomes plan',
  durationFrom: null,
  durationTo: null,
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
const base: Omit<ActionRow, 'actionId' | 'reference' | 'action' | 'rag'> = {
  aim: null,
  source: { kind: 'not_given', detail: null },
  startDate: null,
  endDate: null,
  measure: null,
  outcomeForChildren: null,
  leadOfficer: null,
  seniorLead: null,
  areaLead: null,
  ragReviewedOn: '2026-11-01',
  addedOn: '2026-04-01',
  completedOn: null,
  completionEvidence: null,
  latestUpdate: null,
  dateAdded: null,
  agendaItem: null,
  homePlan: null,
};

function planDoc(tableColumns: PlanHeader['tableColumns'] = null) {
  const actions: Array<ActionRow & { priorityId: string }> = [
    {
      ...base,
      priorityId: 'pr1',
      actionId: 'a1',
      reference: '1.1',
      action: 'Families get help early',
      rag: 'green',
      score: 8,
      leadOfficer: ref('rdp'),
      otherLeads: [ref('jf')],
      startDate: '2026-04-01',
      startDatePrecision: 'month',
      endDate: '2027-08-31',
      endDatePrecision: 'season',
      endDateText: 'Summer 2027',
      subHeading: 'Specific aim: help comes sooner',
    },
    {
      ...base,
      priorityId: 'pr1',
      actionId: 'a2',
      reference: '1.2',
      action: 'Not yet rated by the board',
      rag: 'not_rated',
      source: { kind: 'committee', detail: 'Item 6' },
      leadOfficer: ref('rdp'),
      subHeading: 'Specific aim: help comes sooner',
      extraText: 'DLT sponsor: Director',
    },
    {
      ...base,
      priorityId: 'pr1',
      actionId: 'a3',
      reference: '1.3',
      action: 'Scored low',
      rag: 'red',
      score: 2,
      startDate: null,
      startDatePrecision: 'text',
      startDateText: 'ongoing',
    },
  ];
  return buildDocument({
    plan: { ...header, tableColumns },
    asAt: '2026-11-29',
    ragKey: DEFAULT_RAG_KEY,
    ragScale: DEFAULT_RAG_SCALE,
    priorities: [{ priorityId: 'pr1', number: 1, title: 'Early help' }],
    actions,
  });
}

const shape = (d: ReturnType<typeof planDoc>) =>
  allActions(d).map((a) => ({
    reference: a.reference,
    rag: a.rag,
    score: a.score ?? null,
    source: a.source,
    lead: a.leadOfficer?.initials,
    others: (a.otherLeads ?? []).map((l) => l.initials),
    start: [a.startDate, a.startDatePrecision ?? null, a.startDateText ?? null],
    end: [a.endDate, a.endDatePrecision ?? null, a.endDateText ?? null],
    subHeading: a.subHeading ?? null,
  }));

describe('scores and their bands', () => {
  it('gives each score the colour of its band, and reads scores as written', () => {
    expect([0, 3, 4, 6, 7, 10].map((s) => ragFromScore(DEFAULT_RAG_SCALE, s))).toEqual([
      'red',
      'red',
      'amber',
      'amber',
      'green',
      'green',
    ]);
    expect(['7', '7/10', 'Score: 4', '10 out of 10'].map(parseScore)).toEqual([7, 7, 4, 10]);
    expect(['11', '-1', '7.5', 'seven', ''].map(parseScore)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('starts a month on its first day, so a start and an end in one month are in order', () => {
    expect(asStart(parsePlanDate('April 2017', undefined))).toEqual({
      date: '2017-04-01',
      precision: 'month',
      text: null,
    });
    expect(asStart(parsePlanDate('Summer 2017', undefined))?.date).toBe('2017-06-01');
    expect(asStart(parsePlanDate('2017', undefined))?.date).toBe('2017-01-01');
    expect(asStart(parsePlanDate('ongoing', undefined))).toEqual({
      date: null,
      precision: 'text',
      text: 'ongoing',
    });
  });
});

describe('an exported plan re-imports to the same plan', () => {
  it('keeps a blank source blank, RdP as RdP, Not rated, scores and dates as written', () => {
    const doc = planDoc();
    const rows = documentToRows(doc);
    const result = parsePlanRows(rows, { ragKey: DEFAULT_RAG_KEY, ragScale: DEFAULT_RAG_SCALE, leads });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.columns).toBeNull();
    const back = result.plan.actions;
    expect(back.map((a) => a.input.source)).toEqual([
      { kind: 'not_given', detail: null },
      { kind: 'committee', detail: 'Item 6' },
      { kind: 'not_given', detail: null },
    ]);
    expect(back.map((a) => [a.rag, a.score])).toEqual([
      ['green', 8],
      ['not_rated', null],
      ['red', 2],
    ]);
    expect(back[0]!.input).toMatchObject({
      leadOfficerId: 'rdp',
      otherLeadIds: ['jf'],
      startDate: '2026-04-01',
      startDatePrecision: 'month',
      endDatePrecision: 'season',
      endDateText: 'Summer 2027',
    });
    expect(back[2]!.input).toMatchObject({
      startDate: null,
      startDatePrecision: 'text',
      startDateText: 'ongoing',
    });

    // Built again from what was read, the plan exports the same rows: "RdP" stays "RdP".
    const again = buildDocument({
      plan: header,
      asAt: doc.asAt,
      ragKey: DEFAULT_RAG_KEY,
      ragScale: DEFAULT_RAG_SCALE,
      priorities: [{ priorityId: 'pr1', number: 1, title: 'Early help' }],
      actions: back.map((a, i) => {
        const original = allActions(doc)[i]!;
        return {
          ...original,
          priorityId: 'pr1',
          source: a.input.source,
          rag: a.rag,
          score: a.score,
          startDate: a.input.startDate,
          startDatePrecision: a.input.startDatePrecision ?? null,
          startDateText: a.input.startDateText ?? null,
        };
      }),
    });
    expect(documentToRows(again)).toEqual(rows);
    expect(shape(again)).toEqual(shape(doc));
    const leadColumn = rows.find((r) => r[0] === 'Priority')!.indexOf('Lead officer');
    expect(rows.filter((r) => r[2] === '1.1').map((r) => r[leadColumn])).toEqual(['RdP/JF']);
  });
});

describe('importing a scored plan', () => {
  const columns = ['Ref', 'Action', 'Score', 'RAG'];
  const read = (rows: string[][], scored = true) =>
    parsePlanRows([columns, ...rows], {
      ragKey: DEFAULT_RAG_KEY,
      ragScale: scored ? DEFAULT_RAG_SCALE : null,
      leads,
      defaults: { name: 'Early help outcomes plan' },
    });

  it('takes the colour from a column of scores and counts by band', () => {
    const result = read([
      ['1.1', 'A', '9', ''],
      ['1.2', 'B', '5', ''],
      ['1.3', 'C', '2/10', 'Red'],
      ['1.4', 'D', '', ''],
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.mapping.uses).toEqual(['reference', 'action', 'score', 'rag']);
    expect(result.plan.actions.map((a) => [a.rag, a.score])).toEqual([
      ['green', 9],
      ['amber', 5],
      ['red', 2],
      ['not_rated', null],
    ]);
    expect(ragCounts(result.plan.actions)).toEqual({ green: 1, amber: 1, red: 1, blue: 0, not_rated: 1 });
    expect(result.plan.columns?.map((c) => c.use)).toEqual(['reference', 'action', 'score', 'rag']);
  });

  it('says what is wrong with a score, and refuses scores where actions are not scored', () => {
    const bad = read([
      ['1.1', 'A', '12', ''],
      ['1.2', 'B', '2', 'Green'],
      ['1.3', 'C', '5', 'Complete'],
    ]);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.message)).toEqual([
      'Score "12" must be a whole number from 0 to 10',
      'RAG is Green but score 2 is in the Red band. Correct the RAG or the score',
      'Score 5 is given for an action that is Blue. Leave its score empty',
    ]);
    const unscored = read([['1.1', 'A', '7', '']], false);
    expect(unscored.ok).toBe(false);
    if (!unscored.ok) expect(unscored.problems[0]!.message).toMatch(/^Actions are not scored here/);
  });
});

describe("the committee table in the imported document's columns", () => {
  it('prints the columns in the document order with their headings, sub-headings as sections', () => {
    const doc = planDoc([
      { heading: 'No.', use: 'reference' },
      { heading: 'Who?', use: 'leadOfficer' },
      { heading: 'Does what?', use: 'action' },
      { heading: 'Theme', use: 'subHeading' },
      { heading: 'DLT sponsor', use: 'extra' },
      { heading: 'Score', use: 'score' },
      { heading: 'By when?', use: 'endDate' },
    ]);
    const table = textTable(doc, 'table');
    expect(table.columns).toEqual(['No.', 'Who?', 'Does what?', 'DLT sponsor', 'Score', 'By when?', 'RAG']);
    expect(table.widths.reduce((a, b) => a + b, 0)).toBe(100);
    expect(table.sections.map((s) => s.heading)).toEqual([
      'Priority 1: Early help',
      'Specific aim: help comes sooner',
    ]);
    const rows = table.sections.flatMap((s) => s.rows.map((r) => r.map((c) => c.text)));
    expect(rows[0]).toEqual(['1.1', 'RdP/JF', 'Families get help early', '', '8', 'Summer 2027', 'Green']);
    expect(rows[1]!.slice(0, 5)).toEqual(['1.2', 'RdP', 'Not yet rated by the board', 'Director', '']);
    expect(rows[1]![6]).toBe('Not rated');
    // Oversight's own table has no score column: the RAG cell says the score.
    const own = textTable(planDoc(), 'table');
    const ragCells = own.sections.flatMap((s) => s.rows.map((r) => r.at(-1)!.text));
    expect(ragCells).toEqual(['Green, score 8', 'Not rated', 'Red, score 2']);
  });
});
