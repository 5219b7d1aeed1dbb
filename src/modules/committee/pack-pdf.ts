/**
 * A published pack as one PDF with real page numbers: the front sheet and
 * contents, then each report and its appendices, each starting on a new
 * page, uploaded PDF appendices merged in as they are. Every part is printed
 * first (one Chromium session), its pages counted, then the contents page is
 * printed with the real page numbers (again, should the contents themselves
 * grow by a page), and the parts are merged with the page number stamped in
 * every page's footer. The printer is injected so that numbering is tested
 * without Chromium.
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { escapeHtml } from '../../platform/http/escape';
import { formatDate } from '../../platform/http/views';
import type { Pack, PackAppendix, PackItem } from './pack';

export type Printer = (htmls: readonly string[]) => Promise<Uint8Array[]>;
export type PdfWhich = 'public' | 'full' | 'non-public';

const esc = escapeHtml;

const STYLE = `<style>
body{font-family:Arial,Helvetica,sans-serif;font-size:12pt;line-height:1.4;color:#0b0c0c;margin:0}
h1{font-size:20pt;margin:0 0 8pt}h2{font-size:16pt;margin:14pt 0 6pt}h3{font-size:13pt;margin:12pt 0 4pt}h4{font-size:12pt}
table{border-collapse:collapse;width:100%;margin:6pt 0 10pt;font-size:10pt;page-break-inside:auto}
tr{page-break-inside:avoid}th,td{border:1px solid #b1b4b6;padding:3pt 5pt;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold;padding-bottom:4pt}.pages{text-align:right;white-space:nowrap}
.marking{font-weight:bold;border:2px solid #0b0c0c;padding:4pt 8pt;display:inline-block}
</style>`;
const doc = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>${STYLE}</head><body>${body}</body></html>`;

type Range = { from: number; to: number };
const range = (r: Range | undefined) => (r ? (r.from === r.to ? `${r.from}` : `${r.from} - ${r.to}`) : '');

/** The front sheet and contents, with the page numbers already set on the pack. */
export function frontHtml(pack: Pack, which: PdfWhich): string {
  const marking =
    which === 'public'
      ? ''
      : '<p class="marking">Not for publication: this pack holds non-public items (Schedule 12A)</p>';
  const rows: string[] = [];
  for (const i of pack.items) {
    const part2 = i.part === 2 ? ` (non-public, paragraph ${esc(i.paragraphs)})` : '';
    rows.push(
      `<tr><td>${i.number}</td><td>${esc(i.title)}${part2}${i.fromOfficer ? `<br>Report of the ${esc(i.fromOfficer)}` : ''}</td><td class="pages">${range(i.pages)}</td></tr>`,
    );
    for (const [n, a] of (i.report?.appendices ?? []).entries())
      rows.push(
        `<tr><td></td><td>Appendix ${n + 1}: ${esc(a.title)}${a.public ? '' : ' (non-public)'}</td><td class="pages">${range(a.pages)}</td></tr>`,
      );
  }
  if (pack.glossary?.entries.length)
    rows.push(`<tr><td></td><td>Glossary</td><td class="pages">${range(pack.glossary.pages)}</td></tr>`);
  const exclusion = pack.exclusion
    ? `<h2>Exclusion of the press and public</h2><p>${esc(pack.exclusion.text)}</p>` +
      `<table><caption>Items and paragraphs of the exclusion</caption><thead><tr><th scope="col">Item</th><th scope="col">Paragraph</th></tr></thead><tbody>${pack.exclusion.rows.map((r) => `<tr><td>${r.item}</td><td>${esc(r.paragraphs)}</td></tr>`).join('')}</tbody></table>`
    : '';
  return doc(
    pack.committeeName,
    `<h1>${esc(pack.committeeName)}</h1>` +
      `<p>${esc(formatDate(pack.date))} at ${esc(pack.startTime)}${pack.venue ? `, ${esc(pack.venue)}` : ''}</p>` +
      marking +
      '<h2>Agenda and contents</h2>' +
      `<table><caption>Items, with the pages of their reports and appendices</caption><thead><tr><th scope="col">Item</th><th scope="col">Title</th><th scope="col" class="pages">Pages</th></tr></thead><tbody>${rows.join('')}</tbody></table>` +
      exclusion,
  );
}

function reportHtml(i: PackItem): string {
  const r = i.report!;
  return doc(
    r.cover.subject,
    `<h1>Item ${i.number}: ${esc(r.cover.subject)}</h1>` +
      `<table><tbody><tr><th scope="row">Report of</th><td>${esc(r.cover.reportOf)}</td></tr>` +
      `<tr><th scope="row">Report author</th><td>${esc(r.cover.author)}${r.cover.authorContact ? `, ${esc(r.cover.authorContact)}` : ''}</td></tr>` +
      (i.purpose ? `<tr><th scope="row">For</th><td>${esc(i.purpose)}</td></tr>` : '') +
      (i.part === 2
        ? `<tr><th scope="row">Non-public</th><td>Schedule 12A, paragraph ${esc(i.paragraphs)}</td></tr>`
        : '') +
      '</tbody></table>' +
      r.sections.map((s) => `<h2>${esc(s.heading)}</h2>${s.html}`).join(''),
  );
}

function componentHtml(i: PackItem): string {
  return doc(i.title, `<h1>Item ${i.number}: ${esc(i.title)}</h1>${i.component!.html}`);
}

/** The glossary as the pack's last section. */
export function glossaryHtml(glossary: NonNullable<Pack['glossary']>): string {
  return doc(
    'Glossary',
    '<h1>Glossary</h1>' +
      `<table><caption>${glossary.scope === 'used' ? 'Acronyms used in this pack' : 'Acronyms'} and what they stand for</caption>` +
      '<thead><tr><th scope="col">Acronym</th><th scope="col">Meaning</th></tr></thead><tbody>' +
      glossary.entries
        .map((e) => `<tr><th scope="row">${esc(e.acronym)}</th><td>${esc(e.meaning)}</td></tr>`)
        .join('') +
      '</tbody></table>',
  );
}

function appendixHtml(i: PackItem, n: number, a: PackAppendix): string {
  const heading = `<h1>Item ${i.number}, Appendix ${n}: ${esc(a.title)}${a.public ? '' : ' (non-public)'}</h1>`;
  return doc(a.title, heading + a.html);
}

export interface Part {
  /** The item the part belongs to; none for the glossary. */
  item?: PackItem;
  appendix?: PackAppendix;
  /** An uploaded PDF to merge as it is; otherwise printed from html. */
  pdf?: Uint8Array;
  html?: string;
  pages?: number;
}

/**
 * The pack's parts in order: each report (if it has a body in this pack), then
 * its appendices. An uploaded PDF appendix is merged from `files`; with none
 * given (numbering without making the PDF), it counts the pages it had when
 * uploaded.
 */
function partsOf(pack: Pack, files: ReadonlyMap<string, Uint8Array> | null): Part[] {
  const parts: Part[] = [];
  for (const i of pack.items) {
    if (i.component) parts.push({ item: i, html: componentHtml(i) });
    if (!i.report) continue;
    if (i.report.sections.length) parts.push({ item: i, html: reportHtml(i) });
    for (const [n, a] of i.report.appendices.entries()) {
      const uploaded = a.file?.contentType === 'application/pdf' ? a.file : undefined;
      const pdf = uploaded && files ? files.get(uploaded.appendixId) : undefined;
      parts.push(
        uploaded && !files
          ? { item: i, appendix: a, pages: uploaded.pages }
          : pdf
            ? { item: i, appendix: a, pdf }
            : { item: i, appendix: a, html: appendixHtml(i, n + 1, a) },
      );
    }
  }
  if (pack.glossary?.entries.length) parts.push({ html: glossaryHtml(pack.glossary) });
  return parts;
}

/** Set each item's and appendix's real pages, the body starting after `front` pages; returns the total. */
export function numberPages(
  pack: Pack,
  parts: ReadonlyArray<Part & { pages: number }>,
  front: number,
): number {
  let page = front + 1;
  for (const i of pack.items) delete i.pages;
  for (const p of parts) {
    const r = { from: page, to: page + p.pages - 1 };
    if (p.appendix) p.appendix.pages = r;
    if (p.item) p.item.pages = { from: p.item.pages?.from ?? r.from, to: r.to };
    else if (pack.glossary) pack.glossary.pages = r;
    page += p.pages;
  }
  return page - 1;
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

/** Characters the standard PDF font can draw; others become a hyphen. */
const drawable = (t: string) => t.replace(/[^\x20-\x7E\u00A0-\u00FF]/g, '-');

/** A pack numbered from its printed parts, with its front sheet printed last. */
export interface PrintedPack {
  pack: Pack;
  front: Uint8Array;
  /** The parts after the front sheet; `pdf` is absent only for an uploaded PDF counted, not given. */
  parts: Array<Part & { pages: number }>;
}

/**
 * Print the packs' parts (one call to the printer for all of them, with each
 * front sheet as it stands, numbered by the estimate: its length is the first
 * guess of the real one's), count their pages and number each pack (a copy)
 * from those counts; then print the front sheets with the numbers written
 * in, and again for any whose front sheet grew or shrank, until stable (at
 * most three more times).
 * `files` holds uploaded PDF appendices' content; null counts their pages
 * as uploaded.
 */
export async function printAndNumber(
  jobs: ReadonlyArray<{ pack: Pack; which: PdfWhich }>,
  files: ReadonlyMap<string, Uint8Array> | null,
  print: Printer,
): Promise<PrintedPack[]> {
  const all = jobs.map((j) => {
    const pack: Pack = structuredClone(j.pack);
    return { pack, which: j.which, parts: partsOf(pack, files) };
  });
  const printed = await print([
    ...all.flatMap((j) => j.parts.filter((p) => p.html).map((p) => p.html!)),
    ...all.map((j) => frontHtml(j.pack, j.which)),
  ]);
  const guessed = printed.slice(printed.length - all.length);
  let k = 0;
  for (const p of all.flatMap((j) => j.parts)) {
    if (p.html) p.pdf = printed[k++]!;
    if (!p.pdf) continue;
    try {
      p.pages = await pageCount(p.pdf);
    } catch {
      // An uploaded PDF that no longer loads (it loaded when it was uploaded): a page saying so.
      p.pdf = (
        await print([
          doc(
            'Appendix',
            `<p>The appendix ${esc(p.appendix?.file?.filename)} could not be included: ask the clerk for it.</p>`,
          ),
        ])
      )[0]!;
      p.pages = await pageCount(p.pdf);
    }
  }
  const counted = all as Array<(typeof all)[number] & { parts: Array<Part & { pages: number }> }>;
  const front = await Promise.all(guessed.map(pageCount));
  const fronts: Uint8Array[] = [];
  let pending = counted.map((_, n) => n);
  for (let attempt = 0; pending.length > 0; attempt++) {
    for (const n of pending)
      counted[n]!.pack.pageCount = numberPages(counted[n]!.pack, counted[n]!.parts, front[n]!);
    const out = await print(pending.map((n) => frontHtml(counted[n]!.pack, counted[n]!.which)));
    const again: number[] = [];
    for (const [m, n] of pending.entries()) {
      fronts[n] = out[m]!;
      const pages = await pageCount(out[m]!);
      if (pages !== front[n] && attempt < 3) {
        front[n] = pages;
        again.push(n);
      }
    }
    pending = again;
  }
  return counted.map((j, n) => ({ pack: j.pack, front: fronts[n]!, parts: j.parts }));
}

/**
 * The pack as one PDF. `files` holds the content of its uploaded PDF
 * appendices, by appendix; the pack given is not changed (its copy gets the
 * real page numbers, returned with the PDF).
 */
export async function packPdf(
  published: Pack,
  which: PdfWhich,
  files: ReadonlyMap<string, Uint8Array>,
  print: Printer,
): Promise<{ pdf: Buffer; pack: Pack }> {
  const [{ pack, front, parts }] = (await printAndNumber([{ pack: published, which }], files, print)) as [
    PrintedPack,
  ];
  const out = await PDFDocument.create();
  out.setTitle(`${pack.committeeName}, ${formatDate(pack.date)}`);
  for (const src of [front, ...parts.map((p) => p.pdf!)]) {
    const from = await PDFDocument.load(src, { updateMetadata: false });
    for (const page of await out.copyPages(from, from.getPageIndices())) out.addPage(page);
  }
  const font = await out.embedFont(StandardFonts.Helvetica);
  const total = out.getPageCount();
  const label = drawable(
    `${pack.committeeName}, ${formatDate(pack.date)}${which === 'public' ? '' : ' - not for publication'}`,
  );
  out.getPages().forEach((page, n) => {
    const { width } = page.getSize();
    const text = `${label} - page ${n + 1} of ${total}`;
    const size = 9;
    page.drawText(text, {
      x: (width - font.widthOfTextAtSize(text, size)) / 2,
      y: 24,
      size,
      font,
      color: rgb(0.04, 0.05, 0.05),
    });
  });
  pack.pageCount = total;
  return { pdf: Buffer.from(await out.save()), pack };
}
