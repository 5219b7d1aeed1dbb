/**
 * PDF documents: a self-contained HTML page printed by headless Chromium
 * (playwright-core), where both are installed; a service offers PDFs only
 * then (chromiumPath). Plans and the child's chronology print this way.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

function playwrightInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('playwright-core');
    return true;
  } catch {
    return false;
  }
}

/** Where Chromium is, if it (and the library that drives it) is installed: PDFs are offered only then. */
export function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(candidate) && playwrightInstalled() ? candidate : undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Print a self-contained HTML page (styles inline) to an A4 PDF (landscape
 * unless asked otherwise), with the protective marking at the top and foot of
 * every page.
 */
export async function htmlToPdf(
  html: string,
  marking: string,
  options: { landscape?: boolean } = {},
): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is not installed');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      landscape: options.landscape ?? true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="width:100%;text-align:center;font:bold 9px Arial,sans-serif">${escapeHtml(marking)}</div>`,
      footerTemplate: `<div style="width:100%;text-align:center;font:9px Arial,sans-serif"><b>${escapeHtml(marking)}</b> – page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
      margin: { top: '14mm', bottom: '14mm', left: '10mm', right: '10mm' },
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}

/** Prints self-contained HTML pages to A4 portrait PDFs, in order. */
export type HtmlPrinter = (htmls: readonly string[]) => Promise<Uint8Array[]>;

/** Pages printed at once in one session: Chromium lays each out in a renderer process of its own. */
const PRINTING_TABS = 2;

/**
 * One Chromium session for several print jobs (a committee pack's parts, then
 * its front sheet once their pages are counted): launched once, closed when
 * `work` is done. Pages are printed A4 portrait with no header or footer (the
 * caller stamps its own, as committee packs do with page numbers across the
 * whole pack); the bottom margin leaves room for that footer. Each job's
 * pages are printed a few at a time, in tabs of their own, and returned in
 * order.
 */
export async function printingSession<T>(work: (print: HtmlPrinter) => Promise<T>): Promise<T> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is not installed');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const tabs = await Promise.all(Array.from({ length: PRINTING_TABS }, () => browser.newPage()));
    const print: HtmlPrinter = async (htmls) => {
      const out: Uint8Array[] = new Array(htmls.length);
      let next = 0;
      await Promise.all(
        tabs.map(async (tab) => {
          for (let n = next++; n < htmls.length; n = next++) {
            await tab.setContent(htmls[n]!, { waitUntil: 'load' });
            out[n] = await tab.pdf({
              format: 'A4',
              printBackground: true,
              margin: { top: '18mm', bottom: '22mm', left: '18mm', right: '18mm' },
            });
          }
        }),
      );
      return out;
    };
    return await work(print);
  } finally {
    await browser.close();
  }
}

/** Print several self-contained HTML pages in a session of their own (printingSession). */
export function printHtmlDocuments(htmls: readonly string[]): Promise<Uint8Array[]> {
  return printingSession((print) => print(htmls));
}
