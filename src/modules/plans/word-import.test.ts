import { describe, expect, it } from 'vitest';
import { readDocxTables, tablesFromXml } from './docx-tables';
import { parsePlanRows } from './import-rows';
import { ragCounts } from './rules';
import { DEFAULT_RAG_KEY } from './vocab';
import { WORD_PLAN_LEADS, wordPlanActions, wordPlanDocx } from './word-plan-fixture';

const leads = WORD_PLAN_LEADS.map((l) => ({ id: l.initials, ...l }));
const context = { ragKey: DEFAULT_RAG_KEY, leads, defaults: { name: 'Service improvement plan' } };

describe('reading the tables of a Word document', () => {
  it('keeps merged cells readable: text across in the first column, text down repeated', () => {
    const xml = `<w:document><w:body><w:p><w:r><w:t>Priority 1: Early help</w:t></w:r></w:p><w:tbl>
      <w:tr><w:tc><w:p><w:r><w:t>Ref</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Who?</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Leadership &amp; governance</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t>1.1</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>JF</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t>1.2</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>
    </w:tbl></w:body></w:document>`;
    expect(tablesFromXml(xml)).toEqual([
      ['Priority 1: Early help'],
      ['Ref', 'Who?'],
      ['Leadership & governance', ''],
      ['1.1', 'JF'],
      ['1.2', 'JF'],
    ]);
  });

  it('refuses a file that is not a Word document, saying what to do', () => {
    expect(() => readDocxTables(Buffer.from('not a zip'))).toThrow(/could not be read as a Word document/);
  });
});

describe("importing a committee's Word plan as it stands", () => {
  it('reads 120 actions in five priorities with the counts the committee saw', async () => {
    const rows = readDocxTables(await wordPlanDocx());
    const result = parsePlanRows(rows, context);
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
    const { plan, notices } = result;
    expect(plan.header.name).toBe('Service improvement plan');
    expect(plan.priorities.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.priorities[2]!.title).toBe('Improvement area 3');
    expect(plan.actions).toHaveLength(120);
    // Every sixth RAG is blank: Not rated, counted as such, never Green.
    expect(ragCounts(plan.actions)).toEqual({ green: 40, amber: 20, red: 20, blue: 20, not_rated: 20 });
    expect(notices).toContain('20 actions were left not rated: the file gives no RAG for them');
    expect(result.mapping.uses).toEqual(['reference', 'action', 'leadOfficer', 'endDate', 'rag', 'progress']);
  });

  it('keeps leads, dates, references, sub-headings and comment authors as written', async () => {
    const result = parsePlanRows(readDocxTables(await wordPlanDocx()), context);
    if (!result.ok) throw new Error('import failed');
    const written = wordPlanActions();
    const byRow = result.plan.actions;
    const at = (i: number) => byRow[i]!;

    // Several leads; initials and post titles both resolve; a merged "Who?" cell counts for both rows.
    const jfrg = written.findIndex((w) => w.who === 'JF/RG');
    expect(at(jfrg).input).toMatchObject({ leadOfficerId: 'JF', otherLeadIds: ['RG'] });
    const haiHcic = written.findIndex((w) => w.who === 'HAI and HCIC');
    expect(at(haiHcic).input).toMatchObject({ leadOfficerId: 'HAI', otherLeadIds: ['HCIC'] });
    const byTitle = written.findIndex((w) => w.who === 'Principal Social Worker');
    expect(at(byTitle).input.leadOfficerId).toBe('PSW');
    expect(at(1).input.leadOfficerId).toBe(at(0).input.leadOfficerId);

    // Dates with their precision.
    const march = written.findIndex((w) => w.when === 'Mar-16');
    expect(at(march).input).toMatchObject({ endDate: '2016-03-31', endDatePrecision: 'month' });
    const summer = written.findIndex((w) => w.when === 'Summer 2017');
    expect(at(summer).input).toMatchObject({
      endDate: '2017-08-31',
      endDatePrecision: 'season',
      endDateText: 'Summer 2017',
    });
    const ongoing = written.findIndex((w) => w.when === 'ongoing');
    expect(at(ongoing).input).toMatchObject({
      endDate: null,
      endDatePrecision: 'text',
      endDateText: 'ongoing',
    });
    const day = written.findIndex((w) => w.when === '31/03/2017');
    expect(at(day).input).toMatchObject({ endDate: '2017-03-31', endDatePrecision: null });

    // References: tags become the source; restarts, blanks and repeats are settled with notices.
    expect(at(24).input).toMatchObject({ reference: '2.1', source: { kind: 'other', detail: 'QA' } });
    expect(at(26).input).toMatchObject({ reference: '2.3', source: { kind: 'other', detail: 'A4C' } });
    expect(at(96).input.reference).toBe('5.1.1');
    expect(at(119).input.reference).toBe('5.1.24');
    expect(at(61).input.reference).toBe('3.13-2');
    expect(at(78).input.reference).toBe('4.7');
    const refs = byRow.map((a) => a.input.reference);
    expect(new Set(refs).size).toBe(120);
    expect(result.notices).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Priority 5 numbers its actions from 1\.1 again/),
        expect.stringMatching(/reference 3\.13 is used more than once, so this one is imported as 3\.13-2/),
        expect.stringMatching(/has no reference: it is imported as 4\.7$/),
      ]),
    );

    // Sub-headings, in order.
    expect(at(0).input.subHeading).toBe('Leadership, management and governance');
    expect(at(12).input.subHeading).toBe('Specific aim: practice is consistently good');

    // Comments keep their author: a named lead, or nobody (the service credits the file).
    expect(at(0).updates).toEqual([
      {
        date: null,
        progress: 'reviewed at month end, item 1',
        focus: null,
        authorLabel: 'RG (Head of Quality Assurance)',
      },
    ]);
    expect(at(1).updates[0]).toMatchObject({ progress: 'Progress noted, item 2', authorLabel: null });
    // Prose after the rating is progress, the rating is kept.
    const prose = written.findIndex((w, i) => w.rag.startsWith('Green -') && !w.comment && i > 0);
    expect(at(prose).rag).toBe('green');
    expect(at(prose).updates[0]!.progress).toBe('on track, audits show progress');
  });

  it('reads the columns as the person mapped them in the preview', async () => {
    const rows = readDocxTables(await wordPlanDocx());
    const result = parsePlanRows(rows, { ...context, mapping: { 5: 'extra' } });
    if (!result.ok) throw new Error('import failed');
    expect(result.mapping.uses[5]).toBe('extra');
    expect(result.plan.actions[0]!.updates).toEqual([]);
    expect(result.plan.actions[0]!.input.extraText).toBe('Comments: RG: reviewed at month end, item 1');
    expect(result.notices).toContain('"Comments" is kept as further information on each action');
  });
});
