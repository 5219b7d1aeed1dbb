import { describe, expect, it } from 'vitest';
import { checkPublicTexts } from './disclosure';
import { buildPacks, CHARS_PER_PAGE, fullPack, type PackInput, publicTexts, withGlossary } from './pack';
import type { ReportBody } from './schema';

const body = (chars: number): ReportBody => ({
  summary: 'x'.repeat(chars),
  recommendations: 'Members are asked to note the report.',
  mainReport: 'Main.',
  implications: null,
  conclusion: null,
  backgroundPapers: null,
});
const cover = (subject: string) => ({
  subject,
  corporateOutcomes: null,
  spending: null,
  reportOf: 'Director of Children’s Services',
  author: 'A. Author',
  authorContact: null,
});
const rendering = (chars: number, label: string) => ({
  title: label,
  html: `<p>${label} ${'y'.repeat(chars)}</p>`,
  data: { label },
  publicSafe: true,
});

function input(): PackInput {
  return {
    committeeName: 'Safeguarding Sub-Committee',
    meeting: { date: '2027-03-10', startTime: '14:00', venue: 'Guildhall', virtualLink: null },
    items: [
      {
        id: 'a',
        position: 1,
        title: 'Apologies',
        part: 1,
        paragraphs: [],
        purpose: null,
        fromOfficer: null,
        standard: 'apologies',
      },
      {
        id: 'r1',
        position: 2,
        title: 'Performance',
        part: 1,
        paragraphs: [],
        purpose: 'information',
        fromOfficer: 'Director',
        standard: null,
      },
      {
        id: 'x',
        position: 3,
        title: 'Exclusion of the public',
        part: 1,
        paragraphs: [],
        purpose: 'decision',
        fromOfficer: null,
        standard: 'exclusion',
      },
      {
        id: 'r2',
        position: 4,
        title: 'Case review',
        part: 2,
        paragraphs: [1, 2],
        purpose: 'information',
        fromOfficer: 'Director',
        standard: null,
      },
    ],
    reports: new Map([
      ['r1', { cover: cover('Performance'), body: body(CHARS_PER_PAGE * 2) }],
      ['r2', { cover: cover('Case review'), body: body(10) }],
    ]),
    appendices: new Map([
      [
        'r1',
        [
          { title: 'Plan table', public: true, rendering: rendering(CHARS_PER_PAGE, 'PUBLIC-APPENDIX') },
          { title: 'Names', public: false, rendering: rendering(10, 'SECRET-APPENDIX') },
        ],
      ],
      ['r2', []],
    ]),
  };
}

describe('agenda packs', () => {
  it('numbers the pages of a pack with appendices and writes them on the agenda', () => {
    const { publicPack } = buildPacks(input());
    const performance = publicPack.items.find((i) => i.title === 'Performance')!;
    // Front sheet and agenda take pages 1-2; the report fills 3 pages (over two pages of summary), its appendix 2.
    expect(performance.report!.appendices).toHaveLength(1);
    expect(performance.report!.appendices[0]!.pages).toEqual({ from: 6, to: 7 });
    expect(performance.pages).toEqual({ from: 3, to: 7 });
    expect(publicPack.pageCount).toBe(7);
  });

  it('keeps Part 2 reports and non-public appendices out of the public pack but lists the item', () => {
    const { publicPack, nonPublicPack } = buildPacks(input());
    const json = JSON.stringify(publicPack);
    expect(json).not.toContain('SECRET-APPENDIX');
    expect(publicPack.items.find((i) => i.title === 'Case review')!.report).toBeNull();
    expect(publicPack.exclusion!.rows).toEqual([{ item: 4, title: 'Case review', paragraphs: '1 and 2' }]);
    const np = JSON.stringify(nonPublicPack);
    expect(np).toContain('SECRET-APPENDIX');
    expect(np).not.toContain('PUBLIC-APPENDIX');
    expect(nonPublicPack.items.map((i) => i.title)).toEqual(['Performance', 'Case review']);
    expect(nonPublicPack.items[0]!.pages).toEqual({ from: 2, to: 2 });
  });

  it('gives disclosure control every public text, with where it is', () => {
    const { publicPack } = buildPacks(input());
    const texts = publicTexts(publicPack, new Map([[2, body(5)]]));
    expect(texts.map((t) => t.where)).toEqual([
      'Item 1, title',
      'Item 2, title',
      'Item 2, from',
      'Item 2, cover sheet',
      'Item 2, Summary',
      'Item 2, Recommendations',
      'Item 2, Main report',
      'Item 2, Appendix 1 (Plan table)',
      'Item 3, title',
      'Item 4, title',
      'Item 4, from',
    ]);
  });

  it('checks an uploaded public table’s cells and its file name, and counts a PDF’s own pages', () => {
    const base = input();
    const file = (id: string, filename: string, contentType: string, pages: number) => ({
      title: filename,
      public: true,
      rendering: { title: filename, html: `<p>${filename}</p>`, data: null, publicSafe: true },
      file: { appendixId: id, filename, contentType, sizeBytes: 10, pages },
    });
    const { publicPack } = buildPacks({
      ...base,
      appendices: new Map([
        [
          'r1',
          [
            file('f1', 'Tamsin Quarrie visits.csv', 'text/csv', 1),
            file('f2', 'letter.pdf', 'application/pdf', 4),
          ],
        ],
        ['r2', []],
      ]),
    });
    const performance = publicPack.items.find((i) => i.title === 'Performance')!;
    expect(performance.report!.appendices.map((a) => a.pages)).toEqual([
      { from: 6, to: 6 },
      { from: 7, to: 10 },
    ]);
    const texts = publicTexts(
      publicPack,
      new Map(),
      new Map([
        ['f1', '| Team | Visits |\n| North | 3 |'],
        ['f2', null],
      ]),
    );
    const findings = checkPublicTexts(texts, [
      { forename: 'Tamsin', surname: 'Quarrie', dateOfBirth: null, identifiers: [] },
    ]);
    expect(findings.map((f) => [f.kind, f.matched])).toEqual([
      ['name', 'Tamsin Quarrie'],
      ['small_number', '3'],
    ]);
  });

  it('prints a standard item’s component in Part 1, on its own pages, and checks its text', () => {
    const base = input();
    const { publicPack, nonPublicPack } = buildPacks({
      ...base,
      items: [
        ...base.items,
        {
          id: 'o',
          position: 1.5,
          title: 'Outstanding actions',
          part: 1,
          paragraphs: [],
          purpose: null,
          fromOfficer: null,
          standard: 'outstanding',
        },
      ],
      components: new Map([['o', rendering(CHARS_PER_PAGE + 10, 'OUTSTANDING-LIST')]]),
    });
    const outstanding = publicPack.items.find((i) => i.standard === 'outstanding')!;
    expect(outstanding.number).toBe(2);
    expect(outstanding.pages).toEqual({ from: 3, to: 4 });
    expect(publicPack.items.find((i) => i.title === 'Performance')!.pages).toEqual({ from: 5, to: 9 });
    expect(JSON.stringify(nonPublicPack)).not.toContain('OUTSTANDING-LIST');
    const texts = publicTexts(publicPack, new Map());
    expect(texts.find((t) => t.where === 'Item 2, OUTSTANDING-LIST')!.text).toContain('OUTSTANDING-LIST');
  });

  it('ends the public pack with the glossary on the pages after the last, kept in the full pack', () => {
    const { publicPack, nonPublicPack } = buildPacks(input());
    const entries = Array.from({ length: 41 }, (_, n) => ({ acronym: `A${n}`, meaning: `Meaning ${n}` }));
    const withIt = withGlossary(publicPack, { scope: 'all', entries });
    expect(withIt.glossary!.pages).toEqual({ from: 8, to: 9 });
    expect(withIt.pageCount).toBe(9);
    expect(publicTexts(withIt, new Map()).at(-1)).toEqual({
      where: 'Glossary',
      text: expect.stringContaining('A40 Meaning 40'),
      markup: false,
    });
    expect(withGlossary(publicPack, { scope: 'used', entries: [] }).glossary).toBeNull();
    const full = fullPack(withIt, nonPublicPack);
    expect(full.glossary!.pages!.from).toBe(full.pageCount - 1);
  });
});
