import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildPacks, fullPack, type PackInput, withGlossary } from './pack';
import { frontHtml, type Printer, packPdf } from './pack-pdf';
import type { ReportBody } from './schema';

const body = (summary: string): ReportBody => ({
  summary,
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
const item = (id: string, position: number, title: string, part = 1, standard: string | null = null) => ({
  id,
  position,
  title,
  part,
  paragraphs: part === 2 ? [1] : [],
  purpose: standard ? null : 'information',
  fromOfficer: standard ? null : 'Director',
  standard,
});

/** Letter-sized pages, so the merged PDF shows where the uploaded one went. */
async function uploadedPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([612, 792]);
  return doc.save();
}

/**
 * A printer that fills a page per 1,000 characters of HTML (A4 pages), and
 * remembers what it printed: numbering is tested without Chromium.
 */
function fakePrinter(printed: string[]): Printer {
  return async (htmls) =>
    Promise.all(
      htmls.map(async (html) => {
        printed.push(html);
        const doc = await PDFDocument.create();
        for (let i = 0; i < Math.max(1, Math.ceil(html.length / 1000)); i++) doc.addPage([595, 842]);
        return doc.save();
      }),
    );
}

function input(items = 0): PackInput {
  const extra = Array.from({ length: items }, (_, n) =>
    item(`e${n}`, 10 + n, `Noting item ${n + 1}`, 1, 'other'),
  );
  return {
    committeeName: 'Safeguarding Sub-Committee',
    meeting: { date: '2027-03-10', startTime: '14:00', venue: 'Guildhall', virtualLink: null },
    items: [
      item('a', 1, 'Apologies', 1, 'apologies'),
      item('r1', 2, 'Performance'),
      ...extra,
      item('x', 50, 'Exclusion of the public', 1, 'exclusion'),
      item('r2', 51, 'Case review', 2),
    ],
    reports: new Map([
      ['r1', { cover: cover('Performance'), body: body('p'.repeat(2500)) }],
      ['r2', { cover: cover('Case review'), body: body('SECRET-REPORT') }],
    ]),
    appendices: new Map([
      [
        'r1',
        [
          {
            title: 'Audit letter',
            public: true,
            rendering: { title: 'Audit letter', html: '<p>letter.pdf</p>', data: null, publicSafe: true },
            file: {
              appendixId: 'f1',
              filename: 'letter.pdf',
              contentType: 'application/pdf',
              sizeBytes: 100,
              pages: 3,
            },
          },
          {
            title: 'Names',
            public: false,
            rendering: { title: 'Names', html: '<p>SECRET-APPENDIX</p>', data: null, publicSafe: true },
          },
        ],
      ],
      ['r2', []],
    ]),
  };
}

const pageSizes = async (pdf: Buffer) =>
  (await PDFDocument.load(pdf)).getPages().map((p) => Math.round(p.getSize().width));

describe('the pack as a PDF', () => {
  it('numbers the pages as printed, merges the uploaded PDF and writes the real pages in the contents', async () => {
    const { publicPack } = buildPacks(input());
    const printed: string[] = [];
    const files = new Map([['f1', await uploadedPdf(3)]]);
    const { pdf, pack } = await packPdf(publicPack, 'public', files, fakePrinter(printed));
    const sizes = await pageSizes(pdf);
    const report = printed.find((h) => h.includes('<h1>Item 2: Performance'))!;
    const reportPages = Math.ceil(report.length / 1000);
    const front = printed.filter((h) => h.includes('Agenda and contents')).at(-1)!;
    const frontPages = Math.ceil(front.length / 1000);
    const performance = pack.items.find((i) => i.title === 'Performance')!;
    const letter = performance.report!.appendices[0]!;
    expect(performance.pages!.from).toBe(frontPages + 1);
    expect(letter.pages).toEqual({ from: frontPages + reportPages + 1, to: frontPages + reportPages + 3 });
    expect(performance.pages!.to).toBe(letter.pages!.to);
    // The uploaded pages sit exactly where the contents say.
    expect(sizes.slice(letter.pages!.from - 1, letter.pages!.to)).toEqual([612, 612, 612]);
    expect(sizes.filter((w) => w === 612)).toHaveLength(3);
    expect(sizes).toHaveLength(pack.pageCount);
    expect(pack.pageCount).toBe(letter.pages!.to);
    expect(front).toContain(`<td class="pages">${performance.pages!.from} - ${performance.pages!.to}</td>`);
    expect(front).toContain(`<td class="pages">${letter.pages!.from} - ${letter.pages!.to}</td>`);
    // Nothing non-public was printed for the public pack.
    expect(printed.join('')).not.toContain('SECRET');
    expect(front).not.toContain('Not for publication');
    // The published pack itself is untouched.
    expect(publicPack.items.find((i) => i.title === 'Performance')!.pages!.from).toBe(3);
  });

  it('prints the contents again when they fill more pages, moving every number on', async () => {
    const { publicPack } = buildPacks(input(60));
    const printed: string[] = [];
    const { pack } = await packPdf(
      publicPack,
      'public',
      new Map([['f1', await uploadedPdf(3)]]),
      fakePrinter(printed),
    );
    const fronts = printed.filter((h) => h.includes('Agenda and contents'));
    expect(fronts.length).toBeGreaterThan(1);
    const frontPages = Math.ceil(fronts.at(-1)!.length / 1000);
    expect(frontPages).toBeGreaterThan(1);
    expect(pack.items.find((i) => i.title === 'Performance')!.pages!.from).toBe(frontPages + 1);
    expect(fronts.at(-1)).toBe(frontHtml(pack, 'public'));
  });

  it('the full pack holds Part 2 and the non-public appendices, marked not for publication', async () => {
    const { publicPack, nonPublicPack } = buildPacks(input());
    const full = fullPack(publicPack, nonPublicPack);
    expect(full.items.find((i) => i.title === 'Case review')!.report).not.toBeNull();
    expect(full.items.find((i) => i.title === 'Performance')!.report!.appendices.map((a) => a.title)).toEqual(
      ['Audit letter', 'Names'],
    );
    const printed: string[] = [];
    // An uploaded PDF that is missing becomes a page saying so, rather than a failed pack.
    const { pdf, pack } = await packPdf(full, 'full', new Map(), fakePrinter(printed));
    expect(printed.join('')).toContain('SECRET-REPORT');
    expect(printed.join('')).toContain('SECRET-APPENDIX');
    expect(printed.at(-1)).toContain('Not for publication');
    expect(await pageSizes(pdf)).toHaveLength(pack.pageCount);
    const review = pack.items.find((i) => i.title === 'Case review')!;
    expect(review.pages!.to).toBe(pack.pageCount);
  });

  it('prints the outstanding actions item and ends with the glossary, numbered in the contents', async () => {
    const base = input();
    const { publicPack } = buildPacks({
      ...base,
      items: [...base.items, item('o', 1.5, 'Outstanding actions', 1, 'outstanding')],
      components: new Map([
        [
          'o',
          {
            title: 'List',
            html: '<table><tr><td>OUTSTANDING-ROW</td></tr></table>',
            data: null,
            publicSafe: true,
          },
        ],
      ]),
    });
    const glossed = withGlossary(publicPack, {
      scope: 'used',
      entries: [{ acronym: 'LADO', meaning: 'Local authority designated officer' }],
    });
    const printed: string[] = [];
    const { pdf, pack } = await packPdf(
      glossed,
      'public',
      new Map([['f1', await uploadedPdf(3)]]),
      fakePrinter(printed),
    );
    expect(
      printed.some(
        (h) => h.includes('<h1>Item 2: Outstanding actions</h1>') && h.includes('OUTSTANDING-ROW'),
      ),
    ).toBe(true);
    const glossary = printed.find((h) => h.includes('<h1>Glossary</h1>'))!;
    expect(glossary).toContain('<th scope="row">LADO</th><td>Local authority designated officer</td>');
    expect(pack.glossary!.pages!.to).toBe(pack.pageCount);
    expect((await pageSizes(pdf)).length).toBe(pack.pageCount);
    const front = printed.filter((h) => h.includes('Agenda and contents')).at(-1)!;
    expect(front).toContain(
      `<td>Glossary</td><td class="pages">${pack.glossary!.pages!.from} - ${pack.glossary!.pages!.to}</td>`,
    );
  });
});
