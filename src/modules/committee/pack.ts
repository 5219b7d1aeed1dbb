/**
 * Agenda packs, pure: from the numbered agenda, its reports and the frozen
 * renderings of their appendices, the public pack (front sheet, agenda, Part
 * 1 reports with their public appendices) and the non-public pack (Part 2
 * reports and every non-public appendix), with page numbers, and the public
 * texts disclosure control must check.
 */
import type { ComponentRendering } from '../../platform/components';
import { type ExclusionMotion, exclusionMotion, numbered, paragraphList } from './agenda';
import type { PublicText } from './disclosure';
import { renderMarkup, textOfHtml } from './markup';
import type { ReportBody, ReportCover } from './schema';
import { PURPOSE_NAMES, type Purpose } from './vocab';

/** Characters of text that make a printed page, roughly (a page of an A4 report in 12 point). */
export const CHARS_PER_PAGE = 3000;

export interface PackSection {
  heading: string;
  html: string;
}

/** An uploaded appendix as a pack refers to it (its content stays in committee_appendix_files). */
export interface PackFile {
  appendixId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  /** The pages it fills: a PDF's own, one otherwise (a page saying where to find it). */
  pages: number;
}

export interface PackAppendix {
  title: string;
  public: boolean;
  html: string;
  data: unknown;
  /** Set for an uploaded file. */
  file?: PackFile;
  pages?: { from: number; to: number };
}

export interface PackReport {
  cover: ReportCover;
  sections: PackSection[];
  appendices: PackAppendix[];
}

/** What a standard item carries from another module, frozen (the outstanding actions list). */
export interface PackComponent {
  title: string;
  html: string;
  data: unknown;
}

/** The glossary printed as the public pack's final section. */
export interface PackGlossary {
  /** Whether it lists the acronyms used in the pack or the whole glossary. */
  scope: 'used' | 'all';
  entries: Array<{ acronym: string; meaning: string }>;
  pages?: { from: number; to: number };
}

export interface PackItem {
  number: number;
  title: string;
  part: number;
  paragraphs: string;
  purpose: string | null;
  fromOfficer: string | null;
  standard: string | null;
  report: PackReport | null;
  /** A standard item's frozen component (Part 1 only), printed in its place. */
  component?: PackComponent | null;
  /** The report's pages in the pack it is in. */
  pages?: { from: number; to: number };
}

export interface Pack {
  committeeName: string;
  date: string;
  startTime: string;
  venue: string | null;
  virtualLink: string | null;
  items: PackItem[];
  exclusion: ExclusionMotion | null;
  /** The glossary, in the public pack when the clerk added it. */
  glossary?: PackGlossary | null;
  /** Pages in the pack. */
  pageCount: number;
  /**
   * How the page numbers were found: from the pack printed at publication
   * (they match its PDF), or estimated from the length of the text (no
   * printer; packs published before printing was done at publication).
   */
  pageNumbers?: 'printed' | 'estimated';
}

export interface PackInput {
  committeeName: string;
  meeting: { date: string; startTime: string; venue: string | null; virtualLink: string | null };
  items: ReadonlyArray<{
    id: string;
    position: number;
    title: string;
    part: number;
    paragraphs: number[];
    purpose: string | null;
    fromOfficer: string | null;
    standard: string | null;
  }>;
  reports: ReadonlyMap<string, { cover: ReportCover; body: ReportBody }>;
  appendices: ReadonlyMap<
    string,
    ReadonlyArray<{ title: string; public: boolean; rendering: ComponentRendering; file?: PackFile }>
  >;
  /** Renderings carried by standard Part 1 items, by item (the outstanding actions list). */
  components?: ReadonlyMap<string, ComponentRendering>;
}

const SECTIONS: Array<[keyof ReportBody, string]> = [
  ['summary', 'Summary'],
  ['recommendations', 'Recommendations'],
  ['mainReport', 'Main report'],
  ['implications', 'Corporate and strategic implications'],
  ['conclusion', 'Conclusion'],
  ['backgroundPapers', 'Background papers'],
];

export function reportSections(body: ReportBody): PackSection[] {
  return SECTIONS.filter(([k]) => body[k]).map(([k, heading]) => ({
    heading,
    html: renderMarkup(body[k]!, { headingLevel: 4, caption: heading }),
  }));
}

/** Pages a piece of HTML fills: at least one. */
export function pagesOf(html: string): number {
  return Math.max(1, Math.ceil(textOfHtml(html).length / CHARS_PER_PAGE));
}

/**
 * Number the pages: the front sheet and agenda take the first pages, then
 * each report starts on a new page, each appendix after its report.
 */
export function paginate(
  items: PackItem[],
  frontPages: number,
  inPack: (a: PackAppendix) => boolean,
): number {
  let page = frontPages + 1;
  for (const item of items) {
    if (!item.report && !item.component) continue;
    const from = page;
    if (item.component) page += pagesOf(item.component.html);
    if (item.report) {
      // Only its non-public appendices, in the non-public pack: the report itself is in the public one.
      if (item.report.sections.length) page += pagesOf(item.report.sections.map((s) => s.html).join(''));
      for (const a of item.report.appendices.filter(inPack)) {
        const n = a.file ? a.file.pages : pagesOf(a.html);
        a.pages = { from: page, to: page + n - 1 };
        page += n;
      }
    }
    item.pages = { from, to: page - 1 };
  }
  return page - 1;
}

/** The glossary's lines as text, for counting pages and for disclosure control. */
export function glossaryText(glossary: PackGlossary): string {
  return glossary.entries.map((e) => `${e.acronym} ${e.meaning}`).join('\n');
}

/** The pack with the glossary as its final section, on the pages after the last; none when it is empty. */
export function withGlossary(pack: Pack, glossary: PackGlossary | null): Pack {
  if (!glossary || glossary.entries.length === 0) return { ...pack, glossary: null };
  // A glossary line is short: about 40 lines to a printed page.
  const pages = Math.max(1, Math.ceil(glossary.entries.length / 40));
  return {
    ...pack,
    glossary: { ...glossary, pages: { from: pack.pageCount + 1, to: pack.pageCount + pages } },
    pageCount: pack.pageCount + pages,
  };
}

function packItems(input: PackInput): PackItem[] {
  return numbered(input.items).map((i) => {
    const report = input.reports.get(i.id);
    return {
      number: i.number,
      title: i.title,
      part: i.part,
      paragraphs: paragraphList(i.paragraphs),
      purpose: i.purpose ? PURPOSE_NAMES[i.purpose as Purpose] : null,
      fromOfficer: i.fromOfficer,
      standard: i.standard,
      component: (() => {
        const c = i.part === 1 ? input.components?.get(i.id) : undefined;
        return c ? { title: c.title, html: c.html, data: c.data } : null;
      })(),
      report: report
        ? {
            cover: report.cover,
            sections: reportSections(report.body),
            appendices: (input.appendices.get(i.id) ?? []).map((a) => ({
              title: a.title,
              public: a.public,
              html: a.rendering.html,
              data: a.rendering.data,
              ...(a.file ? { file: a.file } : {}),
            })),
          }
        : null,
    };
  });
}

/** The two packs. The public one lists every item on its agenda but holds no Part 2 report or non-public appendix. */
export function buildPacks(input: PackInput): { publicPack: Pack; nonPublicPack: Pack } {
  const base = {
    committeeName: input.committeeName,
    date: input.meeting.date,
    startTime: input.meeting.startTime,
    venue: input.meeting.venue,
    virtualLink: input.meeting.virtualLink,
    exclusion: exclusionMotion(input.items),
  };
  const publicItems = packItems(input).map((i) =>
    i.part === 2
      ? { ...i, report: null }
      : i.report
        ? { ...i, report: { ...i.report, appendices: i.report.appendices.filter((a) => a.public) } }
        : i,
  );
  const publicPages = paginate(publicItems, 2, () => true);
  const nonPublicItems = packItems(input)
    .map((i) =>
      i.part === 2
        ? i
        : i.report?.appendices.some((a) => !a.public)
          ? {
              ...i,
              component: null,
              report: { ...i.report, sections: [], appendices: i.report.appendices.filter((a) => !a.public) },
            }
          : null,
    )
    .filter((i): i is PackItem => i !== null);
  const nonPublicPages = paginate(nonPublicItems, 1, () => true);
  return {
    publicPack: { ...base, items: publicItems, pageCount: publicPages },
    nonPublicPack: { ...base, items: nonPublicItems, pageCount: nonPublicPages },
  };
}

/**
 * The full pack (for those who may read Part 2): every item of the public
 * pack in order, Part 2 reports and the non-public appendices of Part 1
 * reports in their places, numbered afresh.
 */
export function fullPack(publicPack: Pack, nonPublicPack: Pack): Pack {
  const more = new Map(nonPublicPack.items.map((i) => [i.number, i]));
  const items: PackItem[] = publicPack.items.map((i) => {
    const np = more.get(i.number);
    if (!np?.report) return structuredClone(i);
    if (!i.report) return structuredClone(np);
    // A Part 1 report's entry in the non-public pack holds only its non-public appendices.
    const report = structuredClone(i.report);
    report.appendices.push(...structuredClone(np.report.appendices));
    return { ...structuredClone(i), report };
  });
  const pageCount = paginate(items, 2, () => true);
  return withGlossary({ ...publicPack, items, pageCount }, publicPack.glossary ?? null);
}

const TABLE_TYPES = new Set([
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/** Every text of the public pack a reader sees, with where it is, for disclosure control. */
export function publicTexts(
  pack: Pack,
  reports: ReadonlyMap<number, ReportBody>,
  fileTexts: ReadonlyMap<string, string | null> = new Map(),
): PublicText[] {
  const texts: PublicText[] = [];
  for (const i of pack.items) {
    const at = `Item ${i.number}`;
    texts.push({ where: `${at}, title`, text: i.title, markup: false });
    if (i.fromOfficer) texts.push({ where: `${at}, from`, text: i.fromOfficer, markup: false });
    if (i.component)
      texts.push({ where: `${at}, ${i.component.title}`, text: textOfHtml(i.component.html), markup: false });
    if (!i.report) continue;
    const c = i.report.cover;
    texts.push({
      where: `${at}, cover sheet`,
      text: [c.subject, c.corporateOutcomes, c.spending, c.reportOf, c.author, c.authorContact]
        .filter(Boolean)
        .join('\n'),
      markup: false,
    });
    const body = reports.get(i.number);
    for (const [k, heading] of SECTIONS)
      if (body?.[k]) texts.push({ where: `${at}, ${heading}`, text: body[k]!, markup: true });
    for (const [n, a] of i.report.appendices.entries())
      texts.push({
        where: `${at}, Appendix ${n + 1} (${a.title})`,
        text: a.file
          ? `${a.title}\n${a.file.filename}\n\n${fileTexts.get(a.file.appendixId) ?? ''}`
          : `${a.title}\n${textOfHtml(a.html)}`,
        // An uploaded CSV or workbook is read as tables, whose cells are checked for small numbers.
        markup: a.file !== undefined && TABLE_TYPES.has(a.file.contentType),
      });
  }
  if (pack.glossary?.entries.length)
    texts.push({ where: 'Glossary', text: glossaryText(pack.glossary), markup: false });
  return texts;
}
