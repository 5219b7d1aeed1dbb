/**
 * The public site's search: published public papers (each Part 1 item of the
 * latest public pack of every meeting) found by words in their titles and
 * text, within meeting dates, newest first, paged. Part 2 items are never
 * searched or listed, not even by title.
 */
import type { Db } from '../../platform/db/client';
import { latestPublications, type SearchablePack } from './appendix-repository';
import { textOfHtml } from './markup';

export const SEARCH_PAGE_SIZE = 20;

export interface SearchQuery {
  words: string;
  from?: string;
  to?: string;
  page: number;
}

export interface SearchHit {
  meetingId: string;
  date: string;
  committeeName: string;
  itemNumber: number;
  title: string;
  /** Some words around the first match, or the start of the text. */
  snippet: string;
}

/** The words searched for: lower-cased, at most ten, punctuation apart. */
export function searchWords(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[\p{L}\d][\p{L}\d'’-]*/gu) ?? [])].slice(0, 10);
}

function snippetOf(text: string, word: string | undefined): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = word ? flat.toLowerCase().indexOf(word) : -1;
  const start = Math.max(0, at - 80);
  const cut = flat.slice(start, start + 240);
  return `${start > 0 ? '…' : ''}${cut}${start + 240 < flat.length ? '…' : ''}`;
}

/** The public items of packs that hold every word, in the order of the packs given. */
export function matchPapers(
  packs: ReadonlyArray<{
    meetingId: string;
    date: string;
    committeeName: string;
    publicPack: SearchablePack;
  }>,
  words: readonly string[],
): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const p of packs)
    for (const i of p.publicPack.items) {
      if (i.part !== 1 || i.standard) continue;
      const body = i.report
        ? [
            i.report.cover.subject,
            ...i.report.sections.map((s) => `${s.heading}\n${textOfHtml(s.html)}`),
            ...i.report.appendices.filter((a) => a.public).map((a) => a.title),
          ].join('\n')
        : '';
      const all = `${i.title}\n${i.fromOfficer ?? ''}\n${body}`.toLowerCase();
      if (!words.every((w) => all.includes(w))) continue;
      hits.push({
        meetingId: p.meetingId,
        date: p.date,
        committeeName: p.committeeName,
        itemNumber: i.number,
        title: i.title,
        snippet: snippetOf(body || i.title, words[0]),
      });
    }
  return hits;
}

/** A page of hits and how many there are in all. */
export async function searchPublicPapers(
  db: Db,
  organisationId: string,
  query: SearchQuery,
): Promise<{ hits: SearchHit[]; total: number }> {
  const rows = await latestPublications(db, organisationId, { from: query.from, to: query.to });
  const all = matchPapers(rows, searchWords(query.words));
  const start = (query.page - 1) * SEARCH_PAGE_SIZE;
  return { hits: all.slice(start, start + SEARCH_PAGE_SIZE), total: all.length };
}
