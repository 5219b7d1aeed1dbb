/** The bench's long committee reports (bench/pack.ts): as long as asked, the same each time, and publishable. */
import { describe, expect, it } from 'vitest';
import { reportBody } from '../../bench/pack';
import { checkPublicTexts } from '../../src/modules/committee/disclosure';
import { CHARS_PER_PAGE, pagesOf, reportSections } from '../../src/modules/committee/pack';

const pagesOfBody = (seed: number, pages: number) =>
  pagesOf(
    reportSections(reportBody(seed, pages))
      .map((s) => s.html)
      .join(''),
  );

describe('reportBody', () => {
  it('fills about the pages asked for, as the pack estimates them', () => {
    for (const pages of [1, 4, 9]) {
      const got = pagesOfBody(3, pages);
      expect(got).toBeGreaterThanOrEqual(pages);
      expect(got).toBeLessThanOrEqual(pages + 2);
    }
  });

  it('gives the same text for the same seed and another for another', () => {
    expect(reportBody(5, 3)).toEqual(reportBody(5, 3));
    expect(reportBody(5, 3).mainReport).not.toEqual(reportBody(6, 3).mainReport);
  });

  it('has headings, lists and tables of measures', () => {
    const main = reportBody(1, 6).mainReport!;
    expect(main).toMatch(/^## /m);
    expect(main).toMatch(/^- /m);
    expect(main).toMatch(/^\| Measure \|/m);
  });

  it('holds nothing disclosure control flags, with an empty case register', () => {
    const body = reportBody(2, 9);
    const texts = Object.entries(body)
      .filter(([, text]) => text)
      .map(([where, text]) => ({ where, text: text as string, markup: true }));
    expect(texts.reduce((n, t) => n + t.text.length, 0)).toBeGreaterThan(9 * CHARS_PER_PAGE);
    expect(checkPublicTexts(texts, [])).toEqual([]);
  });
});
